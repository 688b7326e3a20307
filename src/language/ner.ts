/**
 * Named-entity recognition: a structured averaged perceptron, decoded left to right by beam search,
 * that gives each word of a sentence an IOB2 tag (PER, ORG, LOC, MISC as its training corpus has
 * them) and a confidence.
 *
 * Shipped models (trained by `storyline train ner`, see nerTrainer.ts):
 * - `models/ner-news.bin.gz`, the default, trained on CoNLL-2003 English (Reuters news, the labels
 *   as re-released with CoNLL++ document boundaries). News is what Storyline reads, and this is the
 *   only news NER corpus we have. Reuters licenses the text for research use; the model holds no
 *   text — only hashed feature weights, and hashed casing and name lists — so no corpus sentence can
 *   be read back from it. Whoever redistributes Storyline commercially should retrain on data they
 *   hold rights to (the trainer takes any CoNLL or IOB2 file).
 * - `models/ner-web.bin.gz`, trained on Universal NER English-EWT (CC BY-SA 4.0; web text: reviews,
 *   forums, e-mail, often lower-case; PER, ORG, LOC only), weighted twice, plus the CoNLL-2003
 *   sentences with MISC untagged, for informal input. It is weaker (see the README figures): web names are often
 *   lower-case and UNER tags businesses as places where they are visited.
 *
 * Tag sequences obey IOB2 (I-X only after B-X or I-X) and are scored by summed perceptron scores
 * over word features and the two previous tags; training uses the same beam search with early
 * update. The recogniser keeps, for each capitalised word, the entity types it was already given in
 * the document, which keeps names consistent between a full mention and later short mentions.
 * Confidences are a softmax over the allowed tags' scores at a temperature fitted on development
 * data at training time. A sentence typed all in lower case is first given each word's usual
 * capitals from the model's casing lexicon. Once a document is tagged, sentences whose first
 * mention of a name the rest of the document typed otherwise are tagged again (see
 * `revisitFirstMentions`), and a name it tagged is also tagged where it recurs untagged (see
 * `tagRepeatedNames`).
 *
 * Speed: each spelling's own features are scored once per model and cached (see WordInfoCache), and
 * so are its word-and-previous-tag scores; tag-pair scores once per model (once per search while
 * training, see ScoreMemo), confidences only along the chosen path, and frequent words never seen
 * inside a name in training ("said", "percent") are tagged O without scoring. The search's buffers
 * are reused from sentence to sentence.
 */
import { resourcePath } from '../paths.js';
import { readModelFile, writeModelFile } from './model-file.js';
import {
  ByteLexicon,
  WordInfoCache,
  contextFeatures,
  documentCasing,
  sentenceFeatures,
  tagFeatures,
  transitionFeatures,
  trueCased,
  wordFeatures,
  wordTagFeatures,
} from './nerFeatures.js';
import type { FeatureLexicons, SentenceFeatures, WordInfo, WordTagScores } from './nerFeatures.js';
import { spansOf } from './nerCorpus.js';
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
  /** `allows` as a table: entry (previous + 1) · tags + next is 1 when next may follow previous. */
  readonly follows: Uint8Array;

  constructor(readonly types: string[]) {
    this.tags = ['O', ...types.flatMap((type) => ['B-' + type, 'I-' + type])];
    this.typeOf = Int32Array.from(this.tags, (_tag, index) => (index === 0 ? 0 : Math.ceil(index / 2)));
    this.inside = Uint8Array.from(this.tags, (tag) => (tag.startsWith('I-') ? 1 : 0));
    const count = this.tags.length;
    this.follows = new Uint8Array((count + 1) * count);
    for (let previous = -1; previous < count; previous++) {
      for (let next = 0; next < count; next++) this.follows[(previous + 1) * count + next] = this.allows(previous, next) ? 1 : 0;
    }
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
 * Writes the per-tag scores of word `i`'s tag-independent features (`history` as in
 * `wordFeatures`): a plain sum while training, a cached one for the words' own features once frozen.
 */
type WordScorer = (sentence: SentenceFeatures, i: number, history: number, scores: Float32Array) => void;

