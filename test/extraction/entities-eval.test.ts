/**
 * The `entities` eval runs on real CoNLL-2003 dev articles (read from ../shared at run time) and
 * keeps the entity stage's name finding and typing above a floor.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findEvalTask } from '../../src/eval/registry.js';
import { sharedPath } from '../../src/paths.js';

test('eval entities: names found and typed on CoNLL-2003 dev articles', async () => {
  const task = findEvalTask('entities');
  assert.ok(task);
  const report = await task.run({ data: sharedPath('corpora', 'conll2003', 'valid.txt'), limit: 500 });
  const json = report.json as { n: number; f1: number; by_type: Record<string, { f1: number }> };
  assert.ok(json.n >= 500);
  assert.ok(json.f1 >= 50, `overall F1 ${json.f1}`);
  assert.ok(json.by_type.PER.f1 >= 65, `PER F1 ${json.by_type.PER.f1}`);
  assert.ok(json.by_type.LOC.f1 >= 75, `LOC F1 ${json.by_type.LOC.f1}`);
  assert.match(report.text, /PER/);
});
