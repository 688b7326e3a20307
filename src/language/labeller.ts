/**
 * Dependency relation labeller: given a parsed tree, labels each arc with a UD relation using an
 * averaged perceptron over the dependent, its head, grandparent, direction and distance, the
 * dependent's own children (e.g. a "by" or "of" marking it, an auxiliary, a subject), its
 * siblings and the relations already given to those on its left, its position among them, and the
 * relation already chosen for its head (arcs are labelled top-down, so those labels are known).
 * Frequent words whose relation is all but fixed by their tags ("the" DT → det) are labelled by
 * lookup instead, and every other arc chooses only among the relations its pair of universal tags
 * and its direction took in training (a DET under a NOUN to its right: det, or a few others), so
 * the model sums the weights of those few relations instead of all of them (the labeller was a
 * fifth of the language stage's time). A loaded model also keeps, per spelling and tag, the summed
 * weights of the dependent's own features (word, tag, suffix and flags), in the model's integer
 * units, and looks up only the others per arc; the sums are exact, so the labels are the same.
 */
import { AveragedPerceptron, hashFeature, hashString, mixHash } from './perceptron.js';
import { WordCache, type WordInfo } from './lexicon.js';
import { dominantLabels } from './dictionary.js';

const MAX_FEATURES = 96;
const MAX_SIBLINGS = 6;
const NONE_VALUE = hashString('<none>');
const ROOT_VALUE = hashString('<root>');

export interface LabellerInput {
  words: readonly string[];
  xpos: readonly string[];
  upos: readonly string[];
  /** Sentence-local heads, -1 = root. */
  heads: ArrayLike<number>;
}

/** Relations (with their subtypes) whose words UD keeps contiguous: never across a conjunction or comma. */
const UNBROKEN_RELATIONS = new Set(['flat', 'fixed', 'goeswith']);

/** A (word, tags) triple is labelled by lookup when seen this often with one relation this share of the time. */
const FIXED_MIN_COUNT = 20;
const FIXED_MIN_SHARE = 0.995;

/** Spellings whose own-feature sums the labeller keeps; it forgets them all past this many. */
const WORD_CACHE_SIZE = 50_000;

/** A spelling's attributes and, per XPOS hash, the quantised sums of its own features over every label. */
interface LabellerWord {
  info: WordInfo;
  ownSums: Map<number, Int32Array>;
}

/** Training sentences for the label dictionary: words, (predicted) tags and gold relations. */
export interface LabelledSentence {
  words: readonly string[];
  upos: readonly string[];
  xpos: readonly string[];
  deprels: readonly string[];
}

export class Labeller {
  private readonly features = new Int32Array(MAX_FEATURES);
  private readonly ownFeatureKeys = new Int32Array(OWN_FEATURES);
  private readonly scores: Float32Array;
  private readonly cache = new WordCache(50_000);
  private readonly words = new Map<string, LabellerWord>();
  /** Hashes of tag strings (a tag set is small). */
  private readonly tagHashes = new Map<string, number>();
  /** Quantised per-label sums of one arc's features (loaded models). */
  private readonly sums: Int32Array;
  private readonly fixed: Map<number, number>;
  /** True for the labels an arc may take when a conjunction or comma lies between its two words. */
  private readonly spanning: (label: number) => boolean;
  /** Label indices seen in training for an arc's `arcKindKey`. */
  private readonly candidates: Map<number, Int32Array>;

  /**
   * `fixed` holds flattened pairs [key, label index] (see `fixedLabelKey`) of words whose relation
   * is all but certain given their tags ("the" DT → det, "," → punct): at run time they skip the
   * model, as frequent words skip the tagger. `labelSets` holds flattened runs [key, n, label × n]
   * (see `observedLabelSets`); arcs of a kind it lacks are scored over every label.
   */
  constructor(
    readonly model: AveragedPerceptron,
    readonly labels: string[],
    readonly fixedPairs: readonly number[] = [],
    readonly labelSets: readonly number[] = [],
  ) {
    this.candidates = new Map();
    for (let i = 0; i + 1 < labelSets.length; i += 2 + labelSets[i + 1]) {
      this.candidates.set(labelSets[i], Int32Array.from(labelSets.slice(i + 2, i + 2 + labelSets[i + 1])));
    }
    this.scores = new Float32Array(labels.length);
    this.sums = new Int32Array(labels.length);
    const unbroken = new Set(labels.map((label, index) => (UNBROKEN_RELATIONS.has(label.split(':')[0]) ? index : -1)));
    this.spanning = (label: number) => !unbroken.has(label);
    this.fixed = new Map();
    for (let i = 0; i + 1 < fixedPairs.length; i += 2) this.fixed.set(fixedPairs[i], fixedPairs[i + 1]);
  }

