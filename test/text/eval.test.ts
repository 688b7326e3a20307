// The `sentences` and `tokens` evaluations on a slice of UD English EWT dev, the rebuilt gold text
// they rely on, and the `sentences` trainer on a small slice of EWT train.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sentencesEval } from '../../src/eval/sentences.js';
import { tokensEval } from '../../src/eval/tokens.js';
import { sentencesTrainer } from '../../src/text/trainBoundaries.js';
import { readGoldDocuments, scoreSentences } from '../../src/text/goldText.js';
import { sharedPath } from '../../src/paths.js';

const DEV = sharedPath('corpora', 'ud-english-ewt', 'en_ewt-ud-dev.conllu');
const TRAIN = sharedPath('corpora', 'ud-english-ewt', 'en_ewt-ud-train.conllu');

test('gold documents rebuild the raw text with sentence and word spans (and their part-of-speech tags) that slice to the treebank forms', () => {
  const documents = readGoldDocuments(DEV, 200);
  assert.ok(documents.length > 5);
  const sentences = documents.reduce((sum, document) => sum + document.sentences.length, 0);
  assert.equal(sentences, 200);
  for (const document of documents) {
    assert.equal(document.unaligned, 0);
    for (const sentence of document.sentences) assert.doesNotMatch(document.text.slice(sentence.start, sentence.end), /^\s|\s$/);
    assert.equal(document.wordTags.length, document.words.length);
    for (const tag of document.wordTags) assert.match(tag, /^[A-Z]+$/);
    const firstWord = document.words[0];
    assert.equal(firstWord.start, 0);
  }
});

test('eval sentences on EWT dev reports P/R/F1 well above a meaningful floor', async () => {
  const report = await sentencesEval.run({ data: DEV, limit: 500 });
  assert.equal(report.json.task, 'sentences');
  assert.equal(report.json.n, 500);
  assert.ok((report.json.f1 as number) > 0.87, `F1 ${String(report.json.f1)}`);
  assert.ok((report.json.precision as number) > 0.89);
  assert.match(report.text, /F1 0\.\d{4}/);
});

test('the shipped sentence model holds its figure on the whole of EWT dev, well above the rules alone', async () => {
  const report = await sentencesEval.run({ data: DEV });
  const rulesOnly = scoreSentences(readGoldDocuments(DEV), null);
  assert.ok((report.json.f1 as number) > 0.895, `F1 ${String(report.json.f1)}`);
  assert.ok((report.json.f1 as number) > rulesOnly.f1 + 0.08, `model ${String(report.json.f1)}, rules ${rulesOnly.f1}`);
});

test('eval tokens on EWT dev reports word-span F1 near the treebank', async () => {
  const report = await tokensEval.run({ data: DEV, limit: 500 });
  assert.equal(report.json.task, 'tokens');
  assert.ok((report.json.n as number) > 5000);
  assert.ok((report.json.f1 as number) > 0.98, `F1 ${String(report.json.f1)}`);
});

test('train sentences learns a model file that evaluates above the rules-only splitter', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'storyline-sentences-'));
  try {
    const out = path.join(folder, 'sentences.bin.gz');
    await sentencesTrainer.train({ data: TRAIN, out, iterations: 3, limit: 4000, log: () => {} });
    assert.ok(existsSync(out));
    const trained = await sentencesEval.run({ data: DEV, limit: 800, model: out });
    const rulesOnly = scoreSentences(readGoldDocuments(DEV, 800), null);
    assert.ok((trained.json.f1 as number) > rulesOnly.f1 + 0.02, `trained F1 ${String(trained.json.f1)}, rules ${rulesOnly.f1}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
