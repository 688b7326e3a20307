/**
 * `storyline eval actors --data ngec_actor_cases_dev.json`: actor resolution against the NGEC test
 * cases (inputs and expected assertions extracted from NGEC's own test file).
 *
 * Which cases apply: calls of `search_nat` (country names inside a phrase), `short_text_to_agent`
 * (agent nouns → sector) and `agent_to_code` (phrases, organisations and people on a date) are
 * run through `resolveActor`; `query_wiki` calls test a Wikipedia search engine, not actor coding,
 * and are skipped, as are cases whose input is an unbound loop variable. Of the assertions, those
 * on NGEC's Wikipedia fields (`wiki`, `actor_wiki_job`, `source`) are not checked; country,
 * code_1, code_2, pattern, leftover text and "no actor" are.
 *
 * How the two codings meet: our sector chain "GOVMIL" is code_1 GOV + code_2 MIL; NGEC's JRN is
 * CAMEO's MED; "", UNK and JNK all mean "no sector"; country "IGO"/"EUR" means an IGO actor;
 * `code is None` holds when we find no actor or one with neither country nor sector. Two
 * assertions of different values on code_1 (a slip in the NGEC file) are read as "both among
 * code_1 and code_2". "today" and missing dates mean the NGEC tests' reference date below.
 * As a diagnostic (not an exclusion), the report also counts inputs that name someone or
 * something no KB entry matched (NGEC finds those through Wikipedia) and the accuracy without them.
 */
import { readFileSync } from 'node:fs';

import { loadKnowledgeBase } from '../knowledge/index.js';
import { resolveActor, type ResolvedActor } from '../knowledge/resolve.js';
import type { EvalOptions, EvalReport, EvalTask } from './types.js';

/** The date NGEC's "today" stood for when its tests were written (mid-2023). */
export const NGEC_REFERENCE_DATE = '2023-06-01';

interface NgecCall {
  method: string;
  args: string;
}

interface NgecCase {
  test: string;
  calls: NgecCall[];
  dict: Record<string, string> | null;
  asserts: string[];
}

interface Check {
  field: string;
  equal: boolean;
  /** Expected value; several for `in [...]` assertions; null for `code is None`. */
  value: string | null;
  anyOf?: string[];
}

export interface CaseResult {
  test: string;
  category: 'country names' | 'agent nouns' | 'actor phrases' | 'people on a date';
  input: string;
  correct: boolean;
  expected: string;
  got: string;
  /** The input names someone or something (capitalised words) that no KB entry matched. */
  unknownName: boolean;
}

/** Capitalised words of the input left unexplained by the resolution: a name the KB lacks. */
function hasUnknownName(text: string, resolved: ResolvedActor | null): boolean {
  if (resolved?.entry) return false;
  const names = (resolved?.rest ?? text).split(/\s+/).filter((word) => /^\p{Lu}/u.test(word) && word.toLowerCase() !== resolved?.pattern);
  return names.length > 0 && !names.every((word) => /^(A|An|The|Several|Some|Many)$/.test(word));
}

const CHECKED_FIELDS = new Set(['cc', 'text', 'code_1', 'code_2', 'country', 'pattern', 'code']);
const NO_SECTOR = new Set(['', 'UNK', 'JNK']);

