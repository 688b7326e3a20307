// The dependency model (arc-eager parser + labeller) trained on a small slice of EWT train: clearly
// beats the attach-to-previous-word baseline on dev, every output is a well-formed tree, training
// is deterministic given a seed, and a saved model predicts identically after loading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sharedPath } from '../../src/paths.js';
import { readConllu } from '../../src/language/conllu.js';
import { loadDepsModel, saveDepsModel, scoreDepsModel, trainDepsModel } from '../../src/language/deps-model.js';
import { Labeller, observedLabelSets, unambiguousLabels } from '../../src/language/labeller.js';
import { Parser } from '../../src/language/parser.js';
import { AveragedPerceptron } from '../../src/language/perceptron.js';
import { annotateSentence, annotateSyntax, loadSyntaxModels } from '../../src/language/syntax.js';

const treebank = (split: string): string => sharedPath('corpora', 'ud-english-ewt', `en_ewt-ud-${split}.conllu`);
const train = readConllu(treebank('train'), 400);
const dev = readConllu(treebank('dev'), 250);

function attachToPreviousBaseline(): number {
  let correct = 0;
  let total = 0;
  for (const sentence of dev) {
    sentence.heads.forEach((head, i) => {
      if (head === i - 1) correct++;
      total++;
    });
  }
  return (100 * correct) / total;
}

/** The relations of the training slice, sorted, and each one's index. */
function trainingLabels(): { labels: string[]; labelIndex: Map<string, number> } {
  const labels = [...new Set(train.flatMap((sentence) => sentence.deprels))].sort();
  return { labels, labelIndex: new Map(labels.map((label, i) => [label, i])) };
}

/** True when heads form one tree: a single root and every word reaches it without a cycle. */
function isTree(heads: ArrayLike<number>): boolean {
  let roots = 0;
  for (let i = 0; i < heads.length; i++) {
    if (heads[i] === -1) roots++;
    let node = i;
    for (let steps = 0; node !== -1; steps++) {
      if (steps > heads.length) return false;
      node = heads[node];
    }
  }
  return roots === 1;
}

test('a parser trained on a small slice beats attach-to-previous and outputs trees', () => {
  const model = trainDepsModel(train, { iterations: 3, seed: 5 });
  const scores = scoreDepsModel(model, dev, dev);
  const baseline = attachToPreviousBaseline();
  assert.ok(scores.uas > baseline + 20, `UAS ${scores.uas} vs baseline ${baseline.toFixed(2)}`);
  assert.ok(scores.las > baseline + 10, `LAS ${scores.las}`);
  for (const sentence of dev.slice(0, 80)) assert.ok(isTree(model.parser.parse(sentence)));
});

test('parser training is deterministic given a seed and survives a save/load round trip', () => {
  const first = trainDepsModel(train.slice(0, 150), { iterations: 2, seed: 9 });
  const second = trainDepsModel(train.slice(0, 150), { iterations: 2, seed: 9 });
  const dir = mkdtempSync(path.join(tmpdir(), 'storyline-deps-'));
  saveDepsModel(path.join(dir, 'first.bin.gz'), first);
  saveDepsModel(path.join(dir, 'second.bin.gz'), second);
  assert.deepEqual(readFileSync(path.join(dir, 'second.bin.gz')), readFileSync(path.join(dir, 'first.bin.gz')));
  const loaded = loadDepsModel(path.join(dir, 'first.bin.gz'));
  for (const sentence of dev.slice(0, 60)) {
    const heads = first.parser.parse(sentence);
    assert.deepEqual(second.parser.parse(sentence), heads);
    assert.deepEqual(loaded.parser.parse(sentence), heads);
    const input = { ...sentence, heads };
    assert.deepEqual(loaded.labeller.label(input), first.labeller.label(input));
  }
});

