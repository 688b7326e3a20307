/**
 * Features of the named-entity recogniser, as hashed int32 keys (see perceptron.ts). No string is
 * built per feature: each word's hashes are computed once and combined with a template number.
 *
 * Per word: the word, its lowercase, shape, prefixes and suffixes, a ±2 window, shape and word
 * bigrams, sentence-initial position, how the word is usually capitalised (a casing lexicon learned
 * from text, which is what lets the model read ALL-CAPS headlines), whether it is capitalised
 * elsewhere in the same document, matches against a gazetteer of names tagged in the training
 * data, and matches against the knowledge base's names (people, places, organisations, demonyms),
 * which is how the model hears of names newer than its corpus; and word clusters (of the word and
 * its neighbours) learned from unlabelled text. Per decision: the two previous
 * tags and the type this word was most often given earlier in the same document.
 */
import { finishHash, hashFeature, hashString, mixHash } from './perceptron.js';

/** A word's shape: letters become X/x, digits d, other characters stay, runs capped at four. */
function wordShape(word: string): string {
  let shape = '';
  let last = '';
  let run = 0;
  for (const char of word) {
    const mapped = shapeOf(char);
    run = mapped === last ? run + 1 : 1;
    last = mapped;
    if (run <= 4) shape += mapped;
  }
  return shape;
}

function shapeOf(char: string): string {
  const code = char.charCodeAt(0);
  if (code >= 65 && code <= 90) return 'X';
  if (code >= 97 && code <= 122) return 'x';
  if (code >= 48 && code <= 57) return 'd';
  if (code < 128) return char;
  if (char !== char.toLowerCase()) return 'X';
  if (char !== char.toUpperCase()) return 'x';
  return char;
}

/** A shape with each run of one character collapsed to a single character ("Xxxx" → "Xx"). */
function shortShape(shape: string): string {
  let short = '';
  for (let i = 0; i < shape.length; i++) if (i === 0 || shape[i] !== shape[i - 1]) short += shape[i];
  return short;
}

/** True when a word starts with an upper-case letter. */
export function isCapitalised(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return /^\p{Lu}/u.test(word);
}

/** Maps int32 keys to byte values: the casing lexicon, the gazetteer, the known names, the word clusters. */
export class ByteLexicon {
  private readonly entries = new Map<number, number>();

  get(key: number): number {
    return this.entries.get(key) ?? 0;
  }

  set(key: number, value: number): void {
    if (value === 0) this.entries.delete(key);
    else this.entries.set(key, value);
  }

  /** Keys as int32, then one value byte per key. */
  encode(): Buffer {
    const keys = Int32Array.from(this.entries.keys());
    const values = Uint8Array.from(this.entries.values());
    return Buffer.concat([Buffer.from(keys.buffer), Buffer.from(values.buffer)]);
  }

  static decode(bytes: Buffer): ByteLexicon {
    const lexicon = new ByteLexicon();
    const count = bytes.length / 5;
    for (let i = 0; i < count; i++) lexicon.set(bytes.readInt32LE(i * 4), bytes[count * 4 + i]);
    return lexicon;
  }
}

/** Longest name (in words) looked up in the gazetteer. */
export const GAZETTEER_MAX_WORDS = 6;

/**
 * Gazetteer value bit saying "some longer name starts with these words": lookups stop extending a
 * phrase once it is neither a name nor such a prefix. The low bits are entity-type bits.
 */
export const NAME_PREFIX = 0x80;

/** Gazetteer key of the words `start..end` (lower-case hashes). */
export function phraseKey(lowered: Int32Array, start: number, end: number): number {
  let hash = 0x3c6ef372;
  for (let i = start; i < end; i++) hash = mixHash(hash, lowered[i]);
  return finishHash(hash);
}

/** Hash of each word's lower-case form (the casing lexicon's and the gazetteer's key material). */
export function lowerHashes(words: readonly string[]): Int32Array {
  return Int32Array.from(words, (word) => hashString(word.toLowerCase()));
}

/**
 * Casing classes of a lower-cased word from counts of its sentence-internal occurrences:
 * 1 always lower, 2 mostly lower, 3 mixed, 4 mostly capitalised, 5 always capitalised,
 * 6 mostly all-caps (acronyms). 0 means never seen.
 */
export function casingClass(lower: number, capitalised: number, allCaps: number): number {
  const total = lower + capitalised + allCaps;
  if (total === 0) return 0;
  if (allCaps / total > 0.5) return 6;
  const share = (capitalised + allCaps) / total;
  if (share < 0.05) return 1;
  if (share < 0.4) return 2;
  if (share < 0.6) return 3;
  if (share < 0.95) return 4;
  return 5;
}

/** True for a sentence written in capitals (a CoNLL headline or a shouted line). */
export function isAllCapsSentence(words: readonly string[]): boolean {
  let letters = 0;
  let upper = 0;
  for (const word of words) {
    if (!/\p{L}/u.test(word)) continue;
    letters++;
    if (word === word.toUpperCase()) upper++;
  }
  return letters >= 2 && upper / letters > 0.7;
}

