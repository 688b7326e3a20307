// Behaviour of the generic averaged perceptron: learns a separable toy problem, survives a
// serialisation round trip with identical predictions, and hashes features deterministically.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AveragedPerceptron, hashFeature, hashString } from '../../src/language/perceptron.js';
import { trainToyPerceptron } from './toy-perceptron.js';

/** Toy task: the class is the value of the first feature modulo 3, with noise features around it. */
function example(index: number): { features: Int32Array; label: number } {
  const label = index % 3;
  const features = Int32Array.of(hashFeature(1, label), hashFeature(2, index % 7), hashFeature(3, index % 11));
  return { features, label };
}

function predict(model: AveragedPerceptron, features: Int32Array): number {
  const scores = new Float32Array(model.classCount);
  model.score(features, features.length, scores);
  return AveragedPerceptron.argmax(scores, model.classCount);
}

test('learns a separable problem and keeps predictions through serialisation', () => {
  const model = new AveragedPerceptron(3, 4);
  const scores = new Float32Array(3);
  for (let epoch = 0; epoch < 5; epoch++) {
    for (let i = 0; i < 200; i++) {
      const { features, label } = example(i);
      model.score(features, features.length, scores);
      model.update(features, features.length, label, AveragedPerceptron.argmax(scores, 3));
      model.tick();
    }
  }
  model.finalize();
  let correct = 0;
  for (let i = 200; i < 300; i++) if (predict(model, example(i).features) === example(i).label) correct++;
  assert.equal(correct, 100);
  const restored = AveragedPerceptron.deserialize(model.serialize());
  for (let i = 0; i < 50; i++) assert.equal(predict(restored, example(i).features), predict(model, example(i).features));
});

test('a many-class model scores the same after loading and after saving the loaded copy again', () => {
  // More than four classes takes the loaded model's row layout rather than the inline one.
  const classes = 9;
  const toy = (index: number): Int32Array => Int32Array.of(hashFeature(1, index % classes), hashFeature(2, index % 5), hashFeature(3, index % 4));
  const model = trainToyPerceptron(classes, 300, toy, (i) => i % classes);
  const restored = AveragedPerceptron.deserialize(model.serialize());
  const resaved = AveragedPerceptron.deserialize(restored.serialize());
  const scoresOf = (perceptron: AveragedPerceptron, features: Int32Array): number[] => {
    const out = new Float32Array(classes);
    perceptron.score(features, features.length, out);
    return Array.from(out, (value) => Math.round(value * 1000) / 1000);
  };
  let nonZero = 0;
  for (let i = 0; i < 60; i++) {
    const expected = scoresOf(model, toy(i));
    nonZero += expected.filter((value) => value !== 0).length;
    assert.deepEqual(scoresOf(restored, toy(i)), expected);
    assert.deepEqual(scoresOf(resaved, toy(i)), expected);
  }
  assert.ok(nonZero > 60, 'the toy model has learned weights');
});

test('feature hashes are stable and distinguish templates and values', () => {
  assert.equal(hashFeature(4, 10, 2), hashFeature(4, 10, 2));
  assert.notEqual(hashFeature(4, 10, 2), hashFeature(5, 10, 2));
  assert.notEqual(hashFeature(4, 10, 2), hashFeature(4, 2, 10));
  assert.equal(hashString('Armenia'), hashString('Armenia'));
  assert.notEqual(hashString('Armenia'), hashString('armenia'));
});

test('scoring only candidate classes gives those classes the same scores as scoring all of them', () => {
  // Twelve classes and features firing for most of them: rows of every loaded kind (inline, sparse, dense).
  const classes = 12;
  const toy = (index: number): Int32Array =>
    Int32Array.of(hashFeature(1, index % classes), hashFeature(2, index % 2), hashFeature(3, index % 5), hashFeature(4, 0));
  const model = trainToyPerceptron(classes, 400, toy, (i) => (i * 7) % classes);
  const loaded = AveragedPerceptron.deserialize(model.serialize());
  const candidates = Int32Array.of(2, 5, 11);
  const full = new Float32Array(classes);
  const partial = new Float32Array(classes);
  for (let i = 0; i < 50; i++) {
    loaded.score(toy(i), 4, full);
    loaded.scoreCandidates(toy(i), 4, candidates, candidates.length, partial);
    for (const cls of candidates) assert.equal(partial[cls], full[cls]);
  }
  assert.ok(full.some((value) => value !== 0), 'the toy model has learned weights');
});

test('a loaded four-class model summed piecewise gives exactly the scores of one look-up', () => {
  const classes = 4;
  const toy = (index: number): Int32Array =>
    Int32Array.of(hashFeature(1, index % 4), hashFeature(2, index % 3), hashFeature(3, index % 7), hashFeature(4, index % 2), hashFeature(5, 99));
  const model = trainToyPerceptron(classes, 300, toy, (i) => (i * 3) % classes);
  assert.equal(model.summable, false, 'a model in training sums floats');
  const loaded = AveragedPerceptron.deserialize(model.serialize());
  assert.equal(loaded.summable, true);
  const whole = new Float32Array(classes);
  const pieced = new Float32Array(classes);
  const sums = new Int32Array(2 * classes);
  for (let i = 0; i < 60; i++) {
    const features = toy(i);
    loaded.score(features, features.length, whole);
    // Two partial sums at different offsets, as a caller caching part of the features would keep them.
    sums.fill(0);
    loaded.addQuantised(features.subarray(0, 2), 2, sums, classes);
    loaded.addQuantised(features.subarray(2), 3, sums, 0);
    for (let c = 0; c < classes; c++) sums[c] += sums[classes + c];
    loaded.scoresFromQuantised(sums, 0, pieced);
    assert.deepEqual(pieced, whole);
  }
  assert.ok(whole.some((value) => value !== 0), 'the toy model has learned weights');
});