test('a beam parser trains, outputs trees, keeps its width through save/load and parses the same with memoised scores', () => {
  const model = trainDepsModel(train.slice(0, 250), { iterations: 3, seed: 3, beamWidth: 3 });
  assert.equal(model.parser.beamWidth, 3);
  const scores = scoreDepsModel(model, dev, dev);
  assert.ok(scores.uas > attachToPreviousBaseline() + 15, `UAS ${scores.uas}`);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'storyline-beam-')), 'beam.bin.gz');
  saveDepsModel(file, model);
  const loaded = loadDepsModel(file);
  assert.equal(loaded.parser.beamWidth, 3);
  for (const sentence of dev.slice(0, 80)) {
    const memoised = loaded.parser.parse(sentence);
    assert.ok(isTree(memoised));
    assert.deepEqual(memoised, loaded.parser.parse(sentence, { cached: false }));
    assert.deepEqual(memoised, model.parser.parse(sentence));
  }
  const greedy = loadDepsModel(file, { beamWidth: 1 });
  assert.equal(greedy.parser.beamWidth, 1);
  for (const sentence of dev.slice(0, 40)) assert.ok(isTree(greedy.parser.parse(sentence)));
});

test('words whose relation their tags all but fix are labelled by lookup, and rightly', () => {
  const { labels, labelIndex } = trainingLabels();
  const pairs = unambiguousLabels(train, labelIndex);
  assert.ok(pairs.length >= 2 * 5, `${pairs.length / 2} dictionary entries`);
  // An untrained model gives every word the same label; with the dictionary, its words differ.
  const withDictionary = new Labeller(new AveragedPerceptron(labels.length, 4), labels, pairs);
  const without = new Labeller(new AveragedPerceptron(labels.length, 4), labels);
  let looked = 0;
  let right = 0;
  for (const sentence of dev) {
    const lookedUp = withDictionary.label(sentence);
    const modelled = without.label(sentence);
    sentence.words.forEach((_, i) => {
      if (lookedUp[i] === modelled[i]) return;
      looked++;
      if (lookedUp[i] === sentence.deprels[i]) right++;
    });
  }
  assert.ok(looked > 300, `${looked} words labelled by lookup`);
  assert.ok(right / looked > 0.97, `${right} of ${looked} looked-up labels right`);
});

test('each arc chooses among the relations its kind (tags, direction) took in training', () => {
  const { labels, labelIndex } = trainingLabels();
  // The relations seen per kind, counted here independently of the labeller.
  const kindOf = (upos: readonly string[], heads: readonly number[], i: number): string =>
    `${upos[i]} ${heads[i] < 0 ? 'ROOT' : upos[heads[i]]} ${heads[i] < 0 ? 0 : heads[i] < i ? 1 : 2}`;
  const seen = new Map<string, Set<string>>();
  for (const sentence of train) {
    sentence.words.forEach((_, i) => {
      const kind = kindOf(sentence.upos, sentence.heads, i);
      seen.set(kind, (seen.get(kind) ?? new Set()).add(sentence.deprels[i]));
    });
  }
  const restricted = new Labeller(new AveragedPerceptron(labels.length, 4), labels, [], observedLabelSets(train, labelIndex));
  const free = new Labeller(new AveragedPerceptron(labels.length, 4), labels);
  let known = 0;
  let differing = 0;
  for (const sentence of dev) {
    const chosen = restricted.label(sentence);
    const unrestricted = free.label(sentence);
    sentence.words.forEach((_, i) => {
      const allowed = seen.get(kindOf(sentence.upos, sentence.heads, i));
      if (!allowed) return;
      known++;
      assert.ok(allowed.has(chosen[i]), `${kindOf(sentence.upos, sentence.heads, i)}: ${chosen[i]} not among ${[...allowed].join(',')}`);
      if (chosen[i] !== unrestricted[i]) differing++;
    });
  }
  assert.ok(known > 1000, `${known} arcs of a known kind`);
  assert.ok(differing > 100, `${differing} arcs the restriction changed`);
});