/** Entity types each capitalised word was given so far in a document (index 0 counts O). */
export type TagHistory = Map<number, Int32Array>;

const MAX_FEATURES = 256;

/** Averaged weights smaller than this are left out of model files (they barely move a score). */
const PRUNE_BELOW = 0.01;

/** Hypotheses kept by the beam search, in training and tagging. */
const BEAM_WIDTH = 4;

function historyOf(sentence: SentenceFeatures, i: number, history: TagHistory): number {
  const word = sentence.words[i];
  const seen = word.capitalised ? history.get(word.lowered) : undefined;
  return seen ? argmax(seen) : -1;
}

/** Adds the tagged words of a sentence (the first `length`) to the document history. */
function recordHistory(sentence: SentenceFeatures, tags: Int32Array, length: number, tagSet: TagSet, history: TagHistory): void {
  for (let i = 0; i < length; i++) {
    const word = sentence.words[i];
    if (!word.capitalised) continue;
    const counts = history.get(word.lowered) ?? new Int32Array(tagSet.types.length + 1);
    counts[tagSet.typeOf[tags[i]]]++;
    history.set(word.lowered, counts);
  }
}

/**
 * Scores of the tag-dependent features, which stay valid while the weights do: per tag pair
 * (previous + 1, beforePrevious + 1), and per word and previous tag (previous + 1); each computed on
 * first use. A frozen model keeps one memo for all its searches, and each word's scores with the
 * word (`perWord`); a training search makes its own and forgets a word's scores after it. Also holds
 * the search's buffers, grown as needed.
 */
class ScoreMemo {
  readonly pairs: number;
  readonly transitionScores: Float32Array;
  readonly transitionKnown: Uint8Array;
  readonly features = new Int32Array(MAX_FEATURES);
  readonly wordScores: Float32Array;
  readonly scratch: Float32Array;
  private readonly wordTagScratch: WordTagScores;
  /** Per word and beam slot: parent slot, tag, path score; and the scores of every tag from each parent slot. */
  parents = new Int32Array(0);
  chosen = new Int32Array(0);
  paths = new Float64Array(0);
  stepScores = new Float32Array(0);

  constructor(
    private readonly classes: number,
    private readonly perWord: boolean,
  ) {
    this.pairs = classes + 1;
    this.transitionScores = new Float32Array(this.pairs * this.pairs * classes);
    this.transitionKnown = new Uint8Array(this.pairs * this.pairs);
    this.wordScores = new Float32Array(classes);
    this.scratch = new Float32Array(classes);
    this.wordTagScratch = ScoreMemo.wordTagScores(classes);
  }

  private static wordTagScores(classes: number): WordTagScores {
    return { scores: new Float32Array((classes + 1) * classes), known: new Uint8Array(classes + 1) };
  }

  /** The word-and-previous-tag scores of a word about to be tagged. */
  wordTag(word: WordInfo): WordTagScores {
    if (this.perWord) return (word.tagScores ??= ScoreMemo.wordTagScores(this.classes));
    this.wordTagScratch.known.fill(0);
    return this.wordTagScratch;
  }

  /** Makes the per-slot buffers hold a sentence of `n` words (their old contents are never read). */
  reserve(n: number, beamWidth: number): void {
    if (this.parents.length >= n * beamWidth) return;
    const slots = 2 * n * beamWidth;
    this.parents = new Int32Array(slots);
    this.chosen = new Int32Array(slots);
    this.paths = new Float64Array(slots);
    this.stepScores = new Float32Array(slots * this.classes);
  }
}

interface BeamOutcome {
  tags: Int32Array;
  /** Per word, the probability of its tag (left empty while training). */
  confidences: Float64Array;
  /** Words tagged: the whole sentence, or (training) the prefix at which the gold path left the beam. */
  length: number;
}

