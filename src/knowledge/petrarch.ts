/**
 * Readers for the CAMEO/PETRARCH dictionary formats, so their actor and agent lists can be turned
 * into Storyline KB entries (and so users can bring their own TABARI/PETRARCH dictionaries):
 * - actor dictionaries (Phoenix.Countries.actors.txt style): a NAME line, `+ALIAS` lines and
 *   `[CODE]` or date-restricted `[CODE 170120-210120]` / `[CODE >20070101]` / `[CODE <900823]`
 *   lines; dated government/military/… codes become office terms;
 * - agent dictionaries (Phoenix.agents.txt style): `NOUN {PLURAL} [~CODE]` with `!MACRO! = A, B`
 *   substitutions.
 */
import type { KbEntry, KbKind, OfficeTerm } from './types.js';
import { capitaliseWords } from './normalise.js';

interface DatedCode {
  code: string;
  start: string | null;
  end: string | null;
  dated: boolean;
}

interface RawActor {
  name: string;
  aliases: string[];
  codes: DatedCode[];
  note: string;
}

/** Three-letter prefixes that are not countries in CAMEO actor codes. */
const NON_COUNTRY_PREFIXES = new Set(['IGO', 'NGO', 'MNC', 'IMG', 'UIS', 'REB', 'ELI', '---']);

const SECTOR_TITLES: Record<string, string> = {
  GOV: 'government office',
  MIL: 'military office',
  LEG: 'legislative office',
  JUD: 'judicial office',
  SPY: 'intelligence office',
  COP: 'police office',
  IGO: 'international organisation office',
  NGO: 'non-governmental organisation office',
};

/** `PETRARCH_STYLE_NAME_` → "Petrarch Style Name". */
export function petrarchName(raw: string): string {
  const spaced = raw
    .replace(/_+$/, '')
    .replace(/_+/g, ' ')
    .trim();
  return capitaliseWords(spaced);
}

