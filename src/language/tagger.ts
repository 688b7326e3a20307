/**
 * Part-of-speech tagger: greedy averaged perceptrons predicting one joint class per word,
 * "UPOS XPOS" (so the two tag sets always agree); a left-to-right and a right-to-left model are
 * decoded and their scores summed, so each word's tag sees predicted tags on both sides; the
 * right-to-left model runs first and the left-to-right one also reads its tags of the next two
 * words (as a lookahead, in models trained with it). Features: the word and its lower-case
 * form, prefixes 1–3 and suffixes 1–5, shape and orthographic flags, the words ±2 around it, the
 * two previously predicted tags, and ambiguity classes (the set of tags a word took in training)
 * for the word and its neighbours, which make the model robust on rare words, and the word's and its
 * neighbours' tag sets in an English word list (word-list.ts), which tell it what a word its
 * treebank never showed can be (EWT dev UPOS 95.23 → 95.42, seeds 1–3 95.38–95.42; words unseen in
 * training 82.8% → 85.0%). Nationality
 * adjectives (demonyms, given at training time from the knowledge base) that the treebank rarely
 * shows share one ambiguity class pooled over all demonyms it does show, so a rare one
 * ("Azerbaijani") is tagged like the frequent ones ("American", mostly ADJ/JJ in EWT).
 *
 * For speed, frequent words that (almost) always take one tag are tagged by lookup (Honnibal's tag
 * dictionary), and a word seen often in training chooses only among the classes it took there,
 * which lets the perceptron sum only those classes of its densest rows; and a word the
 * right-to-left model tags by a wide margin keeps that tag without the left-to-right model.
 * Each spelling's lexicon entries are looked up once and kept (see TaggerWord), and so are, per
 * model, the summed weights of its own features (the word, its affixes, shape and ambiguity
 * classes: a third of its features) and of the features it gives each of its neighbours (as the
 * word before or after them, or two before or after: another quarter), in the model's integer
 * units, so a word only looks up the weights of the features that combine words or read the
 * previous tags; the sums are exact, so the tags are the same.
 */
import { AveragedPerceptron, hashFeature, hashString } from './perceptron.js';
import { BOUNDARY_AFTER, BOUNDARY_BEFORE, FLAG_ALL_UPPER, FLAG_LETTER, FLAG_TITLE, WordCache, type WordInfo } from './lexicon.js';
import { seededRandom, shuffled } from './random.js';
import { dominantLabels } from './dictionary.js';

export interface TaggedSentence {
  upos: string[];
  xpos: string[];
}

export interface TaggerTrainingSentence {
  words: string[];
  upos: string[];
  xpos: string[];
}

export interface TaggerTrainingOptions {
  iterations: number;
  /** Also train a right-to-left model whose scores are added at run time (default true). */
  bidirectional?: boolean;
  /** Nationality adjectives ("Armenian"), matched case-insensitively. */
  demonyms?: readonly string[];
  /** A word list: spelling → its possible Penn tags ("JJ|NNP"); see word-list.ts. Baked into the model. */
  lexicon?: ReadonlyMap<string, string>;
  seed: number;
  log?: (line: string) => void;
}

/** Serialisable parts of a tagger. */
export interface TaggerMeta {
  classes: string[];
  /** Flattened pairs [lowerWordHash, ambiguityClassHash, …]. */
  ambiguity: number[];
  /** The same for exact (case-sensitive) forms. */
  formAmbiguity: number[];
  /** Flattened pairs [formHash, class, …] of frequent words that (almost) always take one tag. */
  fixed: number[];
  /** The left-to-right model reads the right-to-left model's tags of the next words (absent in older models). */
  lookahead?: boolean;
  /**
   * Flattened [formHash, k, class1 … classk, …]: the classes each form seen often in training took
   * there; the tagger chooses only among those for such a form (absent in older models).
   */
  candidates?: number[];
  /** Flattened pairs [spellingHash, tagSetHash, …] from the word list (absent in older models). */
  lexicon?: number[];
}