/**
 * Beam search over tag sequences scored by summed perceptron scores. With `gold` (training) it
 * stops as soon as the gold prefix falls out of the beam and returns the best prefix so far (the
 * "early update" of Collins and Roark). Without it, confidences are the softmax, at `temperature`,
 * of each chosen tag's score against the other tags allowed at that point, worked out for the
 * chosen path only. The document history is read per word and updated with the result.
 *
 * Weights do not change during one search, so the scores of the tag-pair features and of the
 * word-and-previous-tag features are computed once per distinct tag pair and per distinct
 * previous tag, not once per beam slot (and kept longer by `memo`, see ScoreMemo).
 */
function beamSearch(
  sentence: SentenceFeatures,
  tagSet: TagSet,
  scoreWord: WordScorer,
  score: Scorer,
  memo: ScoreMemo,
  history: TagHistory,
  beamWidth: number,
  temperature: number,
  gold?: Int32Array,
): BeamOutcome {
  const n = sentence.offsets.length - 1;
  const classes = tagSet.tags.length;
  const { features, wordScores, scratch: wordScratch, pairs, transitionScores, transitionKnown } = memo;
  memo.reserve(n, beamWidth);
  // Per word and beam slot: parent slot, tag, path score; and the scores of every tag from each
  // parent slot (for the confidences of the final path).
  const { parents, chosen, paths, stepScores } = memo;
  let width = 1;
  let goldSlot = 0;
  let length = n;
  for (let i = 0; i < n; i++) {
    // A word always outside names in training is tagged O without scoring its features.
    const outside = sentence.words[i].outside;
    if (outside) wordScores.fill(0);
    else scoreWord(sentence, i, historyOf(sentence, i, history), wordScores);
    const { scores: wordTagScores, known: wordTagKnown } = memo.wordTag(sentence.words[i]);
    const base = i * beamWidth;
    let filled = 0;
    for (let slot = 0; slot < width; slot++) {
      const from = (i - 1) * beamWidth + slot;
      const previous = i === 0 ? -1 : chosen[from];
      const beforePrevious = i < 2 ? -1 : chosen[(i - 2) * beamWidth + parents[from]];
      const pathSoFar = i === 0 ? 0 : paths[from];
      const pair = (previous + 1) * pairs + beforePrevious + 1;
      if (!transitionKnown[pair]) {
        score(features, transitionFeatures(previous, beforePrevious, features, 0), wordScratch);
        transitionScores.set(wordScratch, pair * classes);
        transitionKnown[pair] = 1;
      }
      if (!wordTagKnown[previous + 1]) {
        score(features, wordTagFeatures(sentence, i, previous, features, 0), wordScratch);
        wordTagScores.set(wordScratch, (previous + 1) * classes);
        wordTagKnown[previous + 1] = 1;
      }
      const transition = pair * classes;
      const wordTag = (previous + 1) * classes;
      const scoresAt = (base + slot) * classes;
      const allowed = (previous + 1) * classes;
      for (let c = 0; c < classes; c++) {
        const excluded = outside && c > 0;
        const tagScore = excluded ? -Infinity : wordScores[c] + transitionScores[transition + c] + wordTagScores[wordTag + c];
        stepScores[scoresAt + c] = tagScore;
        if (excluded || !tagSet.follows[allowed + c]) continue;
        const path = pathSoFar + tagScore;
        // Insert into this word's slots, kept sorted best first.
        let at = Math.min(filled, beamWidth - 1);
        if (filled === beamWidth && path <= paths[base + at]) continue;
        while (at > 0 && paths[base + at - 1] < path) {
          parents[base + at] = parents[base + at - 1];
          chosen[base + at] = chosen[base + at - 1];
          paths[base + at] = paths[base + at - 1];
          at--;
        }
        parents[base + at] = slot;
        chosen[base + at] = c;
        paths[base + at] = path;
        if (filled < beamWidth) filled++;
      }
    }
    width = filled;
    if (gold) {
      let next = -1;
      for (let slot = 0; slot < width; slot++) {
        if (chosen[base + slot] === gold[i] && (i === 0 || parents[base + slot] === goldSlot)) next = slot;
      }
      goldSlot = next;
      if (goldSlot < 0) {
        length = i + 1;
        break;
      }
    }
  }
  const tags = new Int32Array(n);
  const confidences = new Float64Array(gold ? 0 : n);
  let slot = 0;
  for (let i = length - 1; i >= 0; i--) {
    tags[i] = chosen[i * beamWidth + slot];
    const parent = parents[i * beamWidth + slot];
    if (!gold) {
      const previous = i === 0 ? -1 : chosen[(i - 1) * beamWidth + parent];
      const scoresAt = (i * beamWidth + parent) * classes;
      confidences[i] = softmaxAt(stepScores, scoresAt, tags[i], tagSet.follows, (previous + 1) * classes, classes, temperature);
    }
    slot = parent;
  }
  recordHistory(sentence, tags, length, tagSet, history);
  return { tags, confidences, length };
}

