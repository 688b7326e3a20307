/**
 * The learned sentence-boundary classifier: an averaged perceptron (the project's own, from the
 * language stage) that decides, at each candidate gap between two tokens of a block, whether a new
 * sentence starts. Features are lexical (the tokens around the gap, lower-cased), shapes and coarse
 * token classes, the gap's whitespace, the line's shape (length, position, whether it ends with a
 * stop, its first token), the distance to the previous boundary, the length and ending of the
 * sentence before (lists of short unpunctuated items repeat a pattern) and the rule-based
 * splitter's own decision, plus a word lexicon learned from the treebank and shipped inside the
 * model file: how often each word (lower-cased, and as written) opens or closes a sentence, how
 * frequent it is and its usual part of speech. So the model starts from the rules and learns where
 * web and news text depart from them (unpunctuated sentences, lower-case starts, e-mail headers and
 * signatures).
 *
 * Trained on UD English EWT train by `storyline train sentences --data en_ewt-ud-train.conllu --out
 * models/sentences.bin.gz` (five perceptrons, 16 epochs each on differently shuffled data, seeds
 * 1–5, weights averaged; deterministic), shipped as that file; without it the rules alone decide.
 * On EWT dev (`storyline eval sentences`) sentence-span F1 goes from 0.807 (rules) to 0.904 (model;
 * 0.886 before the lexicon; single seeds gave 0.898–0.903 before the ensemble and the
 * sentence-before features; ensembles from seeds 6–10 and 11–15 give 0.909 and 0.906); on MEANTIME
 * news 0.987. Most remaining errors are unpunctuated boundaries in e-mails and forum posts (name
 * lists, signatures, sign-offs, run-on answers), where the treebank's own splits vary.
 *
 * Candidate gaps are those after a punctuation token, before a token that does not start with a
 * lower-case letter, or next to a URL or e-mail address; other gaps never hold a boundary (they
 * hold almost none in EWT, and considering them all gained nothing measurable), which keeps the
 * classifier cheap on running text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AveragedPerceptron } from '../language/perceptron.js';
import { hashString } from '../language/perceptron.js';
import { resourcePath } from '../paths.js';
import { followsPostscriptMarker, joinsQuoteToSpeaker } from './sentences.js';
import { isWordCode } from './tokenize.js';
import type { Token } from './types.js';

/** Where the shipped model lives. */
export const DEFAULT_BOUNDARY_MODEL = resourcePath('models', 'sentences.bin.gz');

export const NO_BOUNDARY = 0;
export const BOUNDARY = 1;
export const BOUNDARY_CLASSES = 2;

/** Upper bound on the features of one gap (the size of a feature buffer). */
export const MAX_GAP_FEATURES = 60;

/**
 * Extra score a boundary needs after a word (no punctuation before the gap, and no full stop of its
 * own as in "etc.") where the rules see none. EWT's unpunctuated boundaries sit mostly in lines that
 * do not end with a stop (signatures, headers, lists, forum titles); in a block that does (running
 * prose, as in news) the bar is higher, so that a capitalised word after a number, a title or a
 * name ("more than 46,000 Palestinians", "the company's chief executive Jane Roe") does not start a
 * sentence. Tuned on EWT dev and on MEANTIME news (`storyline eval sentences --data
 * ../shared/corpora/meantime`): in prose blocks 30 rather than 10 costs EWT dev 0.001 F1 and lifts
 * MEANTIME from 0.983 to 0.987.
 */
const UNPUNCTUATED_MARGIN = 10;
const UNPUNCTUATED_MARGIN_IN_PROSE = 30;

/**
 * The sentence before the current one in a block: its length in tokens (0 when the current one is
 * the block's first) and how it ended (`ending`: 0 block start, 1 after punctuation, 2 after a word).
 */
export interface PreviousSentence {
  length: number;
  ending: number;
}

/** What a block's first sentence has before it. */
export const NO_SENTENCE_BEFORE: PreviousSentence = Object.freeze({ length: 0, ending: 0 });

