/**
 * The actor knowledge base: loads the shipped data files (src/knowledge/data/*.jsonl entries,
 * sectors.tsv / petrarch-agents.tsv sector nouns, titles.tsv office titles) plus users' own entry
 * files (`extraFiles`, or `STORYLINE_KB` as a `:`-separated path list) into a hash index on
 * normalised names, and answers lookups, longest matches, sector nouns and dated offices.
 * Built indexes are cached in memory per set of files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { Actor } from '../contract/types.js';
import { resourcePath } from '../paths.js';
import { endBound, isCapitalAcronym, normaliseName, startBound, withoutArticle } from './normalise.js';
import { parseSectorTable, SectorTable } from './sectors.js';
import type { KbEntry, KbKind, KbMatch, KbMatchVia, KnowledgeBase, OfficeTerm } from './types.js';

export { importPetrarch, importPetrarchAgents } from './petrarch.js';
export { normaliseName } from './normalise.js';

/** Folder of the shipped data files. */
export const KB_DATA_DIR = resourcePath('src', 'knowledge', 'data');

export interface LoadOptions {
  /** Users' own KB files in our JSON-lines format (one KbEntry per line), loaded after ours. */
  extraFiles?: string[];
}

type CaseRule = 'acronym' | 'capitalised' | null;

interface IndexedName {
  entry: KbEntry;
  via: KbMatchVia;
  /** Sector carried by the surface itself (a metonym's, a capital's GOV). */
  sector: string | null;
  /**
   * "acronym": a short all-capital name ("US") matches only a query in capitals; "capitalised": a
   * name that is also a common lower-case word ("Turkey", "Shell") matches only a capitalised query.
   */
  caseRule: CaseRule;
}

const VIA_RANK: Record<KbMatchVia, number> = { name: 0, alias: 1, demonym: 2, capital: 3, metonym: 4 };
/** An organisation's seat ("Brussels" → EU) outranks the same city as a national capital. */
function viaRank(item: IndexedName): number {
  return item.via === 'metonym' && item.entry.kind === 'igo' ? VIA_RANK.demonym + 0.5 : VIA_RANK[item.via];
}

/** Curated and users' entries come before those derived from the 2014 PETRARCH dictionaries. */
function sourceRank(item: IndexedName): number {
  return item.entry.source.startsWith('petrarch') ? 1 : 0;
}

const KIND_RANK: Record<KbKind, number> = { country: 0, igo: 1, person: 2, org: 3, media: 4, company: 5, region: 6, place: 7 };

/** Sector of a person with offices who holds none on the date: a former or future office holder. */
export const OUT_OF_OFFICE_SECTOR = 'ELI';

/**
 * Reads one JSON-lines entry file; fills defaults so partial user entries are valid. A person with
 * offices gets `<country>ELI` as the fixed code for dates on which they hold none.
 */
export function readEntryFile(file: string): KbEntry[] {
  const entries: KbEntry[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, index) => {
    if (!line.trim() || line.startsWith('#') || line.startsWith('//')) return;
    let raw: Partial<KbEntry>;
    try {
      raw = JSON.parse(line) as Partial<KbEntry>;
    } catch (error) {
      throw new Error(`storyline kb: ${file}:${index + 1}: not JSON (${(error as Error).message})`);
    }
    if (!raw.name || !raw.kind) throw new Error(`storyline kb: ${file}:${index + 1}: an entry needs "name" and "kind"`);
    const country = raw.country ?? null;
    const outOfOffice = raw.kind === 'person' && raw.offices?.length && country ? OUT_OF_OFFICE_SECTOR : null;
    entries.push({
      ...raw,
      id: raw.id ?? `${raw.kind}:${normaliseName(raw.name).replace(/[^a-z0-9]+/g, '-')}`,
      kind: raw.kind,
      name: raw.name,
      aliases: raw.aliases ?? [],
      country,
      sector: raw.sector ?? outOfOffice,
      code: raw.code ?? (outOfOffice ? `${country}${outOfOffice}` : null),
      source: raw.source ?? path.basename(file),
    });
  });
  return entries;
}

/** Is the office held on `date` (YYYY-MM-DD)? Start inclusive, end exclusive (hand-over day goes to the successor). */
export function officeHeldOn(office: OfficeTerm, date: string): boolean {
  if (office.start && startBound(office.start) > date) return false;
  if (office.end && endBound(office.end) <= date) return false;
  return true;
}

/** The office an entry holds on `date`: the first listed among those held (data lists the main one first). */
export function officeOn(entry: KbEntry, date: string): OfficeTerm | null {
  return entry.offices?.find((office) => officeHeldOn(office, date)) ?? null;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A query date as YYYY-MM-DD (partial dates pad to their first day); null → today. */
export function queryDate(date?: string | null): string {
  if (!date) return today();
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!match) return today();
  return `${match[1]}-${match[2] ?? '01'}-${match[3] ?? '01'}`;
}