/**
 * Softmax probability, at `temperature`, of class `chosen` among the allowed classes, over the
 * `classes` scores at `scoresAt` (allowed where `allowed[allowedAt + c]` is 1).
 */
function softmaxAt(
  scores: Float32Array,
  scoresAt: number,
  chosen: number,
  allowed: Uint8Array,
  allowedAt: number,
  classes: number,
  temperature: number,
): number {
  let top = -Infinity;
  for (let c = 0; c < classes; c++) if (allowed[allowedAt + c]) top = Math.max(top, scores[scoresAt + c]);
  let total = 0;
  for (let c = 0; c < classes; c++) if (allowed[allowedAt + c]) total += Math.exp((scores[scoresAt + c] - top) / temperature);
  return Math.exp((scores[scoresAt + chosen] - top) / temperature) / total;
}

/**
 * One structured-perceptron step on a sentence: beam search with early update, then the gold
 * prefix's features are rewarded and the predicted prefix's penalised (word features once per word,
 * previous-tag features per path). Returns the number of wrongly tagged words in the prefix.
 */
export function learnSentence(
  sentence: SentenceFeatures,
  tagSet: TagSet,
  learner: AveragedPerceptron,
  history: TagHistory,
  gold: Int32Array,
  beamWidth = BEAM_WIDTH,
): number {
  const historyBefore = Int32Array.from(gold, (_tag, i) => historyOf(sentence, i, history));
  const features = new Int32Array(MAX_FEATURES);
  const score: Scorer = (keys, count, scores) => learner.score(keys, count, scores);
  const scoreWord: WordScorer = (words, i, wordHistory, scores) => score(features, wordFeatures(words, i, wordHistory, features, 0), scores);
  const memo = new ScoreMemo(tagSet.tags.length, false);
  const predicted = beamSearch(sentence, tagSet, scoreWord, score, memo, history, beamWidth, 1, gold);
  let errors = 0;
  for (let i = 0; i < predicted.length; i++) {
    const guess = predicted.tags[i];
    if (guess !== gold[i]) errors++;
    learner.update(features, wordFeatures(sentence, i, historyBefore[i], features, 0), gold[i], guess);
    const goldPrevious = i > 0 ? gold[i - 1] : -1;
    const guessPrevious = i > 0 ? predicted.tags[i - 1] : -1;
    const goldBefore = i > 1 ? gold[i - 2] : -1;
    const guessBefore = i > 1 ? predicted.tags[i - 2] : -1;
    if (guess === gold[i] && goldPrevious === guessPrevious && goldBefore === guessBefore) continue;
    learner.update(features, tagFeatures(sentence, i, goldPrevious, goldBefore, features, 0), gold[i], -1);
    learner.update(features, tagFeatures(sentence, i, guessPrevious, guessBefore, features, 0), guess, -1, -1);
  }
  learner.tick();
  return errors;
}

