/**
 * `storyline kb import` and `storyline kb lookup` through the real CLI: outputs, --json, --help and
 * exit code 2 on usage errors.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { runCli } from '../helpers/cli.js';

const DICTIONARY = ['ELSPETH_MARROWGATE_', '+FOREIGN_MINISTER_MARROWGATE', '\t[NORGOV 150301-190601]', '\t[NORELI]', 'GRIMSVALE_FERRY_LINE_ [NORBUS]'].join('\n');

test('kb import writes entries in our format and reports people with dated offices', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'storyline-kb-cli-'));
  const input = path.join(dir, 'invented.actors.txt');
  const output = path.join(dir, 'invented.jsonl');
  writeFileSync(input, DICTIONARY);
  const result = await runCli(['kb', 'import', '--format', 'petrarch', input, '--out', output]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /imported 2 entries .* 1 people with dated offices/);
  const entries = readFileSync(output, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { name: string });
  assert.deepEqual(entries.map((entry) => entry.name), ['Elspeth Marrowgate', 'Grimsvale Ferry Line']);

  const lookup = await runCli(['kb', 'lookup', 'Foreign Minister Marrowgate', '--date', '2016-01-01', '--kb', output]);
  assert.equal(lookup.code, 0, lookup.stderr);
  assert.match(lookup.stdout, /NORGOV/);
});

test('kb lookup prints the actor on a date, and JSON with --json', async () => {
  const text = await runCli(['kb', 'lookup', 'Trump', '--date', '2022-04-01']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /USAELI/);
  const json = await runCli(['kb', 'lookup', 'the Kremlin', '--json']);
  const parsed = JSON.parse(json.stdout) as { matches: Array<{ actor: { code: string } }> };
  assert.equal(parsed.matches[0]?.actor.code, 'RUSGOV');
});

test('kb usage errors exit with 2; --help exits with 0', async () => {
  assert.equal((await runCli(['kb', 'lookup', 'Baku', '--date', '2025-02-30'])).code, 2);
  assert.equal((await runCli(['kb', 'import', '--format', 'tabari', 'x.txt'])).code, 2);
  assert.equal((await runCli(['kb', 'import', '--format', 'petrarch', '/nonexistent/file.txt'])).code, 2);
  const help = await runCli(['kb', 'lookup', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--date/);
});
