/**
 * `storyline compare` through the real CLI: --json is valid storyline.story/1, --format html is a
 * page, bad inputs are reported like `analyze` reports them (exit 1), bad flags are usage errors (2).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { storySchemaErrors } from '../../src/contract/validate.js';
import type { Story } from '../../src/contract/story.js';

const folder = mkdtempSync(path.join(tmpdir(), 'storyline-compare-'));
const first = path.join(folder, 'first.txt');
const second = path.join(folder, 'second.txt');
writeFileSync(first, 'outlet: Lakeside Gazette\n\nThe leaders of Kenya and Uganda met in Kampala on June 3 to discuss a rail link.\n');
writeFileSync(second, 'outlet: Plains Herald\n\nKenya and Uganda held talks in Kampala on June 3 about the new railway.\n');

test('compare --json prints a valid story with the shared meeting', async () => {
  const result = await runCli(['compare', first, second, '--published', '2025-06-05', '--json']);
  assert.equal(result.code, 0, result.stderr);
  const story = JSON.parse(result.stdout) as Story;
  assert.deepEqual(storySchemaErrors(story), []);
  assert.deepEqual(story.documents.map((document) => document.outlet), ['Lakeside Gazette', 'Plains Herald']);
  assert.ok(story.events.some((event) => event.root === '04' && event.documents.length === 2));
});

test('compare --format html prints a page; a missing input is reported and exits 1', async () => {
  const result = await runCli(['compare', first, path.join(folder, 'missing.txt'), '--published', '2025-06-05', '--format', 'html']);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /missing\.txt: no such file/);
  assert.match(result.stdout, /^<!doctype html>/);
  assert.match(result.stdout, /Lakeside Gazette/);
});

test('compare rejects an unknown format with a usage error', async () => {
  const result = await runCli(['compare', first, '--format', 'pdf']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /--format expects one of text, md, html/);
});
