import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { normalisePublished } from '../../src/input/dates.js';
import { readAll, readOne, scratch } from './helpers.js';

const files = scratch();

test('header lines become metadata and are removed from the text', async () => {
  const file = files.write(
    'headed.txt',
    'Title: Harbour reopens after storm\nOutlet: Coastal Courier\nURL: https://example.org/harbour\nPublished: 3 March 2024\nAuthor: Jo Bloggs\nAgency: Reuters\n\nThe harbour reopened on Monday.\nFerries resumed their routes.\n',
  );
  const document = await readOne(file);
  assert.equal(document.text, 'The harbour reopened on Monday.\nFerries resumed their routes.');
  assert.equal(document.title, 'Harbour reopens after storm');
  assert.equal(document.outlet, 'Coastal Courier');
  assert.equal(document.url, 'https://example.org/harbour');
  assert.equal(document.author, 'Jo Bloggs');
  assert.equal(document.agency, 'Reuters');
  assert.equal(document.published, '2024-03-03');
  assert.equal(document.published_source, 'header');
  assert.equal(document.source, file);
});

test('header aliases are understood and unknown keys in the header block are dropped', async () => {
  const file = files.write('aliases.txt', 'Headline: Talks resume\nSource: Wire Service\nDate: 2023-04-05\nSection: World\n\nDelegations returned to the table.\n');
  const document = await readOne(file);
  assert.equal(document.text, 'Delegations returned to the table.');
  assert.equal(document.title, 'Talks resume');
  assert.equal(document.outlet, 'Wire Service');
  assert.equal(document.published, '2023-04-05');
});

test('an opening line that only looks like a key is kept as text', async () => {
  const file = files.write('dateline.txt', 'Geneva: negotiators met again on Friday.\n\nNo agreement was reached.\n');
  const document = await readOne(file);
  assert.ok(document.text.startsWith('Geneva: negotiators met'));
  assert.equal(document.title, null);
  assert.equal(document.published, null);
  assert.equal(document.published_source, null);
});

test('a given publication date overrides the header', async () => {
  const file = files.write('given.txt', 'published: 2020-01-01\n\nSomething happened yesterday.\n');
  const document = await readOne(file, { published: '2025-08-07' });
  assert.equal(document.published, '2025-08-07');
  assert.equal(document.published_source, 'given');
});

test('an invalid given date is a failure for each input, not a throw', async () => {
  const file = files.write('any.txt', 'Some text here.\n');
  const outcomes = await readAll([file, file], { published: 'next Tuesday' });
  assert.equal(outcomes.length, 2);
  for (const outcome of outcomes) {
    assert.equal(outcome.ok, false);
    if (!outcome.ok) assert.match(outcome.failure.reason, /not a date/);
  }
});

test('CRLF and CR become LF, a BOM is stripped, text is NFC, quotes and dashes are kept', async () => {
  const decomposed = 'Cafe\u0301';
  const file = files.write('crlf.txt', `\uFEFF“Quoted” — line one\r\nline two\rline three ${decomposed}\r\n`);
  const document = await readOne(file);
  assert.equal(document.text, '“Quoted” — line one\nline two\nline three Café');
  assert.equal(document.text.normalize('NFC'), document.text);
});

test('UTF-16 with a byte-order mark is decoded, little and big endian', async () => {
  const text = 'Crowds gathered in the square — “peacefully”, officials said.';
  const littleEndian = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const bigEndian = Buffer.from(littleEndian);
  bigEndian.swap16();
  assert.equal((await readOne(files.write('le.txt', littleEndian))).text, text);
  assert.equal((await readOne(files.write('be.txt', bigEndian))).text, text);
});

test('stdin is read for "-"', async () => {
  const stdin = Readable.from([Buffer.from('title: From a pipe\n\nPiped text arrives '), Buffer.from('in two chunks.\n')]);
  const document = await readOne('-', { stdin });
  assert.equal(document.source, '-');
  assert.equal(document.title, 'From a pipe');
  assert.equal(document.text, 'Piped text arrives in two chunks.');
});

test('empty stdin is a failure', async () => {
  const outcomes = await readAll(['-'], { stdin: Readable.from([]) });
  assert.equal(outcomes.length, 1);
  assert.ok(!outcomes[0].ok && outcomes[0].failure.source === '-' && /standard input is empty/.test(outcomes[0].failure.reason));
});

test('publication dates are normalised from the forms sources use', () => {
  assert.equal(normalisePublished('2025-08-07T23:30:00-04:00'), '2025-08-07');
  assert.equal(normalisePublished('Thu, 07 Aug 2025 10:00:00 GMT'), '2025-08-07');
  assert.equal(normalisePublished('August 7, 2025'), '2025-08-07');
  assert.equal(normalisePublished('7 Sept 2025'), '2025-09-07');
  assert.equal(normalisePublished('2025/8/7'), '2025-08-07');
  assert.equal(normalisePublished('07.08.2025'), '2025-08-07');
  assert.equal(normalisePublished('2025-02-30'), null);
  assert.equal(normalisePublished('yesterday'), null);
});
