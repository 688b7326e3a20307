// The events evaluation on the PLOVER gold records (read from ../shared at run time): the task is
// registered, reports every figure, and stays above a floor so regressions show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEvalTask } from '../../src/eval/registry.js';
import { sharedPath } from '../../src/paths.js';

test('eval events: full matches, type and dyad rates above their floors on the dev records', async () => {
  const task = findEvalTask('events');
  assert.ok(task, 'events task registered');
  const report = await task.run({ data: sharedPath('corpora', 'plover-gsr', 'plover_gsr_dev.json') });
  const json = report.json as { n: number; parse: boolean; full_match: number; type_only: number; dyad_only: number; events_per_1000_words: number; misses: unknown[] };
  assert.ok(json.n > 100);
  assert.ok(json.type_only >= 0.85, `type only ${json.type_only}`);
  assert.ok(json.full_match >= (json.parse ? 0.5 : 0.4), `full match ${json.full_match}`);
  assert.ok(json.dyad_only >= json.full_match);
  assert.ok(json.events_per_1000_words > 0);
  assert.equal(json.misses.length, Math.round(json.n * (1 - json.full_match)));
  assert.match(report.text, /full match/);
});