/** The `PreviousSentence` after a boundary at the gap after token `index`, the sentence having begun at `start`. */
export function sentenceBefore(info: BlockTokenInfo, start: number, index: number): PreviousSentence {
  return { length: index + 1 - start, ending: info.punctuation[index] === 1 ? 1 : 2 };
}

/** Per-token values computed once per block and shared by the features of the gaps it touches. */
export interface BlockTokenInfo {
  lower: Int32Array;
  shape: Int32Array;
  /** Lexicon buckets: how often the word opens a sentence, closes one, and how frequent it is. */
  opens: Uint8Array;
  closes: Uint8Array;
  frequency: Uint8Array;
  /** The same rates for the form as written ("Will" rather than "will"). */
  formOpens: Uint8Array;
  formCloses: Uint8Array;
  /** Most frequent part-of-speech tag in the lexicon (index into `WORD_TAGS` + 1; 0 = unknown). */
  tag: Uint8Array;
  /** Number of verb or auxiliary tokens before each token (one entry more than the tokens). */
  verbsBefore: Int32Array;
  /** Coarse token class (`TokenKind`). */
  kind: Uint8Array;
  /** 1 when the token starts with a lower-case letter. */
  lowerStart: Uint8Array;
  /** 1 when the token has no letter or digit. */
  punctuation: Uint8Array;
  /** Tokens from each token to the next sentence-final stop at or after it (the block's length past the last). */
  toNextStop: Int32Array;
  /** Does the block's last token end with ".", "!", "?" or an ellipsis? */
  closedByStop: boolean;
}

/** Coarse classes of tokens, the backbone of the features that generalise beyond the vocabulary. */
const enum TokenKind {
  Lower = 0,
  Capitalised = 1,
  UpperCase = 2,
  Initial = 3,
  Number = 4,
  Terminator = 5,
  OtherPunctuation = 6,
  Address = 7,
}

function tokenKind(token: string): TokenKind {
  if (/^(?:https?:|www\.)|@\S*\./i.test(token)) return TokenKind.Address;
  if (/^[.!?…]+$/.test(token)) return TokenKind.Terminator;
  if (/^\p{Ll}/u.test(token)) return TokenKind.Lower;
  if (/^\p{N}/u.test(token)) return TokenKind.Number;
  if (/^\p{Lu}\.?$/u.test(token)) return TokenKind.Initial;
  if (/^\p{Lu}[\p{Lu}\p{N}.&-]+$/u.test(token)) return TokenKind.UpperCase;
  if (/^\p{Lu}/u.test(token)) return TokenKind.Capitalised;
  return /[\p{L}\p{N}]/u.test(token) ? TokenKind.Lower : TokenKind.OtherPunctuation;
}

function tokenShape(token: string): string {
  let shape = '';
  let previous = '';
  for (const char of token.length > 12 ? token.slice(0, 6) + token.slice(-6) : token) {
    let kind: string;
    if (char >= 'a' && char <= 'z') kind = 'x';
    else if (char >= 'A' && char <= 'Z') kind = 'X';
    else if (char >= '0' && char <= '9') kind = 'd';
    else if (/\p{Ll}/u.test(char)) kind = 'x';
    else if (/\p{Lu}/u.test(char)) kind = 'X';
    else kind = char;
    if (kind !== previous) shape += kind;
    previous = kind;
  }
  return shape;
}

/**
 * What the lexicon knows about one word, packed into 17 bits: its most frequent universal
 * part-of-speech tag in the treebank (bits 12–16, `WORD_TAGS` index + 1), opening rate bucket
 * (bits 8–11), closing rate bucket (bits 4–7) and frequency bucket (bits 0–3). Unknown words get
 * `UNKNOWN_WORD` (tag 0). The tag is read off the lexicon, not off the language stage, which runs
 * after this one.
 */
