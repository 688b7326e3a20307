/**
 * Who a story credits and when it says it was published, when the source's metadata does not:
 * the byline's authors and agency, an agency inside an author field, a date the top lines show,
 * and a warning when no date is found. Sentences here are our own.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createStoryline } from '../../src/index.js';
import type { SourceDocument } from '../../src/input/types.js';
import { bylineCredit, isDeskCredit } from '../../src/text/index.js';

const storyline = createStoryline();
const body = 'Peru and Chile signed a fishing pact in Lima on Friday, officials said.\nThe accord sets quotas for anchovy boats until 2027.';

function source(text: string, fields: Partial<SourceDocument> = {}): SourceDocument {
  return { source: 'test', text, title: null, outlet: null, author: null, agency: null, url: null, published: null, published_source: null, ...fields };
}

test('a byline names the authors and the agency; its date and place are no names', () => {
  assert.deepEqual(bylineCredit('By Ana Ruiz and Luis Soto, Associated Press'), { author: 'Ana Ruiz, Luis Soto', agency: 'AP' });
  assert.deepEqual(bylineCredit('By José Muñoz — 16 May 2025'), { author: 'José Muñoz', agency: null });
  assert.deepEqual(bylineCredit('Story by Agence France-Presse (AFP)'), { author: null, agency: 'AFP' });
  assert.deepEqual(bylineCredit('By Ana Ruiz in Lima, Staff Writer'), { author: 'Ana Ruiz', agency: null });
  assert.deepEqual(bylineCredit('Pierre Martin, AFP', false), { author: 'Pierre Martin', agency: 'AFP' });
  assert.deepEqual(bylineCredit('Lima desk staff', false), { author: 'Lima desk staff', agency: null });
});

test('the document takes its author from the byline when the metadata has none or fewer, and splits an agency off an author field', () => {
  const byline = storyline.analyze(source(`By Ana Ruiz and Luis Soto, Associated Press\n${body}`, { published: '2024-05-10', published_source: 'given' }));
  assert.equal(byline.document.author, 'Ana Ruiz, Luis Soto');
  assert.equal(byline.document.agency, 'AP');
  const fewer = storyline.analyze(source(`By Ana Ruiz and Luis Soto\n${body}`, { author: 'Ana Ruiz', published: '2024-05-10', published_source: 'given' }));
  assert.equal(fewer.document.author, 'Ana Ruiz, Luis Soto');
  const field = storyline.analyze(source(body, { author: 'Pierre Martin, AFP', published: '2024-05-10', published_source: 'given' }));
  assert.equal(field.document.author, 'Pierre Martin');
  assert.equal(field.document.agency, 'AFP');
});

test('a date the top lines show is the inferred publication date; with none, a warning says relative dates stay open', () => {
  const shown = storyline.analyze(source(`Fishing pact signed\nPublished 10 May 2024, 14:02 BST\n${body}`));
  assert.equal(shown.document.published, '2024-05-10');
  assert.equal(shown.document.published_source, 'inferred');
  assert.equal(shown.times.find((time) => time.text === 'Friday')?.value, '2024-05-10');
  assert.deepEqual(shown.warnings, []);
  const none = storyline.analyze(source(body));
  assert.equal(none.document.published, null);
  assert.match(none.warnings.join('\n'), /no publication date found/);
});

test('an author field that credits a desk gives way to the people the top byline names', () => {
  for (const desk of ['Andes Ledger Staff', 'Reuters Staff', 'Staff Reporter', 'Newsroom', 'Web Desk']) {
    const analysis = storyline.analyze(source(`By Ilse Varga, Reuters\n${body}`, { author: desk, outlet: 'Andes Ledger', published: '2024-05-10', published_source: 'given' }));
    assert.equal(analysis.document.author, 'Ilse Varga', desk);
    assert.equal(analysis.document.agency, 'Reuters', desk);
  }
  // An author field that is the outlet's own name is a desk credit too.
  const outlet = storyline.analyze(source(`By Ilse Varga and Tomas Brandt\n${body}`, { author: 'Andes Ledger', outlet: 'Andes Ledger', published: '2024-05-10', published_source: 'given' }));
  assert.equal(outlet.document.author, 'Ilse Varga, Tomas Brandt');
  // Without a byline the desk stays; a person in the author field is not replaced by another.
  assert.equal(storyline.analyze(source(body, { author: 'Web Desk', published: '2024-05-10', published_source: 'given' })).document.author, 'Web Desk');
  const person = storyline.analyze(source(`By Ilse Varga\n${body}`, { author: 'Tomas Brandt', published: '2024-05-10', published_source: 'given' }));
  assert.equal(person.document.author, 'Tomas Brandt');
});

test('desk credits are told from people', () => {
  for (const desk of ['Andes Ledger Staff', 'Staff Reporter', 'Newsroom', 'Web Desk', 'Global Desk staff', 'Editorial Board', 'Our Correspondent']) assert.ok(isDeskCredit(desk), desk);
  for (const person of ['Ilse Varga', 'Tomas Brandt', 'Ana de la Cruz']) assert.ok(!isDeskCredit(person), person);
});
