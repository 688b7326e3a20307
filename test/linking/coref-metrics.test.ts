/**
 * The coreference scores on small hand-checked clusterings (values worked out by hand from the
 * metric definitions).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corefScores, maxWeightAssignment } from '../../src/linking/coref-metrics.js';

function clustering(groups: string[][]): Map<string, string> {
  return new Map(groups.flatMap((group, index) => group.map((mention) => [mention, `c${index}`] as [string, string])));
}

test('a perfect response scores 1 everywhere', () => {
  const key = clustering([['a', 'b', 'c'], ['d'], ['e', 'f']]);
  const scores = corefScores(key, key);
  assert.equal(scores.conll, 1);
});

test('splitting one cluster of four into two pairs', () => {
  const key = clustering([['a', 'b', 'c', 'd']]);
  const response = clustering([['a', 'b'], ['c', 'd']]);
  const scores = corefScores(key, response);
  assert.equal(scores.muc.recall, 2 / 3);
  assert.equal(scores.muc.precision, 1);
  assert.equal(scores.b3.recall, 0.5);
  assert.equal(scores.b3.precision, 1);
  // CEAF-e: best single alignment φ = 2·2/(4+2) = 2/3; recall 2/3 over one key, precision 2/3 over two responses.
  assert.ok(Math.abs(scores.ceafe.recall - 2 / 3) < 1e-12);
  assert.ok(Math.abs(scores.ceafe.precision - 1 / 3) < 1e-12);
});

test('the assignment finds the best one-to-one pairing, not the greedy one', () => {
  assert.equal(maxWeightAssignment([[3, 2], [3, 0]]), 5);
  assert.equal(maxWeightAssignment([[1, 0, 0], [0, 0, 1]]), 2);
});
