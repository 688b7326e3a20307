/**
 * `storyline train ner`: learns a NER model (see ner.ts) from CoNLL-2003 or IOB2 files
 * (`--data` takes one file or a comma-separated list, see `readTrainingFiles`).
 *
 * Training words are first split at hyphens as Storyline's tokenizer splits them (see
 * `splitHyphenatedWords`). Besides the perceptron weights, a model carries five lexicons, all keyed
 * by hashes: how each word is usually capitalised inside sentences and word clusters (both from
 * the training text plus unlabelled news: the PolNeAR article texts when ../shared is present), a
 * gazetteer of the names tagged in the training data, the names of the knowledge base
 * (src/knowledge/data) as they were at training time, and the frequent words never inside a name
 * (tagged O unscored, see `outsideWords`). While training, a document sees the
 * gazetteer without the names it contributed itself (leave-one-document-out), so the model learns
 * how far to trust a gazetteer hit on a name it has not been taught.
 *
 * Learning is a structured perceptron: beam search with early update (see `learnSentence`), 12
 * passes by default. It is deterministic for a given seed (documents are shuffled with a seeded
 * generator).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedPath } from '../paths.js';
import { readNerFile, spansOf } from './nerCorpus.js';
import type { NerDocument } from './nerCorpus.js';
import { NerModel, TagSet, learnSentence } from './ner.js';
import type { TagHistory } from './ner.js';
import { KB_DATA_DIR, readEntryFile } from '../knowledge/index.js';
import { tokenizeRange } from '../text/index.js';
import type { KbKind } from '../knowledge/types.js';
import {
  ByteLexicon,
  GAZETTEER_MAX_WORDS,
  WordInfoCache,
  KnownNameCategory,
  NAME_PREFIX,
  casingClass,
  documentCasing,
  hasLetter,
  isAllCapsSentence,
  lowerHashes,
  phraseKey,
  sentenceFeatures,
} from './nerFeatures.js';
import { AveragedPerceptron, hashString } from './perceptron.js';
import { learnWordClusters } from './nerClusters.js';
import { evaluateNer } from './nerScore.js';
import type { Trainer, TrainOptions } from './trainers.js';

/** Entity types in the order models list them; others follow alphabetically. */
const TYPE_ORDER = ['PER', 'ORG', 'LOC', 'GPE', 'NORP', 'MISC'];

export interface NerTrainingOptions {
  iterations: number;
  seed: number;
  /** Names from the knowledge base, each with its category (see `readKnownNames`). */
  knownNames?: KnownName[];
  /** Unlabelled running text (e.g. news articles) for the casing lexicon and the word clusters. */
  plainTexts?: string[];
  /** Development documents: F1 is logged on them and they set the confidence temperature. */
  dev?: NerDocument[];
  log?: (line: string) => void;
}

/** Trains a model on documents in memory. */
export function trainNerModel(corpus: readonly NerDocument[], options: NerTrainingOptions): NerModel {
  const log = options.log ?? (() => undefined);
  const documents = corpus.map(splitHyphenatedWords);
  const types = entityTypes(documents);
  const tagSet = new TagSet(types);
  const unlabelled = [
    ...documents.flatMap((document) => document.sentences.map((sentence) => sentence.words)),
    ...(options.plainTexts ?? []).flatMap(plainSentences),
  ];
  const casing = buildCasingLexicon(unlabelled);
  const clusters = learnWordClusters(unlabelled);
  const names = countNames(documents, types);
  const knownNames = knownNameLexicon(options.knownNames ?? []);
  const outside = outsideWords(documents);

  // Training scores every word, outside words included: skipping them while learning changed the
  // learning path and cost 0.6 (CoNLL) and 0.9 (UNER) dev F1, one seed each; skipping them only when
  // tagging costs nothing (+0.03 and +0.21).
  const wordCache = new WordInfoCache(casing, clusters, new ByteLexicon(), Infinity);
  const prepared = documents.map((document, index) => {
    const own = names.perDocument[index];
    const lexicons = {
      casing,
      gazetteer: (key: number) => maskOf(names.total.get(key), own.get(key)) | (names.prefixKeys.has(key) ? NAME_PREFIX : 0),
      knownNames: (key: number) => knownNames.get(key),
      clusters,
    };
    const docCase = documentCasing(document.sentences.map((sentence) => sentence.words));
    return document.sentences.map((sentence) => ({
      features: sentenceFeatures(sentence.words, lexicons, docCase, wordCache),
      gold: Int32Array.from(sentence.tags, (tag) => tagSet.indexOf(tag)),
    }));
  });

  const learner = new AveragedPerceptron(tagSet.tags.length, 1 << 18);
  const random = seededRandom(options.seed);
  const order = documents.flatMap((document, index) => new Array<number>(document.weight ?? 1).fill(index));
  for (let iteration = 1; iteration <= options.iterations; iteration++) {
    shuffle(order, random);
    let errors = 0;
    let words = 0;
    for (const documentIndex of order) {
      const history: TagHistory = new Map();
      for (const sentence of prepared[documentIndex]) {
        errors += learnSentence(sentence.features, tagSet, learner, history, sentence.gold);
        words += sentence.gold.length;
      }
    }
    log(`iteration ${iteration}: training word error ${((100 * errors) / Math.max(words, 1)).toFixed(2)}%`);
  }
  learner.finalize();
  const gazetteer = finalGazetteer(names);
  const withTemperature = (temperature: number): NerModel =>
    new NerModel({ types, weights: learner, casing, gazetteer, knownNames, clusters, outsideWords: outside, temperature });
  if (!options.dev) return withTemperature(1);
  const dev = options.dev;
  log(`dev F1 ${(100 * evaluateNer(withTemperature(1), dev).f1).toFixed(2)}`);
  const temperature = bestOf(CONFIDENCE_TEMPERATURES, (candidate) => -brierScore(withTemperature(candidate), dev));
  log(`confidence temperature ${temperature}`);
  return withTemperature(temperature);
}

