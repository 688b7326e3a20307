// The HTML reader records the element each line of its text came from (heading, paragraph, list
// item, table row, blockquote, caption) as `lineHints`, and the analysis classifies blocks with
// them; plain text, JSON and feeds carry none. Pages and sentences here are our own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createStoryline } from '../../src/index.js';
import type { SourceDocument } from '../../src/input/types.js';
import { structureText } from '../../src/text/index.js';
import { readOne, scratch } from './helpers.js';

const files = scratch();
const storyline = createStoryline();

const prose = (topic: string): string =>
  `Harbour officials in Valdora said the ${topic} had been discussed for weeks, and dock workers who gathered outside the port gates on Friday evening described the mood as tense but calmer than the day before.`;

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Valdora dock strike: live updates | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2024-03-15T18:00:00+01:00">
</head><body><main><article>
<h1>Valdora dock strike: live updates</h1>
<div class="article-body">
<time datetime="2024-03-15T17:40:00+01:00">17:40 CET</time><h2>Union says talks will resume next week</h2>
<p>${prose('pay offer')}</p>
<p>The Ferry Timetable Stays Suspended</p>
<h3>How the strike began</h3>
<ul><li>Workers Rejected the First Offer</li><li>${prose('night shift rota')}</li></ul>
<blockquote><p>${prose('safety review')}</p></blockquote>
<table><caption>Ships handled in March</caption>
<thead><tr><th>Port</th><th>Ships in</th><th>Ships out</th></tr></thead>
<tbody><tr><td>Valdora</td><td>41</td><td>38</td></tr></tbody></table>
<p>${prose('closing of the terminal')}</p>
</div></article></main></body></html>`;

/** Each line of the document's text with the kind of the hint that covers it (`-` for none). */
function hintedLines(document: SourceDocument): Array<[string, string]> {
  let start = 0;
  return document.text.split('\n').map((line) => {
    const hint = document.lineHints?.find((candidate) => candidate.start === start && candidate.end === start + line.length);
    start += line.length + 1;
    return [hint?.kind ?? '-', line];
  });
}

test('an HTML page records the element each line came from', async () => {
  const document = await readOne(files.write('live.html', page));
  assert.deepEqual(hintedLines(document), [
    ['-', '17:40 CET'],
    ['heading', 'Union says talks will resume next week'],
    ['paragraph', prose('pay offer')],
    ['paragraph', 'The Ferry Timetable Stays Suspended'],
    ['heading', 'How the strike began'],
    ['list-item', 'Workers Rejected the First Offer'],
    ['list-item', prose('night shift rota')],
    ['quote', prose('safety review')],
    ['caption', 'Ships handled in March'],
    ['table-row', 'Port | Ships in | Ships out'],
    ['table-row', 'Valdora | 41 | 38'],
    ['paragraph', prose('closing of the terminal')],
  ]);
});

test("with the page's hints, a sentence-case <h2> is a heading, a title-case <p> is not, and a table row is one paragraph sentence", async () => {
  const document = await readOne(files.write('blocks.html', page));
  const { text } = document;
  const structure = structureText(text, { hints: document.lineHints });
  const kindOf = (line: string): string | undefined => structure.blocks.find((block) => text.slice(block.start, block.end) === line)?.kind;
  assert.equal(kindOf('Union says talks will resume next week'), 'heading');
  assert.equal(kindOf('How the strike began'), 'heading');
  assert.equal(kindOf('The Ferry Timetable Stays Suspended'), 'paragraph');
  assert.equal(kindOf('Workers Rejected the First Offer'), 'paragraph');
  assert.equal(kindOf('Valdora | 41 | 38'), 'paragraph');
  const row = text.indexOf('Port | Ships in');
  assert.deepEqual(
    structure.sentences.filter((sentence) => sentence.start >= row && sentence.start < text.indexOf('Valdora | 41')).map((sentence) => text.slice(sentence.start, sentence.end)),
    ['Port | Ships in | Ships out'],
  );
});

test('plain text, JSON and feed items carry no line hints; their table cells are joined by a space as before', async () => {
  const body = `<h2>Union says talks will resume next week</h2><p>${prose('pay offer')}</p><table><tr><td>Valdora</td><td>41</td></tr></table>`;
  const json = await readOne(files.write('item.json', JSON.stringify({ title: 'Strike', body })));
  assert.equal(json.lineHints, undefined);
  assert.match(json.text, /^Valdora 41$/m);
  const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title><item><title>Strike</title><description><![CDATA[${body}]]></description></item></channel></rss>`;
  const item = await readOne(files.write('feed.xml', feed));
  assert.equal(item.lineHints, undefined);
  const plain = await readOne(files.write('story.txt', `Union says talks will resume next week\n${prose('pay offer')}`));
  assert.equal(plain.lineHints, undefined);
  // The same markup as a page is hinted.
  const html = await readOne(files.write('item.html', `<html><body><article>${body}<p>${prose('rota')}</p></article></body></html>`));
  assert.equal(html.lineHints?.[0]?.kind, 'heading');
});

test("the page's line hints reach the analysis", async () => {
  const html = `<!doctype html><html><head><title>Harbour Gazette</title></head><body><article>
    <p>${prose('pay offer')}</p>
    <h2>Union says talks will resume next week</h2>
    <p>${prose('ferry timetable')}</p>
  </article></body></html>`;
  const analysis = storyline.analyze(await readOne(files.write('hinted.html', html)));
  const { text } = analysis.document;
  const heading = analysis.blocks.find((block) => text.slice(block.start, block.end) === 'Union says talks will resume next week');
  assert.equal(heading?.kind, 'heading');
});

test('a date line the page set as a paragraph still gives the inferred publication date', async () => {
  const html = `<!doctype html><html><head><title>Strike ends at Valdora port</title></head><body><article>
    <h1>Strike ends at Valdora port</h1>
    <p>Published 12 March 2024, 09:15</p>
    <p>${prose('pay offer')}</p>
    <p>${prose('ferry timetable')}</p>
  </article></body></html>`;
  const document = await readOne(files.write('dated.html', html));
  assert.equal(document.published, null);
  const analysis = storyline.analyze(document);
  assert.equal(analysis.document.published, '2024-03-12');
  assert.equal(analysis.document.published_source, 'inferred');
});

test('a desk named in the author meta gives way to the person the byline names', async () => {
  const html = `<!doctype html><html><head><title>Harbour Gazette</title><meta name="author" content="Harbour Gazette Staff"></head><body><article>
    <p>By Ilse Varga, Reuters</p>
    <p>${prose('pay offer')}</p>
    <p>${prose('ferry timetable')}</p>
  </article></body></html>`;
  const document = await readOne(files.write('desk.html', html));
  assert.equal(document.author, 'Harbour Gazette Staff');
  const analysis = storyline.analyze(document);
  assert.equal(analysis.document.author, 'Ilse Varga');
  assert.equal(analysis.document.agency, 'Reuters');
});