/** What the tagger knows of one spelling: its attributes and lexicon entries, looked up once. */
interface TaggerWord {
  info: WordInfo;
  ambiguity: number;
  formAmbiguity: number;
  /** The word's tag set in the word list (its exact spelling's, else its lower-case form's). */
  lexicon: number;
  /** The class of a word tagged by lookup, or NO_TAG. */
  fixed: number;
  /** The classes the word may take, or null for any. */
  candidates: Int32Array | null;
  /**
   * Per model (FORWARD, BACKWARD) and kept feature group (see `groupSums`), the quantised sums of the
   * group's features over every class, filled in on first use by a loaded model; null until then.
   */
  groupSums: (Int32Array | null)[];
}

/** A sentence prepared once for decoding in either direction: per-word attributes and lexicon look-ups. */
interface PreparedSentence {
  words: TaggerWord[];
  /** The class of a word tagged by lookup (or settled by the other direction), or NO_TAG. */
  fixed: Int32Array;
  casing: number;
}

/**
 * Which of a word's features `extract` writes: all; the groups whose sums are kept: its own
 * (word-level) ones, or those read from the word before it, two before it, after it or two after
 * it (each depending on that word alone); or all the others (its context's).
 */
const enum FeatureSet {
  All,
  Context,
  Own,
  Previous,
  BeforePrevious,
  Next,
  AfterNext,
}

/** Number of kept feature groups, from FeatureSet.Own on. */
const KEPT_GROUPS = 5;

/** Indices of the two models in `TaggerWord.groupSums`. */
const FORWARD = 0;
const BACKWARD = 1;

const MAX_FEATURES = 64;
const NO_TAG = -1;
const START_TAG = -2;
/**
 * A word needs this many training occurrences to get an ambiguity class; rarer words are described
 * by the word list instead, whose tag sets are less noisy than two or three treebank occurrences.
 * Measured on EWT dev with the word list (UPOS, seeds 1/2/3): 2 → 95.42/95.42/95.38, 3 →
 * 95.63/95.53/95.51, 4 → 95.52/95.57/95.65, 5 → 95.49/95.48.
 */
const AMBIGUITY_MIN_COUNT = 4;
/** Tags below this share of a word's occurrences are left out of its ambiguity class. */
const AMBIGUITY_MIN_SHARE = 0.05;
/** A word is tagged by lookup when seen this often with one tag this share of the time. */
const FIXED_MIN_COUNT = 10;
const FIXED_MIN_SHARE = 0.99;
/**
 * The right-to-left model's tag stands alone when it leads the runner-up by this much. Tuned on EWT
 * dev: at 6 the two models together score 0.58 times per word instead of 1.10, and UPOS is 95.20
 * rather than 95.12 (the right-to-left model alone, margin 0, gives 95.05).
 */
const SETTLED_MARGIN = 6;
/**
 * A form seen this often in training is only given the classes it took there. Lower thresholds
 * lock out real uses the web treebank happens not to show: at 5, "welcome" (4× ADJ, 1× INTJ in EWT
 * train) could never be the verb of "will welcome the leaders"; at 20 only 0.27% of EWT dev words
 * have their gold tag outside their candidates (0.66% at 5).
 */
const CANDIDATE_MIN_COUNT = 20;
/** Spellings whose entries the tagger keeps (up to 2 kB each); it forgets them all past this many. */
const WORD_CACHE_SIZE = 20_000;

export class Tagger {
  readonly classes: string[];
  private readonly upos: string[];
  private readonly xpos: string[];
  private readonly ambiguity: Map<number, number>;
  private readonly formAmbiguity: Map<number, number>;
  private readonly lexicon: Map<number, number>;
  private readonly fixed: Map<number, number>;
  private readonly candidates: Map<number, Int32Array>;
  private readonly lookahead: boolean;
  private readonly unknownAmbiguity = hashString('<unknown-word>');
  /** Entries of the placeholders before the sentence start and after its end. */
  private readonly boundaryBefore: TaggerWord;
  private readonly boundaryAfter: TaggerWord;
  private readonly cache = new WordCache();
  private readonly words = new Map<string, TaggerWord>();
  private readonly features = new Int32Array(MAX_FEATURES);
  private readonly scores: Float32Array;
  /** Quantised per-class sums of one word's features (loaded models). */
  private readonly sums: Int32Array;
  /** Per-word class scores of a sentence in each direction, reused across sentences. */
  private forwardScores = new Float32Array(0);
  private backwardScores = new Float32Array(0);
  private readonly summedScores: Float64Array;
  private readonly allClasses: Int32Array;

