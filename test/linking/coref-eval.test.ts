/**
 * `storyline eval coref` on a small slice of MEANTIME (read from ../shared at run time): the gold
 * side is read correctly (cross-document instances found, every mention inside the rebuilt text) and
 * the report carries the four scores.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { sharedPath } from '../../src/paths.js';
import { corefEval, readMeantimeDocument } from '../../src/eval/coref.js';
import { findEvalTask } from '../../src/eval/registry.js';

const data = sharedPath('corpora', 'meantime');

test('a MEANTIME file gives its text, event mentions on real tokens and cross-document clusters', () => {
  const folder = path.join(data, 'intra_cross-doc_annotation', 'corpus_airbus');
  const file = readdirSync(folder).filter((name) => name.endsWith('.xml')).sort()[0];
  const document = readMeantimeDocument(readFileSync(path.join(folder, file), 'utf8'), file);
  assert.ok(document.mentions.length > 5);
  for (const mention of document.mentions) assert.match(document.text.slice(mention.start, mention.end), /^\S(.*\S)?$/);
  assert.ok([...document.gold.values()].some((cluster) => cluster.startsWith('instance:')));
  assert.match(document.published ?? '', /^\d{4}-\d{2}-\d{2}$/);
});

test('eval coref is registered and scores a two-document-per-topic slice', async () => {
  assert.equal(findEvalTask('coref'), corefEval);
  const report = await corefEval.run({ data, limit: 2 });
  assert.equal(report.json.documents, 8);
  for (const metric of ['muc', 'b3', 'ceafe']) {
    const scores = report.json[metric] as { f1: number };
    assert.ok(scores.f1 >= 0 && scores.f1 <= 1);
  }
  assert.ok(typeof report.json.conll_f1 === 'number' && report.json.conll_f1 > 0);
  assert.match(report.text, /CoNLL F1/);
});