const WORD_TAGS = ['NOUN', 'PROPN', 'VERB', 'AUX', 'PRON', 'ADJ', 'ADV', 'DET', 'ADP', 'CCONJ', 'SCONJ', 'NUM', 'PUNCT', 'INTJ', 'SYM', 'PART', 'X'];
const VERB_TAG = WORD_TAGS.indexOf('VERB') + 1;
const AUX_TAG = WORD_TAGS.indexOf('AUX') + 1;
const UNKNOWN_RATE = 15;
const UNKNOWN_WORD = (UNKNOWN_RATE << 8) | (UNKNOWN_RATE << 4);
const RATE_THRESHOLDS = [0.005, 0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 0.9];
/** Pseudo-counts pulling a rare word's rates towards the corpus-wide rate. */
const RATE_PRIOR_WEIGHT = 4;
const LEXICON_MIN_COUNT = 2;

/** Lexicon key of a form with its capitalisation, kept apart from the lower-cased words' keys. */
function exactFormKey(token: string): number {
  return hashString(token) ^ 0x5bd1e995;
}

function rateBucket(rate: number): number {
  let bucket = 0;
  while (bucket < RATE_THRESHOLDS.length && rate >= RATE_THRESHOLDS[bucket]) bucket++;
  return bucket;
}

/**
 * Counts, per lower-cased word of a training corpus, how often it opens and closes a sentence;
 * `lexicon()` turns the counts into the packed buckets the features use.
 */
export class LexiconCounter {
  /** Per word: occurrences, openings, closings, then one count per `WORD_TAGS` entry. */
  private readonly counts = new Map<number, number[]>();
  private occurrences = 0;
  private openings = 0;
  private closings = 0;

  add(token: string, opensSentence: boolean, closesSentence: boolean, tag: string | undefined): void {
    this.count(hashString(token.toLowerCase()), opensSentence, closesSentence, tag);
    this.count(exactFormKey(token), opensSentence, closesSentence, tag);
    this.occurrences++;
    if (opensSentence) this.openings++;
    if (closesSentence) this.closings++;
  }

  private count(key: number, opensSentence: boolean, closesSentence: boolean, tag: string | undefined): void {
    let entry = this.counts.get(key);
    if (!entry) this.counts.set(key, (entry = new Array<number>(3 + WORD_TAGS.length).fill(0)));
    entry[0]++;
    const tagIndex = tag === undefined ? -1 : WORD_TAGS.indexOf(tag);
    if (tagIndex >= 0) entry[3 + tagIndex]++;
    if (opensSentence) entry[1]++;
    if (closesSentence) entry[2]++;
  }

  lexicon(): Map<number, number> {
    const openPrior = this.openings / Math.max(1, this.occurrences);
    const closePrior = this.closings / Math.max(1, this.occurrences);
    const lexicon = new Map<number, number>();
    for (const [key, entry] of this.counts) {
      const [count, opens, closes] = entry;
      if (count < LEXICON_MIN_COUNT) continue;
      let tag = 0;
      for (let index = 1; index <= WORD_TAGS.length; index++) if (entry[2 + index] > (tag === 0 ? 0 : entry[2 + tag])) tag = index;
      const open = rateBucket((opens + RATE_PRIOR_WEIGHT * openPrior) / (count + RATE_PRIOR_WEIGHT));
      const close = rateBucket((closes + RATE_PRIOR_WEIGHT * closePrior) / (count + RATE_PRIOR_WEIGHT));
      lexicon.set(key, (tag << 12) | (open << 8) | (close << 4) | Math.min(14, Math.floor(Math.log2(count))));
    }
    return lexicon;
  }
}

interface TokenFacts {
  lower: number;
  shape: number;
  /** Lexicon code of the lower-cased word. */
  word: number;
  /** Lexicon code of the form as written (capitalisation kept). */
  form: number;
  kind: TokenKind;
}

const FACTS_CACHE_LIMIT = 200_000;

/**
 * Computes `BlockTokenInfo` with one lexicon, caching per token text the facts that do not depend
 * on the context (news vocabulary repeats a lot).
 */
export class TokenDescriber {
  private readonly cache = new Map<string, TokenFacts>();

  constructor(readonly lexicon: ReadonlyMap<number, number>) {}