/** What the feature extractor needs from the model: its lexicons, and the gazetteer view. */
export interface FeatureLexicons {
  casing: ByteLexicon;
  /** Bit mask of entity types (bit i = type i) a phrase key was seen as, plus NAME_PREFIX. */
  gazetteer: (key: number) => number;
  /** Bit mask of knowledge-base name categories (see KnownNameCategory), plus NAME_PREFIX. */
  knownNames: (key: number) => number;
  /** Word cluster (1..255, 0 none) of a lower-case word hash, see nerClusters.ts. */
  clusters: ByteLexicon;
}

/** Categories of the names listed in the knowledge base, as bit numbers of the known-names lexicon. */
export enum KnownNameCategory {
  Person = 0,
  Place = 1,
  Organisation = 2,
  Demonym = 3,
}

/** Per-document knowledge gathered before tagging: which words appear capitalised mid-sentence. */
export type DocumentCasing = Map<string, number>;

export function documentCasing(sentences: readonly (readonly string[])[]): DocumentCasing {
  const seen: DocumentCasing = new Map();
  for (const words of sentences) {
    if (isAllCapsSentence(words)) continue;
    for (let i = 1; i < words.length; i++) {
      if (!isCapitalised(words[i])) continue;
      const lower = words[i].toLowerCase();
      seen.set(lower, (seen.get(lower) ?? 0) + 1);
    }
  }
  return seen;
}

/** Static (tag-independent) features of one sentence: flat keys with per-word offsets. */
export interface SentenceFeatures {
  keys: Int32Array;
  offsets: Int32Array;
  /** Lower-case hash of each word, the key of the document tag history. */
  historyKeys: Int32Array;
  /** Short-shape hash of each word, combined with tag features. */
  shapes: Int32Array;
  /** Word hash of each word, combined with tag features. */
  wordHashes: Int32Array;
  /** Whether each word starts with a capital (only such words feed and read the tag history). */
  capitalised: Uint8Array;
}

const enum T {
  Bias = 1, Word, Lower, Shape, Prefix, Suffix, LowerAt, WordAt, ShapeAt, ShortShape3, ShortShape2Left,
  ShortShape2Right, Bigram2Left, Bigram2Right, Initial, Casing, CasingShape, CasingAt, CapsLower,
  CapsCasing, CapsDocCase, DocCase, Gazetteer, GazetteerShape, Length, PrevTag, PrevTags, PrevTagWord,
  PrevTagShape, History, HistoryShape, HistoryNone, CapsShape, KnownName, KnownNameShape, Cluster, ClusterAt,
  ClusterShape, ClusterBigram,
}

const BEGIN = hashString('<s>');
const END = hashString('</s>');

const NO_MARKS: number[] = [];

/**
 * Per word, the (category, position-in-phrase) marks of every listed phrase covering it, found by
 * looking up the phrases starting at each word until one is neither listed nor a NAME_PREFIX.
 */
function phraseMarks(lowered: Int32Array, lookup: (key: number) => number): number[][] {
  const n = lowered.length;
  const marks: number[][] = new Array<number[]>(n).fill(NO_MARKS);
  for (let start = 0; start < n; start++) {
    for (let end = start + 1; end <= Math.min(n, start + GAZETTEER_MAX_WORDS); end++) {
      const value = lookup(phraseKey(lowered, start, end));
      if (value === 0) break;
      for (let category = 0; category < 7; category++) {
        if ((value & (1 << category)) === 0) continue;
        for (let i = start; i < end; i++) {
          const position = end - start === 1 ? 0 : i === start ? 1 : i === end - 1 ? 3 : 2;
          if (marks[i] === NO_MARKS) marks[i] = [];
          marks[i].push(category * 8 + position);
        }
      }
    }
  }
  return marks;
}

