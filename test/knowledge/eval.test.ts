/**
 * The `actors` evaluation on the NGEC dev cases (read from ../shared at run time) stays above a
 * floor, skips only what it says it skips, and reports per-category figures.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { actorsEval } from '../../src/eval/actors.js';
import { sharedPath } from '../../src/paths.js';

test('actors eval on the NGEC dev cases', async () => {
  const report = await actorsEval.run({ data: sharedPath('corpora', 'ngec-actors', 'ngec_actor_cases_dev.json') });
  const json = report.json as { applicable: number; accuracy: number; skipped: Array<{ reason: string }>; by_category: Record<string, { n: number }> };
  assert.ok(json.applicable >= 150, `only ${json.applicable} applicable cases`);
  assert.ok(json.accuracy >= 0.85, `accuracy ${json.accuracy}`);
  assert.ok(json.skipped.every((item) => /query_wiki|unbound|Wikipedia/.test(item.reason)));
  for (const category of ['country names', 'agent nouns', 'actor phrases', 'people on a date']) assert.ok(json.by_category[category]?.n, category);
  assert.match(report.text, /accuracy/);
});
