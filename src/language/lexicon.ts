/**
 * Per-word attributes as integers, computed once per distinct word and cached: hashes of the form,
 * lower-case form, prefixes, suffixes and word shape, plus orthographic flags. Feature extraction in
 * the tagger, lemmatiser and parser reads these instead of building strings per feature.
 */
import { hashString } from './perceptron.js';

export const FLAG_DIGIT = 1;
export const FLAG_HYPHEN = 2;
export const FLAG_ALL_UPPER = 4;
export const FLAG_TITLE = 8;
export const FLAG_LETTER = 16;
export const FLAG_PUNCT = 32;

export interface WordInfo {
  form: number;
  lower: number;
  /** Hashes of the lower-case prefixes of length 1..3. */
  prefix: Int32Array;
  /** Hashes of the lower-case suffixes of length 1..5. */
  suffix: Int32Array;
  shape: number;
  flags: number;
}

/** Placeholder attributes for positions before the sentence start and after its end. */
export const BOUNDARY_BEFORE: WordInfo = boundary('<s>');
export const BOUNDARY_AFTER: WordInfo = boundary('</s>');

function boundary(marker: string): WordInfo {
  const hash = hashString(marker);
  return { form: hash, lower: hash, prefix: new Int32Array(3).fill(hash), suffix: new Int32Array(5).fill(hash), shape: hash, flags: 0 };
}

/** Short word shape: character classes with runs collapsed ("McCain" → "XxXx", "2025-08" → "d-d"). */
export function wordShape(word: string): string {
  let shape = '';
  let last = '';
  for (const char of word) {
    let cls: string;
    if (/\p{Lu}/u.test(char)) cls = 'X';
    else if (/\p{Ll}/u.test(char)) cls = 'x';
    else if (/\p{N}/u.test(char)) cls = 'd';
    else cls = char;
    if (cls !== last) shape += cls;
    last = cls;
  }
  return shape;
}

function computeInfo(word: string): WordInfo {
  const lower = word.toLowerCase();
  const prefix = new Int32Array(3);
  const suffix = new Int32Array(5);
  for (let k = 0; k < 3; k++) prefix[k] = hashString('<' + lower.slice(0, k + 1));
  for (let k = 0; k < 5; k++) suffix[k] = hashString('>' + lower.slice(Math.max(0, lower.length - k - 1)));
  let flags = 0;
  if (/\p{N}/u.test(word)) flags |= FLAG_DIGIT;
  if (word.includes('-')) flags |= FLAG_HYPHEN;
  if (/\p{L}/u.test(word)) flags |= FLAG_LETTER;
  if (/^\p{Lu}+$/u.test(word) && word.length > 1) flags |= FLAG_ALL_UPPER;
  if (/^\p{Lu}\p{Ll}/u.test(word)) flags |= FLAG_TITLE;
  if (/^[\p{P}\p{S}]+$/u.test(word)) flags |= FLAG_PUNCT;
  return { form: hashString(word), lower: hashString(lower), prefix, suffix, shape: hashString(wordShape(word)), flags };
}

/** Caches `WordInfo` per distinct word; clears itself past `capacity` entries to bound memory. */
export class WordCache {
  private readonly entries = new Map<string, WordInfo>();
  constructor(private readonly capacity = 200_000) {}

  get(word: string): WordInfo {
    let info = this.entries.get(word);
    if (!info) {
      if (this.entries.size >= this.capacity) this.entries.clear();
      info = computeInfo(word);
      this.entries.set(word, info);
    }
    return info;
  }
}
