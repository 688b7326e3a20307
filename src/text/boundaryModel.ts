/**
 * The learned sentence-boundary classifier: an averaged perceptron (the project's own, from the
 * language stage) that decides, at each candidate gap between two tokens of a block, whether a new
 * sentence starts. Features are lexical (the tokens around the gap, lower-cased), shapes and
 * capitalisation, the gap's whitespace, the distance to the previous boundary and the rule-based
 * splitter's own decision, so the model starts from the rules and learns where web and news text
 * depart from them (unpunctuated sentences, lower-case starts, e-mail signatures). Trained on UD
 * English EWT train by `storyline train sentences --data en_ewt-ud-train.conllu --out
 * models/sentences.bin.gz` (16 epochs, deterministic), shipped as that file; without it the rules
 * alone decide. On EWT dev (`storyline eval sentences`) sentence-span F1 goes from 0.807 (rules) to
 * 0.886 (model); most remaining errors are unpunctuated boundaries in e-mails and forum posts.
 *
 * Candidate gaps are those after a punctuation token or before a token that does not start with a
 * lower-case letter; other gaps never hold a boundary (they hold almost none in EWT), which keeps
 * the classifier cheap on running text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AveragedPerceptron } from '../language/perceptron.js';
import { hashString } from '../language/perceptron.js';
import { resourcePath } from '../paths.js';
import { isWordCode } from './tokenize.js';
import type { Token } from './types.js';

/** Where the shipped model lives. */
export const DEFAULT_BOUNDARY_MODEL = resourcePath('models', 'sentences.bin.gz');

export const NO_BOUNDARY = 0;
export const BOUNDARY = 1;
export const BOUNDARY_CLASSES = 2;

const MAX_FEATURES = 32;

/**
 * Extra score a boundary needs after a word (no punctuation before the gap) where the rules see
 * none. Tuned on EWT dev: it
 * costs almost nothing there (F1 0.886 → 0.886) and keeps news text from being split before a
 * capitalised word after a number or a name ("more than 46,000 Palestinians").
 */
const UNPUNCTUATED_MARGIN = 10;

/** Per-token values computed once per block and shared by the features of the two gaps it touches. */
export interface BlockTokenInfo {
  lower: Int32Array;
  shape: Int32Array;
  /** 1 when the token starts with a lower-case letter. */
  lowerStart: Uint8Array;
  /** 1 when the token has no letter or digit. */
  punctuation: Uint8Array;
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

/** Lexical hashes (lower-cased form, shape) per token text, cached: news vocabulary repeats a lot. */
const lexicalCache = new Map<string, readonly [number, number]>();
const LEXICAL_CACHE_LIMIT = 200_000;

function lexicalHashes(token: string): readonly [number, number] {
  let hashes = lexicalCache.get(token);
  if (hashes === undefined) {
    hashes = [hashString(token.toLowerCase()), hashString(tokenShape(token))];
    if (lexicalCache.size >= LEXICAL_CACHE_LIMIT) lexicalCache.clear();
    lexicalCache.set(token, hashes);
  }
  return hashes;
}

function allocateTokenInfo(capacity: number): BlockTokenInfo {
  return {
    lower: new Int32Array(capacity),
    shape: new Int32Array(capacity),
    lowerStart: new Uint8Array(capacity),
    punctuation: new Uint8Array(capacity),
  };
}

/** Per-token values of a block, written into `into` (reused between blocks) or into new arrays. */
export function describeTokens(tokens: readonly Token[], into: BlockTokenInfo = allocateTokenInfo(tokens.length)): BlockTokenInfo {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index].text;
    const [lower, shape] = lexicalHashes(token);
    into.lower[index] = lower;
    into.shape[index] = shape;
    const first = token.charCodeAt(0);
    into.lowerStart[index] = (first >= 0x61 && first <= 0x7a) || (first >= 0x80 && /^\p{Ll}/u.test(token)) ? 1 : 0;
    into.punctuation[index] = isWordCode(first) || (token.length > 1 && isWordCode(token.charCodeAt(1))) ? 0 : 1;
  }
  return into;
}