  private facts(token: string): TokenFacts {
    let facts = this.cache.get(token);
    if (facts === undefined) {
      const lower = hashString(token.toLowerCase());
      facts = {
        lower,
        shape: hashString(tokenShape(token)),
        word: this.lexicon.get(lower) ?? UNKNOWN_WORD,
        form: this.lexicon.get(exactFormKey(token)) ?? UNKNOWN_WORD,
        kind: tokenKind(token),
      };
      if (this.cache.size >= FACTS_CACHE_LIMIT) this.cache.clear();
      this.cache.set(token, facts);
    }
    return facts;
  }

  /** Per-token values of a block, written into `into` (reused between blocks) or into new arrays. */
  describe(tokens: readonly Token[], into: BlockTokenInfo = allocateTokenInfo(tokens.length)): BlockTokenInfo {
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index].text;
      const facts = this.facts(token);
      into.lower[index] = facts.lower;
      into.shape[index] = facts.shape;
      into.opens[index] = (facts.word >> 8) & 15;
      into.closes[index] = (facts.word >> 4) & 15;
      into.frequency[index] = facts.word & 15;
      into.formOpens[index] = (facts.form >> 8) & 15;
      into.formCloses[index] = (facts.form >> 4) & 15;
      into.tag[index] = facts.word >> 12;
      into.verbsBefore[index + 1] = into.verbsBefore[index] + (into.tag[index] === VERB_TAG || into.tag[index] === AUX_TAG ? 1 : 0);
      into.kind[index] = facts.kind;
      const first = token.charCodeAt(0);
      into.lowerStart[index] = (first >= 0x61 && first <= 0x7a) || (first >= 0x80 && /^\p{Ll}/u.test(token)) ? 1 : 0;
      into.punctuation[index] = isWordCode(first) || (token.length > 1 && isWordCode(token.charCodeAt(1))) ? 0 : 1;
    }
    let nextStop = tokens.length;
    for (let index = tokens.length - 1; index >= 0; index--) {
      if (into.kind[index] === TokenKind.Terminator) nextStop = index;
      into.toNextStop[index] = nextStop - index;
    }
    into.closedByStop = tokens.length > 0 && /[.!?…]$/.test(tokens[tokens.length - 1].text);
    return into;
  }
}

function allocateTokenInfo(capacity: number): BlockTokenInfo {
  return {
    lower: new Int32Array(capacity),
    shape: new Int32Array(capacity),
    opens: new Uint8Array(capacity),
    closes: new Uint8Array(capacity),
    frequency: new Uint8Array(capacity),
    formOpens: new Uint8Array(capacity),
    formCloses: new Uint8Array(capacity),
    tag: new Uint8Array(capacity),
    verbsBefore: new Int32Array(capacity + 1),
    kind: new Uint8Array(capacity),
    lowerStart: new Uint8Array(capacity),
    punctuation: new Uint8Array(capacity),
    toNextStop: new Int32Array(capacity),
    closedByStop: false,
  };
}

/** Is the gap after token `index` worth asking the model about? */
export function isCandidateGap(info: BlockTokenInfo, index: number): boolean {
  return (
    info.punctuation[index] === 1 ||
    info.lowerStart[index + 1] === 0 ||
    info.punctuation[index + 1] === 1 ||
    info.kind[index] === TokenKind.Address ||
    info.kind[index + 1] === TokenKind.Address
  );
}

function bucket(value: number): number {
  if (value <= 3) return value;
  if (value <= 6) return 4;
  if (value <= 10) return 5;
  if (value <= 20) return 6;
  if (value <= 40) return 7;
  return 8;
}

/**
 * Key of a feature template applied to up to three already-hashed values. Cheaper than the
 * perceptron's general `hashFeature` (three multiplications instead of five rounds): the inputs are
 * well mixed already, and this runs some thirty times per candidate gap.
 */
function featureKey(template: number, a: number, b = 0, c = 0): number {
  let hash = Math.imul(template, 0x9e3779b1) ^ a;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b) ^ b;
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35) ^ c;
  return hash ^ (hash >>> 16);
}

const BEGIN = hashString('<s>');
const END = hashString('</s>');
/** Stands for the token class or lexicon bucket beyond either end of a block. */
const BLOCK_EDGE = 16;

