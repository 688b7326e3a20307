/**
 * Features of the named-entity recogniser, as hashed int32 keys (see perceptron.ts). No string is
 * built per feature: each distinct spelling's hashes and its own features (spelling, affixes,
 * casing class, cluster) are worked out once and kept in a WordInfoCache; the features that involve
 * neighbours or the document are combined from those hashes with a template number.
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

/**
 * Maps int32 keys to byte values: the casing lexicon, the gazetteer, the known names, the word
 * clusters. Looked up several times per word, so it is an open-addressing table of typed arrays
 * (a Map of numbers costs a hash and a boxed lookup each time). Setting 0 leaves the key in place
 * with value 0, which reads the same as absent. Keys are hashes already, so their low bits index
 * the table directly.
 */
export class ByteLexicon {
  private keys = new Int32Array(16);
  /** Per slot: the value, or FREE_SLOT. */
  private values = new Int16Array(16).fill(FREE_SLOT);
  private used = 0;

  get(key: number): number {
    const mask = this.keys.length - 1;
    let slot = key & mask;
    for (;;) {
      const value = this.values[slot];
      if (value === FREE_SLOT) return 0;
      if (this.keys[slot] === key) return value;
      slot = (slot + 1) & mask;
    }
  }

  set(key: number, value: number): void {
    if ((this.used + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = key & mask;
    while (this.values[slot] !== FREE_SLOT && this.keys[slot] !== key) slot = (slot + 1) & mask;
    if (this.values[slot] === FREE_SLOT) this.used++;
    this.keys[slot] = key;
    this.values[slot] = value;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.values = new Int16Array(keys.length * 2).fill(FREE_SLOT);
    this.used = 0;
    for (let slot = 0; slot < keys.length; slot++) if (values[slot] !== FREE_SLOT) this.set(keys[slot], values[slot]);
  }

  /** Keys as int32, then one value byte per key (non-zero entries, in table order). */
  encode(): Buffer {
    const slots: number[] = [];
    for (let slot = 0; slot < this.keys.length; slot++) if (this.values[slot] > 0) slots.push(slot);
    const keys = Int32Array.from(slots, (slot) => this.keys[slot]);
    const values = Uint8Array.from(slots, (slot) => this.values[slot]);
    return Buffer.concat([Buffer.from(keys.buffer), Buffer.from(values.buffer)]);
  }

  static decode(bytes: Buffer): ByteLexicon {
    const lexicon = new ByteLexicon();
    const count = bytes.length / 5;
    for (let i = 0; i < count; i++) lexicon.set(bytes.readInt32LE(i * 4), bytes[count * 4 + i]);
    return lexicon;
  }
}

const FREE_SLOT = -1;

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

/** True when a word holds a letter (ASCII checked by code, the rest by Unicode property). */
export function hasLetter(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i) | 0x20;
    if (code >= 97 && code <= 122) return true;
    if (word.charCodeAt(i) >= 128) return /\p{L}/u.test(word);
  }
  return false;
}

/** True for a sentence written in capitals (a CoNLL headline or a shouted line). */
export function isAllCapsSentence(words: readonly string[]): boolean {
  let letters = 0;
  let upper = 0;
  for (const word of words) {
    if (!hasLetter(word)) continue;
    letters++;
    if (isUpperCase(word)) upper++;
  }
  return letters >= 2 && upper / letters > 0.7;
}

/** Whether upper-casing leaves a word as it is (ASCII checked by code, without building a string). */
function isUpperCase(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 128) return word === word.toUpperCase();
    if (code >= 97 && code <= 122) return false;
  }
  return true;
}

/**
 * True for a sentence of two or more words with letters and no capital letter (web text typed in
 * lower case). ASCII is checked by code, other letters by comparing with their lower case.
 */
export function isLowerCaseSentence(words: readonly string[]): boolean {
  let letters = 0;
  for (const word of words) {
    let letter = false;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      if (code >= 65 && code <= 90) return false;
      if (code >= 97 && code <= 122) letter = true;
      else if (code >= 128 && /\p{L}/u.test(word[i])) {
        if (word[i] !== word[i].toLowerCase()) return false;
        letter = true;
      }
    }
    if (letter) letters++;
  }
  return letters >= 2;
}