const CONFIDENCE_TEMPERATURES = [1, 2, 4, 6, 8, 12, 16, 24, 32];

/** The candidate with the highest value. */
function bestOf(candidates: readonly number[], value: (candidate: number) => number): number {
  let best = candidates[0];
  let bestValue = -Infinity;
  for (const candidate of candidates) {
    const candidateValue = value(candidate);
    if (candidateValue > bestValue) {
      bestValue = candidateValue;
      best = candidate;
    }
  }
  return best;
}

/** The `ner` trainer of `storyline train`. */
export const nerTrainer: Trainer = {
  name: 'ner',
  summary: 'named-entity recogniser (averaged perceptron) from a CoNLL-2003 or IOB2 file',
  async train(options: TrainOptions): Promise<void> {
    const documents = limitSentences(readTrainingFiles(options.data), options.limit);
    const model = trainNerModel(documents, {
      iterations: options.iterations ?? 12,
      seed: options.seed ?? 1,
      dev: options.dev ? readNerFile(options.dev) : undefined,
      plainTexts: readPlainTexts(PLAIN_TEXT_FOLDER),
      knownNames: readKnownNames(),
      log: options.log,
    });
    model.save(options.out);
    options.log?.(`saved ${options.out}`);
  },
};

/** Unlabelled news articles (PolNeAR, 2015-16 US political news) read for the casing lexicon. */
export const PLAIN_TEXT_FOLDER = sharedPath('corpora', 'polnear', 'train', 'text');

/** The texts of the .txt files in a folder, in name order (none when the folder is absent). */
export function readPlainTexts(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(path.join(folder, name), 'utf8'));
}

/**
 * Documents of one or more comma-separated files. The first file sets the entity types: names of
 * other types in later files are untagged (so CoNLL-2003 news can widen a PER/ORG/LOC web model).
 * A file written `path*N` is weighted N times: its documents are visited N times per pass (the web
 * model is trained on `UNER*2,CoNLL`: +0.9 UNER dev F1 over equal weights, mean of 3 seeds; *3 is worse).
 */
export function readTrainingFiles(list: string): NerDocument[] {
  const [first, ...others] = list.split(',').map(readWeightedFile);
  const types = new Set(entityTypes(first));
  const keepTypes = (tag: string): string => (tag === 'O' || types.has(tag.slice(2)) ? tag : 'O');
  return [
    ...first,
    ...others.flat().map((document) => ({
      weight: document.weight,
      sentences: document.sentences.map((sentence) => ({ words: sentence.words, tags: sentence.tags.map(keepTypes) })),
    })),
  ];
}

/** The documents of a `path` or `path*N` entry of `readTrainingFiles`, each with weight N. */
function readWeightedFile(entry: string): NerDocument[] {
  const match = /^(.*)\*(\d+)$/.exec(entry);
  if (!match) return readNerFile(entry);
  const weight = Number(match[2]);
  return readNerFile(match[1]).map((document) => ({ ...document, weight }));
}