/** Fills `out` with the features of the gap after token `index`; returns how many. */
export function gapFeatures(
  tokens: readonly Token[],
  info: BlockTokenInfo,
  index: number,
  sinceBoundary: number,
  ruleBoundary: boolean,
  before: PreviousSentence,
  out: Int32Array,
): number {
  const previous = index > 0 ? info.lower[index - 1] : BEGIN;
  const current = info.lower[index];
  const next = info.lower[index + 1];
  const afterNext = index + 2 < tokens.length ? info.lower[index + 2] : END;
  const shapeCurrent = info.shape[index];
  const shapeNext = info.shape[index + 1];
  const gap = tokens[index + 1].start - tokens[index].end;
  const rule = ruleBoundary ? 1 : 0;
  const remaining = bucket(tokens.length - index - 1);
  let n = 0;
  out[n++] = featureKey(1, 0);
  out[n++] = featureKey(2, rule);
  out[n++] = featureKey(3, current);
  out[n++] = featureKey(4, next);
  out[n++] = featureKey(5, previous);
  out[n++] = featureKey(6, afterNext);
  out[n++] = featureKey(7, shapeCurrent);
  out[n++] = featureKey(8, shapeNext);
  out[n++] = featureKey(9, shapeCurrent, shapeNext);
  out[n++] = featureKey(10, current, shapeNext);
  out[n++] = featureKey(11, shapeCurrent, next);
  out[n++] = featureKey(12, current, next);
  out[n++] = featureKey(13, gap > 1 ? 2 : gap, rule);
  out[n++] = featureKey(14, bucket(sinceBoundary), rule);
  out[n++] = featureKey(15, remaining, rule);
  out[n++] = featureKey(16, rule, shapeNext);
  out[n++] = featureKey(17, previous, current);
  out[n++] = featureKey(18, next, afterNext);
  out[n++] = featureKey(19, rule, current);
  out[n++] = featureKey(20, info.punctuation[index], info.lowerStart[index + 1], gap > 0 ? 1 : 0);
  out[n++] = featureKey(21, index < 3 ? index : 3, shapeNext);
  if (tokens[index].text.endsWith('.')) out[n++] = featureKey(22, shapeCurrent, next);
  const shapePrevious = index > 0 ? info.shape[index - 1] : BEGIN;
  const shapeAfterNext = index + 2 < tokens.length ? info.shape[index + 2] : END;
  out[n++] = featureKey(23, previous, current, shapeNext);
  out[n++] = featureKey(24, shapePrevious, shapeCurrent, shapeNext);
  out[n++] = featureKey(25, shapeNext, shapeAfterNext);
  out[n++] = featureKey(26, current, next, rule);
  out[n++] = featureKey(27, bucket(sinceBoundary), shapeNext);
  out[n++] = featureKey(28, shapeCurrent, next, afterNext);
  // Coarse token classes and the lexicon's opening and closing rates around the gap.
  const kindPrevious = index > 0 ? info.kind[index - 1] : BLOCK_EDGE;
  const kindCurrent = info.kind[index];
  const kindNext = info.kind[index + 1];
  const kindAfterNext = index + 2 < tokens.length ? info.kind[index + 2] : BLOCK_EDGE;
  const opensNext = info.opens[index + 1];
  const closesCurrent = info.closes[index];
  out[n++] = featureKey(29, opensNext, kindNext);
  out[n++] = featureKey(30, closesCurrent, kindCurrent);
  out[n++] = featureKey(31, opensNext, closesCurrent, rule);
  out[n++] = featureKey(32, opensNext, kindNext, kindCurrent);
  out[n++] = featureKey(33, closesCurrent, kindCurrent, kindNext);
  out[n++] = featureKey(34, info.frequency[index + 1], kindNext, rule);
  out[n++] = featureKey(35, info.frequency[index], kindCurrent, kindNext);
  out[n++] = featureKey(36, kindPrevious * 16 + kindCurrent, kindNext * 16 + kindAfterNext, rule);
  // The line's shape: its length, whether it ends with a stop, the position, its first token.
  out[n++] = featureKey(37, bucket(tokens.length), info.closedByStop ? 1 : 0, kindNext);
  out[n++] = featureKey(38, index < 6 ? index : 6, kindCurrent, kindNext);
  out[n++] = featureKey(39, info.kind[0], kindNext, rule);
  out[n++] = featureKey(40, index + 2 < tokens.length ? info.opens[index + 2] : BLOCK_EDGE, opensNext, kindAfterNext);
  out[n++] = featureKey(41, index > 0 ? info.closes[index - 1] : BLOCK_EDGE, closesCurrent, kindPrevious);
  out[n++] = featureKey(42, index > 1 ? info.lower[index - 2] : BEGIN, kindCurrent, kindNext);
  // Usual parts of speech, and whether the words since the last boundary, and those up to the next
  // stop, include a verb: a crude sign of a complete sentence on either side.
  const tagPrevious = index > 0 ? info.tag[index - 1] : BLOCK_EDGE;
  const tagCurrent = info.tag[index];
  const tagNext = info.tag[index + 1];
  const tagAfterNext = index + 2 < tokens.length ? info.tag[index + 2] : BLOCK_EDGE;
  const lastStart = index + 1 - sinceBoundary;
  const verbBefore = info.verbsBefore[index + 1] > info.verbsBefore[lastStart] ? 1 : 0;
  const stop = Math.min(tokens.length, index + 1 + info.toNextStop[index + 1]);
  const verbAhead = info.verbsBefore[stop] > info.verbsBefore[index + 1] ? 1 : 0;
  out[n++] = featureKey(45, tagCurrent, tagNext, rule);
  out[n++] = featureKey(46, tagPrevious * 32 + tagCurrent, tagNext * 32 + tagAfterNext);
  out[n++] = featureKey(47, tagNext, kindNext, verbBefore * 2 + verbAhead);
  out[n++] = featureKey(48, tagCurrent, kindCurrent, verbBefore * 2 + verbAhead);
  out[n++] = featureKey(49, tagNext * 32 + tagCurrent, kindNext * 16 + kindCurrent, rule);
  // Rates of the forms as written, and the distance to the next stop.
  out[n++] = featureKey(50, info.formOpens[index + 1], kindNext, rule);
  out[n++] = featureKey(51, info.formCloses[index], kindCurrent, kindNext);
  out[n++] = featureKey(52, info.formOpens[index + 1], info.formCloses[index]);
  out[n++] = featureKey(43, bucket(info.toNextStop[index + 1]), kindNext, rule);
  out[n++] = featureKey(44, bucket(info.toNextStop[index + 1]), bucket(sinceBoundary), kindCurrent);
  // The sentence before this one in the block: its length and how it ended (lists repeat a pattern).
  const previousLength = before.length === 0 ? 15 : Math.min(before.length, 8);
  out[n++] = featureKey(53, previousLength * 16 + Math.min(sinceBoundary, 8), before.ending, rule);
  out[n++] = featureKey(54, before.ending, info.punctuation[index], kindNext * 16 + kindCurrent);
  out[n++] = featureKey(55, previousLength === Math.min(sinceBoundary, 8) ? 1 : 0, before.ending, kindCurrent * 16 + kindNext);
  return n;
}

