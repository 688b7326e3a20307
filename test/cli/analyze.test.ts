/** The CLI end to end: the contract on the seed articles, exit codes, output modes and --help. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sharedPath } from '../../src/paths.js';
import { schemaErrors, spanErrors } from '../../src/contract/validate.js';
import type { Analysis } from '../../src/contract/types.js';
import { runCli } from '../helpers/cli.js';

const seedA = sharedPath('seeds', '000_e6b9d41a665ebffb.txt');
const seedB = sharedPath('seeds', '002_07fddadd5ebe1183.txt');

function blockTexts(analysis: Analysis, kind: string): string[] {
  return analysis.blocks.filter((block) => block.kind === kind).map((block) => analysis.document.text.slice(block.start, block.end));
}

test('analyze --json on both seeds validates against the schema with exact spans', async () => {
  const result = await runCli(['analyze', seedA, seedB, '--published', '2025-08-07', '--json']);
  assert.equal(result.code, 0, result.stderr);
  const analyses = JSON.parse(result.stdout) as Analysis[];
  assert.equal(analyses.length, 2);
  for (const analysis of analyses) {
    assert.deepEqual(schemaErrors(analysis), []);
    assert.deepEqual(spanErrors(analysis), []);
    assert.equal(analysis.document.published, '2025-08-07');
    assert.equal(analysis.document.published_source, 'given');
    assert.equal(analysis.document.language, 'en');
  }
  const [first, second] = analyses;
  assert.equal(first.document.agency, 'AFP');
  assert.equal(blockTexts(first, 'heading').length, 3);
  assert.ok(blockTexts(first, 'byline').some((text) => text.includes('Agence France-Presse')));
  assert.ok(blockTexts(first, 'boilerplate').some((text) => text.includes('Mail us at')));
  assert.ok(blockTexts(second, 'boilerplate').some((text) => text.startsWith('Read also')));
  for (const analysis of analyses) {
    for (const sentence of analysis.sentences) {
      const inside = analysis.blocks.filter((block) => block.start <= sentence.start && sentence.end <= block.end);
      assert.equal(inside.length, 1, `sentence [${sentence.start}, ${sentence.end}) must lie in exactly one block`);
    }
  }
});

test('schema validation rejects a broken analysis, and span checks catch a wrong offset', () => {
  const broken = { schema: 'storyline.analysis/1', document: { text: 'abc' }, blocks: [] };
  assert.ok(schemaErrors(broken).length > 0);
  const shifted = { document: { text: 'Baku said' }, times: [{ start: 1, end: 5, text: 'Baku' }] };
  assert.equal(spanErrors(shifted).length, 1);
});

test('a bad input among good ones: one line on stderr, the rest analysed, exit code 1', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'storyline-cli-'));
  const empty = path.join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const missing = path.join(dir, 'missing.txt');
  const result = await runCli(['analyze', empty, seedB, missing, '--jsonl']);
  assert.equal(result.code, 1);
  const lines = result.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  assert.equal((JSON.parse(lines[0]) as Analysis).schema, 'storyline.analysis/1');
  const errors = result.stderr.trim().split('\n');
  assert.equal(errors.length, 2);
  assert.ok(errors[0].includes(empty));
  assert.ok(errors[1].includes(missing));
});

test('usage errors exit with 2 and say what to do', async () => {
  const badDate = await runCli(['analyze', seedA, '--published', '2025-13-40']);
  assert.equal(badDate.code, 2);
  assert.match(badDate.stderr, /--published expects a date as YYYY-MM-DD/);
  const unknown = await runCli(['frobnicate']);
  assert.equal(unknown.code, 2);
  const noInput = await runCli(['analyze']);
  assert.equal(noInput.code, 2);
});

test('--help works on every command', async () => {
  for (const args of [['--help'], ['analyze', '--help'], ['train', '--help'], ['eval', '--help'], ['kb', '--help']]) {
    const result = await runCli(args);
    assert.equal(result.code, 0, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stdout, /Usage: storyline/);
  }
});

test('stdin as -, the readable summary, and --out writes one file per article', async () => {
  const text = 'title: A short test\n\nThe mayor of Springfield opened a new bridge on Monday. Hundreds of residents attended.\n';
  const summary = await runCli(['analyze', '-', '--published', '2024-05-08'], { stdin: text });
  assert.equal(summary.code, 0, summary.stderr);
  assert.match(summary.stdout, /A short test/);
  assert.match(summary.stdout, /2 sentences/);
  const dir = mkdtempSync(path.join(tmpdir(), 'storyline-out-'));
  const written = await runCli(['analyze', seedA, seedB, '--out', dir]);
  assert.equal(written.code, 0, written.stderr);
  const files = readdirSync(dir);
  assert.equal(files.length, 2);
  for (const file of files) {
    const analysis = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Analysis;
    assert.equal(`${analysis.document.id}.json`, file);
  }
});

test('--tokens adds per-token text, span, tags, lemma, head and relation, and NER names appear as entities', async () => {
  const text = 'Chancellor Olaf Scholz met Polish leaders in Warsaw on Monday.\n';
  const result = await runCli(['analyze', '-', '--tokens', '--json', '--published', '2024-06-03'], { stdin: text });
  assert.equal(result.code, 0, result.stderr);
  const analysis = JSON.parse(result.stdout) as Analysis;
  assert.deepEqual(schemaErrors(analysis), []);
  const tokens = analysis.tokens ?? [];
  assert.equal(tokens.length, 11);
  const scholz = tokens.find((token) => token.text === 'Scholz');
  assert.ok(scholz);
  assert.equal(scholz.upos, 'PROPN');
  assert.equal(scholz.ner.endsWith('PER'), true);
  const met = tokens.find((token) => token.text === 'met');
  assert.ok(met);
  assert.equal(met.lemma, 'meet');
  assert.equal(met.head, -1);
  // The subject of "met" is the name phrase (UD heads a multi-word name on its first word).
  const subject = tokens.find((token) => token.deprel === 'nsubj' && tokens[token.head] === met);
  assert.ok(subject && ['Chancellor', 'Olaf', 'Scholz'].includes(subject.text), `subject ${subject?.text}`);
  for (const token of tokens) assert.equal(analysis.document.text.slice(token.start, token.end), token.text);
  assert.ok(analysis.entities.some((entity) => entity.name.includes('Olaf Scholz') && entity.type === 'PERSON'));
});

test('a reader that stops early (| head) ends the command quietly, without a broken-pipe trace', async () => {
  const result = await runCli(['analyze', seedA, seedB, '--published', '2025-08-07', '--json'], { stopReadingAfter: 64 });
  assert.equal(result.code, 0, result.stderr);
  assert.doesNotMatch(result.stderr, /EPIPE|Unhandled/);
});

test('the readable summary names the parties with their codes, says where and who claims an event, and says when a list is cut', async () => {
  const text = 'title: Border\n\nThe Chilean defence ministry said Peruvian troops fired at a post near Tacna on Monday. Two Bolivian journalists were detained in Lima on Monday. ' +
    Array.from({ length: 22 }, (_, index) => `Peru expelled ${index + 2} Chilean diplomats on Monday.`).join(' ') + '\n';
  const result = await runCli(['analyze', '-', '--published', '2025-11-20'], { stdin: text });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /Peruvian troops \(PERMIL\) → .*"fired".* in Tacna — per Chilean defence ministry/);
  // A doer inferred, not read, says so and from where.
  assert.match(result.stdout, /\? \(PERGOV, inferred from Lima\) → .*"detained"/);
  assert.match(result.stdout, /… and \d+ more \(--json lists all\)/);
});

test('eval and train name a missing or wrong --data path in one line, with no stack trace, and exit 1', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'storyline-data-'));
  const missing = path.join(dir, 'no-such.conllu');
  for (const args of [['eval', 'events', '--data', missing], ['eval', 'pos', '--data', dir], ['train', 'pos', '--data', missing, '--out', path.join(dir, 'pos.bin.gz')]]) {
    const result = await runCli(args);
    assert.equal(result.code, 1, `${args.join(' ')}: ${result.stderr}`);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0], /^storyline: cannot open .+: (no such file or directory|is a directory, a file was expected)$/);
    assert.ok(lines[0].includes(args[3]), lines[0]);
  }
});