class IndexedKnowledgeBase implements KnowledgeBase {
  private readonly names = new Map<string, IndexedName[]>();
  private readonly byId = new Map<string, KbEntry>();
  private readonly all: KbEntry[] = [];
  private maxTokens = 1;
  private readonly tailWords = new Set<string>();

  constructor(
    entries: KbEntry[],
    private readonly sectors: SectorTable,
    private readonly titles: SectorTable,
    private readonly lowerCaseWords: ReadonlySet<string>,
  ) {
    for (const entry of entries) this.add(entry);
  }

  private add(entry: KbEntry): void {
    const previous = this.byId.get(entry.id);
    if (previous) this.all.splice(this.all.indexOf(previous), 1);
    this.byId.set(entry.id, entry);
    this.all.push(entry);
    this.index(entry.name, entry, 'name', entry.sector);
    for (const alias of entry.aliases) this.index(alias, entry, 'alias', entry.sector);
    for (const demonym of entry.demonyms ?? []) this.index(demonym, entry, 'demonym', null);
    if (entry.capital) this.index(entry.capital, entry, 'capital', 'GOV');
    for (const metonym of entry.metonyms ?? []) this.index(metonym.name, entry, 'metonym', metonym.sector);
  }

  private index(surface: string, entry: KbEntry, via: KbMatchVia, sector: string | null): void {
    const key = normaliseName(surface);
    if (!key) return;
    for (const word of surface.split(/\s+/).slice(1)) if (/^\p{Ll}+$/u.test(word)) this.tailWords.add(word);
    const caseRule: CaseRule = isCapitalAcronym(surface) ? 'acronym' : this.lowerCaseWords.has(withoutArticle(key)) ? 'capitalised' : null;
    for (const variant of new Set([key, withoutArticle(key)])) {
      const list = this.names.get(variant) ?? [];
      if (list.some((item) => item.entry === entry && item.via === via)) continue;
      list.push({ entry, via, sector, caseRule });
      this.names.set(variant, list);
      this.maxTokens = Math.max(this.maxTokens, variant.split(' ').length);
    }
  }

  /** Also answers an IGO's code as used in offices ("WB", "ARL"), when no name matches. */
  lookup(name: string, date?: string | null): KbMatch[] {
    const key = normaliseName(name);
    const byCode = this.byId.get(`igo:${name.trim()}`);
    const candidates = this.names.get(key) ?? this.names.get(withoutArticle(key)) ?? (byCode ? [{ entry: byCode, via: 'alias' as const, sector: byCode.sector, caseRule: null }] : []);
    const core = name.trim().replace(/^(the|a|an)\s+/i, '');
    const inCapitals = core === core.toUpperCase();
    const capitalised = /^[\p{Lu}\d]/u.test(core);
    const on = queryDate(date);
    const seen = new Set<KbEntry>();
    return candidates
      .filter((item) => (item.caseRule === 'acronym' ? inCapitals : item.caseRule === 'capitalised' ? capitalised : true))
      .sort((a, b) => sourceRank(a) - sourceRank(b) || viaRank(a) - viaRank(b) || KIND_RANK[a.entry.kind] - KIND_RANK[b.entry.kind])
      .filter((item) => (seen.has(item.entry) ? false : (seen.add(item.entry), true)))
      .map((item) => this.match(item, on));
  }

  private match(item: IndexedName, date: string): KbMatch {
    const office = item.entry.offices ? officeOn(item.entry, date) : null;
    let sector = item.sector;
    if (item.entry.offices?.length && (item.via === 'name' || item.via === 'alias')) {
      sector = office?.sector ?? (item.entry.kind === 'person' ? OUT_OF_OFFICE_SECTOR : item.entry.sector);
    }
    return { entry: item.entry, via: item.via, sector, office };
  }

  longestMatch(tokens: readonly string[], from: number): number {
    const limit = Math.min(this.maxTokens, tokens.length - from);
    for (let length = limit; length > 0; length--) {
      const surface = tokens.slice(from, from + length).join(' ');
      if (this.lookup(surface).length > 0) return length;
    }
    return 0;
  }

  isNameTailWord(word: string): boolean {
    return this.tailWords.has(word);
  }

  sectorOf(noun: string): string | null {
    return this.sectors.exact(noun)?.code ?? this.sectors.find(normaliseName(noun).split(' '))?.code ?? null;
  }

  /** The sector phrase found in `words` with its position, for phrase resolution. */
  sectorPhrase(words: readonly string[]): { code: string; pattern: string; start: number } | null {
    return this.sectors.find(words.map(normaliseName));
  }

  /** Sector phrase allowing one typo in a single word, when nothing matches exactly. */
  fuzzySectorPhrase(words: readonly string[]): { code: string; pattern: string; start: number } | null {
    return this.sectors.fuzzy(words);
  }

  private singleWords: string[] | null = null;

  /** Every one-word indexed name of five letters or more (for typo fallback). */
  singleWordNames(): string[] {
    this.singleWords ??= [...this.names.keys()].filter((key) => !key.includes(' ') && key.length >= 5);
    return this.singleWords;
  }

