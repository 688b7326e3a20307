/**
 * `storyline train ner`: learns a NER model (see ner.ts) from a CoNLL-2003 or IOB2 file.
 *
 * Besides the perceptron weights, training builds two lexicons from the training file alone: how
 * each word is usually capitalised inside sentences, and a gazetteer of the names tagged in it. While
 * training, a document sees the gazetteer without the names it contributed itself (leave-one-document
 * -out), so the model learns how far to trust a gazetteer hit on names it has not been taught.
 * Training is deterministic for a given seed (documents are shuffled with a seeded generator).
 */
import { readNerFile, spansOf } from './nerCorpus.js';
import type { NerDocument } from './nerCorpus.js';
import { NerModel, TagSet, decodeSentence } from './ner.js';
import type { Scorer, TagHistory } from './ner.js';
import { ByteLexicon, GAZETTEER_MAX_WORDS, casingClass, documentCasing, isAllCapsSentence, phraseKey, sentenceFeatures } from './nerFeatures.js';
import { AveragedPerceptron, hashString } from './perceptron.js';
import type { SentenceFeatures } from './nerFeatures.js';
import { evaluateNer } from './nerScore.js';
import type { Trainer, TrainOptions } from './trainers.js';

/** Averaged weights smaller than this are left out of the model file. */
const PRUNE_BELOW = 0.01;

/** Entity types in the order models list them; others follow alphabetically. */
const TYPE_ORDER = ['PER', 'ORG', 'LOC', 'GPE', 'NORP', 'MISC'];

export interface NerTrainingOptions {
  iterations: number;
  seed: number;
  /** Development documents: progress is logged on them and they set the confidence temperature. */
  dev?: NerDocument[];
  log?: (line: string) => void;
}

/** Trains a model on documents in memory. */
export function trainNerModel(documents: readonly NerDocument[], options: NerTrainingOptions): NerModel {
  const log = options.log ?? (() => undefined);
  const types = entityTypes(documents);
  const tagSet = new TagSet(types);
  const casing = buildCasingLexicon(documents);
  const names = countNames(documents, types);

  const prepared = documents.map((document, index) => {
    const own = names.perDocument[index];
    const lexicons = { casing, gazetteer: (key: number) => (process.env.NOGAZ ? 0 : maskOf(names.total.get(key), own.get(key))) };
    const docCase = documentCasing(document.sentences.map((sentence) => sentence.words));
    return document.sentences.map((sentence) => ({
      features: sentenceFeatures(sentence.words, lexicons, docCase),
      gold: Int32Array.from(sentence.tags, (tag) => tagSet.indexOf(tag)),
    }));
  });

  const learner = new AveragedPerceptron(tagSet.tags.length, 1 << 18);
  const score: Scorer = (features, count, scores) => learner.score(features, count, scores);
  const random = seededRandom(options.seed);
  const order = documents.map((_document, index) => index);
  for (let iteration = 1; iteration <= options.iterations; iteration++) {
    shuffle(order, random);
    let errors = 0;
    let words = 0;
    for (const documentIndex of order) {
      const history: TagHistory = new Map();
      for (const sentence of prepared[documentIndex]) {
        decodeSentence(sentence.features, tagSet, score, history, 1, (word, features, count, predicted) => {
          const gold = sentence.gold[word];
          learner.update(features, count, gold, predicted);
          learner.tick();
          words++;
          if (gold !== predicted) errors++;
          return gold;
        });
      }
    }
    log(`iteration ${iteration}: training word error ${((100 * errors) / Math.max(words, 1)).toFixed(2)}%`);
  }
  learner.finalize();
  const model = new NerModel(types, learner, casing, finalGazetteer(names.total), 1);
  if (!options.dev) return model;
  log(`dev F1 ${(100 * evaluateNer(model, options.dev).f1).toFixed(2)}`);
  const temperature = fitTemperature(model, options.dev);
  log(`confidence temperature ${temperature}`);
  return new NerModel(types, learner, casing, model.gazetteer, temperature);
}

/** The `ner` trainer of `storyline train`. */
export const nerTrainer: Trainer = {
  name: 'ner',
  summary: 'named-entity recogniser (averaged perceptron) from a CoNLL-2003 or IOB2 file',
  async train(options: TrainOptions): Promise<void> {
    const documents = limitSentences(readNerFile(options.data), options.limit);
    const model = trainNerModel(documents, {
      iterations: options.iterations ?? 12,
      seed: options.seed ?? 1,
      dev: options.dev ? readNerFile(options.dev) : undefined,
      log: options.log,
    });
    model.save(options.out, PRUNE_BELOW);
    options.log?.(`saved ${options.out}`);
  },
};

/** The first documents holding at least `limit` sentences (all of them without a limit). */
export function limitSentences(documents: NerDocument[], limit?: number): NerDocument[] {
  if (limit === undefined) return documents;
  const kept: NerDocument[] = [];
  let sentences = 0;
  for (const document of documents) {
    if (sentences >= limit) break;
    kept.push(document);
    sentences += document.sentences.length;
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

function buildCasingLexicon(documents: readonly NerDocument[]): ByteLexicon {
  const counts = new Map<string, [number, number, number]>();
  for (const document of documents) {
    for (const { words } of document.sentences) {
      if (isAllCapsSentence(words)) continue;
      for (let i = 1; i < words.length; i++) {
        const word = words[i];
        if (!/\p{L}/u.test(word)) continue;
        const lower = word.toLowerCase();
        const entry = counts.get(lower) ?? [0, 0, 0];
        const kind = word === lower ? 0 : word.length > 1 && word === word.toUpperCase() ? 2 : 1;
        entry[kind]++;
        counts.set(lower, entry);
      }
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
}

function countNames(documents: readonly NerDocument[], types: string[]): NameCounts {
  const total = new Map<number, Int32Array>();
  const perDocument = documents.map((document) => {
    const own = new Map<number, Int32Array>();
    for (const sentence of document.sentences) {
      const lowers = sentence.words.map((word) => word.toLowerCase());
      for (const span of spansOf(sentence.tags)) {
        if (span.end - span.start > GAZETTEER_MAX_WORDS) continue;
        const key = phraseKey(lowers, span.start, span.end);
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
  return { total, perDocument };
}

function maskOf(total: Int32Array | undefined, own: Int32Array | undefined): number {
  if (!total) return 0;
  let mask = 0;
  for (let type = 0; type < total.length; type++) if (total[type] - (own ? own[type] : 0) > 0) mask |= 1 << type;
  return mask;
}

function finalGazetteer(total: Map<number, Int32Array>): ByteLexicon {
  const lexicon = new ByteLexicon();
  for (const [key, counts] of total) lexicon.set(key, maskOf(counts, undefined));
  return lexicon;
}

/** The softmax temperature whose confidences best match dev correctness (lowest Brier score). */
function fitTemperature(model: NerModel, dev: readonly NerDocument[]): number {
  let best = 1;
  let bestLoss = Infinity;
  for (const temperature of [0.5, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32]) {
    const candidate = new NerModel(model.types, model.weights, model.casing, model.gazetteer, temperature);
    let loss = 0;
    for (const document of dev) {
      const results = candidate.recogniseDocument(document.sentences.map((sentence) => sentence.words));
      document.sentences.forEach((sentence, s) => {
        results[s].tags.forEach((tag, i) => {
          const correct = tag === sentence.tags[i] ? 1 : 0;
          loss += (results[s].confidences[i] - correct) ** 2;
        });
      });
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      best = temperature;
    }
  }
  return best;
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
