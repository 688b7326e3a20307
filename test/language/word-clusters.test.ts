// Word clusters from pre-trained embeddings: both file formats are read, k-means groups words whose
// vectors point the same way (deterministically), the clusters survive the model file, and a parser
// trained with them reads them (its weights differ from one trained without).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sharedPath } from '../../src/paths.js';
import { readConllu } from '../../src/language/conllu.js';
import { loadDepsModel, saveDepsModel, trainDepsModel } from '../../src/language/deps-model.js';
import { WordClusters, coarseCluster, fineCluster, kMeans, readEmbeddings } from '../../src/language/word-clusters.js';
import type { WordEmbeddings } from '../../src/language/word-clusters.js';
import { hashString } from '../../src/language/perceptron.js';
import { runCli } from '../helpers/cli.js';

const directory = mkdtempSync(path.join(tmpdir(), 'storyline-clusters-'));
test.after(() => rmSync(directory, { recursive: true, force: true }));

/** Two families of words: vectors near the x axis (capitals) and near the y axis (verbs of saying). */
const family = {
  paris: [1, 0.1, 0],
  berlin: [0.9, 0.2, 0.1],
  rome: [1, 0, 0.2],
  said: [0.1, 1, 0],
  told: [0.2, 0.9, 0.1],
  stated: [0, 1, 0.1],
};

function gloveFile(): string {
  const file = path.join(directory, 'vectors.txt');
  writeFileSync(file, Object.entries(family).map(([word, vector]) => `${word} ${vector.join(' ')}`).join('\n') + '\n');
  return file;
}

test('reads GloVe text and wink-embeddings JSON alike, unit-length, in file order, up to a limit', async () => {
  const jsonFile = path.join(directory, 'vectors.json');
  const vectors = Object.fromEntries(Object.entries(family).map(([word, vector]) => [word, [...vector, 1.234]]));
  writeFileSync(jsonFile, JSON.stringify({ dimensions: 3, words: Object.keys(family), vectors }));
  const fromText = await readEmbeddings(gloveFile());
  const fromJson = await readEmbeddings(jsonFile);
  assert.deepEqual(fromText.words, Object.keys(family));
  assert.deepEqual(fromJson.words, fromText.words);
  assert.equal(fromText.dimensions, 3);
  assert.deepEqual([...fromJson.vectors], [...fromText.vectors]);
  const norm = Math.hypot(...fromText.vectors.subarray(0, 3));
  assert.ok(Math.abs(norm - 1) < 1e-6);
  assert.deepEqual((await readEmbeddings(gloveFile(), 2)).words, ['paris', 'berlin']);
});

test('a file that holds no vectors is refused with its name', async () => {
  const bad = path.join(directory, 'not-vectors.txt');
  writeFileSync(bad, 'this is an ordinary sentence of text\n');
  await assert.rejects(readEmbeddings(bad), /not-vectors\.txt.*not "word v1/);
  const badJson = path.join(directory, 'other.json');
  writeFileSync(badJson, '{"hello": 1}');
  await assert.rejects(readEmbeddings(badJson), /other\.json: not a word-embeddings JSON/);
});

test('k-means puts words with like vectors together, the same way every time', async () => {
  const embeddings: WordEmbeddings = await readEmbeddings(gloveFile());
  const assignment = kMeans(embeddings, 2);
  assert.equal(assignment[0], assignment[1]);
  assert.equal(assignment[0], assignment[2]);
  assert.equal(assignment[3], assignment[4]);
  assert.equal(assignment[3], assignment[5]);
  assert.notEqual(assignment[0], assignment[3]);
  assert.deepEqual([...kMeans(embeddings, 2)], [...assignment]);
});

test('clusters are looked up by lower-case word hash and survive encoding', async () => {
  const clusters = WordClusters.learn(await readEmbeddings(gloveFile()), { coarse: 2, fine: 3 });
  const packed = (word: string): number => clusters.packed(hashString(word));
  assert.equal(clusters.size, 6);
  assert.equal(coarseCluster(packed('paris')), coarseCluster(packed('rome')));
  assert.notEqual(coarseCluster(packed('paris')), coarseCluster(packed('said')));
  assert.ok(fineCluster(packed('told')) >= 1 && fineCluster(packed('told')) <= 3);
  assert.equal(packed('unheard-of'), 0);
  const decoded = WordClusters.decode(clusters.encode());
  for (const word of Object.keys(family)) assert.equal(decoded.packed(hashString(word)), packed(word));
});

test('a parser trained with clusters keeps them in its model file and learns from them', async () => {
  const sentences = readConllu(sharedPath('corpora', 'ud-english-ewt', 'en_ewt-ud-train.conllu'), 150);
  // Cluster the slice's own words by a made-up vector per tag, so the clusters carry tag-like information.
  const tagVector = new Map<string, number[]>();
  const lines = new Map<string, string>();
  for (const sentence of sentences) {
    sentence.words.forEach((word, i) => {
      const tag = sentence.upos[i];
      if (!tagVector.has(tag)) tagVector.set(tag, Array.from({ length: 8 }, (_, d) => ((tagVector.size * 7 + d * 3) % 11) - 5));
      const lower = word.toLowerCase();
      if (!lower.includes(' ') && !lines.has(lower)) lines.set(lower, `${lower} ${(tagVector.get(tag) as number[]).join(' ')}`);
    });
  }
  const file = path.join(directory, 'slice-vectors.txt');
  writeFileSync(file, [...lines.values()].join('\n') + '\n');
  const clusters = WordClusters.learn(await readEmbeddings(file), { coarse: 4, fine: 12 });
  const withClusters = trainDepsModel(sentences, { iterations: 2, seed: 3, beamWidth: 2, clusters });
  const without = trainDepsModel(sentences, { iterations: 2, seed: 3, beamWidth: 2 });
  assert.ok(!withClusters.parser.model.serialize().equals(without.parser.model.serialize()), 'the cluster features carry weights');

  const modelFile = path.join(directory, 'deps.bin.gz');
  saveDepsModel(modelFile, withClusters);
  const loaded = loadDepsModel(modelFile);
  assert.equal(loaded.parser.clusters?.size, clusters.size);
  for (const sentence of sentences.slice(0, 20)) {
    assert.deepEqual(loaded.parser.parse(sentence), loaded.parser.parse(sentence, { cached: false }));
    assert.deepEqual(loaded.parser.parse(sentence), withClusters.parser.parse(sentence, { cached: false }));
  }
});

test('the CLI takes --embeddings only for the parser', async () => {
  const result = await runCli(['train', 'pos', '--data', 'x.conllu', '--out', path.join(directory, 'x.bin.gz'), '--embeddings', gloveFile()]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /--embeddings is read only by deps/);
});