  /**
   * `forward` tags left to right; the optional `backward` model tags right to left (its
   * "previous" tags are those of the following words) and the two models' scores are summed.
   */
  constructor(
    readonly forward: AveragedPerceptron,
    readonly backward: AveragedPerceptron | null,
    meta: TaggerMeta,
  ) {
    this.classes = meta.classes;
    this.lookahead = meta.lookahead === true && backward !== null;
    this.upos = meta.classes.map((joint) => joint.split(' ')[0]);
    this.xpos = meta.classes.map((joint) => joint.split(' ')[1]);
    this.ambiguity = pairsToMap(meta.ambiguity);
    this.formAmbiguity = pairsToMap(meta.formAmbiguity);
    this.lexicon = pairsToMap(meta.lexicon ?? []);
    this.fixed = pairsToMap(meta.fixed);
    this.candidates = candidateMap(meta.candidates ?? []);
    this.boundaryBefore = this.entryOf(BOUNDARY_BEFORE);
    this.boundaryAfter = this.entryOf(BOUNDARY_AFTER);
    this.scores = new Float32Array(meta.classes.length);
    this.sums = new Int32Array(meta.classes.length);
    this.summedScores = new Float64Array(meta.classes.length);
    this.allClasses = Int32Array.from(meta.classes, (_, c) => c);
  }

  get meta(): TaggerMeta {
    return {
      classes: this.classes,
      ambiguity: mapToPairs(this.ambiguity),
      formAmbiguity: mapToPairs(this.formAmbiguity),
      lexicon: mapToPairs(this.lexicon),
      fixed: mapToPairs(this.fixed),
      lookahead: this.lookahead,
      candidates: [...this.candidates].flatMap(([form, classes]) => [form, classes.length, ...classes]),
    };
  }

  /** Word attributes for a sentence, shared with the lemmatiser and parser. */
  wordInfos(words: readonly string[]): WordInfo[] {
    return words.map((word) => this.cache.get(word));
  }

  /** A word's lexicon entries. */
  private entryOf(info: WordInfo): TaggerWord {
    return {
      info,
      ambiguity: this.ambiguityOf(info),
      formAmbiguity: this.formAmbiguityOf(info),
      lexicon: this.lexicon.get(info.form) ?? this.lexicon.get(info.lower) ?? this.unknownAmbiguity,
      fixed: this.fixed.get(info.form) ?? NO_TAG,
      candidates: this.candidates.get(info.form) ?? null,
      groupSums: new Array<Int32Array | null>(2 * KEPT_GROUPS).fill(null),
    };
  }

  /** The kept entries of a sentence's words (made on first sight of a spelling). */
  private entries(words: readonly string[]): TaggerWord[] {
    return words.map((word) => {
      let entry = this.words.get(word);
      if (!entry) {
        if (this.words.size >= WORD_CACHE_SIZE) this.words.clear();
        entry = this.entryOf(this.cache.get(word));
        this.words.set(word, entry);
      }
      return entry;
    });
  }

  private static prepare(words: TaggerWord[]): PreparedSentence {
    return { words, fixed: Int32Array.from(words, (word) => word.fixed), casing: sentenceCasing(words) };
  }

  private static reversed(sentence: PreparedSentence): PreparedSentence {
    return { words: sentence.words.slice().reverse(), fixed: sentence.fixed.slice().reverse(), casing: sentence.casing };
  }

  /** The word (or boundary placeholder) `offset` places from word `i`. */
  private neighbour(sentence: PreparedSentence, i: number, offset: number): TaggerWord {
    const at = i + offset;
    if (at < 0) return this.boundaryBefore;
    return at < sentence.words.length ? sentence.words[at] : this.boundaryAfter;
  }

