/**
 * Named-entity recognition: a greedy left-to-right averaged perceptron that gives each word of a
 * sentence an IOB2 tag (PER, ORG, LOC, MISC as its training corpus has them) and a confidence.
 *
 * Shipped models (trained by `storyline train ner`, see nerTrainer.ts):
 * - `models/ner-news.bin.gz`, the default, trained on CoNLL-2003 English (Reuters news, the labels
 *   as re-released with CoNLL++ document boundaries). News is what Storyline reads, and this is the
 *   only news NER corpus we have. Reuters licenses the text for research use; the model holds no
 *   text — only hashed feature weights, and hashed casing and name lists — so no corpus sentence can
 *   be read back from it. Whoever redistributes Storyline commercially should retrain on data they
 *   hold rights to (the trainer takes any CoNLL or IOB2 file).
 * - `models/ner-web.bin.gz`, trained on Universal NER English-EWT (CC BY-SA 4.0; web text, mostly
 *   lower-case and informal; PER, ORG, LOC only), for forum or social-media input.
 *
 * Decoding is greedy with a hard IOB2 constraint (I-X only after B-X or I-X). A document pass keeps,
 * for each capitalised word, the entity types it was already given in that document, which keeps
 * names consistent between a full mention and later short mentions. Confidences are a softmax over
 * the allowed tags' scores, scaled by a temperature fitted on development data at training time.
 */
import { resourcePath } from '../paths.js';
import { readModelFile, writeModelFile } from './model-file.js';
import { ByteLexicon, decisionFeatures, documentCasing, sentenceFeatures } from './nerFeatures.js';
import type { FeatureLexicons, SentenceFeatures } from './nerFeatures.js';
import { AveragedPerceptron } from './perceptron.js';

/** What the recogniser returns for one sentence. */
export interface NerResult {
  tags: string[];
  /** Probability of each chosen tag, in [0, 1]. */
  confidences: number[];
}

/** The tag set of a model: IOB2 tags over its entity types, and which tag may follow which. */
export class TagSet {
  readonly tags: string[];
  /** Per tag: 0 for O, else 1 + the index of its entity type. */
  readonly typeOf: Int32Array;
  readonly inside: Uint8Array;

  constructor(readonly types: string[]) {
    this.tags = ['O', ...types.flatMap((type) => ['B-' + type, 'I-' + type])];
    this.typeOf = Int32Array.from(this.tags, (_tag, index) => (index === 0 ? 0 : Math.ceil(index / 2)));
    this.inside = Uint8Array.from(this.tags, (tag) => (tag.startsWith('I-') ? 1 : 0));
  }

  /** Whether tag `next` may follow tag `previous` (-1 = sentence start). */
  allows(previous: number, next: number): boolean {
    if (this.inside[next] === 0) return true;
    return previous > 0 && this.typeOf[previous] === this.typeOf[next];
  }

  indexOf(tag: string): number {
    const index = this.tags.indexOf(tag);
    return index < 0 ? 0 : index;
  }
}

/** Scores a feature vector into per-tag scores (frozen weights, or the learner while training). */
export type Scorer = (features: Int32Array, count: number, scores: Float32Array) => void;

/**
 * Called at each word while training: gets the features and the greedy choice, returns the tag the
 * next words see as previous (the trainer returns the gold tag). The document history always records
 * the model's own choice, as it will at tagging time.
 */
export type Teacher = (word: number, features: Int32Array, count: number, predicted: number) => number;

/** Entity types each capitalised word was given so far in a document (index 0 counts O). */
export type TagHistory = Map<number, Int32Array>;

const MAX_FEATURES = 256;