/** PETRARCH dates: YYMMDD (two-digit years pivot at 30) or YYYYMMDD → YYYY-MM-DD; else null. */
export function petrarchDate(raw: string): string | null {
  if (/^\d{8}$/.test(raw)) return `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
  if (/^\d{6}$/.test(raw)) {
    const yy = Number(raw.slice(0, 2));
    const century = yy <= 30 ? '20' : '19';
    return `${century}${raw.slice(0, 2)}-${raw.slice(2, 4)}-${raw.slice(4, 6)}`;
  }
  return null;
}

function parseCode(inside: string): DatedCode | null {
  const [code, range] = inside.trim().split(/\s+/, 2);
  if (!code || !/^[A-Z-]{3,}$/.test(code)) return null;
  if (!range) return { code, start: null, end: null, dated: false };
  if (range.startsWith('>')) return { code, start: petrarchDate(range.slice(1)), end: null, dated: true };
  if (range.startsWith('<')) return { code, start: null, end: petrarchDate(range.slice(1)), dated: true };
  const [from, to] = range.split('-');
  return { code, start: petrarchDate(from ?? ''), end: petrarchDate(to ?? ''), dated: true };
}

function codesIn(text: string): DatedCode[] {
  const codes: DatedCode[] = [];
  for (const match of text.matchAll(/\[([^\]]*)\]/g)) {
    const parsed = parseCode((match[1] ?? '').replace(/^~/, ''));
    if (parsed) codes.push(parsed);
  }
  return codes;
}

function readActors(text: string): RawActor[] {
  const actors: RawActor[] = [];
  let current: RawActor | null = null;
  for (const rawLine of text.split(/\r?\n/)) {
    const hash = rawLine.indexOf('#');
    const note = hash >= 0 ? rawLine.slice(hash + 1).trim() : '';
    const line = (hash >= 0 ? rawLine.slice(0, hash) : rawLine).replace(/\s+$/, '');
    if (!line.trim()) continue;
    if (/^\s/.test(line)) {
      if (current) current.codes.push(...codesIn(line));
    } else if (line.startsWith('+')) {
      if (current) current.aliases.push(petrarchName(line.slice(1).replace(/\[.*$/, '')));
      if (current) current.codes.push(...codesIn(line));
    } else if (!line.startsWith('!')) {
      const name = petrarchName(line.replace(/\[.*$/, '').replace(/\{.*?\}/g, ''));
      if (!name) continue;
      current = { name, aliases: [], codes: codesIn(line), note };
      actors.push(current);
    }
  }
  return actors;
}

function countryOf(code: string): string | null {
  const prefix = code.slice(0, 3);
  return NON_COUNTRY_PREFIXES.has(prefix) || code.length < 3 ? null : prefix;
}

function kindOf(actor: RawActor, fixed: DatedCode | undefined, offices: OfficeTerm[]): KbKind {
  if (actor.codes.some((code) => code.code.length === 3 && countryOf(code.code))) return 'country';
  if (offices.length > 0 || /countryinfo|rulers/i.test(actor.note)) return 'person';
  const code = fixed?.code ?? '';
  if (code.startsWith('IGO')) return 'igo';
  if (code.length === 3 && countryOf(code)) return 'country';
  return 'org';
}

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function countryEntry(actor: RawActor, code: string): KbEntry {
  return {
    id: `petrarch:${slug(actor.name)}`,
    kind: 'country',
    name: actor.name,
    aliases: [...new Set(actor.aliases.filter((alias) => alias && alias !== actor.name))],
    country: code,
    sector: null,
    code,
    source: 'petrarch',
  };
}

/**
 * Entries from a CAMEO/PETRARCH actor dictionary. The undated code is the entry's fixed code; dated
 * codes with a sector (not ELI, not bare country codes) become offices with that date range.
 */
export function importPetrarch(text: string): KbEntry[] {
  const entries: KbEntry[] = [];
  for (const actor of readActors(text)) {
    const fixed = actor.codes.find((code) => !code.dated);
    const offices: OfficeTerm[] = [];
    for (const dated of actor.codes.filter((code) => code.dated)) {
      const international = /^(IGO|NGO)/.test(dated.code);
      const country = international ? dated.code : countryOf(dated.code);
      const sector = international ? dated.code.slice(0, 3) : dated.code.slice(3);
      if (!country || !sector || sector === 'ELI') continue;
      offices.push({
        title: SECTOR_TITLES[sector.slice(0, 3)] ?? `office (${sector})`,
        of: country,
        sector,
        start: dated.start,
        end: dated.end,
      });
    }
    const code = fixed?.code && fixed.code !== '---' ? fixed.code : null;
    const country = code ? countryOf(code) : (offices[0]?.of ?? null);
    const kind = kindOf(actor, fixed, offices);
    if (kind === 'country') {
      offices.length = 0;
      const current = [...actor.codes].reverse().find((code) => code.code.length === 3 && countryOf(code.code) && !code.end);
      if (current) entries.push(countryEntry(actor, current.code));
      continue;
    }
    const sector = code ? code.slice(countryOf(code) ? 3 : 0, (countryOf(code) ? 3 : 0) + 3) || null : null;
    const entry: KbEntry = {
      id: `petrarch:${slug(actor.name)}`,
      kind,
      name: actor.name,
      aliases: [...new Set(actor.aliases.filter((alias) => alias && alias !== actor.name))],
      country: country ?? (kind === 'person' ? (offices[0]?.of ?? null) : null),
      sector,
      code,
      source: 'petrarch',
    };
    if (offices.length > 0) entry.offices = offices;
    entries.push(entry);
  }
  return entries;
}

/** Expand `!MACRO!` references and `{PLURAL}` forms of one agent line into its phrases. */
function agentPhrases(head: string, macros: Map<string, string[]>): string[] {
  const plural = /\{([^}]*)\}/.exec(head)?.[1]?.trim();
  const base = head.replace(/\{[^}]*\}/g, '').trim();
  let phrases = [base];
  for (const [macro, words] of macros) {
    phrases = phrases.flatMap((phrase) => (phrase.includes(macro) ? words.map((word) => phrase.split(macro).join(word)) : [phrase]));
  }
  if (plural) phrases.push(plural);
  return phrases.map((phrase) => phrase.replace(/_+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()).filter(Boolean);
}

/** `[phrase, code]` rows from a CAMEO/PETRARCH agent dictionary (Phoenix.agents.txt style). */
export function importPetrarchAgents(text: string): Array<[string, string]> {
  const macros = new Map<string, string[]>();
  const rows: Array<[string, string]> = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const macro = /^(![A-Z]+!)\s*=\s*(.+)$/.exec(line);
    if (macro?.[1] && macro[2]) {
      macros.set(macro[1], macro[2].split(',').map((word) => word.trim()).filter(Boolean));
      continue;
    }
    const coded = /^(.*?)\[~?([A-Z]+)\]/.exec(line);
    if (!coded?.[1] || !coded[2]) continue;
    for (const phrase of agentPhrases(coded[1], macros)) rows.push([phrase, coded[2]]);
  }
  return rows;
}