  /** A kept spelling (made on first sight). */
  private wordOf(word: string): LabellerWord {
    let entry = this.words.get(word);
    if (!entry) {
      if (this.words.size >= WORD_CACHE_SIZE) this.words.clear();
      entry = { info: this.cache.get(word), ownSums: new Map() };
      this.words.set(word, entry);
    }
    return entry;
  }

  private tagHash(tag: string): number {
    let hash = this.tagHashes.get(tag);
    if (hash === undefined) {
      hash = hashString(tag);
      this.tagHashes.set(tag, hash);
    }
    return hash;
  }

  /** The quantised sums of a dependent's own features (see `ownFeature`), kept per spelling and XPOS. */
  private ownSums(word: LabellerWord, dependentTag: number): Int32Array {
    let sums = word.ownSums.get(dependentTag);
    if (!sums) {
      sums = new Int32Array(this.labels.length);
      // Its own buffer: the arc's other features are already in `features`.
      const keys = this.ownFeatureKeys;
      for (let which = 0; which < OWN_FEATURES; which++) keys[which] = ownFeature(which, word.info, dependentTag);
      this.model.addQuantisedRows(keys, OWN_FEATURES, sums);
      word.ownSums.set(dependentTag, sums);
    }
    return sums;
  }

  /**
   * Labels every arc; with `gold` label indices it also trains and returns predictions. `cached`
   * false scores every feature afresh instead of reusing kept sums (the same labels; for tests).
   */
  labelIndices(input: LabellerInput, gold?: readonly number[], cached = true): Int32Array {
    const n = input.words.length;
    const heads = input.heads;
    const children: number[][] = Array.from({ length: n }, () => []);
    const roots: number[] = [];
    for (let i = 0; i < n; i++) (heads[i] < 0 ? roots : children[heads[i]]).push(i);
    const entries = input.words.map((word) => this.wordOf(word));
    const words = entries.map((entry) => entry.info);
    const lower = words.map((info) => info.lower);
    const tag = input.xpos.map((xpos) => this.tagHash(xpos));
    const coarse = input.upos.map((upos) => this.tagHash(upos));
    const summed = cached && !gold && this.model.rowSummable;
    // Running counts of coordinating conjunctions and commas, for "how many lie between head and dependent".
    const conjunctionsBefore = new Int32Array(n + 1);
    const commasBefore = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      conjunctionsBefore[i + 1] = conjunctionsBefore[i] + (input.upos[i] === 'CCONJ' ? 1 : 0);
      commasBefore[i + 1] = commasBefore[i] + (input.words[i] === ',' ? 1 : 0);
    }
    const result = new Int32Array(n).fill(-1);
    const count = this.labels.length;
    // Top-down order: breadth first from the roots.
    const queue = roots.slice();
    for (let q = 0; q < queue.length; q++) {
      const i = queue[q];
      queue.push(...children[i]);
      const fixed = gold || heads[i] < 0 ? undefined : this.fixed.get(fixedLabelKey(lower[i], coarse[i], tag[i]));
      if (fixed !== undefined) {
        result[i] = fixed;
        continue;
      }
      const h = heads[i];
      const hasHead = h >= 0;
      const headWord = hasHead ? lower[h] : ROOT_VALUE;
      const headTag = hasHead ? tag[h] : ROOT_VALUE;
      const headLabel = hasHead ? result[h] : -2;
      const grand = hasHead && heads[h] >= 0 ? tag[heads[h]] : ROOT_VALUE;
      const direction = !hasHead ? 0 : h < i ? 1 : 2;
      const distance = hasHead ? Math.min(Math.abs(h - i), 8) : 0;
      const own = children[i];
      const first = own.length > 0 ? own[0] : -1;
      const last = own.length > 0 ? own[own.length - 1] : -1;
      const firstWord = first >= 0 ? lower[first] : NONE_VALUE;
      const firstTag = first >= 0 ? tag[first] : NONE_VALUE;
      const lastWord = last >= 0 ? lower[last] : NONE_VALUE;
      const lastTag = last >= 0 ? tag[last] : NONE_VALUE;
      const dependentTag = tag[i];
      // Combined values read by several features (some once per sibling or child).
      const tagDirection = mixHash(dependentTag, direction);
      const tagPair = mixHash(dependentTag, headTag);
      const coarseDirection = mixHash(coarse[i], direction);
      const f = this.features;
      let k = 0;
      // The dependent's own features (see `ownFeature`) are left out where their sums are kept.
      if (!summed) {
        f[k++] = ownFeature(0, words[i], dependentTag);
        f[k++] = ownFeature(1, words[i], dependentTag);
      }
      f[k++] = hashFeature(202, coarse[i], direction);
      f[k++] = hashFeature(203, dependentTag, headTag, direction);
      f[k++] = hashFeature(204, lower[i], headTag, direction);
      f[k++] = hashFeature(205, dependentTag, headWord, direction);
      f[k++] = hashFeature(206, lower[i], headWord);
      f[k++] = hashFeature(207, dependentTag, headTag, distance);
      f[k++] = hashFeature(208, dependentTag, headLabel, direction);
      f[k++] = hashFeature(209, tagPair, headLabel);
      f[k++] = hashFeature(210, dependentTag, headTag, grand);
      f[k++] = hashFeature(211, dependentTag, firstWord);
      f[k++] = hashFeature(212, dependentTag, firstTag, lastTag);
      f[k++] = hashFeature(213, dependentTag, lastWord);
      f[k++] = hashFeature(214, tagPair, firstWord);
      f[k++] = hashFeature(215, dependentTag, own.length > 3 ? 3 : own.length, direction);
      if (!summed) {
        f[k++] = ownFeature(2, words[i], dependentTag);
        f[k++] = ownFeature(3, words[i], dependentTag);
      }
      f[k++] = hashFeature(218, dependentTag, i > 0 ? lower[i - 1] : NONE_VALUE);
      f[k++] = hashFeature(219, dependentTag, i + 1 < n ? lower[i + 1] : NONE_VALUE);
      f[k++] = hashFeature(220, coarse[i], hasHead ? coarse[h] : ROOT_VALUE, direction);
      f[k++] = hashFeature(221, lower[i], dependentTag, headTag);
      if (hasHead) {
        // A conjunction or comma between head and dependent tells conj from appos and the like.
        const from = Math.min(h, i) + 1;
        const to = Math.max(h, i);
        const conjunctions = Math.min(conjunctionsBefore[to] - conjunctionsBefore[from], 2);
        const commas = Math.min(commasBefore[to] - commasBefore[from], 2);
        f[k++] = hashFeature(225, tagDirection, conjunctions, commas);
        f[k++] = hashFeature(226, mixHash(coarse[i], coarse[h]), conjunctions, commas);
        // Siblings nearest the dependent, with their side relative to it.
        const siblings = children[h];
        let taken = 0;
        for (const sibling of siblings) {
          if (sibling === i || Math.abs(sibling - i) > 6 || taken >= MAX_SIBLINGS) continue;
          taken++;
          const side = sibling < i ? 1 : 2;
          f[k++] = hashFeature(222, tagDirection, lower[sibling], side);
          f[k++] = hashFeature(223, tagDirection, tag[sibling], side);
        }
        f[k++] = hashFeature(224, dependentTag, direction, taken);
        // Relations already given to the siblings on the left (labelled first), the nearest one
        // with its own tag: a verb's second noun after an nsubj is rarely another nsubj.
        let nearestLeft = -1;
        let leftLabels = 0;
        for (const sibling of siblings) {
          if (sibling >= i) break;
          nearestLeft = sibling;
          if (leftLabels++ < MAX_SIBLINGS) f[k++] = hashFeature(227, tagDirection, result[sibling]);
        }
        f[k++] = hashFeature(228, tagDirection, nearestLeft >= 0 ? result[nearestLeft] : -1, nearestLeft >= 0 ? tag[nearestLeft] : NONE_VALUE);
        // How far out the dependent sits among its head's dependents on its side.
        f[k++] = hashFeature(229, tagPair, direction, Math.min(sidePosition(siblings, i, h), 3));
        f[k++] = hashFeature(230, mixHash(lower[i], headWord), direction);
      }
      // The dependent's own dependents (a "to" or "that" marker, an auxiliary, a copula, a subject),
      // each with its side.
      let ownTaken = 0;
      for (const child of own) {
        if (ownTaken++ >= MAX_SIBLINGS) break;
        const side = child < i ? 1 : 2;
        f[k++] = hashFeature(231, tagDirection, tag[child], side);
        f[k++] = hashFeature(232, coarseDirection, lower[child], side);
      }
      // Relations UD keeps to unbroken word sequences (flat names, fixed expressions) cannot span a
      // conjunction or comma: "Ann Lee and Bo Chen" gives conj, not flat, whatever the scores say.
      const spansBreak = hasHead && (conjunctionsBefore[Math.max(h, i)] - conjunctionsBefore[Math.min(h, i) + 1] > 0 || commasBefore[Math.max(h, i)] - commasBefore[Math.min(h, i) + 1] > 0);
      const candidates = gold ? undefined : this.candidates.get(arcKindKey(coarse[i], hasHead ? coarse[h] : ROOT_VALUE, direction));
      let guess: number;
      if (summed) {
        // Integer sums, so own + the rest gives exactly the scores of all features at once.
        const own = this.ownSums(entries[i], dependentTag);
        if (candidates) for (const c of candidates) this.sums[c] = own[c];
        else this.sums.set(own);
        this.model.addQuantisedRows(f, k, this.sums, candidates ?? null, candidates ? candidates.length : 0);
        this.model.scoresFromQuantised(this.sums, 0, this.scores, candidates);
        const allowed = spansBreak ? this.spanning : undefined;
        guess = candidates ? AveragedPerceptron.argmaxAmong(this.scores, candidates, allowed) : AveragedPerceptron.argmax(this.scores, count, allowed);
      } else if (candidates) {
        this.model.scoreCandidates(f, k, candidates, candidates.length, this.scores);
        guess = AveragedPerceptron.argmaxAmong(this.scores, candidates, spansBreak ? this.spanning : undefined);
      } else {
        this.model.score(f, k, this.scores);
        guess = AveragedPerceptron.argmax(this.scores, count, spansBreak ? this.spanning : undefined);
      }
      if (gold) {
        this.model.update(f, k, gold[i], guess);
        this.model.tick();
      }
      result[i] = guess;
    }
    return result;
  }

  /** Labels every arc; `cached` false scores every feature afresh (the same labels; for tests). */
  label(input: LabellerInput, cached = true): string[] {
    return Array.from(this.labelIndices(input, undefined, cached), (index) => this.labels[index]);
  }
}

