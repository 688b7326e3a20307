import assert from 'node:assert/strict';
import { openSync, closeSync, ftruncateSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { test } from 'node:test';
import { readAll, failureOf, readOne, scratch } from './helpers.js';

const files = scratch();

test('an empty file is one failure', async () => {
  assert.match(await failureOf(files.write('empty.txt', '')), /empty file/);
});

test('a whitespace-only file is one failure', async () => {
  assert.match(await failureOf(files.write('blank.txt', ' \n\n\t\n')), /no text/);
});

test('binary files are named by type: PNG, gzip, NUL bytes', async () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  assert.match(await failureOf(files.write('picture.txt', png)), /binary.*PNG/);
  assert.match(await failureOf(files.write('story.txt.gz', gzipSync('Some words of a story.'))), /binary.*gzip/);
  assert.match(await failureOf(files.write('nul.txt', Buffer.from('abc\u0000def and more text here', 'latin1'))), /binary content \(NUL bytes\)/);
  assert.match(await failureOf(files.write('utf16-no-bom.txt', Buffer.from('Text saved as UTF-16', 'utf16le'))), /UTF-16 text without a byte-order mark/);
});

test('invalid UTF-8 is a failure that says where', async () => {
  const bytes = Buffer.concat([Buffer.from('First line is fine.\nSecond has '), Buffer.from([0xc3, 0x28]), Buffer.from(' a bad byte.')]);
  const reason = await failureOf(files.write('latin.txt', bytes));
  assert.match(reason, /invalid UTF-8 at byte 31 \(line 2\)/);
});

test('a 50 MB file is refused before reading, naming size, limit and how to raise it', async () => {
  const file = path.join(files.dir, 'huge.txt');
  const handle = openSync(file, 'w');
  ftruncateSync(handle, 50 * 1024 * 1024);
  closeSync(handle);
  const reason = await failureOf(file);
  assert.match(reason, /50\.0 MiB/);
  assert.match(reason, /10\.0 MiB limit/);
  assert.match(reason, /--max-bytes|maxBytes/);
});

test('the size limit can be raised or lowered', async () => {
  const file = files.write('medium.txt', 'word '.repeat(300));
  assert.match(await failureOf(file, { maxBytes: 1000 }), /over the 1000 bytes limit/);
  assert.ok((await readOne(file, { maxBytes: 2000 })).text.startsWith('word word'));
});

test('a directory and a missing path are failures', async () => {
  const dir = path.join(files.dir, 'folder');
  mkdirSync(dir);
  assert.match(await failureOf(dir), /is a directory/);
  assert.match(await failureOf(path.join(files.dir, 'nowhere.txt')), /no such file/);
});

test('HTML with no article text is a failure', async () => {
  const page = '<!doctype html><html><head><title>Home</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav><div class="promo">Subscribe now</div><footer>© Example Media</footer></body></html>';
  assert.match(await failureOf(files.write('menu.html', page)), /no article text/);
});

test('truncated HTML still reads when it has text', async () => {
  const page = '<html><head><title>Cut short</title></head><body><article><p>The committee approved the budget after a long debate that ran late into the night on Wednesday.</p><p>Opposition members said they would challenge several of the spending lines in cou';
  const document = await readOne(files.write('cut.html', page));
  assert.match(document.text, /^The committee approved the budget/);
  assert.match(document.text, /\nOpposition members said .* in cou$/);
});

test('one bad input does not stop the batch, and each failure names its input', async () => {
  const good = files.write('good.txt', 'A perfectly ordinary report.\n');
  const empty = files.write('also-empty.txt', '');
  const missing = path.join(files.dir, 'missing.txt');
  const outcomes = await readAll([empty, good, missing, good]);
  assert.deepEqual(
    outcomes.map((outcome) => (outcome.ok ? `ok ${outcome.document.source}` : `fail ${outcome.failure.source}`)),
    [`fail ${empty}`, `ok ${good}`, `fail ${missing}`, `ok ${good}`],
  );
  for (const outcome of outcomes) if (!outcome.ok) assert.doesNotMatch(outcome.failure.reason, /\n/);
});