/** Computes the static features of every word of a sentence. */
export function sentenceFeatures(
  words: readonly string[],
  lexicons: FeatureLexicons,
  docCase: DocumentCasing,
): SentenceFeatures {
  const n = words.length;
  const caps = isAllCapsSentence(words) ? 1 : 0;
  const lowers = words.map((word) => word.toLowerCase());
  const wordHashes = Int32Array.from(words, hashString);
  const lowered = lowerHashes(words);
  const shapes = words.map(wordShape);
  const shapeHashes = Int32Array.from(shapes, hashString);
  const shortHashes = Int32Array.from(shapes, (shape) => hashString(shortShape(shape)));
  const casing = Uint8Array.from(lowered, (hash) => lexicons.casing.get(hash));
  const clusters = Uint8Array.from(lowered, (hash) => lexicons.clusters.get(hash));
  const capitalised = Uint8Array.from(words, (word) => (isCapitalised(word) ? 1 : 0));

  const at = (array: Int32Array, i: number): number => (i < 0 ? BEGIN : i >= n ? END : array[i]);
  const casingAt = (i: number): number => (i < 0 || i >= n ? 7 : casing[i]);
  const clusterAt = (i: number): number => (i < 0 || i >= n ? 256 : clusters[i]);

  const gazetteerMarks = phraseMarks(lowered, lexicons.gazetteer);
  const knownNameMarks = phraseMarks(lowered, lexicons.knownNames);

  const keys: number[] = [];
  const offsets = new Int32Array(n + 1);
  const add = (template: number, a: number, b = 0, c = 0): void => {
    keys.push(hashFeature(template, a, b, c));
  };
  for (let i = 0; i < n; i++) {
    offsets[i] = keys.length;
    const lower = lowers[i];
    add(T.Bias, 0);
    add(T.Word, wordHashes[i]);
    add(T.Lower, lowered[i]);
    add(T.Shape, shapeHashes[i]);
    add(T.Length, Math.min(lower.length, 12));
    for (let k = 1; k <= 4 && k < lower.length; k++) {
      add(T.Prefix, hashString(lower.slice(0, k)));
      add(T.Suffix, hashString(lower.slice(-k)));
    }
    for (const offset of [-2, -1, 1, 2]) add(T.LowerAt + offset * 100, at(lowered, i + offset));
    for (const offset of [-1, 1]) {
      add(T.WordAt + offset * 100, at(wordHashes, i + offset));
      add(T.ShapeAt + offset * 100, at(shapeHashes, i + offset));
      add(T.CasingAt + offset * 100, casingAt(i + offset));
    }
    add(T.ShortShape3, at(shortHashes, i - 1), shortHashes[i], at(shortHashes, i + 1));
    add(T.ShortShape2Left, at(shortHashes, i - 1), shortHashes[i]);
    add(T.ShortShape2Right, shortHashes[i], at(shortHashes, i + 1));
    add(T.Bigram2Left, at(lowered, i - 1), lowered[i]);
    add(T.Bigram2Right, lowered[i], at(lowered, i + 1));
    if (i === 0) add(T.Initial, shortHashes[i]);
    add(T.Cluster, clusters[i]);
    add(T.ClusterShape, clusters[i], shortHashes[i]);
    add(T.ClusterBigram, clusterAt(i - 1), clusters[i]);
    for (const offset of [-1, 1]) add(T.ClusterAt + offset * 100, clusterAt(i + offset));
    add(T.Casing, casing[i]);
    add(T.CasingShape, casing[i], shortHashes[i]);
    const docCount = docCase.get(lower) ?? 0;
    const docClass = docCount === 0 ? 0 : docCount === 1 ? 1 : 2;
    add(T.DocCase, docClass, shortHashes[i]);
    if (caps) {
      add(T.CapsLower, lowered[i]);
      add(T.CapsCasing, casing[i], casingAt(i - 1));
      add(T.CapsDocCase, docClass);
      add(T.CapsShape, casing[i], lower.length > 1 ? 1 : 0);
    }
    for (const mark of gazetteerMarks[i]) {
      add(T.Gazetteer, mark);
      add(T.GazetteerShape, mark, shortHashes[i]);
    }
    for (const mark of knownNameMarks[i]) {
      add(T.KnownName, mark);
      add(T.KnownNameShape, mark, shortHashes[i]);
    }
  }
  offsets[n] = keys.length;
  return {
    keys: Int32Array.from(keys),
    offsets,
    historyKeys: lowered,
    shapes: shortHashes,
    wordHashes,
    capitalised,
  };
}

/**
 * Appends the features of word `i` that do not depend on the tags before it in the sentence: its
 * static features and its document history (`history`: the entity type most often given to this
 * word earlier in the document, -1 none, 0 for O). Returns the new count.
 */
export function wordFeatures(sentence: SentenceFeatures, i: number, history: number, out: Int32Array, count: number): number {
  let at = count;
  for (let f = sentence.offsets[i]; f < sentence.offsets[i + 1]; f++) out[at++] = sentence.keys[f];
  if (history < 0) {
    out[at++] = hashFeature(T.HistoryNone, sentence.capitalised[i]);
  } else {
    out[at++] = hashFeature(T.History, history);
    out[at++] = hashFeature(T.HistoryShape, history, sentence.shapes[i]);
  }
  return at;
}

/** Appends the features of word `i` given the two previous tags (indices, -1 before the sentence). */
export function tagFeatures(
  sentence: SentenceFeatures,
  i: number,
  previous: number,
  beforePrevious: number,
  out: Int32Array,
  count: number,
): number {
  let at = count;
  const previousKey = previous + 2;
  out[at++] = hashFeature(T.PrevTag, previousKey);
  out[at++] = hashFeature(T.PrevTags, previousKey, beforePrevious + 2);
  out[at++] = hashFeature(T.PrevTagWord, previousKey, sentence.wordHashes[i]);
  out[at++] = hashFeature(T.PrevTagShape, previousKey, sentence.shapes[i]);
  return at;
}