/** Number of a dependent's own features: those that depend on its spelling and XPOS alone. */
const OWN_FEATURES = 4;

/** A dependent's own feature number `which`: its tag, its word, its suffix or its flags with its tag. */
function ownFeature(which: number, word: WordInfo, dependentTag: number): number {
  if (which === 0) return hashFeature(200, dependentTag);
  if (which === 1) return hashFeature(201, word.lower);
  if (which === 2) return hashFeature(216, word.suffix[2], dependentTag);
  return hashFeature(217, word.flags, dependentTag);
}

/** Key of an arc's kind: the dependent's and head's universal tag hashes (ROOT_VALUE for none) and its direction. */
function arcKindKey(dependentUpos: number, headUpos: number, direction: number): number {
  return mixHash(mixHash(dependentUpos, headUpos), direction);
}

/**
 * The relations each kind of arc took in a treebank (sentence-local heads, -1 = root), as flattened
 * runs [arcKindKey, n, label index × n] for `Labeller`, labels in ascending order.
 */
export function observedLabelSets(sentences: readonly (LabelledSentence & { heads: ArrayLike<number> })[], labelIndex: ReadonlyMap<string, number>): number[] {
  const seen = new Map<number, Set<number>>();
  for (const sentence of sentences) {
    for (let i = 0; i < sentence.words.length; i++) {
      const h = sentence.heads[i];
      const direction = h < 0 ? 0 : h < i ? 1 : 2;
      const key = arcKindKey(hashString(sentence.upos[i]), h < 0 ? ROOT_VALUE : hashString(sentence.upos[h]), direction);
      const labels = seen.get(key) ?? new Set<number>();
      labels.add(labelIndex.get(sentence.deprels[i]) as number);
      seen.set(key, labels);
    }
  }
  const flattened: number[] = [];
  for (const key of [...seen.keys()].sort((a, b) => a - b)) {
    const labels = [...(seen.get(key) as Set<number>)].sort((a, b) => a - b);
    flattened.push(key, labels.length, ...labels);
  }
  return flattened;
}