/**
 * Feature weights in an open-addressing table of Int32 keys and Float32 values: hashed feature keys
 * are mostly outside V8's small-integer range, where a `Map` lookup is several times slower, and
 * scoring does about thirty lookups per candidate gap.
 */
class WeightTable {
  /**
   * Slot i holds its key at [2i] (0 marks an empty slot; a real key 0 is stored as 1) and its weight
   * at [2i + 1] of the Float32 view of the same memory, so a lookup touches one cache line.
   */
  private readonly keys: Int32Array;
  private readonly values: Float32Array;
  private readonly mask: number;
  readonly size: number;

  constructor(entries: ReadonlyMap<number, number>) {
    let capacity = 16;
    while (capacity < entries.size * 1.5) capacity *= 2;
    const memory = new ArrayBuffer(capacity * 8);
    this.keys = new Int32Array(memory);
    this.values = new Float32Array(memory);
    this.mask = capacity - 1;
    this.size = entries.size;
    for (const [rawKey, value] of entries) {
      const key = rawKey === 0 ? 1 : rawKey;
      let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
      while (this.keys[2 * slot] !== 0 && this.keys[2 * slot] !== key) slot = (slot + 1) & this.mask;
      this.keys[2 * slot] = key;
      this.values[2 * slot + 1] += value;
    }
  }