  /**
   * The quantised sums, under `model` (its `direction`), of the features of word `i` in a kept group
   * (`set`): those of one word, this one or a neighbour, worked out on first use and kept with that
   * word, as they do not depend on the rest of the sentence. Overwrites `this.features`.
   */
  private groupSums(model: AveragedPerceptron, direction: number, sentence: PreparedSentence, i: number, set: FeatureSet): Int32Array {
    const offset = set === FeatureSet.Previous ? -1 : set === FeatureSet.BeforePrevious ? -2 : set === FeatureSet.Next ? 1 : set === FeatureSet.AfterNext ? 2 : 0;
    const word = this.neighbour(sentence, i, offset);
    const slot = direction * KEPT_GROUPS + set - FeatureSet.Own;
    let sums = word.groupSums[slot];
    if (!sums) {
      sums = new Int32Array(this.classes.length);
      model.addQuantisedRows(this.features, this.extract(sentence, i, NO_TAG, NO_TAG, undefined, set), sums);
      word.groupSums[slot] = sums;
    }
    return sums;
  }

  /**
   * Greedy decoding with one model. With `gold` it also trains: each word's prediction (made from
   * the previously predicted tags, as at run time) is corrected towards the gold class. With
   * `scoresOut` (length n × classes) it records every word's class scores (of a word with candidates,
   * only theirs). `hints` are the other direction's tags, in this direction's order, for lookahead features.
   * A loaded model adds the weights of each word's context to the kept sums of its own and its
   * neighbours' features (`groupSums`) unless `cached` is false.
   */
  private decode(
    model: AveragedPerceptron,
    direction: number,
    sentence: PreparedSentence,
    gold?: readonly number[],
    scoresOut?: Float32Array,
    hints?: Int32Array,
    cached = true,
  ): Int32Array {
    const n = sentence.words.length;
    const classes = new Int32Array(n);
    const count = this.classes.length;
    const summed = cached && !gold && model.rowSummable;
    for (let i = 0; i < n; i++) {
      const fixed = sentence.fixed[i];
      if (fixed !== NO_TAG) {
        classes[i] = fixed;
        continue;
      }
      // Training scores every class: restricting it to the candidates, as at run time, costs accuracy.
      const candidates = gold ? null : sentence.words[i].candidates;
      if (candidates && candidates.length === 1) {
        classes[i] = candidates[0];
        continue;
      }
      const previous = i > 0 ? classes[i - 1] : START_TAG;
      const beforePrevious = i > 1 ? classes[i - 2] : i === 1 ? START_TAG : NO_TAG;
      let guess: number;
      if (summed) {
        // Integer sums, so the kept groups + the context give exactly the scores of all features at
        // once. Only the candidates' sums and scores are read (as after `scoreCandidates`).
        const own = this.groupSums(model, direction, sentence, i, FeatureSet.Own);
        const before = this.groupSums(model, direction, sentence, i, FeatureSet.Previous);
        const twoBefore = this.groupSums(model, direction, sentence, i, FeatureSet.BeforePrevious);
        const after = this.groupSums(model, direction, sentence, i, FeatureSet.Next);
        const twoAfter = this.groupSums(model, direction, sentence, i, FeatureSet.AfterNext);
        const sums = this.sums;
        if (candidates) for (const c of candidates) sums[c] = own[c] + before[c] + twoBefore[c] + after[c] + twoAfter[c];
        else for (let c = 0; c < count; c++) sums[c] = own[c] + before[c] + twoBefore[c] + after[c] + twoAfter[c];
        const features = this.extract(sentence, i, previous, beforePrevious, hints, FeatureSet.Context);
        model.addQuantisedRows(this.features, features, this.sums, candidates, candidates ? candidates.length : 0);
        model.scoresFromQuantised(this.sums, 0, this.scores, candidates ?? undefined);
        guess = candidates ? AveragedPerceptron.argmaxAmong(this.scores, candidates) : AveragedPerceptron.argmax(this.scores, count);
      } else if (candidates) {
        const features = this.extract(sentence, i, previous, beforePrevious, hints);
        model.scoreCandidates(this.features, features, candidates, candidates.length, this.scores);
        guess = AveragedPerceptron.argmaxAmong(this.scores, candidates);
      } else {
        const features = this.extract(sentence, i, previous, beforePrevious, hints);
        model.score(this.features, features, this.scores);
        guess = AveragedPerceptron.argmax(this.scores, count);
        if (gold) {
          model.update(this.features, features, gold[i], guess);
          model.tick();
        }
      }
      if (scoresOut && candidates) for (const c of candidates) scoresOut[i * count + c] = this.scores[c];
      else if (scoresOut) scoresOut.set(this.scores, i * count);
      classes[i] = guess;
    }
    return classes;
  }

