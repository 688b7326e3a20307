/**
 * The knowledge stage's interface: an actor knowledge base of countries, regions, international
 * organisations, office holders (with date ranges), media and companies, and CAMEO sector nouns.
 * Extraction asks it questions; it never sees documents.
 */

export type KbKind = 'country' | 'region' | 'igo' | 'person' | 'media' | 'company' | 'org' | 'place';

/** One office held for a period: "Prime Minister of ARM, 2018-05-08 –". */
export interface OfficeTerm {
  title: string;
  /** ISO 3166 alpha-3 of the country, or an IGO code ("EU", "UN", "NATO"). */
  of: string;
  /** CAMEO sector of the office (GOV, MIL, …). */
  sector: string;
  /** YYYY or YYYY-MM or YYYY-MM-DD; null = unknown start. */
  start: string | null;
  /** null = still in office. */
  end: string | null;
}

export interface KbEntry {
  /** Stable id, e.g. "country:AZE", "person:ilham-aliyev", "igo:NATO", "media:sputnik". */
  id: string;
  kind: KbKind;
  name: string;
  aliases: string[];
  /** ISO 3166 alpha-3 of the country it belongs to, if any. */
  country: string | null;
  /** CAMEO sector code (GOV, MIL, MED, BUS, IGO …) when fixed for the entry. */
  sector: string | null;
  /** CAMEO actor code when fixed for the entry (e.g. "RUSMED" for Sputnik, "IGOEUREEC"). */
  code: string | null;
  /** For countries: demonyms and adjectives ("Azerbaijani"); capitals and seats of power used as metonyms. */
  demonyms?: string[];
  capital?: string | null;
  metonyms?: { name: string; sector: string }[];
  /** For regions and groupings: ISO 3166 alpha-3 codes of the member countries. */
  members?: string[];
  /** For persons: offices with date ranges. */
  offices?: OfficeTerm[];
  /** Free-form note, e.g. "Azerbaijan's state energy company". */
  description?: string | null;
  /** Where the fact came from ("ISO 3166", "petrarch:Phoenix.Countries.actors", "storyline"). */
  source: string;
}

/** How a surface string matched an entry. */
export type KbMatchVia = 'name' | 'alias' | 'demonym' | 'capital' | 'metonym';

export interface KbMatch {
  entry: KbEntry;
  via: KbMatchVia;
  /** Sector implied by the match (a metonym "the Kremlin" → GOV), else the entry's. */
  sector: string | null;
  /** The office held on the query date, for persons. */
  office: OfficeTerm | null;
}

export interface KnowledgeBase {
  /** All entries whose name, alias, demonym, capital or metonym equals `name` (case- and diacritics-insensitive), best first; offices resolved on `date`. */
  lookup(name: string, date?: string | null): KbMatch[];
  /** Longest-match: the number of tokens (from `tokens[from]`) that form a known name, or 0. */
  longestMatch(tokens: readonly string[], from: number): number;
  /** Is `word` (lower case) written in lower case after the first word of some known name ("corridor" in "Zangezur corridor")? */
  isNameTailWord(word: string): boolean;
  /** CAMEO sector signalled by a noun or noun phrase ("police" → COP, "foreign ministry" → GOV), or null. */
  sectorOf(noun: string): string | null;
  /** Title words that signal an office ("President" → GOV, "General" → MIL), or null. */
  titleSector(title: string): string | null;
  /** Entry by id. */
  get(id: string): KbEntry | undefined;
  /** Every entry of a kind. */
  entries(kind?: KbKind): KbEntry[];
}
