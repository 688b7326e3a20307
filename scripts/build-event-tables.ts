/**
 * Generates the event coder's offline tables under src/extraction/lexicon/ from the public
 * ontology files in ../shared (run once by a maintainer; the product never reads ../shared):
 *
 *   - cameo-table.ts: every CAMEO code with its short name, Goldstein value, Phoenix quad class and
 *     PLOVER type/mode (from cameo/ and plover-gsr/CAMEO2PLOVER-2021.txt);
 *   - petrarch-verbs.ts: verb lemma → default CAMEO code and (verb, object keyword) → code pairs,
 *     read from the PETRARCH verb dictionary (facts only, rewritten into our own compact format).
 *
 * Run: `npx tsx scripts/build-event-tables.ts`
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resourcePath, sharedPath } from '../src/paths.js';

interface CodeRow {
  name: string;
  goldstein: number;
  quad: number | null;
  plover: string | null;
  mode: string | null;
}

/** Code names damaged in the shared CAMEO list (mis-encoded quotes, lost letters), written as the CAMEO manual gives them. */
const NAME_REPAIRS: Record<string, string> = { '044': 'Meet at a “third” location' };

function tsvRows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .slice(1)
    .map((line) => line.split('\t').map((cell) => cell.trim()));
}

function buildCodeTable(): Map<string, CodeRow> {
  const names = new Map(tsvRows(sharedPath('corpora', 'cameo', 'CAMEO.eventcodes.txt')).map(([code, name]) => [code, NAME_REPAIRS[code] ?? name]));
  const goldstein = new Map(
    tsvRows(sharedPath('corpora', 'cameo', 'CAMEO.goldsteinscale.txt')).map(([code, value]) => [code, Number(value)]),
  );
  const quadByRoot = new Map(
    tsvRows(sharedPath('corpora', 'cameo', 'cameo_root_codes.tsv')).map((cells) => [cells[0], Number(cells[4])]),
  );
  const plover = new Map<string, { type: string; mode: string | null }>();
  for (const line of readFileSync(sharedPath('corpora', 'plover-gsr', 'CAMEO2PLOVER-2021.txt'), 'utf8').split('\n')) {
    const match = /^(\d{2,4}):\s*([^#]*)/.exec(line);
    if (!match) continue;
    const [type, mode] = match[2].split(',').map((cell) => cell.trim());
    if (!type) continue;
    plover.set(match[1], { type, mode: mode ? mode : null });
  }
  const table = new Map<string, CodeRow>();
  for (const [code, name] of names) {
    const root = code.slice(0, 2);
    const mapped = plover.get(code) ?? plover.get(root);
    table.set(code, {
      name: name.toLowerCase(),
      goldstein: goldstein.get(code) ?? goldstein.get(root) ?? 0,
      quad: quadByRoot.get(root) ?? null,
      plover: mapped?.type ?? null,
      mode: mapped?.mode ?? null,
    });
  }
  return table;
}

interface VerbFacts {
  defaults: Map<string, string>;
  /** Per dictionary block: object keyword → code; `blockOf` says which block a lemma belongs to. */
  blocks: Map<string, string>[];
  blockOf: Map<string, number>;
  forms: Map<string, string>;
}

/** A dictionary word ("SHOOT_DOWN", "RE_OPEN") as our lower-case lemma ("shoot down", "reopen"). */
function lemmaOf(word: string): string {
  return word.replace(/^\+/, '').replace(/^RE_/, 're').replace(/_+$/, '').replace(/_/g, ' ').toLowerCase();
}

/** Reads verb blocks: "--- NAME [code] ---" headers, member lines "WORD {FORMS} [code]" and "- * KEYWORD … [code]" patterns. */
function buildVerbFacts(): VerbFacts {
  const lines = readFileSync(sharedPath('corpora', 'petrarch', 'dicts', 'CAMEO.2.0.txt'), 'utf8').split('\n');
  const facts: VerbFacts = { defaults: new Map(), blocks: [], blockOf: new Map(), forms: new Map() };
  let inVerbs = false;
  let blockCode: string | null = null;
  let objects = new Map<string, string>();
  for (const raw of lines) {
    const line = raw.replace(/#.*/, '').trim();
    if (raw.startsWith('####### VERB PATTERNS')) inVerbs = true;
    if (raw.startsWith('######## TRANSFORMATIONS')) break;
    if (!inVerbs || line === '') continue;
    const header = /^---\s+\S+\s+\[([^\]]*)\]\s+---/.exec(line);
    if (header) {
      blockCode = /^\d{2,4}/.exec(header[1])?.[0] ?? null;
      objects = new Map<string, string>();
      facts.blocks.push(objects);
      continue;
    }
    const pattern = /^-\s+(.*)\[([^\]]*)\]/.exec(line);
    if (pattern) {
      const code = /^\d{2,4}/.exec(pattern[2])?.[0];
      const words = pattern[1].trim().split(/\s+/);
      const star = words.indexOf('*');
      if (!code || star !== 0) continue;
      const keyword = words
        .slice(1)
        .map((word) => word.replace(/[(){}]/g, ''))
        .find((word) => /^[A-Z][A-Z_-]+$/.test(word));
      if (keyword && !objects.has(lemmaOf(keyword))) objects.set(lemmaOf(keyword), code);
      continue;
    }
    const member = /^(\+?[A-Z][A-Z_'-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?/.exec(line);
    if (!member) continue;
    const lemma = lemmaOf(member[1]);
    if (!facts.blockOf.has(lemma)) facts.blockOf.set(lemma, facts.blocks.length - 1);
    for (const form of (member[2] ?? '').replace(/[{}]/g, '').split(/[\s,]+/)) {
      if (/^\+?[A-Z][A-Z_'-]*$/.test(form)) facts.forms.set(lemmaOf(form), lemma);
    }
    const code = member[3] ? /\d{2,4}/.exec(member[3])?.[0] ?? null : blockCode;
    if (code && !facts.defaults.has(lemma)) facts.defaults.set(lemma, code);
  }
  return facts;
}

function writeTables(): void {
  const table = buildCodeTable();
  const codeLines = [...table].map(
    ([code, row]) => `  '${code}': [${JSON.stringify(row.name)}, ${row.goldstein}, ${row.quad}, ${JSON.stringify(row.plover)}, ${JSON.stringify(row.mode)}],`,
  );
  writeFileSync(
    resourcePath('src', 'extraction', 'lexicon', 'cameo-table.ts'),
    [
      '/**',
      ' * CAMEO event codes: [short name, Goldstein value, Phoenix quad class, PLOVER type, PLOVER mode].',
      ' * Generated by scripts/build-event-tables.ts from the public CAMEO, Goldstein and CAMEO→PLOVER tables; do not edit by hand.',
      ' */',
      'export type CameoRow = readonly [name: string, goldstein: number, quad: number | null, plover: string | null, mode: string | null];',
      '',
      'export const CAMEO_TABLE: Readonly<Record<string, CameoRow>> = {',
      ...codeLines,
      '};',
      '',
    ].join('\n'),
  );
  const verbs = buildVerbFacts();
  const blockLines = verbs.blocks.map((keywords) => `  ${JSON.stringify(Object.fromEntries(keywords))},`);
  writeFileSync(
    resourcePath('src', 'extraction', 'lexicon', 'petrarch-verbs.ts'),
    [
      '/**',
      ' * Verb facts read from the PETRARCH CAMEO verb dictionary (MIT, Open Event Data Alliance), in our own format:',
      ' * default CAMEO code per verb lemma, object keywords that refine the code, and irregular forms → lemma.',
      ' * Generated by scripts/build-event-tables.ts; do not edit by hand (our own curated patterns live in patterns.ts).',
      ' */',
      'export const VERB_DEFAULT_CODES: Readonly<Record<string, string>> = ' + JSON.stringify(Object.fromEntries(verbs.defaults), null, 0) + ';',
      '',
      '/** Object keyword → code, one record per dictionary block; VERB_BLOCK gives a lemma\'s block. */',
      'export const VERB_OBJECT_BLOCKS: readonly Readonly<Record<string, string>>[] = [',
      ...blockLines,
      '];',
      '',
      'export const VERB_BLOCK: Readonly<Record<string, number>> = ' + JSON.stringify(Object.fromEntries(verbs.blockOf)) + ';',
      '',
      'export const IRREGULAR_VERB_FORMS: Readonly<Record<string, string>> = ' + JSON.stringify(Object.fromEntries(verbs.forms), null, 0) + ';',
      '',
    ].join('\n'),
  );
  console.log(`codes: ${table.size}, verbs: ${verbs.defaults.size}, blocks: ${blockLines.length}, forms: ${verbs.forms.size}`);
}

writeTables();