  /**
   * Tags one sentence; returns class indices. `cached` false scores every feature afresh instead of
   * reusing the words' kept sums (the same tags, slower; for tests of the cache).
   */
  private tagClasses(words: TaggerWord[], cached: boolean): Int32Array {
    const sentence = Tagger.prepare(words);
    if (!this.backward) return this.decode(this.forward, FORWARD, sentence, undefined, undefined, undefined, cached);
    const n = words.length;
    const count = this.classes.length;
    if (this.forwardScores.length < n * count) {
      this.forwardScores = new Float32Array(2 * n * count);
      this.backwardScores = new Float32Array(2 * n * count);
    }
    // Reused buffers: every score read below was written for this sentence.
    const forwardScores = this.forwardScores;
    const backwardScores = this.backwardScores;
    const backwardClasses = this.decode(this.backward, BACKWARD, Tagger.reversed(sentence), undefined, backwardScores, undefined, cached).reverse();
    // A word the right-to-left model tags by a wide margin keeps that tag without the other model.
    const settled = sentence.fixed.slice();
    for (let i = 0; i < n; i++) {
      const candidates = words[i].candidates ?? this.allClasses;
      if (settled[i] !== NO_TAG || candidates.length === 1) continue;
      if (margin(candidates, backwardScores, (n - 1 - i) * count) >= SETTLED_MARGIN) settled[i] = backwardClasses[i];
    }
    const hints = this.lookahead ? backwardClasses : undefined;
    const classes = this.decode(this.forward, FORWARD, { ...sentence, fixed: settled }, undefined, forwardScores, hints, cached);
    // Sums of two single-precision scores, kept in double precision as the models' own sums are.
    const summed = this.summedScores;
    for (let i = 0; i < n; i++) {
      if (settled[i] !== NO_TAG) continue;
      const mirrored = (n - 1 - i) * count;
      const candidates = words[i].candidates ?? this.allClasses;
      for (const c of candidates) summed[c] = forwardScores[i * count + c] + backwardScores[mirrored + c];
      classes[i] = AveragedPerceptron.argmaxAmong(summed, candidates);
    }
    return classes;
  }

  /** One training pass over a sentence for each direction; returns the forward model's predictions. */
  train(infos: readonly WordInfo[], gold: readonly number[]): Int32Array {
    const sentence = Tagger.prepare(infos.map((info) => this.entryOf(info)));
    if (!this.backward) return this.decode(this.forward, FORWARD, sentence, gold);
    const backwardClasses = this.decode(this.backward, BACKWARD, Tagger.reversed(sentence), gold.slice().reverse());
    return this.decode(this.forward, FORWARD, sentence, gold, undefined, this.lookahead ? backwardClasses.reverse() : undefined);
  }

  /** Ends training (weight averaging). */
  finalize(): void {
    this.forward.finalize();
    this.backward?.finalize();
  }

  /** Tags one sentence; `cached` false scores every feature afresh (the same tags; for tests). */
  tag(words: readonly string[], cached = true): TaggedSentence {
    const classes = this.tagClasses(this.entries(words), cached);
    return { upos: Array.from(classes, (c) => this.upos[c]), xpos: Array.from(classes, (c) => this.xpos[c]) };
  }

  private ambiguityOf(info: WordInfo): number {
    return this.ambiguity.get(info.lower) ?? this.unknownAmbiguity;
  }

  private formAmbiguityOf(info: WordInfo): number {
    return this.formAmbiguity.get(info.form) ?? this.unknownAmbiguity;
  }