/**
 * A document with its hyphenated words split the way Storyline's tokenizer splits running text
 * ("Nagorno-Karabakh" becomes "Nagorno", "-", "Karabakh"; CoNLL-2003 keeps such words whole). The
 * pieces after the first continue the word's entity (I-X), so the model learns names in the
 * tokens it will be given.
 */
export function splitHyphenatedWords(document: NerDocument): NerDocument {
  return {
    weight: document.weight,
    sentences: document.sentences.map((sentence) => {
      const words: string[] = [];
      const tags: string[] = [];
      sentence.words.forEach((word, i) => {
        const tag = sentence.tags[i];
        const pieces = word.length > 1 && word.includes('-') ? tokenizeRange(word, 0, word.length).map((token) => token.text) : [word];
        pieces.forEach((piece, p) => {
          words.push(piece);
          tags.push(p === 0 || tag === 'O' ? tag : 'I-' + tag.slice(2));
        });
      });
      return { words, tags };
    }),
  };
}

/** A knowledge-base name and its category. */
export interface KnownName {
  name: string;
  category: KnownNameCategory;
}

const CATEGORY_OF_KIND: Record<KbKind, KnownNameCategory> = {
  person: KnownNameCategory.Person,
  country: KnownNameCategory.Place,
  region: KnownNameCategory.Place,
  place: KnownNameCategory.Place,
  igo: KnownNameCategory.Organisation,
  media: KnownNameCategory.Organisation,
  company: KnownNameCategory.Organisation,
  org: KnownNameCategory.Organisation,
};

/** Every name, alias, demonym and capital of the shipped knowledge base, with its category. */
export function readKnownNames(): KnownName[] {
  const names: KnownName[] = [];
  for (const file of readdirSync(KB_DATA_DIR).filter((name) => name.endsWith('.jsonl')).sort()) {
    for (const entry of readEntryFile(path.join(KB_DATA_DIR, file))) {
      const category = CATEGORY_OF_KIND[entry.kind];
      for (const name of [entry.name, ...entry.aliases]) names.push({ name, category });
      for (const demonym of entry.demonyms ?? []) names.push({ name: demonym, category: KnownNameCategory.Demonym });
      if (entry.capital) names.push({ name: entry.capital, category: KnownNameCategory.Place });
    }
  }
  return names;
}

/** The known-names lexicon: phrase key → category bits, plus NAME_PREFIX on the beginnings of longer names. */
function knownNameLexicon(names: readonly KnownName[]): ByteLexicon {
  const lexicon = new ByteLexicon();
  for (const { name, category } of names) {
    const lowered = lowerHashes(name.split(/\s+/).filter((word) => word.length > 0));
    if (lowered.length === 0 || lowered.length > GAZETTEER_MAX_WORDS) continue;
    const key = phraseKey(lowered, 0, lowered.length);
    lexicon.set(key, lexicon.get(key) | (1 << category));
    for (let end = 1; end < lowered.length; end++) {
      const prefix = phraseKey(lowered, 0, end);
      lexicon.set(prefix, lexicon.get(prefix) | NAME_PREFIX);
    }
  }
  return lexicon;
}

/** The documents holding the first `limit` sentences (all of them without a limit). */
export function limitSentences(documents: NerDocument[], limit?: number): NerDocument[] {
  if (limit === undefined) return documents;
  const kept: NerDocument[] = [];
  let remaining = limit;
  for (const document of documents) {
    if (remaining <= 0) break;
    kept.push({ sentences: document.sentences.slice(0, remaining) });
    remaining -= document.sentences.length;
  }
  return kept;
}