  get(rawKey: number): number {
    const key = rawKey === 0 ? 1 : rawKey;
    const keys = this.keys;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const found = keys[2 * slot];
      if (found === key) return this.values[2 * slot + 1];
      if (found === 0) return 0;
      slot = (slot + 1) & this.mask;
    }
  }
}

const FILE_MAGIC = 0x444e4253; // "SBND"
const FILE_VERSION = 2;
const HEADER_BYTES = 20;

/**
 * A trained boundary model: one weight per feature, the perceptron's boundary score minus its
 * no-boundary score, so a gap's decision is a single sum, plus the word lexicon its features read.
 * Stored in its own small file format (magic, version, weight count, scale, lexicon size, Int32
 * keys, Int16 quantised weights, Int32 word keys, Int32 word codes, gzip) so that the shipped file
 * does not depend on how the perceptron serialises itself.
 */
export class SentenceBoundaryModel {
  private readonly weights: ReadonlyMap<number, number>;
  private readonly table: WeightTable;
  private readonly describer: TokenDescriber;
  private readonly features = new Int32Array(MAX_GAP_FEATURES);
  private scratch: BlockTokenInfo = allocateTokenInfo(256);

  constructor(weights: ReadonlyMap<number, number>, lexicon: ReadonlyMap<number, number>) {
    this.weights = weights;
    this.table = new WeightTable(weights);
    this.describer = new TokenDescriber(lexicon);
  }

  /** Number of features with a weight. */
  get size(): number {
    return this.table.size;
  }

  /**
   * Reads the weight of every feature in `keys` off trained two-class perceptrons, averaged over
   * them (an ensemble of the same model trained on differently shuffled data, which evens out how
   * much one shuffle's order decides).
   */
  static fromPerceptrons(
    perceptrons: readonly AveragedPerceptron[],
    keys: Iterable<number>,
    lexicon: ReadonlyMap<number, number>,
    pruneBelow: number,
  ): SentenceBoundaryModel {
    const weights = new Map<number, number>();
    const single = new Int32Array(1);
    const scores = new Float32Array(BOUNDARY_CLASSES);
    for (const key of keys) {
      single[0] = key;
      let weight = 0;
      for (const perceptron of perceptrons) {
        perceptron.score(single, 1, scores);
        weight += (scores[BOUNDARY] - scores[NO_BOUNDARY]) / perceptrons.length;
      }
      if (Math.abs(weight) >= pruneBelow) weights.set(key, weight);
    }
    return new SentenceBoundaryModel(weights, lexicon);
  }

  static fromFile(file: string): SentenceBoundaryModel {
    const buffer = gunzipSync(readFileSync(file));
    if (buffer.length < HEADER_BYTES || buffer.readUInt32LE(0) !== FILE_MAGIC || buffer.readUInt32LE(4) !== FILE_VERSION) {
      throw new Error(`${file}: not a sentence-boundary model of this version (retrain with \`storyline train sentences\`)`);
    }
    const count = buffer.readUInt32LE(8);
    const scale = buffer.readFloatLE(12);
    const words = buffer.readUInt32LE(16);
    const weights = new Map<number, number>();
    for (let index = 0; index < count; index++) {
      weights.set(buffer.readInt32LE(HEADER_BYTES + 4 * index), buffer.readInt16LE(HEADER_BYTES + 4 * count + 2 * index) * scale);
    }
    const lexiconStart = HEADER_BYTES + 6 * count;
    const lexicon = new Map<number, number>();
    for (let index = 0; index < words; index++) {
      lexicon.set(buffer.readInt32LE(lexiconStart + 4 * index), buffer.readInt32LE(lexiconStart + 4 * words + 4 * index));
    }
    return new SentenceBoundaryModel(weights, lexicon);
  }

