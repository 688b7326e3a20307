// Pages that are less than one whole article are still analysed, with a warning: a listing or
// section page (many linked headlines, little running prose) and a paywalled page (JSON-LD
// isAccessibleForFree: false, or a subscription barrier after a few paragraphs). Pages and
// sentences here are our own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createStoryline } from '../../src/index.js';
import { readOne, scratch } from './helpers.js';

const files = scratch();
const storyline = createStoryline();

const prose = (topic: string): string =>
  `Harbour officials in Valdora said the ${topic} had been discussed for weeks, and dock workers who gathered outside the port gates on Friday evening described the mood as tense but calmer than the day before.`;

const head = (extra = ''): string =>
  `<head><meta charset="utf-8"><title>Harbour Gazette</title><meta property="og:site_name" content="Harbour Gazette"><meta property="article:published_time" content="2024-03-15T18:00:00+01:00">${extra}</head>`;

const teasers = [
  'Dock workers reject second pay offer',
  'Ferry timetable cut for the weekend',
  'Harbour board names new chair',
  'Fish market moves to the old customs hall',
  'Island routes to reopen in April',
  'Crane operators join the walkout',
]
  .map((headline, index) => `<li class="card"><a href="/news/${index}"><h3>${headline}</h3></a><p>A short line about story ${index + 1}.</p><time datetime="2024-03-1${index}">Mar 1${index}</time></li>`)
  .join('\n');

test('a section front is analysed with a warning that it is a listing, not an article', async () => {
  const html = `<!doctype html><html>${head()}<body><main><h1>Port news</h1><ul class="cards">${teasers}</ul></main></body></html>`;
  const document = await readOne(files.write('section.html', html));
  assert.deepEqual(document.notices?.map((notice) => notice.kind), ['listing']);
  const analysis = storyline.analyze(document);
  assert.match(analysis.warnings.join('\n'), /listing or section page, not an article \(6 linked headlines, 0 paragraphs of running prose\)/);
  assert.ok(analysis.blocks.length > 0, 'still analysed');
  // Declared by JSON-LD, fewer teasers are enough.
  const declared = `<!doctype html><html>${head('<script type="application/ld+json">{"@type":"CollectionPage","name":"Port news"}</script>')}<body><main><ul>${teasers.split('\n').slice(0, 3).join('\n')}</ul><p>${prose('reorganisation of the news pages')}</p></main></body></html>`;
  const collection = await readOne(files.write('collection.html', declared));
  assert.match(storyline.analyze(collection).warnings.join('\n'), /listing or section page.*marked CollectionPage/);
});

test('a paywalled page is analysed with a warning that it may be cut short', async () => {
  const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Strike ends","isAccessibleForFree":"False","hasPart":{"@type":"WebPageElement","isAccessibleForFree":"False","cssSelector":".locked"}}</script>';
  const declared = `<!doctype html><html>${head(ld)}<body><article><p>${prose('pay offer')}</p><p>${prose('ferry timetable')}</p></article></body></html>`;
  const notFree = storyline.analyze(await readOne(files.write('declared.html', declared)));
  assert.match(notFree.warnings.join('\n'), /cut short by a paywall: the page marks it as not free \(isAccessibleForFree: false\); only 2 paragraphs/);
  // No JSON-LD, but a barrier box after two paragraphs.
  const barrier = `<!doctype html><html>${head()}<body><article><div class="story"><p>${prose('pay offer')}</p><p>${prose('ferry timetable')}</p>
    <div class="offer-barrier"><h2>This article is for subscribers only</h2><p>Subscribe to continue reading and get the whole Harbour Gazette.</p></div></div></article></body></html>`;
  const document = await readOne(files.write('barrier.html', barrier));
  assert.ok(!document.text.includes('subscribers only'), 'the barrier itself is not text');
  assert.match(storyline.analyze(document).warnings.join('\n'), /cut short by a paywall: shows a subscription barrier \("This article is for subscribers only"\)/);
});

test('an ordinary article with a sign-up box, a related-links list and a few links, or a live blog, gets no page warning', async () => {
  const related = '<h2>More on the strike</h2><ul><li><a href="/a">Union ballot opens</a></li><li><a href="/b">Ferries cancelled again</a></li><li><a href="/c">Board defends pay offer</a></li></ul>';
  const html = `<!doctype html><html>${head()}<body><article><h1>Strike ends at Valdora port</h1>
    ${['pay offer', 'ferry timetable', 'safety review', 'night shift rota', 'terminal closure', 'crane repairs'].map((topic) => `<p>${prose(topic)} <a href="/x">Read the ballot</a>.</p>`).join('\n')}
    ${related}
    <div class="newsletter"><p>Subscribe to our newsletter to read more stories like this.</p></div>
  </article></body></html>`;
  const document = await readOne(files.write('ordinary.html', html));
  assert.equal(document.notices, undefined);
  assert.deepEqual(storyline.analyze(document).warnings, []);
  // A live blog whose entry headings link to the entries themselves is no listing.
  const entries = ['pay offer', 'ferry timetable', 'safety review', 'night shift rota', 'terminal closure', 'crane repairs']
    .map((topic, index) => `<div class="entry"><h2><a href="#entry-${index}">Update on the ${topic}</a></h2><p>${prose(topic)}</p></div>`)
    .join('\n');
  const live = await readOne(files.write('live.html', `<!doctype html><html>${head()}<body><article><div class="live-blog">${entries}</div></article></body></html>`));
  assert.equal(live.notices, undefined);
});
