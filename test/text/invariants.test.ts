// Property-style checks over many generated texts, the seed articles and rebuilt treebank text:
// every span slices to its text, spans are ordered and nested (tokens in sentences, sentences in
// blocks), sentence edges are never whitespace, and no visible character of a block is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { structureText } from '../../src/text/index.js';
import { readGoldDocuments } from '../../src/text/goldText.js';
import { sharedPath } from '../../src/paths.js';

const FRAGMENTS = [
  'The U.S. envoy arrived.',
  '“Are we done?” he asked…',
  'Prices rose 4.5% to $1,200.50 (a record).',
  "It's the voters' call, isn't it?",
  '- Reporting by Lena Park',
  'WARSAW (Reuters) - Rain fell',
  'Contact: desk@example.org or https://example.org/x?y=1.',
  'Gen. J. K. Smith, e.g. the ex-mayor — left!!',
  'Read also:',
  'Talks Collapse',
  '   ',
  '#vote2025 @desk :-) ... ??',
  'naïve café owners’ “déjà vu”',
  '😀 emoji and tabs\there',
];
const SEPARATORS = [' ', '\n', '\n\n', '  ', '\r\n', ''];

function generatedTexts(): string[] {
  const texts: string[] = [];
  for (let seed = 0; seed < 300; seed++) {
    const parts: string[] = [];
    const length = 2 + (seed % 7);
    for (let position = 0; position < length; position++) {
      parts.push(FRAGMENTS[(seed * 7 + position * 13 + position * position) % FRAGMENTS.length]);
      parts.push(SEPARATORS[(seed + position * 5) % SEPARATORS.length]);
    }
    texts.push(parts.join(''));
  }
  return texts;
}

function checkInvariants(text: string): void {
  const { blocks, sentences, tokens } = structureText(text);
  let previousEnd = 0;
  for (const block of blocks) {
    assert.ok(block.start >= previousEnd && block.end > block.start && block.end <= text.length);
    assert.ok(!text.slice(block.start, block.end).includes('\n'), 'a block never spans lines');
    previousEnd = block.end;
  }
  previousEnd = 0;
  for (const [index, sentence] of sentences.entries()) {
    const block = blocks[sentence.block];
    assert.ok(sentence.start >= block.start && sentence.end <= block.end, 'sentence inside its block');
    assert.ok(sentence.start >= previousEnd, 'sentences ordered');
    assert.doesNotMatch(text[sentence.start], /\s/);
    assert.doesNotMatch(text[sentence.end - 1], /\s/);
    assert.ok(sentence.tokenEnd > sentence.tokenStart);
    assert.equal(tokens[sentence.tokenStart].start, sentence.start);
    assert.equal(tokens[sentence.tokenEnd - 1].end, sentence.end);
    for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) assert.equal(tokens[t].sentence, index);
    previousEnd = sentence.end;
  }
  previousEnd = 0;
  for (const token of tokens) {
    assert.equal(token.text, text.slice(token.start, token.end));
    assert.ok(token.start >= previousEnd && token.end > token.start, 'tokens ordered, non-empty');
    assert.doesNotMatch(token.text, /\s/);
    previousEnd = token.end;
  }
  // Every visible character of a block is inside some token, except a leading bullet.
  const covered = new Uint8Array(text.length);
  for (const token of tokens) covered.fill(1, token.start, token.end);
  for (const block of blocks) {
    const bullet = /^[-•*–—]\s+/.exec(text.slice(block.start, block.end));
    for (let i = block.start + (bullet ? bullet[0].length : 0); i < block.end; i++) {
      if (!/\s/.test(text[i])) assert.equal(covered[i], 1, `character ${JSON.stringify(text[i])} at ${i} lost`);
    }
  }
}

test('invariants hold on generated texts', () => {
  for (const text of generatedTexts()) checkInvariants(text);
});

test('invariants hold on the seed articles and on rebuilt EWT documents', () => {
  for (const name of ['000_e6b9d41a665ebffb.txt', '002_07fddadd5ebe1183.txt']) {
    checkInvariants(readFileSync(sharedPath('seeds', name), 'utf8'));
  }
  for (const document of readGoldDocuments(sharedPath('corpora', 'ud-english-ewt', 'en_ewt-ud-dev.conllu'), 600)) {
    checkInvariants(document.text);
  }
});

test('pathological inputs are processed in linear time', () => {
  // Each of these once cost quadratic time in some scanner (e.g. e-mail look-ahead over a long chunk).
  for (const unit of ['Ab.Cd.', 'word-', 'x@', '"\'', "a'b", 'Mr. ', '1,', 'a_', '-=']) {
    const text = unit.repeat(Math.ceil(120_000 / unit.length));
    const started = performance.now();
    const structure = structureText(text);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 10_000, `${JSON.stringify(unit)} × ${text.length / unit.length}: ${elapsed.toFixed(0)} ms`);
    assert.ok(structure.tokens.length > 0);
  }
});
