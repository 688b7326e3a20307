// The speed caches of the tagger, the relation labeller and the NER model change no output: a model
// that keeps per-word sums and tag-dependent scores across sentences gives exactly what the plain
// path, scoring every feature afresh, gives, both while it fills its caches and once they are full
// of other sentences' entries; and the row-model piecewise sums they rely on equal one look-up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedPath } from '../../src/paths.js';
import { readConllu } from '../../src/language/conllu.js';
import { loadPosModel } from '../../src/language/pos-model.js';
import { loadDepsModel } from '../../src/language/deps-model.js';
import { loadNerModel } from '../../src/language/ner.js';
import { readNerFile } from '../../src/language/nerCorpus.js';
import { isAllCapsSentence } from '../../src/language/nerFeatures.js';
import { AveragedPerceptron, hashFeature } from '../../src/language/perceptron.js';
import { trainToyPerceptron } from './toy-perceptron.js';
import { resourcePath } from '../../src/paths.js';

const treebank = readConllu(sharedPath('corpora', 'ud-english-ewt', 'en_ewt-ud-dev.conllu'), 400);
const ewtDev = treebank.map((sentence) => sentence.words);

/** Sentences of my own, in the casings the tagger reads differently (headline, all capitals, lower case). */
const ownSentences = [
  ['The', 'ministry', 'said', 'on', 'Tuesday', 'that', 'talks', 'would', 'resume', 'in', 'Geneva', '.'],
  ['Ceasefire', 'Talks', 'Stall', 'As', 'Shelling', 'Resumes', 'Near', 'Border'],
  ['PROTESTERS', 'BLOCK', 'THE', 'ROAD', 'TO', 'THE', 'AIRPORT'],
  ['i', 'flew', 'to', 'lisbon', 'last', 'week', 'and', 'it', 'rained', 'every', 'day'],
];

test('the tagger with kept per-word sums tags exactly as when it scores every feature afresh', () => {
  const file = resourcePath('models', 'pos.bin.gz');
  const used = loadPosModel(file).tagger;
  const plain = loadPosModel(file).tagger;
  assert.ok(used.forward.rowSummable, 'the shipped tagger sums rows piecewise');
  const sentences = [...ownSentences, ...ewtDev];
  // First while the caches fill, then reading sums made for the same words in other sentences.
  for (const words of sentences) assert.deepEqual(used.tag(words), plain.tag(words, false), words.join(' '));
  for (const words of sentences.slice().reverse()) assert.deepEqual(used.tag(words), plain.tag(words, false), words.join(' '));
});

test('the relation labeller with kept per-word sums labels exactly as when it scores every feature afresh', () => {
  const file = resourcePath('models', 'deps.bin.gz');
  const used = loadDepsModel(file).labeller;
  const plain = loadDepsModel(file).labeller;
  assert.ok(used.model.rowSummable, 'the shipped labeller sums rows piecewise');
  const arcs = treebank.map(({ words, upos, xpos, heads }) => ({ words, upos, xpos, heads }));
  for (const input of arcs) assert.deepEqual(used.label(input), plain.label(input, false), input.words.join(' '));
  for (const input of arcs.slice().reverse()) assert.deepEqual(used.label(input), plain.label(input, false), input.words.join(' '));
});

test('the NER model keeping tag scores and buffers across documents tags as a fresh search does', () => {
  const documents = readNerFile(sharedPath('corpora', 'conll2003', 'valid.txt'))
    .slice(0, 40)
    .map((document) => document.sentences.map((sentence) => sentence.words));
  documents.push(ownSentences);
  const used = loadNerModel();
  for (const document of documents.slice().reverse()) used.recogniseDocument(document);
  let names = 0;
  for (const document of documents) {
    const kept = used.recogniseDocument(document);
    assert.deepEqual(kept, used.recogniseDocument(document, { cached: false }));
    names += kept.flatMap((result) => result.tags).filter((tag) => tag.startsWith('B-')).length;
  }
  assert.ok(names > 100, `the documents hold names (${names})`);
});

test('a loaded many-class model summed row-wise in pieces gives exactly the scores of one look-up', () => {
  const classes = 9;
  const toy = (index: number): Int32Array =>
    Int32Array.of(hashFeature(1, index % 5), hashFeature(2, index % 3), hashFeature(3, index % 11), hashFeature(4, index % 2), hashFeature(5, 7));
  const model = trainToyPerceptron(classes, 400, toy, (i) => (i * 5) % classes);
  assert.equal(model.rowSummable, false, 'a model in training sums floats');
  const loaded = AveragedPerceptron.deserialize(model.serialize());
  assert.equal(loaded.rowSummable, true);
  const whole = new Float32Array(classes);
  const pieced = new Float32Array(classes);
  const candidates = Int32Array.of(1, 4, 6);
  for (let i = 0; i < 80; i++) {
    const features = toy(i);
    loaded.score(features, features.length, whole);
    const own = new Int32Array(classes);
    loaded.addQuantisedRows(features.subarray(0, 2), 2, own);
    const sums = own.slice();
    loaded.addQuantisedRows(features.subarray(2), 3, sums);
    loaded.scoresFromQuantised(sums, 0, pieced);
    assert.deepEqual(pieced, whole);
    // Restricted to candidates, the candidates' scores are those of scoreCandidates.
    const restricted = own.slice();
    loaded.addQuantisedRows(features.subarray(2), 3, restricted, candidates, candidates.length);
    loaded.scoresFromQuantised(restricted, 0, pieced);
    const expected = new Float32Array(classes);
    loaded.scoreCandidates(features, features.length, candidates, candidates.length, expected);
    for (const c of candidates) assert.equal(pieced[c], expected[c]);
  }
  assert.ok(whole.some((value) => value !== 0), 'the toy model has learned weights');
});

test('a sentence in capitals is recognised with accented and ASCII words alike', () => {
  assert.equal(isAllCapsSentence(['ÉTAT', 'DE', 'SIÈGE', 'À', 'BAKOU']), true);
  assert.equal(isAllCapsSentence(['État', 'de', 'siège', 'à', 'Bakou']), false);
  assert.equal(isAllCapsSentence(['STORM', 'HITS', 'COAST', 'near', 'town', 'today']), false);
  assert.equal(isAllCapsSentence(['STORM', 'HITS', 'CÔTE', 'D’IVOIRE', ',', '12', 'DEAD']), true);
});
