// The POS model (tagger + lemmatiser) trained on a small slice of EWT train: clearly beats the
// most-frequent-tag baseline on dev, is deterministic given a seed, and survives a save/load
// round trip with identical predictions; the word list lifts the tags of words training never showed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sharedPath } from '../../src/paths.js';
import { readConllu, type ConlluSentence } from '../../src/language/conllu.js';
import { loadPosModel, savePosModel, scorePosModel, trainPosModel } from '../../src/language/pos-model.js';
import { editScriptOf } from '../../src/language/lemmatizer.js';
import { wordTagLexicon } from '../../src/language/word-list.js';

const treebank = (split: string): string => sharedPath('corpora', 'ud-english-ewt', `en_ewt-ud-${split}.conllu`);
const train = readConllu(treebank('train'), 400);
const dev = readConllu(treebank('dev'), 250);

/** UPOS accuracy of tagging each word with its most frequent training tag (NOUN when unseen). */
function mostFrequentTagBaseline(training: readonly ConlluSentence[], evaluation: readonly ConlluSentence[]): number {
  const counts = new Map<string, Map<string, number>>();
  for (const sentence of training) {
    sentence.words.forEach((word, i) => {
      const byTag = counts.get(word) ?? new Map<string, number>();
      byTag.set(sentence.upos[i], (byTag.get(sentence.upos[i]) ?? 0) + 1);
      counts.set(word, byTag);
    });
  }
  let correct = 0;
  let total = 0;
  for (const sentence of evaluation) {
    sentence.words.forEach((word, i) => {
      const byTag = counts.get(word);
      const guess = byTag ? [...byTag].sort((a, b) => b[1] - a[1])[0][0] : 'NOUN';
      if (guess === sentence.upos[i]) correct++;
      total++;
    });
  }
  return (100 * correct) / total;
}

test('a POS model trained on a small slice beats the most-frequent-tag baseline', () => {
  const model = trainPosModel(train, { iterations: 3, seed: 7 });
  const scores = scorePosModel(model, dev);
  const baseline = mostFrequentTagBaseline(train, dev);
  assert.ok(scores.upos > baseline + 5, `UPOS ${scores.upos} vs baseline ${baseline.toFixed(2)}`);
  assert.ok(scores.xpos > 75, `XPOS ${scores.xpos}`);
  assert.ok(scores.lemma > 85, `lemma ${scores.lemma}`);
});

test('training is deterministic given a seed and the saved model predicts identically', () => {
  const lexicon = wordTagLexicon();
  const first = trainPosModel(train.slice(0, 150), { iterations: 2, seed: 3, lexicon });
  const second = trainPosModel(train.slice(0, 150), { iterations: 2, seed: 3, lexicon });
  const dir = mkdtempSync(path.join(tmpdir(), 'storyline-pos-'));
  savePosModel(path.join(dir, 'a.bin.gz'), first);
  savePosModel(path.join(dir, 'b.bin.gz'), second);
  const loaded = loadPosModel(path.join(dir, 'a.bin.gz'));
  const reloaded = loadPosModel(path.join(dir, 'b.bin.gz'));
  for (const sentence of dev.slice(0, 60)) {
    const expected = first.tagger.tag(sentence.words);
    assert.deepEqual(loaded.tagger.tag(sentence.words), expected);
    assert.deepEqual(reloaded.tagger.tag(sentence.words), expected);
    assert.deepEqual(loaded.lemmatizer.lemmatize(sentence.words, expected.xpos), first.lemmatizer.lemmatize(sentence.words, expected.xpos));
  }
});

test('edit scripts describe suffix edits, case changes and whole-word replacements', () => {
  assert.equal(editScriptOf('walked', 'walk'), 'keep|2|');
  assert.equal(editScriptOf('Walked', 'walk'), 'lower|2|');
  assert.equal(editScriptOf('Studies', 'study'), 'lower|3|y');
  assert.equal(editScriptOf('Paris', 'Paris'), 'keep|0|');
  assert.equal(editScriptOf('me', 'I'), 'set|I');
});

test('a word seen often in training is only given tags it took there', () => {
  const model = trainPosModel(train, { iterations: 2, seed: 5 });
  const seen = new Map<string, { count: number; tags: Set<string> }>();
  for (const sentence of train) {
    sentence.words.forEach((word, i) => {
      const entry = seen.get(word) ?? { count: 0, tags: new Set<string>() };
      entry.count++;
      entry.tags.add(sentence.upos[i] + ' ' + sentence.xpos[i]);
      seen.set(word, entry);
    });
  }
  let checked = 0;
  for (const sentence of dev) {
    const tags = model.tagger.tag(sentence.words);
    sentence.words.forEach((word, i) => {
      const entry = seen.get(word);
      if (!entry || entry.count < 20) return;
      checked++;
      assert.ok(entry.tags.has(tags.upos[i] + ' ' + tags.xpos[i]), `${word} tagged ${tags.upos[i]} ${tags.xpos[i]}, never seen so in training`);
    });
  }
  assert.ok(checked > 1000, `${checked} frequent words checked`);
});

test('the word list lifts the tags of words the training slice never showed', () => {
  const seen = new Set(train.flatMap((sentence) => sentence.words));
  const unseenAccuracy = (model: ReturnType<typeof trainPosModel>): number => {
    let correct = 0;
    let total = 0;
    for (const sentence of dev) {
      const tags = model.tagger.tag(sentence.words);
      sentence.words.forEach((word, i) => {
        if (seen.has(word)) return;
        total++;
        if (tags.upos[i] === sentence.upos[i]) correct++;
      });
    }
    assert.ok(total > 300, `${total} unseen words`);
    return (100 * correct) / total;
  };
  const without = unseenAccuracy(trainPosModel(train, { iterations: 3, seed: 7 }));
  const withList = unseenAccuracy(trainPosModel(train, { iterations: 3, seed: 7, lexicon: wordTagLexicon() }));
  assert.ok(withList > without + 3, `unseen words: ${withList.toFixed(2)} with the word list, ${without.toFixed(2)} without`);
});