  /**
   * Writes word `i`'s features (all, or one group of them: `set`) to `this.features` in one fixed
   * order, and returns their number.
   */
  private extract(
    sentence: PreparedSentence,
    i: number,
    previous: number,
    beforePrevious: number,
    hints: Int32Array | undefined,
    set = FeatureSet.All,
  ): number {
    const { words, casing } = sentence;
    const last = words.length - 1;
    const word = words[i].info;
    const ambiguity = words[i].ambiguity;
    const formAmbiguity = words[i].formAmbiguity;
    const all = set === FeatureSet.All;
    const own = all || set === FeatureSet.Own;
    const context = all || set === FeatureSet.Context;
    const fromPrevious = all || set === FeatureSet.Previous;
    const fromBeforePrevious = all || set === FeatureSet.BeforePrevious;
    const fromNext = all || set === FeatureSet.Next;
    const fromAfterNext = all || set === FeatureSet.AfterNext;
    const prev1 = i > 0 ? words[i - 1] : this.boundaryBefore;
    const prev2 = i > 1 ? words[i - 2] : this.boundaryBefore;
    const next1 = i < last ? words[i + 1] : this.boundaryAfter;
    const next2 = i + 1 < last ? words[i + 2] : this.boundaryAfter;
    const f = this.features;
    let n = 0;
    if (own) {
      f[n++] = hashFeature(0, 0);
      f[n++] = hashFeature(1, word.form);
      f[n++] = hashFeature(2, word.lower);
      for (let k = 0; k < 5; k++) f[n++] = hashFeature(3 + k, word.suffix[k]);
      for (let k = 0; k < 3; k++) f[n++] = hashFeature(8 + k, word.prefix[k]);
      f[n++] = hashFeature(11, word.shape);
    }
    if (context) f[n++] = hashFeature(12, word.flags, i === 0 ? 1 : 0);
    if (fromPrevious) f[n++] = hashFeature(13, prev1.info.lower);
    if (fromBeforePrevious) f[n++] = hashFeature(14, prev2.info.lower);
    if (fromNext) f[n++] = hashFeature(15, next1.info.lower);
    if (fromAfterNext) f[n++] = hashFeature(16, next2.info.lower);
    if (fromPrevious) f[n++] = hashFeature(17, prev1.info.suffix[2]);
    if (fromNext) f[n++] = hashFeature(18, next1.info.suffix[2]);
    if (context) {
      f[n++] = hashFeature(19, previous);
      f[n++] = hashFeature(20, beforePrevious);
      f[n++] = hashFeature(21, previous, beforePrevious);
      f[n++] = hashFeature(22, previous, word.lower);
      f[n++] = hashFeature(23, word.lower, next1.info.lower);
      f[n++] = hashFeature(24, prev1.info.lower, word.lower);
    }
    if (own) f[n++] = hashFeature(25, ambiguity);
    if (fromPrevious) f[n++] = hashFeature(26, prev1.ambiguity);
    if (fromNext) f[n++] = hashFeature(27, next1.ambiguity);
    if (fromAfterNext) f[n++] = hashFeature(28, next2.ambiguity);
    if (context) {
      f[n++] = hashFeature(29, ambiguity, previous);
      f[n++] = hashFeature(30, ambiguity, next1.ambiguity);
    }
    if (fromNext) f[n++] = hashFeature(31, next1.info.shape);
    if (context) {
      f[n++] = hashFeature(32, next1.info.flags, word.flags);
      f[n++] = hashFeature(33, previous, word.suffix[2]);
      f[n++] = hashFeature(34, word.suffix[2], next1.info.lower);
      f[n++] = hashFeature(35, ambiguity, previous, next1.ambiguity);
    }
    if (own) f[n++] = hashFeature(36, formAmbiguity);
    if (context) {
      f[n++] = hashFeature(37, formAmbiguity, casing);
      f[n++] = hashFeature(38, prev1.info.flags, word.flags, next1.info.flags);
      f[n++] = hashFeature(39, word.flags, casing);
      f[n++] = hashFeature(40, previous, next1.info.lower);
      f[n++] = hashFeature(41, prev1.info.lower, next1.info.lower);
      f[n++] = hashFeature(42, next1.formAmbiguity, word.flags);
    }
    if (context && hints) {
      const nextTag = i < last ? hints[i + 1] : NO_TAG;
      const afterNextTag = i + 1 < last ? hints[i + 2] : NO_TAG;
      f[n++] = hashFeature(43, nextTag);
      f[n++] = hashFeature(44, nextTag, afterNextTag);
      f[n++] = hashFeature(45, nextTag, word.lower);
      f[n++] = hashFeature(46, nextTag, previous, ambiguity);
    }
    if (this.lexicon.size > 0) {
      if (own) {
        f[n++] = hashFeature(47, words[i].lexicon);
        f[n++] = hashFeature(48, words[i].lexicon, ambiguity);
      }
      if (fromPrevious) f[n++] = hashFeature(49, prev1.lexicon);
      if (fromNext) f[n++] = hashFeature(50, next1.lexicon);
      if (context) f[n++] = hashFeature(51, words[i].lexicon, previous);
    }
    return n;
  }
}

