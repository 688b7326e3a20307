/**
 * CAMEO sector nouns and office titles: a table from normalised phrases ("police", "foreign
 * ministry", "defense minister") to sector codes, with plural folding and longest-suffix matching so
 * that "antiwar protesters" finds "protester" and "Kyiv police" finds "police".
 * A code may be a chain of three-letter CAMEO codes ("GOVMIL"); the first is the primary sector.
 */
import { normaliseName, withinOneEdit } from './normalise.js';

export interface SectorHit {
  /** CAMEO sector code or chain, e.g. "COP", "GOVMIL". */
  code: string;
  /** The table phrase that matched, singular ("protester"). */
  pattern: string;
  /** Index of the first word of the match in the words looked at. */
  start: number;
}

/** Parse a `phrase<TAB>code` table; `#` starts a comment line. */
export function parseSectorTable(text: string): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [phrase, code] = line.split('\t');
    if (phrase && code) rows.push([phrase.trim(), code.trim()]);
  }
  return rows;
}

/** Singular candidates of an English noun, most likely first ("authorities" → "authority"). */
export function singularForms(word: string): string[] {
  const forms: string[] = [];
  if (word.endsWith('ies') && word.length > 4) forms.push(word.slice(0, -3) + 'y');
  if (word.endsWith('men') && word.length > 4) forms.push(word.slice(0, -3) + 'man');
  if (/(ss|ch|sh|x|z)es$/.test(word)) forms.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss') && word.length > 3) forms.push(word.slice(0, -1));
  return forms;
}

export class SectorTable {
  private readonly codes = new Map<string, string>();
  /** Which table (0 = first added) each phrase came from: earlier tables win, plural-folded or not. */
  private readonly ranks = new Map<string, number>();
  private tables = 0;
  private maxWords = 1;

  /** Adds one table; rows already known (from this or an earlier table) are kept as they are. */
  add(rows: Iterable<[string, string]>): void {
    const rank = this.tables++;
    for (const [phrase, code] of rows) {
      const key = normaliseName(phrase);
      if (!key || this.codes.has(key)) continue;
      this.codes.set(key, code);
      this.ranks.set(key, rank);
      this.maxWords = Math.max(this.maxWords, key.split(' ').length);
    }
  }

  /** Exact phrase (or its plural-folded form); the earliest table's reading wins. */
  exact(phrase: string): SectorHit | null {
    const key = normaliseName(phrase);
    const words = key.split(' ');
    const last = words[words.length - 1] ?? '';
    let best: SectorHit | null = null;
    let bestRank = Infinity;
    for (const candidate of [last, ...singularForms(last)]) {
      const form = [...words.slice(0, -1), candidate].join(' ');
      const code = this.codes.get(form);
      const rank = this.ranks.get(form) ?? Infinity;
      if (code && rank < bestRank) {
        best = { code, pattern: form, start: 0 };
        bestRank = rank;
      }
    }
    return best;
  }

  /**
   * The best sector phrase inside `words`: the longest phrase ending at the rightmost possible
   * word (English heads come last: "Defense Ministry official" → "official"; "Kyiv police" → "police").
   */
  find(words: readonly string[]): SectorHit | null {
    for (let end = words.length; end > 0; end--) {
      for (let start = Math.max(0, end - this.maxWords); start < end; start++) {
        const hit = this.exact(words.slice(start, end).join(' '));
        if (hit) return { ...hit, start };
      }
    }
    return null;
  }

  /** A single word within one edit of a table word ("katushya" → "katyusha"), for typos. */
  fuzzy(words: readonly string[]): SectorHit | null {
    for (let index = words.length - 1; index >= 0; index--) {
      const word = normaliseName(words[index] ?? '');
      if (word.length < 5) continue;
      for (const [key, code] of this.codes) {
        if (!key.includes(' ') && key[0] === word[0] && withinOneEdit(word, key)) return { code, pattern: key, start: index };
      }
    }
    return null;
  }

  get size(): number {
    return this.codes.size;
  }
}