/** 1 for the dependent nearest its head on its side, 2 for the next one out, and so on. */
function sidePosition(siblings: readonly number[], dependent: number, head: number): number {
  let position = 1;
  for (const sibling of siblings) if (sibling !== dependent && (sibling < head) === (dependent < head) && Math.abs(sibling - head) < Math.abs(dependent - head)) position++;
  return position;
}

/** Key of a word (lower-case form hash) with its UPOS and XPOS hashes in the label dictionary. */
function fixedLabelKey(lower: number, upos: number, xpos: number): number {
  return mixHash(mixHash(lower, upos), xpos);
}

/** The label dictionary of a treebank: flattened [key, label index] pairs for `Labeller`. */
export function unambiguousLabels(sentences: readonly LabelledSentence[], labelIndex: ReadonlyMap<string, number>): number[] {
  const cache = new WordCache();
  function* observations(): Generator<[number, number]> {
    for (const sentence of sentences) {
      for (let i = 0; i < sentence.words.length; i++) {
        const key = fixedLabelKey(cache.get(sentence.words[i]).lower, hashString(sentence.upos[i]), hashString(sentence.xpos[i]));
        yield [key, labelIndex.get(sentence.deprels[i]) as number];
      }
    }
  }
  return dominantLabels(observations(), FIXED_MIN_COUNT, FIXED_MIN_SHARE).flat();
}
