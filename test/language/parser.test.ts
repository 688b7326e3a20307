// The beam parser's speed-ups must not change what it outputs or learns: the shipped model's
// memoised beam gives the heads of the plain look-up on sentences of every length, whatever the
// parser decoded before (its beams and memos are reused from sentence to sentence), and a parser that
// is reused from sentence to sentence learns exactly the weights of a new parser per sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resourcePath, sharedPath } from '../../src/paths.js';
import { readConllu } from '../../src/language/conllu.js';
import type { ConlluSentence } from '../../src/language/conllu.js';
import { loadDepsModel } from '../../src/language/deps-model.js';
import { Parser } from '../../src/language/parser.js';
import { AveragedPerceptron } from '../../src/language/perceptron.js';
import { seededRandom } from '../../src/language/random.js';

const treebank = (split: string): string => sharedPath('corpora', 'ud-english-ewt', `en_ewt-ud-${split}.conllu`);
const dev = readConllu(treebank('dev'), 400);

/** The `count` longest sentences, longest first, then the `count` shortest, then the longest again, shortest first: the beams shrink and grow between sentences. */
function shrinkingThenGrowing(sentences: readonly ConlluSentence[], count: number): ConlluSentence[] {
  const byLength = [...sentences].sort((a, b) => b.words.length - a.words.length);
  return [...byLength.slice(0, count), ...byLength.slice(-count).reverse(), ...byLength.slice(0, count).reverse()];
}

test('the shipped beam parser gives the heads of the unmemoised look-up whatever it parsed before', () => {
  const { parser } = loadDepsModel(resourcePath('models', 'deps.bin.gz'));
  assert.ok(parser.beamWidth > 1 && parser.model.summable);
  const sentences = shrinkingThenGrowing(dev, 30);
  assert.ok(sentences[0].words.length > 40, 'the slice includes long sentences');
  let differences = 0;
  for (const sentence of sentences) {
    const memoised = parser.parse(sentence);
    const plain = parser.parse(sentence, { cached: false });
    for (let i = 0; i < memoised.length; i++) if (memoised[i] !== plain[i]) differences++;
  }
  assert.equal(differences, 0);
  // A parser that has parsed all of them gives what a new one gives.
  const { parser: unused } = loadDepsModel(resourcePath('models', 'deps.bin.gz'));
  for (const sentence of sentences.slice(20, 40)) assert.deepEqual(parser.parse(sentence), unused.parse(sentence));
});

test('a beam parser reused from sentence to sentence learns exactly the weights of a new parser per sentence', () => {
  const train = readConllu(treebank('train'), 160);
  const longest = [...dev].sort((a, b) => b.words.length - a.words.length).slice(0, 3);
  const trainModel = (parserFor: (model: AveragedPerceptron) => Parser): Buffer => {
    const model = new AveragedPerceptron(4, 1 << 12);
    const random = seededRandom(5);
    for (const [index, sentence] of train.entries()) {
      const parser = parserFor(model);
      parser.train(sentence, sentence.heads, random, true);
      // Decoding other (longer) sentences in between must leave nothing behind either.
      if (index === 80) for (const other of longest) parser.parse(other);
    }
    model.finalize();
    return model.serialize();
  };
  let reused: Parser | null = null;
  const oneForAll = trainModel((model) => (reused ??= new Parser(model, 3)));
  assert.ok(oneForAll.equals(trainModel((model) => new Parser(model, 3))));
});