  /** The gzip-compressed file form read by `fromFile`. */
  toBuffer(): Buffer {
    let largest = 0;
    for (const weight of this.weights.values()) largest = Math.max(largest, Math.abs(weight));
    const scale = largest > 0 ? largest / 32767 : 1;
    const count = this.weights.size;
    const lexicon = this.describer.lexicon;
    const buffer = Buffer.alloc(HEADER_BYTES + 6 * count + 8 * lexicon.size);
    buffer.writeUInt32LE(FILE_MAGIC, 0);
    buffer.writeUInt32LE(FILE_VERSION, 4);
    buffer.writeUInt32LE(count, 8);
    buffer.writeFloatLE(scale, 12);
    buffer.writeUInt32LE(lexicon.size, 16);
    let index = 0;
    for (const [key, weight] of this.weights) {
      buffer.writeInt32LE(key, HEADER_BYTES + 4 * index);
      buffer.writeInt16LE(Math.round(weight / scale), HEADER_BYTES + 4 * count + 2 * index);
      index++;
    }
    const lexiconStart = HEADER_BYTES + 6 * count;
    index = 0;
    for (const [key, code] of lexicon) {
      buffer.writeInt32LE(key, lexiconStart + 4 * index);
      buffer.writeInt32LE(code, lexiconStart + 4 * lexicon.size + 4 * index);
      index++;
    }
    return gzipSync(buffer, { level: 9 });
  }

  private score(count: number): number {
    let sum = 0;
    for (let index = 0; index < count; index++) sum += this.table.get(this.features[index]);
    return sum;
  }

  /**
   * Decides, from left to right, which candidate gaps of a block start a new sentence, given the
   * rule-based starts (ascending token indices).
   */
  boundaries(tokens: readonly Token[], ruleStarts: readonly number[]): number[] {
    const starts: number[] = [];
    if (tokens.length < 2) return starts;
    if (this.scratch.lower.length < tokens.length) this.scratch = allocateTokenInfo(tokens.length * 2);
    const info = this.describer.describe(tokens, this.scratch);
    let lastStart = 0;
    let previous = NO_SENTENCE_BEFORE;
    let nextRule = 0;
    for (let index = 0; index < tokens.length - 1; index++) {
      while (nextRule < ruleStarts.length && ruleStarts[nextRule] < index + 1) nextRule++;
      if (!isCandidateGap(info, index) || joinsQuoteToSpeaker(tokens, index) || followsPostscriptMarker(tokens, index)) continue;
      const ruleBoundary = ruleStarts[nextRule] === index + 1;
      const count = gapFeatures(tokens, info, index, index + 1 - lastStart, ruleBoundary, previous, this.features);
      // A word with its own full stop ("X.", "etc.") ends like punctuation: no extra margin.
      const stopped = info.punctuation[index] === 1 || tokens[index].text.endsWith('.');
      const margin = ruleBoundary || stopped ? 0 : info.closedByStop ? UNPUNCTUATED_MARGIN_IN_PROSE : UNPUNCTUATED_MARGIN;
      // The rules' abbreviation boundaries ("… the U.S. The …") stand: EWT has too few to learn them.
      const abbreviationRule = ruleBoundary && info.punctuation[index] === 0;
      if (abbreviationRule || this.score(count) > margin) {
        starts.push(index + 1);
        previous = sentenceBefore(info, lastStart, index);
        lastStart = index + 1;
      }
    }
    return starts;
  }

}

let shippedModel: SentenceBoundaryModel | null | undefined;

/** The shipped model, loaded once; null when the file is absent (the rules then decide alone). */
export function shippedBoundaryModel(): SentenceBoundaryModel | null {
  if (shippedModel === undefined) {
    shippedModel = existsSync(DEFAULT_BOUNDARY_MODEL) ? SentenceBoundaryModel.fromFile(DEFAULT_BOUNDARY_MODEL) : null;
  }
  return shippedModel;
}