/** Trains a tagger on gold-tagged sentences. */
export function trainTagger(sentences: readonly TaggerTrainingSentence[], options: TaggerTrainingOptions): Tagger {
  const classIndex = new Map<string, number>();
  for (const sentence of sentences) {
    sentence.words.forEach((_, i) => {
      const joint = sentence.upos[i] + ' ' + sentence.xpos[i];
      if (!classIndex.has(joint)) classIndex.set(joint, classIndex.size);
    });
  }
  const classes = [...classIndex.keys()];
  const backward = options.bidirectional === false ? null : new AveragedPerceptron(classes.length, 1 << 16);
  const tagger = new Tagger(new AveragedPerceptron(classes.length, 1 << 16), backward, {
    classes,
    lookahead: backward !== null,
    ambiguity: ambiguityClasses(sentences, (word) => word.toLowerCase(), options.demonyms ?? []),
    formAmbiguity: ambiguityClasses(sentences, (word) => word, options.demonyms ?? []),
    fixed: unambiguousWords(sentences, classIndex),
    candidates: frequentFormClasses(sentences, classIndex),
    lexicon: [...(options.lexicon ?? [])].flatMap(([spelling, tags]) => [hashString(spelling), hashString(tags)]),
  });
  const prepared = sentences.map((sentence) => ({
    infos: tagger.wordInfos(sentence.words),
    gold: sentence.words.map((_, i) => classIndex.get(sentence.upos[i] + ' ' + sentence.xpos[i]) as number),
  }));
  const random = seededRandom(options.seed);
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    let correct = 0;
    let total = 0;
    for (const sentence of shuffled(prepared, random)) {
      const predicted = tagger.train(sentence.infos, sentence.gold);
      predicted.forEach((cls, i) => (correct += cls === sentence.gold[i] ? 1 : 0));
      total += predicted.length;
    }
    options.log?.(`tagger iteration ${iteration + 1}: train accuracy ${((100 * correct) / Math.max(total, 1)).toFixed(2)}`);
  }
  tagger.finalize();
  return tagger;
}

/**
 * Flattened [wordHash, ambiguityClassHash, …] for words seen often enough, keyed by `keyOf(word)`.
 * Each of `pooled` (a word class such as demonyms) seen less often gets the class of the whole
 * group's occurrences instead.
 */
function ambiguityClasses(sentences: readonly TaggerTrainingSentence[], keyOf: (word: string) => string, pooled: readonly string[]): number[] {
  const tagCounts = new Map<string, Map<string, number>>();
  const pooledKeys = new Set(pooled.map(keyOf));
  const pooledCounts = new Map<string, number>();
  const count = (counts: Map<string, number>, tag: string): void => {
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
  };
  for (const sentence of sentences) {
    sentence.words.forEach((word, i) => {
      const key = keyOf(word);
      const counts = tagCounts.get(key) ?? new Map<string, number>();
      count(counts, sentence.xpos[i]);
      tagCounts.set(key, counts);
      if (pooledKeys.has(key)) count(pooledCounts, sentence.xpos[i]);
    });
  }
  const pairs: number[] = [];
  for (const [key, counts] of tagCounts) {
    const tags = frequentTags(counts);
    if (tags !== null) pairs.push(hashString(key), hashString(tags));
  }
  const pooledClass = frequentTags(pooledCounts);
  if (pooledClass === null) return pairs;
  for (const key of pooledKeys) {
    const counts = tagCounts.get(key);
    if (!counts || frequentTags(counts) === null) pairs.push(hashString(key), hashString(pooledClass));
  }
  return pairs;
}