function argmax(values: Int32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/**
 * Tags again, once the whole document has been tagged, the sentences holding the first mention
 * of a capitalised word that recurs in a later sentence and that the document as a whole tagged
 * as another type than this mention got ("Varnholt" alone in the opening sentence, "Varnholt
 * Corp" and "shares of Varnholt" after it). Tagged again, the mention sees the document's
 * history, which a left-to-right pass only gives to later mentions (a cheap form of two-stage
 * document consistency, after Krishnan and Manning 2006). Over three training seeds each this adds
 * 0.31 F1 on UNER EWT dev and 0.10 on CoNLL-2003 dev, tagging again under 1% and 3% of sentences;
 * tagging again every sentence with a capitalised first mention that recurs adds about as much
 * for 12 to 25 times the work.
 */
function revisitFirstMentions(
  sentences: readonly SentenceFeatures[],
  results: NerResult[],
  history: TagHistory,
  tagSet: TagSet,
  decode: (sentence: SentenceFeatures) => NerResult,
): void {
  const firstSentence = new Map<number, number>();
  const lastSentence = new Map<number, number>();
  sentences.forEach((sentence, s) => {
    for (const word of sentence.words) {
      if (!word.capitalised) continue;
      if (!firstSentence.has(word.lowered)) firstSentence.set(word.lowered, s);
      lastSentence.set(word.lowered, s);
    }
  });
  sentences.forEach((sentence, s) => {
    const again = sentence.words.some((word, i) => {
      if (!word.capitalised || firstSentence.get(word.lowered) !== s || (lastSentence.get(word.lowered) ?? s) <= s) return false;
      const counts = history.get(word.lowered);
      return counts !== undefined && argmax(counts) !== tagSet.typeOf[tagSet.indexOf(results[s].tags[i])];
    });
    if (again) results[s] = decode(sentence);
  });
}

/** A name tagged somewhere in a document: its words, its types' counts, and its first mention's confidences. */
interface DocumentName {
  words: string[];
  types: Map<string, number>;
  confidences: number[];
}

/**
 * One sense per document, as a second look at a tagged document: a name tagged somewhere in it
 * (beginning with a capital letter) is given its most frequent type where the same words recur
 * untagged, with the confidences of its first tagged mention. The left-to-right tag history cannot
 * reach mentions before the first tagged one, nor ones scored O despite it. On the dev sets this
 * adds 0.5 F1 on UNER EWT and 0.07 on CoNLL-2003; also relabelling repeats tagged with another
 * type gained 0.1 more on UNER but lost 0.5 on CoNLL, so tagged words are left alone.
 */
export function tagRepeatedNames(sentences: readonly string[][], results: NerResult[]): void {
  const names = new Map<string, DocumentName>();
  results.forEach((result, s) => {
    for (const span of spansOf(result.tags)) {
      const words = sentences[s].slice(span.start, span.end);
      if (!/^\p{Lu}/u.test(words[0])) continue;
      const key = words.join(' ');
      const name = names.get(key) ?? { words, types: new Map<string, number>(), confidences: result.confidences.slice(span.start, span.end) };
      name.types.set(span.type, (name.types.get(span.type) ?? 0) + 1);
      names.set(key, name);
    }
  });
  if (names.size === 0) return;
  // Names by first word, longest first, so that a longer name is matched before its beginning.
  const byFirstWord = new Map<string, DocumentName[]>();
  for (const name of names.values()) byFirstWord.set(name.words[0], [...(byFirstWord.get(name.words[0]) ?? []), name]);
  for (const candidates of byFirstWord.values()) candidates.sort((a, b) => b.words.length - a.words.length);
  results.forEach(({ tags, confidences }, s) => {
    const words = sentences[s];
    for (let i = 0; i < words.length; i++) {
      const candidates = tags[i] === 'O' ? byFirstWord.get(words[i]) : undefined;
      const name = candidates?.find((candidate) => fitsUntagged(candidate.words, words, tags, i));
      if (!name) continue;
      const type = mostFrequent(name.types);
      name.words.forEach((_word, k) => {
        tags[i + k] = (k === 0 ? 'B-' : 'I-') + type;
        confidences[i + k] = name.confidences[k];
      });
      i += name.words.length - 1;
    }
  });
}

/** Whether `name` occurs at word `at` of a sentence, over words all tagged O and not continued by an I- tag. */
function fitsUntagged(name: readonly string[], words: readonly string[], tags: readonly string[], at: number): boolean {
  if (at + name.length > words.length) return false;
  for (let k = 0; k < name.length; k++) if (words[at + k] !== name[k] || tags[at + k] !== 'O') return false;
  return !tags[at + name.length]?.startsWith('I-');
}

function mostFrequent(counts: Map<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [key, count] of counts) {
    if (count > bestCount) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

/** What a trained model is made of. */
export interface NerModelParts {
  types: string[];
  /** Finalised (averaged) weights. */
  weights: AveragedPerceptron;
  /** How words are usually capitalised (see nerFeatures.ts). */
  casing: ByteLexicon;
  /** Names tagged in the training data, with their types. */
  gazetteer: ByteLexicon;
  /** Names of the knowledge base at training time, with their categories. */
  knownNames: ByteLexicon;
  /** Word clusters learned from unlabelled text (see nerClusters.ts). */
  clusters: ByteLexicon;
  /** Words (exact spellings) always outside names in training, tagged O without scoring. */
  outsideWords: ByteLexicon;
  /** Softmax temperature of the confidences, fitted on development data. */
  temperature: number;
}

/** A trained recogniser. */
export class NerModel {
  readonly tagSet: TagSet;
  /**
   * Hypotheses kept while tagging. The model is trained for 4; on CoNLL-2003 dev, 2 costs about
   * 1.3 F1 and 1 (greedy) about 4.6, 8 gains 0.2.
   */
  beamWidth = BEAM_WIDTH;
  private readonly lexicons: FeatureLexicons;
  private readonly words: WordInfoCache;
  private readonly features = new Int32Array(MAX_FEATURES);
  /** Tag-dependent scores and search buffers, kept for every search (the weights are frozen). */
  private readonly memo: ScoreMemo;

  constructor(readonly parts: NerModelParts) {
    this.tagSet = new TagSet(parts.types);
    this.memo = new ScoreMemo(this.tagSet.tags.length, true);
    this.lexicons = {
      casing: parts.casing,
      gazetteer: (key) => parts.gazetteer.get(key),
      knownNames: (key) => parts.knownNames.get(key),
      clusters: parts.clusters,
    };
    this.words = new WordInfoCache(parts.casing, parts.clusters, parts.outsideWords);
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
   * tagged and which words the document capitalises. Sentences typed all in lower case are tagged
   * as if written with each word's usual capitals (see `trueCased`). Prefer this over `recognise`
   * when the whole document is at hand. `cached` false computes the tag-dependent scores afresh
   * for each sentence instead of keeping them across sentences (the same output, slower; for tests).
   */
  recogniseDocument(written: string[][], { cached = true }: { cached?: boolean } = {}): NerResult[] {
    const sentences = written.map((words) => trueCased(words, this.parts.casing));
    const casing = documentCasing(sentences);
    const history: TagHistory = new Map();
    const features = sentences.map((words) => sentenceFeatures(words, this.lexicons, casing, this.words));
    const memo = (): ScoreMemo => (cached ? this.memo : new ScoreMemo(this.tagSet.tags.length, false));
    const results = features.map((sentence) => this.decode(sentence, history, memo()));
    revisitFirstMentions(features, results, history, this.tagSet, (sentence) => this.decode(sentence, history, memo()));
    tagRepeatedNames(sentences, results);
    results.forEach((result, index) => trimPunctuationEdges(written[index], result.tags));
    return results;
  }

  /** Tags one sentence, reading and adding to the document's tag history. */
  private decode(sentence: SentenceFeatures, history: TagHistory, memo: ScoreMemo): NerResult {
    if (sentence.words.length === 0) return { tags: [], confidences: [] };
    const decoded = beamSearch(sentence, this.tagSet, this.scoreWord, this.scoreFrozen, memo, history, this.beamWidth, this.parts.temperature);
    return {
      tags: Array.from(decoded.tags, (tag) => this.tagSet.tags[tag]),
      confidences: Array.from(decoded.confidences),
    };
  }

  private readonly scoreFrozen: Scorer = (features, count, scores) => this.parts.weights.score(features, count, scores);

  /**
   * Word scores with frozen weights: the word's own features are scored once per spelling and kept
   * in its WordInfo (the weights never change after training), only the context is scored per use.
   */
  private readonly scoreWord: WordScorer = (sentence, i, history, scores) => {
    const weights = this.parts.weights;
    const word = sentence.words[i];
    if (!word.ownScores) {
      word.ownScores = new Float32Array(this.tagSet.tags.length);
      weights.score(word.ownKeys, word.ownKeys.length, word.ownScores);
    }
    weights.score(this.features, contextFeatures(sentence, i, history, this.features, 0), scores);
    for (let c = 0; c < scores.length; c++) scores[c] += word.ownScores[c];
  };

  /** Writes the model file (gzip container of model-file.ts); weights below `pruneBelow` are dropped. */
  save(file: string, pruneBelow = PRUNE_BELOW): void {
    const { types, temperature, casing, gazetteer, knownNames, clusters, outsideWords, weights } = this.parts;
    const meta: NerModelMeta = { kind: 'ner', types, temperature, outsideWords: outsideWords.encode().toString('base64') };
    const lexicons = [casing, gazetteer, knownNames, clusters].map((lexicon) => lexicon.encode());
    writeModelFile(file, { meta, blobs: [...lexicons, weights.serialize(pruneBelow)] });
  }
}

interface NerModelMeta {
  kind: 'ner';
  types: string[];
  temperature: number;
  /**
   * The outside-word lexicon, encoded and in base64. Kept in the metadata rather than as a sixth
   * blob so that files stay readable by code from before it (which ignores it); absent in such
   * older files, which then skip no words.
   */
  outsideWords?: string;
}

/** The default (news) model shipped under models/. */
export const DEFAULT_NER_MODEL = resourcePath('models', 'ner-news.bin.gz');

/** The web-text model shipped under models/. */
export const WEB_NER_MODEL = resourcePath('models', 'ner-web.bin.gz');

/** Loads a model file (default: the shipped news model). */
export function loadNerModel(file: string = DEFAULT_NER_MODEL): NerModel {
  const { meta, blobs } = readModelFile<NerModelMeta>(file);
  if (meta.kind !== 'ner' || blobs.length !== 5) throw new Error(`${file} is not a Storyline NER model`);
  const [casing, gazetteer, knownNames, clusters, weights] = blobs;
  return new NerModel({
    types: meta.types,
    temperature: meta.temperature,
    casing: ByteLexicon.decode(casing),
    gazetteer: ByteLexicon.decode(gazetteer),
    knownNames: ByteLexicon.decode(knownNames),
    clusters: ByteLexicon.decode(clusters),
    outsideWords: meta.outsideWords ? ByteLexicon.decode(Buffer.from(meta.outsideWords, 'base64')) : new ByteLexicon(),
    weights: AveragedPerceptron.deserialize(weights),
  });
}

/** Tokens that never begin or end a name (brackets and quotes may: CoNLL's "Inter ( Milan )"). */
const PUNCTUATION_ONLY = /^(?:\p{Pd}+|[,;:])$/u;

/**
 * Names neither start nor end with a dash, hyphen, comma, colon or semicolon: the "-" of
 * "Hamas-led" or a comma the tagger ran on into is given back to the text (its tag becomes O, and
 * the word after a dropped first token opens the name).
 */
export function trimPunctuationEdges(words: readonly string[], tags: string[]): void {
  for (let start = 0; start < tags.length; start++) {
    if (!tags[start].startsWith('B-') && !(tags[start].startsWith('I-') && (start === 0 || tags[start - 1] === 'O'))) continue;
    const type = tags[start].slice(2);
    let end = start + 1;
    while (end < tags.length && tags[end] === `I-${type}`) end++;
    let first = start;
    let last = end - 1;
    while (first <= last && PUNCTUATION_ONLY.test(words[first])) first++;
    while (last >= first && PUNCTUATION_ONLY.test(words[last])) last--;
    if (first > last) continue;
    for (let index = start; index < end; index++) {
      tags[index] = index < first || index > last ? 'O' : index === first ? `B-${type}` : `I-${type}`;
    }
    start = end - 1;
  }
}