  titleSector(title: string): string | null {
    const key = normaliseName(title);
    if (/^(former|ex-|ex) /.test(key)) return OUT_OF_OFFICE_SECTOR;
    return this.titles.exact(key)?.code ?? this.titles.find(key.split(' '))?.code ?? null;
  }

  get(id: string): KbEntry | undefined {
    return this.byId.get(id);
  }

  entries(kind?: KbKind): KbEntry[] {
    return kind ? this.all.filter((entry) => entry.kind === kind) : [...this.all];
  }
}

/** The knowledge base with phrase-level helpers (used by `resolveActor` and the CLI). */
export type StorylineKnowledgeBase = IndexedKnowledgeBase;

const cache = new Map<string, IndexedKnowledgeBase>();

/** KB names that are also common lower-case English words (data/lowercase-words.txt), if present. */
function readLowerCaseWords(): Set<string> {
  try {
    const text = readFileSync(path.join(KB_DATA_DIR, 'lowercase-words.txt'), 'utf8');
    return new Set(text.split('\n').filter((line) => line && !line.startsWith('#')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw error;
  }
}

function userFiles(options?: LoadOptions): string[] {
  const fromEnv = (process.env.STORYLINE_KB ?? '').split(':').filter(Boolean);
  return [...(options?.extraFiles ?? []), ...fromEnv].map((file) => path.resolve(file));
}

/** Loads (once per set of files) and returns the knowledge base. */
export function loadKnowledgeBase(options?: LoadOptions): StorylineKnowledgeBase {
  const extra = userFiles(options);
  const cacheKey = extra.join('\n');
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const shipped = readdirSync(KB_DATA_DIR)
    .filter((file) => file.endsWith('.jsonl'))
    .sort((a, b) => Number(a.startsWith('petrarch')) - Number(b.startsWith('petrarch')) || a.localeCompare(b))
    .map((file) => path.join(KB_DATA_DIR, file));
  const entries = [...shipped, ...extra].flatMap(readEntryFile);
  const sectors = new SectorTable();
  for (const table of ['sectors.tsv', 'petrarch-agents.tsv']) {
    try {
      sectors.add(parseSectorTable(readFileSync(path.join(KB_DATA_DIR, table), 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const titles = new SectorTable();
  titles.add(parseSectorTable(readFileSync(path.join(KB_DATA_DIR, 'titles.tsv'), 'utf8')));
  const kb = new IndexedKnowledgeBase(entries, sectors, titles, readLowerCaseWords());
  cache.set(cacheKey, kb);
  return kb;
}

function splitSector(chain: string | null): { primary: string | null; chain: string } {
  return { primary: chain ? chain.slice(0, 3) : null, chain: chain ?? '' };
}

/** The IGO entry an office belongs to ("EU", "UN", "NATO", "IAEA" …). */
function igoEntry(of: string, kb: KnowledgeBase): KbEntry | undefined {
  return kb.get(`igo:${of}`) ?? kb.lookup(of).find((match) => match.entry.kind === 'igo')?.entry;
}

/**
 * The CAMEO actor of a KB match on a date: persons (and groups with dated roles) take the office
 * they hold then (country + office sector, or the IGO's code); out of office, a person is an elite
 * (ELI) of their country. Metonyms and capitals carry their sector ("the Kremlin" → RUSGOV).
 * Sector chains ("GOVMIL") stay whole in `code`; `sector` is the primary one.
 */
export function actorCode(match: KbMatch, date?: string | null, kb: KnowledgeBase = loadKnowledgeBase()): Actor | null {
  const entry = match.entry;
  const office = entry.offices ? officeOn(entry, queryDate(date)) : null;
  if (office) {
    if (/^[A-Z]{3}$/.test(office.of) && !/^(IGO|NGO)$/.test(office.of) && !igoEntry(office.of, kb)) {
      return { code: office.of + office.sector, country: office.of, sector: splitSector(office.sector).primary };
    }
    if (/^(IGO|NGO)/.test(office.of)) return { code: office.of, country: null, sector: office.of.slice(0, 3) };
    const igo = igoEntry(office.of, kb);
    return { code: igo?.code ?? `IGO${office.of}`, country: null, sector: 'IGO' };
  }
  if (entry.kind === 'person' && entry.offices?.length) {
    return entry.country ? { code: entry.country + OUT_OF_OFFICE_SECTOR, country: entry.country, sector: OUT_OF_OFFICE_SECTOR } : null;
  }
  if (entry.kind === 'igo') return { code: entry.code ?? 'IGO', country: null, sector: splitSector(entry.sector).primary ?? 'IGO' };
  const sector = match.via === 'metonym' || match.via === 'capital' ? match.sector : entry.sector;
  const country = entry.kind === 'region' ? null : entry.country;
  if (!country && !sector) return entry.code ? { code: entry.code, country: null, sector: null } : null;
  const { primary, chain } = splitSector(sector);
  const code = match.via === 'metonym' || match.via === 'capital' || !entry.code ? `${country ?? ''}${chain}` : entry.code;
  return { code, country, sector: primary };
}