/** The tags making up a word's ambiguity class ("JJ|NNP"), or null when seen too rarely. */
function frequentTags(counts: ReadonlyMap<string, number>): string | null {
  const total = [...counts.values()].reduce((sum, value) => sum + value, 0);
  if (total < AMBIGUITY_MIN_COUNT) return null;
  return [...counts].filter(([, value]) => value / total >= AMBIGUITY_MIN_SHARE).map(([tag]) => tag).sort().join('|');
}

/** Frequent forms whose tag is all but certain: tagged by lookup, which skips most function words. */
function unambiguousWords(sentences: readonly TaggerTrainingSentence[], classIndex: ReadonlyMap<string, number>): number[] {
  const observations = sentences.flatMap((sentence) =>
    sentence.words.map((word, i): [string, number] => [word, classIndex.get(sentence.upos[i] + ' ' + sentence.xpos[i]) as number]),
  );
  return dominantLabels(observations, FIXED_MIN_COUNT, FIXED_MIN_SHARE).flatMap(([word, cls]) => [hashString(word), cls]);
}

/** Flattened [formHash, k, class1 … classk, …] of the forms seen at least CANDIDATE_MIN_COUNT times. */
function frequentFormClasses(sentences: readonly TaggerTrainingSentence[], classIndex: ReadonlyMap<string, number>): number[] {
  const counts = new Map<string, { total: number; classes: Set<number> }>();
  for (const sentence of sentences) {
    sentence.words.forEach((word, i) => {
      const entry = counts.get(word) ?? { total: 0, classes: new Set<number>() };
      entry.total++;
      entry.classes.add(classIndex.get(sentence.upos[i] + ' ' + sentence.xpos[i]) as number);
      counts.set(word, entry);
    });
  }
  const flattened: number[] = [];
  for (const [word, { total, classes }] of counts) {
    if (total >= CANDIDATE_MIN_COUNT) flattened.push(hashString(word), classes.size, ...[...classes].sort((a, b) => a - b));
  }
  return flattened;
}

function candidateMap(flattened: readonly number[]): Map<number, Int32Array> {
  const map = new Map<number, Int32Array>();
  for (let i = 0; i + 1 < flattened.length; i += 2 + flattened[i + 1]) map.set(flattened[i], Int32Array.from(flattened.slice(i + 2, i + 2 + flattened[i + 1])));
  return map;
}

/** How far the best candidate's score (`scores` from `offset`) leads the second best's. */
function margin(candidates: Int32Array, scores: Float32Array, offset: number): number {
  let best = -Infinity;
  let second = -Infinity;
  for (const cls of candidates) {
    const score = scores[offset + cls];
    if (score > best) {
      second = best;
      best = score;
    } else if (score > second) second = score;
  }
  return best - second;
}

/**
 * How the sentence is cased, as a small integer: 0 ordinary, 1 mostly lower-case (informal text),
 * 2 mostly capitalised (headlines, titles), 3 mostly all-capitals.
 */
function sentenceCasing(words: readonly TaggerWord[]): number {
  let letters = 0;
  let lowerStart = 0;
  let title = 0;
  let upper = 0;
  for (const { info } of words) {
    if (!(info.flags & FLAG_LETTER)) continue;
    letters++;
    if (info.flags & FLAG_ALL_UPPER) upper++;
    else if (info.flags & FLAG_TITLE) title++;
    else lowerStart++;
  }
  if (letters < 3) return 0;
  if (upper / letters > 0.6) return 3;
  if (title / letters > 0.6) return 2;
  if (lowerStart === letters) return 1;
  return 0;
}

function pairsToMap(pairs: readonly number[]): Map<number, number> {
  const map = new Map<number, number>();
  for (let i = 0; i + 1 < pairs.length; i += 2) map.set(pairs[i], pairs[i + 1]);
  return map;
}

function mapToPairs(map: ReadonlyMap<number, number>): number[] {
  const pairs: number[] = [];
  for (const [key, value] of map) pairs.push(key, value);
  return pairs;
}