/** Is the gap after token `index` worth asking the model about? */
export function isCandidateGap(info: BlockTokenInfo, index: number): boolean {
  return info.punctuation[index] === 1 || info.lowerStart[index + 1] === 0 || info.punctuation[index + 1] === 1;
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

/** Fills `out` with the features of the gap after token `index`; returns how many. */
export function gapFeatures(
  tokens: readonly Token[],
  info: BlockTokenInfo,
  index: number,
  sinceBoundary: number,
  ruleBoundary: boolean,
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
  return n;
}

/**
 * Feature weights in an open-addressing table of Int32 keys and Float32 values: hashed feature keys
 * are mostly outside V8's small-integer range, where a `Map` lookup is several times slower, and
 * scoring does about thirty lookups per candidate gap.
 */
class WeightTable {
  /** Feature key per slot; 0 marks an empty slot (a real key 0 is stored as 1). */
  private readonly keys: Int32Array;
  private readonly values: Float32Array;
  private readonly mask: number;
  readonly size: number;

  constructor(entries: ReadonlyMap<number, number>) {
    let capacity = 16;
    while (capacity < entries.size * 2) capacity *= 2;
    this.keys = new Int32Array(capacity);
    this.values = new Float32Array(capacity);
    this.mask = capacity - 1;
    this.size = entries.size;
    for (const [rawKey, value] of entries) {
      const key = rawKey === 0 ? 1 : rawKey;
      let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
      while (this.keys[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.values[slot] += value;
    }
  }

  get(rawKey: number): number {
    const key = rawKey === 0 ? 1 : rawKey;
    const keys = this.keys;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const found = keys[slot];
      if (found === key) return this.values[slot];
      if (found === 0) return 0;
      slot = (slot + 1) & this.mask;
    }
  }
}

const FILE_MAGIC = 0x444e4253; // "SBND"
const FILE_VERSION = 1;

/**
 * A trained boundary model: one weight per feature, the perceptron's boundary score minus its
 * no-boundary score, so a gap's decision is a single sum. Stored in its own small file format
 * (magic, version, count, scale, Int32 keys, Int16 quantised weights, gzip) so that the shipped file
 * does not depend on how the perceptron serialises itself.
 */
export class SentenceBoundaryModel {
  private readonly weights: ReadonlyMap<number, number>;
  private readonly table: WeightTable;
  private readonly features = new Int32Array(MAX_FEATURES);
  private scratch: BlockTokenInfo = allocateTokenInfo(256);

  constructor(weights: ReadonlyMap<number, number>) {
    this.weights = weights;
    this.table = new WeightTable(weights);
  }

  /** Number of features with a weight. */
  get size(): number {
    return this.table.size;
  }

  /** Reads the weights of every feature in `keys` off a trained two-class perceptron. */
  static fromPerceptron(perceptron: AveragedPerceptron, keys: Iterable<number>, pruneBelow: number): SentenceBoundaryModel {
    const weights = new Map<number, number>();
    const single = new Int32Array(1);
    const scores = new Float32Array(BOUNDARY_CLASSES);
    for (const key of keys) {
      single[0] = key;
      perceptron.score(single, 1, scores);
      const weight = scores[BOUNDARY] - scores[NO_BOUNDARY];
      if (Math.abs(weight) >= pruneBelow) weights.set(key, weight);
    }
    return new SentenceBoundaryModel(weights);
  }

  static fromFile(file: string): SentenceBoundaryModel {
    const buffer = gunzipSync(readFileSync(file));
    if (buffer.length < 16 || buffer.readUInt32LE(0) !== FILE_MAGIC || buffer.readUInt32LE(4) !== FILE_VERSION) {
      throw new Error(`${file}: not a sentence-boundary model (retrain with \`storyline train sentences\`)`);
    }
    const count = buffer.readUInt32LE(8);
    const scale = buffer.readFloatLE(12);
    const weights = new Map<number, number>();
    for (let index = 0; index < count; index++) {
      weights.set(buffer.readInt32LE(16 + 4 * index), buffer.readInt16LE(16 + 4 * count + 2 * index) * scale);
    }
    return new SentenceBoundaryModel(weights);
  }

  /** The gzip-compressed file form read by `fromFile`. */
  toBuffer(): Buffer {
    let largest = 0;
    for (const weight of this.weights.values()) largest = Math.max(largest, Math.abs(weight));
    const scale = largest > 0 ? largest / 32767 : 1;
    const count = this.weights.size;
    const buffer = Buffer.alloc(16 + 6 * count);
    buffer.writeUInt32LE(FILE_MAGIC, 0);
    buffer.writeUInt32LE(FILE_VERSION, 4);
    buffer.writeUInt32LE(count, 8);
    buffer.writeFloatLE(scale, 12);
    let index = 0;
    for (const [key, weight] of this.weights) {
      buffer.writeInt32LE(key, 16 + 4 * index);
      buffer.writeInt16LE(Math.round(weight / scale), 16 + 4 * count + 2 * index);
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
    const info = describeTokens(tokens, this.scratch);
    let lastStart = 0;
    let nextRule = 0;
    for (let index = 0; index < tokens.length - 1; index++) {
      while (nextRule < ruleStarts.length && ruleStarts[nextRule] < index + 1) nextRule++;
      if (!isCandidateGap(info, index)) continue;
      const ruleBoundary = ruleStarts[nextRule] === index + 1;
      const count = gapFeatures(tokens, info, index, index + 1 - lastStart, ruleBoundary, this.features);
      const margin = ruleBoundary || info.punctuation[index] === 1 ? 0 : UNPUNCTUATED_MARGIN;
      // The rules' abbreviation boundaries ("… the U.S. The …") stand: EWT has too few to learn them.
      const abbreviationRule = ruleBoundary && info.punctuation[index] === 0;
      if (abbreviationRule || this.score(count) > margin) {
        starts.push(index + 1);
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