/** Greedy decoding of one sentence; shared by training (with a teacher) and tagging. */
export function decodeSentence(
  sentence: SentenceFeatures,
  tagSet: TagSet,
  score: Scorer,
  history: TagHistory,
  temperature: number,
  teacher?: Teacher,
): { tags: Int32Array; confidences: Float64Array } {
  const n = sentence.offsets.length - 1;
  const classes = tagSet.tags.length;
  const tags = new Int32Array(n);
  const confidences = new Float64Array(n);
  const features = new Int32Array(MAX_FEATURES);
  const scores = new Float32Array(classes);
  let previous = -1;
  let beforePrevious = -1;
  for (let i = 0; i < n; i++) {
    const key = sentence.historyKeys[i];
    const seen = sentence.capitalised[i] ? history.get(key) : undefined;
    const count = decisionFeatures(sentence, i, previous, beforePrevious, seen ? argmax(seen) : -1, features, 0);
    score(features, count, scores);
    let best = -1;
    for (let c = 0; c < classes; c++) {
      if (tagSet.allows(previous, c) && (best < 0 || scores[c] > scores[best])) best = c;
    }
    let total = 0;
    for (let c = 0; c < classes; c++) {
      if (tagSet.allows(previous, c)) total += Math.exp((scores[c] - scores[best]) / temperature);
    }
    const chosen = teacher ? teacher(i, features, count, best) : best;
    tags[i] = chosen;
    confidences[i] = 1 / total;
    if (sentence.capitalised[i]) {
      const counts = seen ?? new Int32Array(tagSet.types.length + 1);
      counts[tagSet.typeOf[best]]++;
      if (!seen) history.set(key, counts);
    }
    beforePrevious = previous;
    previous = chosen;
  }
  return { tags, confidences };
}

function argmax(values: Int32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** A trained recogniser. */
export class NerModel {
  readonly tagSet: TagSet;
  private readonly lexicons: FeatureLexicons;

  constructor(
    types: string[],
    /** Finalised (averaged) weights. */
    readonly weights: AveragedPerceptron,
    readonly casing: ByteLexicon,
    readonly gazetteer: ByteLexicon,
    readonly temperature: number,
  ) {
    this.tagSet = new TagSet(types);
    this.lexicons = { casing, gazetteer: (key) => gazetteer.get(key) };
  }

  /** Entity types the model knows, e.g. PER, ORG, LOC, MISC. */
  get types(): string[] {
    return this.tagSet.types;
  }

  /** Tags one sentence on its own (no document context). */
  recognise(words: string[]): NerResult {
    return this.recogniseDocument([words])[0];
  }

  /**
   * Tags the sentences of one document in order, letting later mentions use what earlier ones were
   * tagged and which words the document capitalises. Prefer this over `recognise` when the whole
   * document is at hand.
   */
  recogniseDocument(sentences: string[][]): NerResult[] {
    const casing = documentCasing(sentences);
    const history: TagHistory = new Map();
    const score: Scorer = (features, count, scores) => this.weights.score(features, count, scores);
    return sentences.map((words) => {
      if (words.length === 0) return { tags: [], confidences: [] };
      const sentence = sentenceFeatures(words, this.lexicons, casing);
      const decoded = decodeSentence(sentence, this.tagSet, score, history, this.temperature);
      return {
        tags: Array.from(decoded.tags, (tag) => this.tagSet.tags[tag]),
        confidences: Array.from(decoded.confidences),
      };
    });
  }

  /** Writes the model file (gzip container of model-file.ts); weights below `pruneBelow` are dropped. */
  save(file: string, pruneBelow = 0): void {
    const meta: NerModelMeta = { kind: 'ner', types: this.types, temperature: this.temperature };
    writeModelFile(file, { meta, blobs: [this.casing.encode(), this.gazetteer.encode(), this.weights.serialize(pruneBelow)] });
  }
}

interface NerModelMeta {
  kind: 'ner';
  types: string[];
  temperature: number;
}

/** The default (news) model shipped under models/. */
export const DEFAULT_NER_MODEL = resourcePath('models', 'ner-news.bin.gz');

/** The web-text model shipped under models/. */
export const WEB_NER_MODEL = resourcePath('models', 'ner-web.bin.gz');

/** Loads a model file (default: the shipped news model). */
export function loadNerModel(file: string = DEFAULT_NER_MODEL): NerModel {
  const { meta, blobs } = readModelFile<NerModelMeta>(file);
  if (meta.kind !== 'ner' || blobs.length !== 3) throw new Error(`${file} is not a Storyline NER model`);
  const [casing, gazetteer, weights] = blobs;
  return new NerModel(
    meta.types,
    AveragedPerceptron.deserialize(weights),
    ByteLexicon.decode(casing),
    ByteLexicon.decode(gazetteer),
    meta.temperature,
  );
}
