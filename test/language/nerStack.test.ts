// Second-stage (stacked) NER: what the document features carry, and a jack-knifed two-stage model
// trained on a small slice, saved and loaded again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sharedPath } from '../../src/paths.js';
import { loadNerModel } from '../../src/language/ner.js';
import { readNerFile } from '../../src/language/nerCorpus.js';
import { evaluateNer } from '../../src/language/nerScore.js';
import { limitSentences, trainNerModel } from '../../src/language/nerTrainer.js';
import { stackedFeatures } from '../../src/language/nerStack.js';

const TYPES = ['PER', 'ORG', 'LOC'];

test('second-stage features tell a word how the rest of the document tagged it and the names it is part of', () => {
  const sentences = [
    'Nadia Orsk founded Pellow Hardware last spring .',
    'We bought paint at Pellow Hardware on Friday .',
    'The hardware aisle was empty .',
  ].map((sentence) => sentence.split(' '));
  const tagged = ['B-PER I-PER O B-ORG I-ORG O O O', 'O O O O O O O O O', 'O O O O O O'].map((tags) => tags.split(' '));
  const untagged = tagged.map((tags) => tags.map(() => 'O'));
  const withName = stackedFeatures(sentences, tagged, TYPES);
  const withoutName = stackedFeatures(sentences, untagged, TYPES);

  // The untagged repeat of the name hears of its tagged mention: two phrase-vote features per word.
  for (const i of [4, 5]) assert.equal(withName[1][i].length, withoutName[1][i].length + 2, `word ${i}`);
  // A name tagged once gets no vote from itself.
  for (const i of [3, 4]) assert.equal(withName[0][i].length, withoutName[0][i].length, `word ${i}`);
  // The same word elsewhere ("hardware" in lower case) carries the vote of its occurrences inside a name.
  assert.notDeepEqual(withName[2][1], withoutName[2][1]);
  // A word whose document has no other occurrence of it reads the same either way, but its own tag.
  assert.deepEqual(withName[2][4], withoutName[2][4]);
  assert.notDeepEqual(withName[0][0], withoutName[0][0], 'its own first-stage tag is a feature');
});

test('a two-stage model trained with jack-knifed first-stage tags learns, and survives saving', () => {
  const train = limitSentences(readNerFile(sharedPath('corpora', 'uner-english-ewt', 'en_ewt-ud-train.approx-cleaned.iob2')), 3000);
  const dev = limitSentences(readNerFile(sharedPath('corpora', 'uner-english-ewt', 'en_ewt-ud-dev.iob2')), 600);
  const options = { iterations: 4, seed: 5 };
  const single = trainNerModel(train, options);
  const stacked = trainNerModel(train, { ...options, stackFolds: 2 });
  assert.ok(stacked.parts.stageOne, 'the second stage carries its first stage');
  const singleF1 = evaluateNer(single, dev).f1;
  const stackedF1 = evaluateNer(stacked, dev).f1;
  assert.ok(stackedF1 > 0.4, `two-stage F1 ${stackedF1}`);
  assert.ok(stackedF1 > singleF1 - 0.03, `two-stage F1 ${stackedF1} far below one stage's ${singleF1}`);

  const dir = mkdtempSync(path.join(os.tmpdir(), 'storyline-ner-stack-'));
  try {
    const file = path.join(dir, 'stacked.bin.gz');
    stacked.save(file);
    const reloaded = loadNerModel(file);
    assert.ok(reloaded.parts.stageOne);
    const document = ['Lena Faro works at Brightwell Labs in Denver .', 'Brightwell hired Faro last year .'].map((s) => s.split(' '));
    assert.deepEqual(
      reloaded.recogniseDocument(document).map((result) => result.tags),
      stacked.recogniseDocument(document).map((result) => result.tags),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