/** Splits a Python argument list at top-level commas. */
function splitArgs(args: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (const char of args) {
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '(') depth++;
    else if (char === ']' || char === ')') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** The value of one Python expression: a string literal or `d['key']`; null when unbound. */
function valueOf(expression: string, dict: Record<string, string> | null): string | null {
  const literal = /^(["'])(.*)\1$/s.exec(expression.trim());
  if (literal) return literal[2] ?? '';
  const lookup = /^d\[['"](\w+)['"]\]$/.exec(expression.trim());
  if (lookup?.[1]) return dict?.[lookup[1]] ?? null;
  return null;
}

interface CallArguments {
  text: string;
  context: string;
  date: string;
}

function callArguments(args: string, dict: Record<string, string> | null): CallArguments | null {
  const positional: string[] = [];
  const named = new Map<string, string>();
  for (const part of splitArgs(args)) {
    const keyword = /^(\w+)\s*=\s*(.+)$/s.exec(part);
    const value = valueOf(keyword?.[2] ?? part, dict);
    if (value === null) return null;
    if (keyword?.[1]) named.set(keyword[1], value);
    else positional.push(value);
  }
  const text = positional[0];
  if (text === undefined) return null;
  return {
    text,
    context: positional[1] ?? named.get('context') ?? named.get('known_country') ?? named.get('country') ?? '',
    date: positional[2] ?? named.get('query_date') ?? named.get('date') ?? '',
  };
}

/** NGEC dates: "today", "", "10 May 2015", "2022-04-01" → YYYY-MM-DD. */
export function ngecDate(raw: string): string {
  if (!raw.trim() || /^today$/i.test(raw.trim())) return NGEC_REFERENCE_DATE;
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return raw;
  const parsed = new Date(`${raw} UTC`);
  return Number.isNaN(parsed.getTime()) ? NGEC_REFERENCE_DATE : parsed.toISOString().slice(0, 10);
}

function parseChecks(asserts: string[], dict: Record<string, string> | null): Check[] {
  const checks: Check[] = [];
  for (const assertion of asserts.flatMap((line) => line.replace(/#.*$/, '').split('&&'))) {
    const text = assertion.trim();
    const none = /^code is (not )?None$/.exec(text);
    if (none) {
      checks.push({ field: 'code', equal: !none[1], value: null });
      continue;
    }
    const among = /^code\[['"](\w+)['"]\]\s+in\s+\[(.*)\]$/.exec(text);
    if (among?.[1] && CHECKED_FIELDS.has(among[1])) {
      const values = splitArgs(among[2] ?? '').map((item) => valueOf(item, dict)).filter((item): item is string => item !== null);
      checks.push({ field: among[1], equal: true, value: values[0] ?? '', anyOf: values });
      continue;
    }
    const match = /^(?:code\[['"](\w+)['"]\]|(cc|text))\s*(==|!=)\s*(.+)$/.exec(text);
    if (!match) continue;
    const field = match[1] ?? match[2] ?? '';
    const value = valueOf(match[4] ?? '', dict);
    if (CHECKED_FIELDS.has(field) && value !== null) checks.push({ field, equal: match[3] === '==', value });
  }
  return checks;
}

function sectorsOf(resolved: ResolvedActor | null): [string, string] {
  const chain = resolved ? resolved.actor.code.slice(resolved.actor.country ? 3 : 0) : '';
  if (resolved?.actor.code.startsWith('IGO')) {
    const sector = resolved.actor.sector === 'IGO' ? '' : (resolved.actor.sector ?? '');
    return [sector, ''];
  }
  return [chain.slice(0, 3), chain.slice(3, 6)];
}

function countryOf(resolved: ResolvedActor | null): string {
  if (!resolved) return '';
  if (resolved.actor.code.startsWith('IGO')) return 'IGO';
  return resolved.actor.country ?? '';
}

function sameSector(expected: string, got: string): boolean {
  const norm = (code: string): string => (NO_SECTOR.has(code) ? '' : code === 'JRN' ? 'MED' : code);
  return norm(expected) === norm(got);
}

function passes(checks: Check[], resolved: ResolvedActor | null): boolean {
  const [code1, code2] = sectorsOf(resolved);
  const country = countryOf(resolved);
  const code1Values = checks.filter((check) => check.field === 'code_1' && check.equal).map((check) => check.value ?? '');
  const code1IsBoth = new Set(code1Values).size > 1;
  return checks.every((check) => {
    if (check.anyOf && check.anyOf.length > 1) {
      return check.anyOf.some((value) => passes([{ field: check.field, equal: true, value }], resolved));
    }
    const expected = check.value ?? '';
    let ok: boolean;
    switch (check.field) {
      case 'code':
        ok = !resolved || (!country && !code1);
        break;
      case 'cc':
      case 'country':
        ok = expected === 'IGO' || expected === 'EUR' ? country === 'IGO' : country === expected;
        break;
      case 'code_1':
        ok = code1IsBoth ? sameSector(expected, code1) || sameSector(expected, code2) : sameSector(expected, code1);
        break;
      case 'code_2':
        ok = sameSector(expected, code2);
        break;
      case 'pattern':
        ok = (resolved?.pattern ?? '') === expected;
        break;
      case 'text':
        ok = (resolved?.rest ?? '').toLowerCase() === expected.toLowerCase();
        break;
      default:
        ok = true;
    }
    return check.equal ? ok : !ok;
  });
}

function describe(resolved: ResolvedActor | null): string {
  if (!resolved) return 'none';
  const pattern = resolved.pattern ? ` pattern=${resolved.pattern}` : '';
  return `${resolved.actor.code} (country=${countryOf(resolved) || '-'}${pattern}${resolved.entry ? ` kb=${resolved.entry.id}` : ''})`;
}

/** Runs every applicable case; returns results and the skipped cases with reasons. */
export function evaluateActorCases(cases: NgecCase[]): { results: CaseResult[]; skipped: Array<{ test: string; reason: string }> } {
  const kb = loadKnowledgeBase();
  const results: CaseResult[] = [];
  const skipped: Array<{ test: string; reason: string }> = [];
  for (const item of cases) {
    const call = item.calls.find((candidate) => candidate.method !== 'query_wiki');
    if (!call) {
      skipped.push({ test: item.test, reason: 'query_wiki: tests a Wikipedia search, not actor coding' });
      continue;
    }
    const args = callArguments(call.args, item.dict);
    if (!args) {
      skipped.push({ test: item.test, reason: `input is an unbound variable (${call.args})` });
      continue;
    }
    const checks = parseChecks(item.asserts, item.dict);
    if (checks.length === 0) {
      skipped.push({ test: item.test, reason: 'no checkable assertion (only Wikipedia fields or unsupported forms)' });
      continue;
    }
    const dated = call.method === 'agent_to_code' && args.date.trim() !== '' && !/^today$/i.test(args.date.trim());
    const date = call.method === 'agent_to_code' ? ngecDate(args.date) : NGEC_REFERENCE_DATE;
    const resolved = resolveActor(args.text, { date, context: args.context || null, kb });
    results.push({
      test: item.test,
      category: call.method === 'search_nat' ? 'country names' : call.method === 'short_text_to_agent' ? 'agent nouns' : dated ? 'people on a date' : 'actor phrases',
      input: args.text + (args.context ? ` [context ${args.context}]` : '') + (dated ? ` @${date}` : ''),
      correct: passes(checks, resolved),
      expected: checks.map((check) => `${check.field}${check.equal ? '=' : '≠'}${check.value ?? 'None'}`).join(' '),
      got: describe(resolved),
      unknownName: hasUnknownName(args.text, resolved),
    });
  }
  return { results, skipped };
}

export const actorsEval: EvalTask = {
  name: 'actors',
  summary: 'actor resolution (countries, agent nouns, people on a date) against the NGEC actor test cases',
  async run(options: EvalOptions): Promise<EvalReport> {
    const data = JSON.parse(readFileSync(options.data, 'utf8')) as { cases: NgecCase[] };
    const cases = options.limit ? data.cases.slice(0, options.limit) : data.cases;
    const { results, skipped } = evaluateActorCases(cases);
    const correct = results.filter((result) => result.correct).length;
    const byCategory: Record<string, { n: number; correct: number; accuracy: number }> = {};
    for (const result of results) {
      const bucket = (byCategory[result.category] ??= { n: 0, correct: 0, accuracy: 0 });
      bucket.n++;
      if (result.correct) bucket.correct++;
    }
    for (const bucket of Object.values(byCategory)) bucket.accuracy = bucket.n ? bucket.correct / bucket.n : 0;
    const accuracy = results.length ? correct / results.length : 0;
    const failures = results.filter((result) => !result.correct);
    const known = results.filter((result) => !result.unknownName);
    const knownCorrect = known.filter((result) => result.correct).length;
    const namesOutsideKb = { n: results.length - known.length, correct: correct - knownCorrect, accuracy_without_them: known.length ? knownCorrect / known.length : 0 };
    const json = { task: 'actors', cases: cases.length, applicable: results.length, correct, accuracy, by_category: byCategory, names_outside_kb: namesOutsideKb, skipped, failures };
    const lines = [
      `actors: ${correct}/${results.length} applicable cases correct (accuracy ${(accuracy * 100).toFixed(1)}%), ${skipped.length} of ${cases.length} skipped`,
      ...Object.entries(byCategory).map(([name, bucket]) => `  ${name.padEnd(18)} ${bucket.correct}/${bucket.n}  ${(bucket.accuracy * 100).toFixed(1)}%`),
      `  (${namesOutsideKb.n} inputs name someone or something the KB does not know, ${namesOutsideKb.correct} of them still right; accuracy on the rest ${(namesOutsideKb.accuracy_without_them * 100).toFixed(1)}%)`,
      'skipped:',
      ...[...new Set(skipped.map((item) => item.reason))].map((reason) => `  ${skipped.filter((item) => item.reason === reason).length} × ${reason}`),
      'failures:',
      ...failures.map((failure) => `  ${failure.test}: ${failure.input} — expected ${failure.expected}; got ${failure.got}`),
    ];
    return { json, text: lines.join('\n') };
  },
};