test('a relation UD keeps contiguous, such as flat, never spans a conjunction or comma', () => {
  // A labeller taught that a proper noun after a proper noun is its flat continuation…
  const labels = ['cc', 'conj', 'flat', 'punct', 'root'];
  const labeller = new Labeller(new AveragedPerceptron(labels.length, 64), labels);
  const names = [['Ana', 'Silva'], ['Tom', 'Berg'], ['Li', 'Wei'], ['Omar', 'Haddad']];
  for (let round = 0; round < 5; round++) {
    // Gold labels by index: root, flat.
    for (const words of names) labeller.labelIndices({ words, upos: ['PROPN', 'PROPN'], xpos: ['NNP', 'NNP'], heads: [-1, 0] }, [4, 2]);
  }
  labeller.model.finalize();
  const tags = (words: string[]): { upos: string[]; xpos: string[] } => ({
    upos: words.map((word) => (word === 'and' ? 'CCONJ' : word === ',' ? 'PUNCT' : 'PROPN')),
    xpos: words.map((word) => (word === 'and' ? 'CC' : word === ',' ? ',' : 'NNP')),
  });
  // …still calls the next name flat when nothing comes between, but not across "and" or a comma.
  const adjacent = ['Ana', 'Silva', 'Berg'];
  assert.equal(labeller.label({ words: adjacent, ...tags(adjacent), heads: [-1, 0, 0] })[2], 'flat');
  for (const words of [['Ana', 'Silva', 'and', 'Wei'], ['Ana', 'Silva', ',', 'Wei']]) {
    const relation = labeller.label({ words, ...tags(words), heads: [-1, 0, 3, 0] })[3];
    assert.notEqual(relation, 'flat', words.join(' '));
  }
});

test('with no evidence, the parser reads the whole sentence and makes its first word the root, the others hanging from it', () => {
  // An untrained model scores every transition 0, so the parser shifts every word and, the root
  // coming last, attaches all of them to it at the end: the first becomes the root.
  const parser = new Parser(new AveragedPerceptron(4, 4));
  const words = ['Rain', 'fell', 'all', 'night', '.'];
  const heads = parser.parse({ words, upos: ['NOUN', 'VERB', 'DET', 'NOUN', 'PUNCT'], xpos: ['NN', 'VBD', 'DT', 'NN', '.'] });
  assert.deepEqual(Array.from(heads), [-1, 0, 0, 0, 0]);
});

const models = loadSyntaxModels();

test('the shipped model finds the subject, auxiliary and agent of a passive', () => {
  /** Each word's relation, without its subtype ("obl:agent" → "obl"). */
  const relations = (sentence: string): Map<string, string> => {
    const words = sentence.split(' ');
    const [parse] = annotateSyntax(models, [words]);
    return new Map(words.map((word, i) => [word, parse.deprel[i].split(':')[0]]));
  };
  const closed = relations('The old bridge was closed by the police after the flood .');
  assert.equal(closed.get('closed'), 'root');
  assert.equal(closed.get('bridge'), 'nsubj');
  assert.equal(closed.get('police'), 'obl');
  const [parse] = annotateSyntax(models, [['The', 'old', 'bridge', 'was', 'closed', 'by', 'the', 'police', '.']]);
  assert.equal(parse.deprel[2], 'nsubj:pass');
  assert.equal(parse.deprel[3], 'aux:pass');
});

const paragraph = [
  'The harbour authority said on Monday that two cargo ships , delayed by the storm , would dock before dawn .',
  'Officials who asked not to be named told reporters the talks had stalled over fishing rights and tariffs .',
  '" We will not sign anything that hurts our farmers , " the minister said , adding that a vote was expected in March .',
  'Prices rose 4.5 % in July , the fastest pace since 2019 , while wages barely moved .',
].map((line) => line.split(' '));

test('the shipped parser predicts the same heads with and without its cache of partial scores', () => {
  const sentences = [...paragraph.map((words) => ({ words, ...models.pos.tagger.tag(words) })), ...dev.slice(0, 120)];
  let differences = 0;
  for (const sentence of sentences) {
    const cached = models.deps.parser.parse(sentence);
    const uncached = models.deps.parser.parse(sentence, { cached: false });
    for (let i = 0; i < cached.length; i++) if (cached[i] !== uncached[i]) differences++;
  }
  assert.equal(differences, 0);
});

test('annotating a document model by model gives what annotating it sentence by sentence gives', () => {
  const document = [...paragraph, [], ...dev.slice(0, 40).map((sentence) => sentence.words)];
  const batched = annotateSyntax(models, document);
  document.forEach((words, s) => assert.deepEqual(batched[s], annotateSentence(models, words)));
});