function entityTypes(documents: readonly NerDocument[]): string[] {
  const found = new Set<string>();
  for (const document of documents) {
    for (const sentence of document.sentences) for (const tag of sentence.tags) if (tag !== 'O') found.add(tag.slice(2));
  }
  const rank = (type: string): number => (TYPE_ORDER.includes(type) ? TYPE_ORDER.indexOf(type) : TYPE_ORDER.length);
  return [...found].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Occurrences a word needs before `outsideWords` may list it. */
const OUTSIDE_MIN_COUNT = 20;

/**
 * Words (exact spellings) seen at least OUTSIDE_MIN_COUNT times in the training documents and never
 * inside a name ("said", "percent"; not "the" or "of", which occur in names), as word hash → 1.
 * The recogniser tags them O without scoring them: about a third of running text (37% of the words
 * of CoNLL-2003 dev, 17 of which fall inside a name). Only the finished model skips them, see
 * `trainNerModel`.
 */
function outsideWords(documents: readonly NerDocument[]): ByteLexicon {
  const counts = new Map<string, number>();
  for (const document of documents) {
    for (const sentence of document.sentences) {
      sentence.words.forEach((word, i) => {
        const count = counts.get(word) ?? 0;
        counts.set(word, sentence.tags[i] === 'O' && count >= 0 ? count + 1 : -1);
      });
    }
  }
  const lexicon = new ByteLexicon();
  for (const [word, count] of counts) if (count >= OUTSIDE_MIN_COUNT) lexicon.set(hashString(word), 1);
  return lexicon;
}

function buildCasingLexicon(sentences: readonly string[][]): ByteLexicon {
  const counts = new Map<string, [number, number, number]>();
  for (const words of sentences) {
    if (isAllCapsSentence(words)) continue;
    for (let i = 1; i < words.length; i++) {
      const word = words[i];
      if (!hasLetter(word)) continue;
      const lower = word.toLowerCase();
      const entry = counts.get(lower) ?? [0, 0, 0];
      const kind = word === lower ? 0 : word.length > 1 && word === word.toUpperCase() ? 2 : 1;
      entry[kind]++;
      counts.set(lower, entry);
    }
  }
  const lexicon = new ByteLexicon();
  for (const [lower, [plain, capitalised, allCaps]] of counts) lexicon.set(hashString(lower), casingClass(plain, capitalised, allCaps));
  return lexicon;
}

interface NameCounts {
  /** Per phrase key: how often it was tagged as each type, over the whole file. */
  total: Map<number, Int32Array>;
  /** The same counts per document. */
  perDocument: Map<number, Int32Array>[];
  /** Keys of the word sequences that begin a longer name. */
  prefixKeys: Set<number>;
}

function countNames(documents: readonly NerDocument[], types: string[]): NameCounts {
  const total = new Map<number, Int32Array>();
  const prefixKeys = new Set<number>();
  const perDocument = documents.map((document) => {
    const own = new Map<number, Int32Array>();
    for (const sentence of document.sentences) {
      const lowered = lowerHashes(sentence.words);
      for (const span of spansOf(sentence.tags)) {
        if (span.end - span.start > GAZETTEER_MAX_WORDS) continue;
        const key = phraseKey(lowered, span.start, span.end);
        for (let end = span.start + 1; end < span.end; end++) prefixKeys.add(phraseKey(lowered, span.start, end));
        const type = types.indexOf(span.type);
        for (const map of [own, total]) {
          const counts = map.get(key) ?? new Int32Array(types.length);
          counts[type]++;
          map.set(key, counts);
        }
      }
    }
    return own;
  });
  return { total, perDocument, prefixKeys };
}

function maskOf(total: Int32Array | undefined, own: Int32Array | undefined): number {
  if (!total) return 0;
  let mask = 0;
  for (let type = 0; type < total.length; type++) if (total[type] - (own ? own[type] : 0) > 0) mask |= 1 << type;
  return mask;
}

function finalGazetteer(names: NameCounts): ByteLexicon {
  const lexicon = new ByteLexicon();
  for (const [key, counts] of names.total) lexicon.set(key, maskOf(counts, undefined));
  for (const key of names.prefixKeys) lexicon.set(key, lexicon.get(key) | NAME_PREFIX);
  return lexicon;
}

/** Sum over dev words of (confidence − correctness)²: low when confidences match how often tags are right. */
function brierScore(model: NerModel, dev: readonly NerDocument[]): number {
  let loss = 0;
  for (const document of dev) {
    const results = model.recogniseDocument(document.sentences.map((sentence) => sentence.words));
    document.sentences.forEach((sentence, s) => {
      results[s].tags.forEach((tag, i) => {
        loss += (results[s].confidences[i] - (tag === sentence.tags[i] ? 1 : 0)) ** 2;
      });
    });
  }
  return loss;
}

/**
 * Rough sentences of words from running text, enough to count how words are capitalised: words
 * are letter/digit runs (with inner apostrophes, dots and hyphens), sentences end at . ! ? or a
 * blank line. A full tokeniser would give the same counts for this purpose.
 */
export function plainSentences(text: string): string[][] {
  return text
    .split(/(?<=[.!?]["'”’)]?)\s+|\n\s*\n/u)
    .map((sentence) => sentence.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? [])
    .filter((words) => words.length > 1);
}

/** mulberry32: a small seeded generator, so training runs repeat exactly. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(values: number[], random: () => number): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [values[i], values[j]] = [values[j], values[i]];
  }
}