/**
 * Casing class (see `casingClass`) from which `trueCased` capitalises a word: "mostly capitalised"
 * and up. On UNER EWT dev this lifts the 220 lower-case sentences from F1 38 to 63 with the shipped
 * web model (5, "always capitalised", gives 61).
 */
const TRUE_CASE_FROM = 4;

/**
 * A lower-case sentence with each word written the way the casing lexicon says it usually is
 * (capitalised from TRUE_CASE_FROM, in capitals for acronyms), so that names typed in lower case
 * ("flew air asia to malaysia") meet the model in the form it learned them ("truecasing" before
 * tagging). Other sentences are returned as they are.
 */
export function trueCased(words: string[], casing: ByteLexicon): string[] {
  if (!isLowerCaseSentence(words)) return words;
  return words.map((word) => {
    const usual = casing.get(hashString(word));
    if (usual === 6) return word.toUpperCase();
    return usual >= TRUE_CASE_FROM ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  });
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

/**
 * Per-document knowledge gathered before tagging: how often each word (by lower-case hash) appears
 * capitalised mid-sentence.
 */
export type DocumentCasing = Map<number, number>;

export function documentCasing(sentences: readonly (readonly string[])[]): DocumentCasing {
  const seen: DocumentCasing = new Map();
  for (const words of sentences) {
    if (isAllCapsSentence(words)) continue;
    for (let i = 1; i < words.length; i++) {
      if (!isCapitalised(words[i])) continue;
      const lowered = hashString(words[i].toLowerCase());
      seen.set(lowered, (seen.get(lowered) ?? 0) + 1);
    }
  }
  return seen;
}

/**
 * What the features need to know of one spelling, worked out once and kept by a `WordInfoCache`:
 * its hashes, casing class and cluster, and the features of the word on its own (spelling, affixes,
 * casing class, cluster), which make up about a third of a word's features.
 */
export interface WordInfo {
  wordHash: number;
  /** Hash of the lower-case form: the key of the lexicons and of the document tag history. */
  lowered: number;
  shapeHash: number;
  shortShapeHash: number;
  casing: number;
  cluster: number;
  capitalised: boolean;
  /** Length of the word in UTF-16 units. */
  length: number;
  ownKeys: Int32Array;
  /** Per-tag scores of `ownKeys`, filled in by a frozen model (see ner.ts); null until then. */
  ownScores: Float32Array | null;
  /** Per-tag scores of the word with each previous tag, filled in by a frozen model (see ner.ts); null until then. */
  tagScores: WordTagScores | null;
  /**
   * Whether the spelling is on the model's list of words always outside names (see
   * `outsideWords` in nerTrainer.ts): such a word is tagged O without being scored.
   */
  outside: boolean;
}

/** Per-tag scores of a word's features paired with each previous tag (by previous + 1), and which are known. */
export interface WordTagScores {
  scores: Float32Array;
  known: Uint8Array;
}

/**
 * Spelling → WordInfo for one model's casing, cluster and outside-word lexicons. Real text repeats
 * its words, so most words are looked up, not recomputed. Bounded: emptied when it reaches
 * `capacity` spellings.
 */
export class WordInfoCache {
  private readonly entries = new Map<string, WordInfo>();

  constructor(
    private readonly casing: ByteLexicon,
    private readonly clusters: ByteLexicon,
    /** Word hash (exact spelling) → 1 for the words always outside names. */
    private readonly outsideWords: ByteLexicon,
    private readonly capacity = 200_000,
  ) {}

  get(word: string): WordInfo {
    let info = this.entries.get(word);
    if (info) return info;
    if (this.entries.size >= this.capacity) this.entries.clear();
    info = this.describe(word);
    this.entries.set(word, info);
    return info;
  }

  private describe(word: string): WordInfo {
    const lower = word.toLowerCase();
    const shape = wordShape(word);
    const wordHash = hashString(word);
    const lowered = hashString(lower);
    const shapeHash = hashString(shape);
    const shortShapeHash = hashString(shortShape(shape));
    const casing = this.casing.get(lowered);
    const cluster = this.clusters.get(lowered);
    const keys = [
      hashFeature(T.Bias, 0),
      hashFeature(T.Word, wordHash),
      hashFeature(T.Lower, lowered),
      hashFeature(T.Shape, shapeHash),
      hashFeature(T.Length, Math.min(lower.length, 12)),
    ];
    for (let k = 1; k <= 4 && k < lower.length; k++) {
      keys.push(hashFeature(T.Prefix, hashString(lower.slice(0, k))));
      keys.push(hashFeature(T.Suffix, hashString(lower.slice(-k))));
    }
    keys.push(
      hashFeature(T.Cluster, cluster),
      hashFeature(T.ClusterShape, cluster, shortShapeHash),
      hashFeature(T.Casing, casing),
      hashFeature(T.CasingShape, casing, shortShapeHash),
    );
    return {
      wordHash,
      lowered,
      shapeHash,
      shortShapeHash,
      casing,
      cluster,
      capitalised: isCapitalised(word),
      length: lower.length,
      ownKeys: Int32Array.from(keys),
      ownScores: null,
      tagScores: null,
      outside: this.outsideWords.get(wordHash) !== 0,
    };
  }
}

/**
 * Static (tag-independent) features of one sentence: each word's WordInfo, and the features that
 * depend on its neighbours and the document as flat keys with per-word offsets.
 */
export interface SentenceFeatures {
  words: WordInfo[];
  keys: Int32Array;
  offsets: Int32Array;
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

/** Positions of the neighbours whose lower-case forms are features. */
const WINDOW = [-2, -1, 1, 2];

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

/**
 * Computes the static features of every word of a sentence. `cache` must have been made with the
 * same casing and cluster lexicons as `lexicons`.
 */
export function sentenceFeatures(
  words: readonly string[],
  lexicons: FeatureLexicons,
  docCase: DocumentCasing,
  cache: WordInfoCache,
): SentenceFeatures {
  const n = words.length;
  const caps = isAllCapsSentence(words);
  const infos = words.map((word) => cache.get(word));
  const lowered = Int32Array.from(infos, (info) => info.lowered);
  const wordAt = (i: number): WordInfo | null => (i < 0 || i >= n ? null : infos[i]);
  const edge = (i: number): number => (i < 0 ? BEGIN : END);
  const gazetteerMarks = phraseMarks(lowered, lexicons.gazetteer);
  const knownNameMarks = phraseMarks(lowered, lexicons.knownNames);

  let keys = new Int32Array(n * 40);
  let count = 0;
  const offsets = new Int32Array(n + 1);
  const add = (template: number, a: number, b = 0, c = 0): void => {
    if (count === keys.length) {
      const grown = new Int32Array(keys.length * 2);
      grown.set(keys);
      keys = grown;
    }
    keys[count++] = hashFeature(template, a, b, c);
  };
  for (let i = 0; i < n; i++) {
    offsets[i] = count;
    const word = infos[i];
    // Words always outside names are tagged without their features (see WordInfo.outside).
    if (word.outside) continue;
    const before = wordAt(i - 1);
    const after = wordAt(i + 1);
    for (const offset of WINDOW) add(T.LowerAt + offset * 100, wordAt(i + offset)?.lowered ?? edge(offset));
    add(T.WordAt - 100, before?.wordHash ?? BEGIN);
    add(T.ShapeAt - 100, before?.shapeHash ?? BEGIN);
    add(T.CasingAt - 100, before?.casing ?? 7);
    add(T.WordAt + 100, after?.wordHash ?? END);
    add(T.ShapeAt + 100, after?.shapeHash ?? END);
    add(T.CasingAt + 100, after?.casing ?? 7);
    const shortBefore = before?.shortShapeHash ?? BEGIN;
    const shortAfter = after?.shortShapeHash ?? END;
    add(T.ShortShape3, shortBefore, word.shortShapeHash, shortAfter);
    add(T.ShortShape2Left, shortBefore, word.shortShapeHash);
    add(T.ShortShape2Right, word.shortShapeHash, shortAfter);
    add(T.Bigram2Left, before?.lowered ?? BEGIN, word.lowered);
    add(T.Bigram2Right, word.lowered, after?.lowered ?? END);
    if (i === 0) add(T.Initial, word.shortShapeHash);
    add(T.ClusterBigram, before?.cluster ?? 256, word.cluster);
    add(T.ClusterAt - 100, before?.cluster ?? 256);
    add(T.ClusterAt + 100, after?.cluster ?? 256);
    const docCount = docCase.get(word.lowered) ?? 0;
    const docClass = docCount === 0 ? 0 : docCount === 1 ? 1 : 2;
    add(T.DocCase, docClass, word.shortShapeHash);
    if (caps) {
      add(T.CapsLower, word.lowered);
      add(T.CapsCasing, word.casing, before?.casing ?? 7);
      add(T.CapsDocCase, docClass);
      add(T.CapsShape, word.casing, word.length > 1 ? 1 : 0);
    }
    for (const mark of gazetteerMarks[i]) {
      add(T.Gazetteer, mark);
      add(T.GazetteerShape, mark, word.shortShapeHash);
    }
    for (const mark of knownNameMarks[i]) {
      add(T.KnownName, mark);
      add(T.KnownNameShape, mark, word.shortShapeHash);
    }
  }
  offsets[n] = count;
  return { words: infos, keys: keys.subarray(0, count), offsets };
}

/**
 * Appends the features of word `i` that depend on its neighbours and the document (not the word's
 * own features, see WordInfo.ownKeys), with its document history (`history`: the entity type most
 * often given to this word earlier in the document, -1 none, 0 for O). Returns the new count.
 */
export function contextFeatures(sentence: SentenceFeatures, i: number, history: number, out: Int32Array, count: number): number {
  let at = count;
  for (let f = sentence.offsets[i]; f < sentence.offsets[i + 1]; f++) out[at++] = sentence.keys[f];
  if (history < 0) {
    out[at++] = hashFeature(T.HistoryNone, sentence.words[i].capitalised ? 1 : 0);
  } else {
    out[at++] = hashFeature(T.History, history);
    out[at++] = hashFeature(T.HistoryShape, history, sentence.words[i].shortShapeHash);
  }
  return at;
}

/** Appends all the tag-independent features of word `i`: its own and its context's. */
export function wordFeatures(sentence: SentenceFeatures, i: number, history: number, out: Int32Array, count: number): number {
  const own = sentence.words[i].ownKeys;
  out.set(own, count);
  return contextFeatures(sentence, i, history, out, count + own.length);
}

/** Appends the features of the two previous tags alone (indices, -1 before the sentence). */
export function transitionFeatures(previous: number, beforePrevious: number, out: Int32Array, count: number): number {
  out[count] = hashFeature(T.PrevTag, previous + 2);
  out[count + 1] = hashFeature(T.PrevTags, previous + 2, beforePrevious + 2);
  return count + 2;
}

/** Appends the features of word `i` paired with the previous tag. */
export function wordTagFeatures(sentence: SentenceFeatures, i: number, previous: number, out: Int32Array, count: number): number {
  out[count] = hashFeature(T.PrevTagWord, previous + 2, sentence.words[i].wordHash);
  out[count + 1] = hashFeature(T.PrevTagShape, previous + 2, sentence.words[i].shortShapeHash);
  return count + 2;
}

/** Appends all the features of word `i` given the two previous tags (indices, -1 before the sentence). */
export function tagFeatures(
  sentence: SentenceFeatures,
  i: number,
  previous: number,
  beforePrevious: number,
  out: Int32Array,
  count: number,
): number {
  return wordTagFeatures(sentence, i, previous, out, transitionFeatures(previous, beforePrevious, out, count));
}
