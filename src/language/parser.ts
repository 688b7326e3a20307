/**
 * Unlabelled dependency parser: greedy arc-eager transitions (SHIFT, REDUCE, LEFT-ARC, RIGHT-ARC)
 * scored by an averaged perceptron over Zhang & Nivre (2011)-style features of the stack, buffer
 * and partial tree (words, tags, head/children, distance, valency, the suffixes of S0 and N0 and the
 * commas and verbs between them), trained with the Goldberg & Nivre (2012) dynamic oracle and
 * exploration so that it learns to recover from its own mistakes.
 * The virtual root comes last, after the sentence's words (Ballesteros & Nivre 2013): the sentence
 * root is not chosen early, by the first RIGHT-ARC from a root at the bottom of the stack, but is
 * whatever word is left without a head once the whole sentence has been read. When several are
 * left, the first becomes the root and the others attach to it, as UD attaches later clauses to the
 * first. Measured on EWT dev, it gains little (UAS +0.08 on one seed; wrong roots 245 of 2,001
 * sentences against 251), but the transition system is simpler: no single-root rule to enforce.
 * Relation labels are added afterwards by the labeller (labeller.ts).
 *
 * A model trained with word clusters (word-clusters.ts: k-means groups of pre-trained GloVe vectors,
 * baked into the model file) also reads the coarse and fine cluster of the stack top, the front and
 * the words around them, alone and paired with tags and each other, so a word the treebank never
 * showed is attached like the words it resembles (EWT dev UAS 85.28 → 85.78, LAS 81.66 → 82.08; with
 * clusters in the labeller too LAS did not rise, and six more cluster features cost 0.2).
 *
 * A model trained with a beam (`beamWidth` > 1) decodes with the same beam: it keeps several
 * partial parses and so can revisit an early choice that later words show to be wrong; it is
 * trained globally, by max-violation updates, rather than one transition at a time (see
 * `beamSearch`). Greedy decoding stays for width 1.
 *
 * Parsing with a loaded model caches partial scores. Most features read one word's attributes or
 * parts of the tree that stay fixed while that word is the stack top or the buffer front (the words
 * after the front, a stack word's head and left dependents, the word below it), so their summed
 * weights are looked up once per word and state and reused by later steps instead of probing the
 * large weight table again; only the features pairing stack top and front are looked up at every
 * step. Quantised weights are integers, so the cached sums give exactly the scores of the full
 * look-up that training uses (and `parse(input, { cached: false })` for comparison). Beam states
 * differ in their trees, so beam decoding memoises the groups that read the tree by everything they
 * read instead (see `GroupMemo`), with the same exactness, and memoises the pair features too, which
 * recur across the beam's states (see `scoreMemoised`). The weight look-ups that remain (about 150
 * per word) are most of its time. Its beams are reused from sentence to sentence, and a state kept
 * for the next step takes over its parent's arrays unless a sibling needs a copy of them (see
 * `beamSearch`).
 */
import { AveragedPerceptron, hashFeature, hashString, mixHash } from './perceptron.js';
import { coarseCluster, fineCluster, type WordClusters } from './word-clusters.js';

const SHIFT = 0;
const REDUCE = 1;
const LEFT = 2;
const RIGHT = 3;
const TRANSITIONS = 4;
const NONE = -1;
const MAX_FEATURES = 96;
/** Distinct words whose attributes the parser keeps (it forgets them all past this many). */
const WORD_CACHE_SIZE = 100_000;
/** Probability of following the model's own (possibly wrong) transition while training. */
const EXPLORATION = 0.9;

/**
 * One sentence as the parser sees it: words and predicted tags. Its tag of a word is the UPOS and
 * XPOS pair, which tells apart what XPOS alone conflates (a copula "is" AUX from a main verb, a
 * nationality ADJ inside a name from a PROPN).
 */
export interface ParserInput {
  words: readonly string[];
  upos: readonly string[];
  xpos: readonly string[];
}

const NONE_WORD = hashString('<none>');
const ROOT_WORD = hashString('<root>');

/**
 * Mutable parser configuration over a sentence of n words; index n is the virtual root, the buffer's
 * last item. Its arrays have room for `capacity` words, so beam decoding reuses the same ones from
 * sentence to sentence. Only words up to the front ever change (an arc joins the stack top and the
 * front, and both are at most the front), so past it everything stays as `reset` left it.
 */
class Configuration {
  n = 0;
  readonly stack: Int32Array;
  depth = 0;
  /** Front of the buffer (n once only the root is left). */
  front = 0;
  readonly heads: Int32Array;
  /** Two leftmost and two rightmost dependents, and dependent counts, per word (and root). */
  readonly left1: Int32Array;
  readonly left2: Int32Array;
  readonly right1: Int32Array;
  readonly right2: Int32Array;
  readonly leftCount: Int32Array;
  readonly rightCount: Int32Array;
  /** Transitions applied so far, in order (a sentence takes exactly 2n). */
  readonly history: Int32Array;
  steps = 0;

  constructor(capacity: number) {
    this.stack = new Int32Array(capacity + 1);
    this.heads = new Int32Array(capacity + 1);
    this.left1 = new Int32Array(capacity + 1);
    this.left2 = new Int32Array(capacity + 1);
    this.right1 = new Int32Array(capacity + 1);
    this.right2 = new Int32Array(capacity + 1);
    this.leftCount = new Int32Array(capacity + 1);
    this.rightCount = new Int32Array(capacity + 1);
    this.history = new Int32Array(2 * capacity);
    this.reset(capacity);
  }

  /** Makes this the initial configuration of a sentence of `n` words (at most the capacity). */
  reset(n: number): void {
    this.n = n;
    this.depth = 0;
    this.front = 0;
    this.steps = 0;
    this.heads.fill(NONE, 0, n + 1);
    this.left1.fill(NONE, 0, n + 1);
    this.left2.fill(NONE, 0, n + 1);
    this.right1.fill(NONE, 0, n + 1);
    this.right2.fill(NONE, 0, n + 1);
    this.leftCount.fill(0, 0, n + 1);
    this.rightCount.fill(0, 0, n + 1);
  }

  /**
   * Makes this configuration a copy of `other` (over the same sentence). Past both fronts the two
   * are already alike (see the class comment), so only the words up to the further front are copied,
   * and only the used parts of the stack and history.
   */
  copyFrom(other: Configuration): void {
    const extent = Math.max(this.front, other.front) + 1;
    for (let i = 0; i < extent; i++) {
      this.heads[i] = other.heads[i];
      this.left1[i] = other.left1[i];
      this.left2[i] = other.left2[i];
      this.right1[i] = other.right1[i];
      this.right2[i] = other.right2[i];
      this.leftCount[i] = other.leftCount[i];
      this.rightCount[i] = other.rightCount[i];
    }
    for (let i = 0; i < other.depth; i++) this.stack[i] = other.stack[i];
    for (let i = 0; i < other.steps; i++) this.history[i] = other.history[i];
    this.depth = other.depth;
    this.front = other.front;
    this.steps = other.steps;
  }

  /** Number of legal transitions (the beam scores a state only when there is a choice). */
  legalCount(): number {
    const legal = this.legalSet();
    return (legal & 1) + ((legal >> 1) & 1) + ((legal >> 2) & 1) + (legal >> 3);
  }

  get done(): boolean {
    return this.front >= this.n && this.depth === 0;
  }

  top(k = 0): number {
    return this.depth > k ? this.stack[this.depth - 1 - k] : NONE;
  }

  legal(transition: number): boolean {
    return (this.legalSet() & (1 << transition)) !== 0;
  }

  /**
   * The legal transitions, one bit each (bit t for transition t). Once only the root is left in the
   * buffer, each stack word is either reduced or attached to it.
   */
  legalSet(): number {
    const s0 = this.top();
    const wordsLeft = this.front < this.n ? (1 << SHIFT) | (1 << RIGHT) : 0;
    if (s0 === NONE) return wordsLeft & (1 << SHIFT);
    return wordsLeft | (this.heads[s0] !== NONE ? 1 << REDUCE : 1 << LEFT);
  }

  private attach(head: number, dependent: number): void {
    this.heads[dependent] = head;
    if (dependent < head) {
      if (this.left1[head] === NONE || dependent < this.left1[head]) {
        this.left2[head] = this.left1[head];
        this.left1[head] = dependent;
      } else if (this.left2[head] === NONE || dependent < this.left2[head]) this.left2[head] = dependent;
      this.leftCount[head]++;
    } else {
      if (this.right1[head] === NONE || dependent > this.right1[head]) {
        this.right2[head] = this.right1[head];
        this.right1[head] = dependent;
      } else if (this.right2[head] === NONE || dependent > this.right2[head]) this.right2[head] = dependent;
      this.rightCount[head]++;
    }
  }

  apply(transition: number): void {
    const s0 = this.top();
    this.history[this.steps++] = transition;
    switch (transition) {
      case SHIFT:
        this.stack[this.depth++] = this.front++;
        break;
      case REDUCE:
        this.depth--;
        break;
      case LEFT:
        this.attach(this.front, s0);
        this.depth--;
        break;
      default:
        this.attach(s0, this.front);
        this.stack[this.depth++] = this.front++;
    }
  }

  /** Sentence-local heads (-1 for the root): the first word attached to the virtual root is the root, the others hang from it. */
  finish(): Int32Array {
    const n = this.n;
    let root = 0;
    while (root < n && this.heads[root] !== n) root++;
    const result = new Int32Array(n);
    for (let i = 0; i < n; i++) result[i] = i === root ? -1 : this.heads[i] === n ? root : this.heads[i];
    return result;
  }

  /** Dynamic-oracle cost: gold arcs (heads in `gold`, root = n) made unreachable by `transition`. */
  cost(transition: number, gold: Int32Array): number {
    const s0 = this.top();
    const b = this.front;
    const n = this.n;
    let lost = 0;
    switch (transition) {
      case SHIFT:
        for (let k = 0; k < this.depth; k++) {
          const item = this.stack[k];
          if (gold[b] === item) lost++;
          if (item !== n && gold[item] === b && this.heads[item] === NONE) lost++;
        }
        return lost;
      case REDUCE:
        for (let k = b; k < n; k++) if (gold[k] === s0) lost++;
        return lost;
      case LEFT:
        if (gold[s0] > b) lost++;
        for (let k = b; k < n; k++) if (gold[k] === s0) lost++;
        return lost;
      default:
        if (gold[b] !== s0) {
          if (gold[b] > b) lost++;
          for (let k = 0; k < this.depth; k++) if (this.stack[k] === gold[b]) lost++;
        }
        for (let k = 0; k < this.depth; k++) {
          const item = this.stack[k];
          if (item !== n && gold[item] === b && this.heads[item] === NONE) lost++;
        }
        return lost;
    }
  }
}

function capitalisation(word: string): number {
  const first = word.charCodeAt(0);
  if (first >= 48 && first <= 57) return 3;
  if (word !== word.toLowerCase()) return word === word.toUpperCase() && word.length > 1 ? 2 : 1;
  return 0;
}

/** `index`, or the placeholder position `none` when it is NONE. */
function orNone(index: number, none: number): number {
  return index === NONE ? none : index;
}

/** Writes one group's features from position k on; returns the new count. */
type GroupExtractor = (state: Configuration, features: Int32Array, k: number) => number;

/**
 * Cached partial scores of one feature group per word: the group's per-class sums in quantised
 * units, valid while the word's stamp (a count that changes whenever the group's features could)
 * is the one recorded.
 */
class GroupCache {
  sums = new Int32Array(0);
  stamps = new Int32Array(0);

  /** Forgets everything; room for `size` words. */
  reset(size: number): void {
    if (this.stamps.length < size) {
      this.sums = new Int32Array(size * 2 * TRANSITIONS);
      this.stamps = new Int32Array(size * 2);
    }
    this.stamps.fill(NONE, 0, size);
  }
}

/**
 * Exact memo of one feature group's quantised sums for beam decoding, keyed by every position and
 * count the group reads (`keySize` integers). Beam states share most of their structure, so the
 * same group inputs recur across states and steps; keys are compared in full, never by hash alone.
 * Cleared per sentence by a generation count.
 */
class GroupMemo {
  private keys = new Int32Array(0);
  private marks = new Int32Array(0);
  sums = new Int32Array(0);
  private mask = 0;
  private generation = 0;
  private used = 0;
  /** The key being looked up (the caller fills it). */
  readonly key: Int32Array;

  constructor(readonly keySize: number) {
    this.key = new Int32Array(keySize);
  }

  /**
   * Forgets everything; room for about `entries` keys. A short sentence uses only the start of the
   * arrays a long one needed, so its entries stay close together in the CPU's caches.
   */
  reset(entries: number): void {
    let capacity = 64;
    while (capacity < entries * 2) capacity *= 2;
    if (this.marks.length < capacity) {
      this.keys = new Int32Array(capacity * this.keySize);
      this.marks = new Int32Array(capacity);
      this.sums = new Int32Array(capacity * TRANSITIONS);
      this.generation = 0;
    }
    this.mask = capacity - 1;
    this.used = 0;
    this.generation++;
  }

  /**
   * Offset in `sums` of `key`'s entry; a new entry (returned as -1 - offset, its sums zeroed) when
   * absent, or null when the table is too full to add one.
   */
  find(): number | null {
    const key = this.key;
    const size = this.keySize;
    const keys = this.keys;
    // Keys are a few small integers, and a collision only costs a probe (keys are compared in
    // full): a multiplicative hash spreads them well enough, at a fraction of `mixHash`'s cost.
    let hash = 0;
    for (let i = 0; i < size; i++) hash = Math.imul(hash ^ key[i], 0x9e3779b1);
    hash ^= hash >>> 15;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      if (this.marks[slot] !== this.generation) {
        if (this.used * 2 > this.mask) return null;
        this.marks[slot] = this.generation;
        this.used++;
        for (let i = 0, at = slot * size; i < size; i++) keys[at + i] = key[i];
        const sumsAt = slot * TRANSITIONS;
        for (let c = 0; c < TRANSITIONS; c++) this.sums[sumsAt + c] = 0;
        return -1 - sumsAt;
      }
      let same = true;
      for (let i = 0, at = slot * size; i < size && same; i++) same = keys[at + i] === key[i];
      if (same) return slot * TRANSITIONS;
    }
  }
}

/**
 * Positions and counts a beam state's features read: the stack top and front, the word below the
 * top, the top's head and grandparent, its two leftmost and two rightmost dependents, the front's two
 * leftmost dependents, and the top's and front's dependent counts. Everything else they read follows
 * from these (the words after the front, the distance and the words between top and front, whether
 * the top has a head), and so does which transitions are legal.
 */
const STATE_READS = 14;
/** `stepReads` mark of a state with one legal transition, which is not scored (no position is negative). */
const NOT_SCORED = -2;

/**
 * The partial parses of one beam step, best first, with their scores and dynamic-oracle costs. Its
 * configurations have room for `capacity` words and serve sentence after sentence.
 */
class Beam {
  readonly states: Configuration[];
  readonly scores: Float64Array;
  readonly costs: Int32Array;
  size = 0;

  constructor(
    readonly capacity: number,
    width: number,
  ) {
    this.states = Array.from({ length: width }, () => new Configuration(capacity));
    this.scores = new Float64Array(width);
    this.costs = new Int32Array(width);
  }

  /** Empties the beam for a sentence of `n` words (at most the capacity). */
  reset(n: number): void {
    for (const state of this.states) state.reset(n);
    this.scores.fill(0);
    this.costs.fill(0);
    this.size = 0;
  }
}

/** One beam step's candidate successors (parent state, transition, total score and cost), and their order best first. */
class Candidates {
  readonly parent: Int32Array;
  readonly transition: Int32Array;
  readonly total: Float64Array;
  readonly lost: Int32Array;
  readonly order: Int32Array;
  /** Per parent state, how many of the successors kept come from it. */
  readonly uses: Int32Array;
  /** Per successor kept, 1 when it takes over its parent's configuration instead of a copy. */
  readonly takesParent: Uint8Array;

  constructor(width: number) {
    const size = width * TRANSITIONS;
    this.parent = new Int32Array(size);
    this.transition = new Int32Array(size);
    this.total = new Float64Array(size);
    this.lost = new Int32Array(size);
    this.order = new Int32Array(size);
    this.uses = new Int32Array(width);
    this.takesParent = new Uint8Array(width);
  }
}

export class Parser {
  private readonly features = new Int32Array(MAX_FEATURES);
  private readonly scores = new Float32Array(TRANSITIONS);
  /** Per-class quantised sums of one step. */
  private readonly stepSums = new Int32Array(TRANSITIONS);
  /** Per-sentence word attributes, index n = root, n+1 = none. */
  private word = new Int32Array(64);
  private tag = new Int32Array(64);
  private wordTag = new Int32Array(64);
  private punctuation = new Uint8Array(64);
  /** 1 for a verb or auxiliary. */
  private verb = new Uint8Array(64);
  /** Hash of the lower-case word's last three characters. */
  private suffix = new Int32Array(64);
  /** Capitalisation class per word: 0 lower/other, 1 capitalised, 2 all capitals, 3 digits. */
  private shape = new Int32Array(64);
  /** Fine and coarse word clusters (see word-clusters.ts), 0 for a word without a vector. */
  private fine = new Int32Array(64);
  private coarse = new Int32Array(64);
  /** Hashes of a word's lower-case form and last three characters, its capitalisation class and its clusters, per word. */
  private readonly wordAttributes = new Map<string, Int32Array>();
  /** Tag hashes by UPOS, then XPOS. */
  private readonly tagHashes = new Map<string, Map<string, number>>();
  /** Positions the features of the current step read (see `locate`); `none` (n + 1) when absent. */
  private s0 = 0;
  private s1 = 0;
  private n0 = 0;
  private n1 = 0;
  private n2 = 0;
  private s0h = 0;
  private s0h2 = 0;
  private s0l = 0;
  private s0l2 = 0;
  private s0r = 0;
  private s0r2 = 0;
  private n0l = 0;
  private n0l2 = 0;
  /** Cached group scores (see `scoreCached`). */
  private readonly stackTopCache = new GroupCache();
  private readonly stackTopRightCache = new GroupCache();
  private readonly frontCache = new GroupCache();
  private readonly frontLeftCache = new GroupCache();
  private readonly caches = [this.stackTopCache, this.stackTopRightCache, this.frontCache, this.frontLeftCache];
  /** Beam decoding's caches of the groups that read no tree, per word (see `scoreMemoised`). */
  private readonly stackTopWordCache = new GroupCache();
  private readonly belowTopCache = new GroupCache();
  private readonly wordCaches = [this.stackTopWordCache, this.belowTopCache, this.frontCache];
  /** Beam decoding's memos of the groups that read the tree, and of the word pairs (see `scoreMemoised`). */
  private readonly stackTopMemo = new GroupMemo(6);
  private readonly stackTopRightMemo = new GroupMemo(4);
  private readonly frontLeftMemo = new GroupMemo(4);
  private readonly wordPairMemo = new GroupMemo(2);
  private readonly treePairMemo = new GroupMemo(7);
  private readonly memos = [this.stackTopMemo, this.stackTopRightMemo, this.frontLeftMemo, this.wordPairMemo, this.treePairMemo];

  /** Beam decoding's two beams (current and next), reused while sentences fit (see `beamsFor`). */
  private beams: [Beam, Beam] | null = null;
  private readonly candidates: Candidates;
  /** What each state of the beam step being scored read (`STATE_READS` integers), and its scores (see `scoreMemoised`). */
  private readonly stepReads: Int32Array;
  private readonly stepScores: Float32Array;

  /** Whether the features read word clusters (models trained with them). */
  private readonly withClusters: boolean;

  /**
   * `beamWidth` 1 parses greedily; wider keeps that many partial parses (see `beamSearch`).
   * `clusters` (word clusters from pre-trained embeddings) add features to a model trained with them.
   */
  constructor(
    readonly model: AveragedPerceptron,
    readonly beamWidth = 1,
    readonly clusters: WordClusters | null = null,
  ) {
    this.withClusters = clusters !== null && clusters.size > 0;
    this.candidates = new Candidates(beamWidth);
    this.stepReads = new Int32Array(beamWidth * STATE_READS);
    this.stepScores = new Float32Array(beamWidth * TRANSITIONS);
  }

  /**
   * Parses one sentence; returns sentence-local heads (-1 = root). `cached: false` looks every
   * feature up at every step, as training does (same result, slower; for tests).
   */
  parse(input: ParserInput, options: { cached?: boolean } = {}): Int32Array {
    if (this.beamWidth > 1) return this.beamSearch(input, null, options.cached !== false && this.model.summable).finish();
    return this.run(input, null, null, options.cached !== false && this.model.summable);
  }

  /** One training pass over a sentence with gold heads (-1 = root); returns the number of correct heads. */
  train(input: ParserInput, goldHeads: readonly number[], random: () => number, explore: boolean): number {
    const n = input.words.length;
    const gold = new Int32Array(n);
    for (let i = 0; i < n; i++) gold[i] = goldHeads[i] < 0 ? n : goldHeads[i];
    const heads = this.beamWidth > 1 ? this.beamSearch(input, gold, false).finish() : this.run(input, gold, explore ? random : null, false);
    let correct = 0;
    for (let i = 0; i < n; i++) if (heads[i] === goldHeads[i]) correct++;
    return correct;
  }

  private prepare(input: ParserInput): void {
    const n = input.words.length;
    if (this.word.length < n + 2) {
      this.word = new Int32Array(n * 2 + 2);
      this.tag = new Int32Array(n * 2 + 2);
      this.wordTag = new Int32Array(n * 2 + 2);
      this.punctuation = new Uint8Array(n * 2 + 2);
      this.verb = new Uint8Array(n * 2 + 2);
      this.suffix = new Int32Array(n * 2 + 2);
      this.shape = new Int32Array(n * 2 + 2);
      this.fine = new Int32Array(n * 2 + 2);
      this.coarse = new Int32Array(n * 2 + 2);
    }
    for (let i = 0; i < n; i++) {
      const word = input.words[i];
      let attributes = this.wordAttributes.get(word);
      if (!attributes) {
        if (this.wordAttributes.size >= WORD_CACHE_SIZE) this.wordAttributes.clear();
        const lower = hashString(word.toLowerCase());
        const clusters = this.clusters?.packed(lower) ?? 0;
        attributes = Int32Array.of(lower, hashString(word.slice(-3).toLowerCase()), capitalisation(word), fineCluster(clusters), coarseCluster(clusters));
        this.wordAttributes.set(word, attributes);
      }
      this.word[i] = attributes[0];
      this.suffix[i] = attributes[1];
      this.shape[i] = attributes[2];
      this.fine[i] = attributes[3];
      this.coarse[i] = attributes[4];
      this.tag[i] = this.tagHash(input.upos[i], input.xpos[i]);
      this.punctuation[i] = word === ',' || word === ';' ? 1 : 0;
      this.verb[i] = input.upos[i] === 'VERB' || input.upos[i] === 'AUX' ? 1 : 0;
    }
    this.shape[n] = 4;
    this.shape[n + 1] = 5;
    this.fine[n] = ROOT_WORD;
    this.fine[n + 1] = NONE_WORD;
    this.coarse[n] = ROOT_WORD;
    this.coarse[n + 1] = NONE_WORD;
    this.word[n] = ROOT_WORD;
    this.tag[n] = ROOT_WORD;
    this.word[n + 1] = NONE_WORD;
    this.tag[n + 1] = NONE_WORD;
    this.suffix[n] = ROOT_WORD;
    this.suffix[n + 1] = NONE_WORD;
    for (let i = 0; i < n + 2; i++) this.wordTag[i] = mixHash(this.word[i], this.tag[i]);
  }

  /** Hash of a word's tag (see `ParserInput`), cached per tag pair. */
  private tagHash(upos: string, xpos: string): number {
    let byXpos = this.tagHashes.get(upos);
    if (!byXpos) this.tagHashes.set(upos, (byXpos = new Map()));
    let hash = byXpos.get(xpos);
    if (hash === undefined) byXpos.set(xpos, (hash = hashString(upos + ' ' + xpos)));
    return hash;
  }

  private run(input: ParserInput, gold: Int32Array | null, explore: (() => number) | null, cached: boolean): Int32Array {
    const n = input.words.length;
    this.prepare(input);
    if (cached) for (const cache of this.caches) cache.reset(n + 2);
    const state = new Configuration(n);
    const scores = this.scores;
    while (!state.done) {
      let legalCount = 0;
      for (let t = 0; t < TRANSITIONS; t++) if (state.legal(t)) legalCount++;
      let count = 0;
      // With a single legal transition and nothing to learn, the scores cannot change the choice.
      if (gold || legalCount > 1) {
        this.locate(state);
        if (cached) this.scoreCached(state);
        else {
          count = this.extract(state);
          this.model.score(this.features, count, scores);
        }
      }
      let guess = -1;
      for (let t = 0; t < TRANSITIONS; t++) if (state.legal(t) && (guess < 0 || scores[t] > scores[guess])) guess = t;
      if (gold) {
        let best = -1;
        let bestCost = Infinity;
        const costs = [0, 0, 0, 0];
        for (let t = 0; t < TRANSITIONS; t++) {
          if (!state.legal(t)) continue;
          costs[t] = state.cost(t, gold);
          if (costs[t] < bestCost || (costs[t] === bestCost && scores[t] > scores[best])) {
            bestCost = costs[t];
            best = t;
          }
        }
        if (costs[guess] > bestCost) this.model.update(this.features, count, best, guess);
        this.model.tick();
        if (!(explore && costs[guess] > bestCost && explore() < EXPLORATION)) guess = best;
      }
      state.apply(guess);
    }
    return state.finish();
  }

  /**
   * Beam search (Zhang & Clark 2008; Zhang & Nivre 2011): keeps the `beamWidth` best-scoring
   * partial parses, a parse's score being the sum of its transitions' scores (a forced transition
   * scores 0), and returns the best complete one. Every parse takes exactly 2n transitions, so the
   * beam advances in lockstep. With gold heads it also trains, by max-violation updates (Huang,
   * Fayong & Guo 2012): alongside the beam it follows a correct parse (the best-scoring transition
   * that loses no gold arc, or the beam's best correct parse when that scores higher), and where the
   * beam's best outscores it by the most, rewards the correct parse's transitions up to there and
   * penalises the beam's.
   */
  private beamSearch(input: ParserInput, gold: Int32Array | null, memoised: boolean): Configuration {
    const n = input.words.length;
    const width = this.beamWidth;
    this.prepare(input);
    if (memoised) {
      for (const memo of this.memos) memo.reset(2 * n * width);
      for (const cache of this.wordCaches) cache.reset(n + 2);
    }
    let [beam, next] = this.beamsFor(n);
    beam.size = 1;
    const { parent, transition, total, lost, order, uses, takesParent } = this.candidates;
    const scores = this.scores;
    const goldState = gold ? new Configuration(n) : null;
    let goldScore = 0;
    let goldCost = 0;
    let maxViolation = 0;
    let violationSteps = 0;
    let violationGold: Int32Array | null = null;
    let violationPredicted: Int32Array | null = null;
    for (let step = 0; step < 2 * n; step++) {
      let count = 0;
      for (let i = 0; i < beam.size; i++) {
        const state = beam.states[i];
        if (memoised) this.scoreMemoised(state, i);
        else this.scoreFresh(state);
        const legal = state.legalSet();
        for (let t = 0; t < TRANSITIONS; t++) {
          if ((legal & (1 << t)) === 0) continue;
          parent[count] = i;
          transition[count] = t;
          total[count] = beam.scores[i] + scores[t];
          lost[count] = gold ? beam.costs[i] + state.cost(t, gold) : 0;
          // Insertion into `order` by descending score (earlier candidates first on ties).
          let at = count;
          while (at > 0 && total[order[at - 1]] < total[count]) {
            order[at] = order[at - 1];
            at--;
          }
          order[at] = count++;
        }
      }
      next.size = Math.min(width, count);
      // A parent's last successor kept takes over the parent's configuration; the others copy it
      // first, while it is intact. Most parents have one successor, so most steps copy nothing.
      uses.fill(0);
      for (let j = 0; j < next.size; j++) uses[parent[order[j]]]++;
      for (let j = 0; j < next.size; j++) {
        const c = order[j];
        takesParent[j] = --uses[parent[c]] === 0 ? 1 : 0;
        if (!takesParent[j]) next.states[j].copyFrom(beam.states[parent[c]]);
      }
      for (let j = 0; j < next.size; j++) {
        const c = order[j];
        if (takesParent[j]) {
          const taken = beam.states[parent[c]];
          beam.states[parent[c]] = next.states[j];
          next.states[j] = taken;
        }
        next.states[j].apply(transition[c]);
        next.scores[j] = total[c];
        next.costs[j] = lost[c];
      }
      [beam, next] = [next, beam];
      if (!goldState || !gold) continue;
      this.scoreFresh(goldState);
      let best = -1;
      let bestCost = Infinity;
      for (let t = 0; t < TRANSITIONS; t++) {
        if (!goldState.legal(t)) continue;
        const cost = goldState.cost(t, gold);
        if (cost < bestCost || (cost === bestCost && scores[t] > scores[best])) {
          bestCost = cost;
          best = t;
        }
      }
      goldScore += scores[best];
      goldCost += bestCost;
      goldState.apply(best);
      for (let j = 0; j < beam.size; j++) {
        if (beam.costs[j] > goldCost) continue;
        if (beam.scores[j] > goldScore) {
          goldState.copyFrom(beam.states[j]);
          goldScore = beam.scores[j];
        }
        break;
      }
      // A wrong parse on top is a violation even on a tie (as with untrained, all-zero weights).
      if (beam.costs[0] > goldCost && beam.scores[0] - goldScore >= maxViolation) {
        maxViolation = beam.scores[0] - goldScore;
        violationSteps = step + 1;
        violationGold = goldState.history.slice(0, violationSteps);
        violationPredicted = beam.states[0].history.slice(0, violationSteps);
      }
    }
    if (violationGold && violationPredicted) {
      let shared = 0;
      while (shared < violationSteps && violationGold[shared] === violationPredicted[shared]) shared++;
      this.replayUpdate(n, violationGold, shared, 1);
      this.replayUpdate(n, violationPredicted, shared, -1);
    }
    if (gold) this.model.tick();
    return beam.states[0];
  }

  /** The two beams, emptied for a sentence of `n` words (new ones only when it is longer than any before). */
  private beamsFor(n: number): [Beam, Beam] {
    if (!this.beams || this.beams[0].capacity < n) {
      const capacity = Math.max(n, 2 * (this.beams?.[0].capacity ?? 32));
      this.beams = [new Beam(capacity, this.beamWidth), new Beam(capacity, this.beamWidth)];
    }
    for (const beam of this.beams) beam.reset(n);
    return this.beams;
  }

  /** Scores the transitions of `state` by a full look-up (all 0 when only one is legal). */
  private scoreFresh(state: Configuration): void {
    if (state.legalCount() < 2) {
      this.scores.fill(0);
      return;
    }
    this.locate(state);
    this.model.score(this.features, this.extract(state), this.scores);
  }

  /**
   * `scoreFresh` from cached and memoised group sums (needs a summable model). The groups that read
   * one word and no tree (the stack top's word, the word below it, the front and the words after it)
   * are cached per word as in greedy decoding; the others are memoised by everything they read. The
   * pair features are split in two: those of the stack top and front words alone recur across the
   * beam's states, which often share both, and are memoised by the pair. A state that reads exactly what an
   * earlier state of the same step read (they differ only deeper in the stack or tree: about one
   * scored state in five) takes that state's scores. `slot` is the state's place in the beam.
   */
  private scoreMemoised(state: Configuration, slot: number): void {
    const reads = this.stepReads;
    const at = slot * STATE_READS;
    if (state.legalCount() < 2) {
      for (let t = 0; t < TRANSITIONS; t++) this.scores[t] = 0;
      reads[at] = NOT_SCORED;
      return;
    }
    this.locate(state);
    const s0 = this.s0;
    const n0 = this.n0;
    const none = state.n + 1;
    reads[at] = s0;
    reads[at + 1] = n0;
    reads[at + 2] = this.s1;
    reads[at + 3] = this.s0h;
    reads[at + 4] = this.s0h2;
    reads[at + 5] = this.s0l;
    reads[at + 6] = this.s0l2;
    reads[at + 7] = this.s0r;
    reads[at + 8] = this.s0r2;
    reads[at + 9] = this.n0l;
    reads[at + 10] = this.n0l2;
    reads[at + 11] = s0 !== none ? state.leftCount[s0] : 0;
    reads[at + 12] = s0 !== none ? state.rightCount[s0] : 0;
    reads[at + 13] = n0 !== none ? state.leftCount[n0] : 0;
    const stepScores = this.stepScores;
    for (let earlier = 0; earlier < slot; earlier++) {
      let same = true;
      for (let i = 0, from = earlier * STATE_READS; i < STATE_READS && same; i++) same = reads[from + i] === reads[at + i];
      if (!same) continue;
      for (let t = 0; t < TRANSITIONS; t++) this.scores[t] = stepScores[slot * TRANSITIONS + t] = stepScores[earlier * TRANSITIONS + t];
      return;
    }
    const sums = this.stepSums;
    for (let t = 0; t < TRANSITIONS; t++) sums[t] = 0;
    this.addGroup(state, this.stackTopWordCache, s0, 0, this.extractStackTopWord);
    this.addGroup(state, this.belowTopCache, this.s1, 0, this.extractBelowTop);
    let key = this.stackTopMemo.key;
    key[0] = s0;
    key[1] = this.s0h;
    key[2] = this.s0h2;
    key[3] = this.s0l;
    key[4] = this.s0l2;
    key[5] = s0 !== none ? state.leftCount[s0] : 0;
    this.addMemoised(state, this.stackTopMemo, this.extractStackTopTree);
    key = this.stackTopRightMemo.key;
    key[0] = s0;
    key[1] = this.s0r;
    key[2] = this.s0r2;
    key[3] = s0 !== none ? state.rightCount[s0] : 0;
    this.addMemoised(state, this.stackTopRightMemo, this.extractStackTopRight);
    this.addGroup(state, this.frontCache, n0, 0, this.extractFront);
    key = this.frontLeftMemo.key;
    key[0] = n0;
    key[1] = this.n0l;
    key[2] = this.n0l2;
    key[3] = n0 !== none ? state.leftCount[n0] : 0;
    this.addMemoised(state, this.frontLeftMemo, this.extractFrontLeft);
    key = this.wordPairMemo.key;
    key[0] = s0;
    key[1] = n0;
    this.addMemoised(state, this.wordPairMemo, this.extractWordPairs);
    key = this.treePairMemo.key;
    key[0] = s0;
    key[1] = n0;
    key[2] = this.s0h;
    key[3] = this.s0l;
    key[4] = this.s0r;
    key[5] = this.n0l;
    key[6] = this.s1;
    this.addMemoised(state, this.treePairMemo, this.extractTreePairs);
    this.model.scoresFromQuantised(sums, 0, this.scores);
    for (let t = 0; t < TRANSITIONS; t++) stepScores[slot * TRANSITIONS + t] = this.scores[t];
  }

  /** Adds a group's sums for the memo's key to the step's, looking its features up on a miss. */
  private addMemoised(state: Configuration, memo: GroupMemo, extractGroup: GroupExtractor): void {
    const sums = this.stepSums;
    const found = memo.find();
    if (found === null) {
      this.model.addQuantised(this.features, extractGroup.call(this, state, this.features, 0), sums, 0);
      return;
    }
    const at = found < 0 ? -1 - found : found;
    if (found < 0) this.model.addQuantised(this.features, extractGroup.call(this, state, this.features, 0), memo.sums, at);
    for (let c = 0; c < TRANSITIONS; c++) sums[c] += memo.sums[at + c];
  }

  /** Adds `amount` to the weights of the scored transitions of `history` from step `from` on (replayed from the start). */
  private replayUpdate(n: number, history: Int32Array, from: number, amount: number): void {
    const state = new Configuration(n);
    for (let step = 0; step < history.length; step++) {
      const t = history[step];
      if (step >= from && state.legalCount() > 1) {
        this.locate(state);
        this.model.update(this.features, this.extract(state), t, -1, amount);
      }
      state.apply(t);
    }
  }

  /** Finds the positions this step's features read. */
  private locate(state: Configuration): void {
    const n = state.n;
    const none = n + 1;
    const s0 = orNone(state.top(), none);
    const n0 = orNone(state.front < n ? state.front : NONE, none);
    this.s0 = s0;
    this.s1 = orNone(state.top(1), none);
    this.n0 = n0;
    this.n1 = orNone(state.front + 1 < n ? state.front + 1 : NONE, none);
    this.n2 = orNone(state.front + 2 < n ? state.front + 2 : NONE, none);
    this.s0h = s0 < n ? orNone(state.heads[s0], none) : none;
    this.s0h2 = this.s0h < n ? orNone(state.heads[this.s0h], none) : none;
    this.s0l = s0 !== none ? orNone(state.left1[s0], none) : none;
    this.s0l2 = s0 !== none ? orNone(state.left2[s0], none) : none;
    this.s0r = s0 !== none ? orNone(state.right1[s0], none) : none;
    this.s0r2 = s0 !== none ? orNone(state.right2[s0], none) : none;
    this.n0l = n0 !== none ? orNone(state.left1[n0], none) : none;
    this.n0l2 = n0 !== none ? orNone(state.left2[n0], none) : none;
  }

  /** Every feature of the step `locate` found, in `this.features`; returns their number. */
  private extract(state: Configuration): number {
    const f = this.features;
    let k = this.extractStackTop(state, f, 0);
    k = this.extractStackTopRight(state, f, k);
    k = this.extractFront(state, f, k);
    k = this.extractFrontLeft(state, f, k);
    return this.extractPairs(state, f, k);
  }

  /**
   * Scores the step from the cached sums of its feature groups (looked up on a cache miss) plus a
   * fresh look-up of the features that pair the stack top with the front, which never recur: every
   * transition changes one of the two.
   */
  private scoreCached(state: Configuration): void {
    const sums = this.stepSums;
    sums.fill(0);
    const s0 = this.s0;
    const n0 = this.n0;
    this.addGroup(state, this.stackTopCache, s0, state.leftCount[s0], this.extractStackTop);
    this.addGroup(state, this.stackTopRightCache, s0, state.rightCount[s0], this.extractStackTopRight);
    this.addGroup(state, this.frontCache, n0, 0, this.extractFront);
    this.addGroup(state, this.frontLeftCache, n0, state.leftCount[n0], this.extractFrontLeft);
    this.model.addQuantised(this.features, this.extractPairs(state, this.features, 0), sums, 0);
    this.model.scoresFromQuantised(sums, 0, this.scores);
  }

  /** Adds a group's sums for `word` to the step's, looking its features up unless cached with `stamp`. */
  private addGroup(state: Configuration, cache: GroupCache, word: number, stamp: number, extractGroup: GroupExtractor): void {
    const at = word * TRANSITIONS;
    const cached = cache.sums;
    if (cache.stamps[word] !== stamp) {
      cached.fill(0, at, at + TRANSITIONS);
      this.model.addQuantised(this.features, extractGroup.call(this, state, this.features, 0), cached, at);
      cache.stamps[word] = stamp;
    }
    const sums = this.stepSums;
    for (let c = 0; c < TRANSITIONS; c++) sums[c] += cached[at + c];
  }

  /**
   * Features of the stack top that stay fixed while it is on the stack (its word and tag, its head
   * and grandparent, its left dependents, the word below it): cached per word and left-dependent count.
   */
  private extractStackTop(state: Configuration, f: Int32Array, k: number): number {
    return this.extractBelowTop(state, f, this.extractStackTopTree(state, f, this.extractStackTopWord(state, f, k)));
  }

  /** The stack top's own word and tag. */
  private extractStackTopWord(_state: Configuration, f: Int32Array, k: number): number {
    const s0 = this.s0;
    f[k++] = hashFeature(0, this.wordTag[s0]);
    f[k++] = hashFeature(1, this.word[s0]);
    f[k++] = hashFeature(2, this.tag[s0]);
    if (this.withClusters) {
      f[k++] = hashFeature(80, this.fine[s0]);
      f[k++] = hashFeature(81, this.coarse[s0], this.tag[s0]);
    }
    return k;
  }

  /** The stack top's head and grandparent and its left dependents. */
  private extractStackTopTree(state: Configuration, f: Int32Array, k: number): number {
    const w = this.word;
    const p = this.tag;
    const { s0, s0h, s0h2, s0l, s0l2 } = this;
    const s0LeftCount = s0 !== state.n + 1 ? state.leftCount[s0] : 0;
    f[k++] = hashFeature(34, w[s0], s0LeftCount);
    f[k++] = hashFeature(35, p[s0], s0LeftCount);
    f[k++] = hashFeature(38, w[s0h]);
    f[k++] = hashFeature(39, p[s0h]);
    f[k++] = hashFeature(40, w[s0l]);
    f[k++] = hashFeature(41, p[s0l]);
    f[k++] = hashFeature(46, w[s0h2]);
    f[k++] = hashFeature(47, p[s0h2]);
    f[k++] = hashFeature(48, w[s0l2]);
    f[k++] = hashFeature(49, p[s0l2]);
    f[k++] = hashFeature(54, p[s0], p[s0l], p[s0l2]);
    f[k++] = hashFeature(56, p[s0], p[s0h], p[s0h2]);
    if (this.withClusters) {
      f[k++] = hashFeature(91, this.fine[s0h]);
      f[k++] = hashFeature(92, this.coarse[s0l], p[s0]);
    }
    return k;
  }

  /** The word below the stack top. */
  private extractBelowTop(_state: Configuration, f: Int32Array, k: number): number {
    f[k++] = hashFeature(58, this.wordTag[this.s1]);
    return k;
  }

  /** Features of the stack top's right dependents: cached per word and right-dependent count. */
  private extractStackTopRight(state: Configuration, f: Int32Array, k: number): number {
    const w = this.word;
    const p = this.tag;
    const { s0, s0r, s0r2 } = this;
    const s0RightCount = s0 !== state.n + 1 ? state.rightCount[s0] : 0;
    f[k++] = hashFeature(32, w[s0], s0RightCount);
    f[k++] = hashFeature(33, p[s0], s0RightCount);
    f[k++] = hashFeature(42, w[s0r]);
    f[k++] = hashFeature(43, p[s0r]);
    f[k++] = hashFeature(50, w[s0r2]);
    f[k++] = hashFeature(51, p[s0r2]);
    f[k++] = hashFeature(55, p[s0], p[s0r], p[s0r2]);
    return k;
  }

  /** Features of the front of the buffer and the two words after it: cached per front. */
  private extractFront(_state: Configuration, f: Int32Array, k: number): number {
    const w = this.word;
    const p = this.tag;
    const wp = this.wordTag;
    const { n0, n1, n2 } = this;
    f[k++] = hashFeature(3, wp[n0]);
    f[k++] = hashFeature(4, w[n0]);
    f[k++] = hashFeature(5, p[n0]);
    f[k++] = hashFeature(6, wp[n1]);
    f[k++] = hashFeature(7, w[n1]);
    f[k++] = hashFeature(8, p[n1]);
    f[k++] = hashFeature(9, wp[n2]);
    f[k++] = hashFeature(10, w[n2]);
    f[k++] = hashFeature(11, p[n2]);
    f[k++] = hashFeature(19, p[n0], p[n1]);
    f[k++] = hashFeature(20, p[n0], p[n1], p[n2]);
    f[k++] = hashFeature(64, w[n0], w[n1]);
    if (this.withClusters) {
      f[k++] = hashFeature(82, this.fine[n0]);
      f[k++] = hashFeature(83, this.coarse[n0], p[n0]);
      f[k++] = hashFeature(84, this.fine[n1]);
      f[k++] = hashFeature(85, this.coarse[n0], this.coarse[n1]);
    }
    return k;
  }

  /** Features of the front's left dependents: cached per front and left-dependent count. */
  private extractFrontLeft(state: Configuration, f: Int32Array, k: number): number {
    const w = this.word;
    const p = this.tag;
    const { n0, n0l, n0l2 } = this;
    const n0LeftCount = n0 !== state.n + 1 ? state.leftCount[n0] : 0;
    f[k++] = hashFeature(36, w[n0], n0LeftCount);
    f[k++] = hashFeature(37, p[n0], n0LeftCount);
    f[k++] = hashFeature(44, w[n0l]);
    f[k++] = hashFeature(45, p[n0l]);
    f[k++] = hashFeature(52, w[n0l2]);
    f[k++] = hashFeature(53, p[n0l2]);
    f[k++] = hashFeature(57, p[n0], p[n0l], p[n0l2]);
    if (this.withClusters) f[k++] = hashFeature(93, this.coarse[n0l], p[n0]);
    return k;
  }

  /** Features that combine the stack top (or its neighbours) with the front. */
  private extractPairs(state: Configuration, f: Int32Array, k: number): number {
    return this.extractTreePairs(state, f, this.extractWordPairs(state, f, k));
  }

  /** Pair features that read only the stack top and front words and the words between and after them. */
  private extractWordPairs(state: Configuration, f: Int32Array, k: number): number {
    const n = state.n;
    const none = n + 1;
    const w = this.word;
    const p = this.tag;
    const wp = this.wordTag;
    const { s0, n0, n1 } = this;
    const distance = s0 !== none && n0 !== none && s0 < n ? Math.min(n0 - s0, 6) : 0;
    f[k++] = hashFeature(12, wp[s0], wp[n0]);
    f[k++] = hashFeature(13, wp[s0], w[n0]);
    f[k++] = hashFeature(14, w[s0], wp[n0]);
    f[k++] = hashFeature(15, wp[s0], p[n0]);
    f[k++] = hashFeature(16, p[s0], wp[n0]);
    f[k++] = hashFeature(17, w[s0], w[n0]);
    f[k++] = hashFeature(18, p[s0], p[n0]);
    f[k++] = hashFeature(21, p[s0], p[n0], p[n1]);
    f[k++] = hashFeature(26, w[s0], distance);
    f[k++] = hashFeature(27, p[s0], distance);
    f[k++] = hashFeature(28, w[n0], distance);
    f[k++] = hashFeature(29, p[n0], distance);
    f[k++] = hashFeature(30, mixHash(w[s0], w[n0]), distance);
    f[k++] = hashFeature(31, p[s0], p[n0], distance);
    f[k++] = hashFeature(63, mixHash(p[s0], p[n0]), w[n1]);
    f[k++] = hashFeature(65, mixHash(w[s0], w[n0]), p[n1]);
    f[k++] = hashFeature(66, p[s0], p[n0], this.countBetween(this.punctuation, s0, n0, n));
    f[k++] = hashFeature(68, mixHash(p[s0], this.shape[s0]), p[n0], this.shape[n0]);
    // Unknown-word robustness, and clause structure between the two.
    f[k++] = hashFeature(71, this.suffix[s0], p[s0], p[n0]);
    f[k++] = hashFeature(72, p[s0], this.suffix[n0], p[n0]);
    f[k++] = hashFeature(73, p[s0], p[n0], this.countBetween(this.verb, s0, n0, n));
    if (this.withClusters) {
      const cf = this.fine;
      const cc = this.coarse;
      f[k++] = hashFeature(86, cf[s0], cf[n0]);
      f[k++] = hashFeature(87, cf[s0], p[n0]);
      f[k++] = hashFeature(88, p[s0], cf[n0]);
      f[k++] = hashFeature(89, cc[s0], cc[n0], distance);
      f[k++] = hashFeature(90, mixHash(cc[s0], p[s0]), cc[n0], p[n0]);
      f[k++] = hashFeature(95, w[s0], cf[n0]);
      f[k++] = hashFeature(96, cf[s0], w[n0]);
      f[k++] = hashFeature(97, cc[s0], cc[n0], cc[n1]);
    }
    return k;
  }

  /** Pair features that also read the tree: the stack top's head and dependents, the front's left dependent, the word below the top. */
  private extractTreePairs(state: Configuration, f: Int32Array, k: number): number {
    const n = state.n;
    const w = this.word;
    const p = this.tag;
    const wp = this.wordTag;
    const { s0, s1, n0, s0h, s0l, s0r, n0l } = this;
    const s0Headed = s0 < n && state.heads[s0] !== NONE ? 1 : 0;
    f[k++] = hashFeature(22, p[s0h], p[s0], p[n0]);
    f[k++] = hashFeature(23, p[s0], p[s0l], p[n0]);
    f[k++] = hashFeature(24, p[s0], p[s0r], p[n0]);
    f[k++] = hashFeature(25, p[s0], p[n0], p[n0l]);
    f[k++] = hashFeature(59, p[s1], p[s0], p[n0]);
    f[k++] = hashFeature(60, s0Headed, p[s0], p[n0]);
    f[k++] = hashFeature(61, s0Headed, wp[s0], p[n0]);
    f[k++] = hashFeature(62, p[s1], w[s0], p[n0]);
    f[k++] = hashFeature(67, wp[s1], p[n0]);
    f[k++] = hashFeature(69, w[s0h], p[s0], p[n0]);
    f[k++] = hashFeature(70, p[s0], p[s0r], wp[n0]);
    return k;
  }

  /** Words marked in `marks` strictly between two words, capped at 3; 0 when either is absent. */
  private countBetween(marks: Uint8Array, from: number, to: number, n: number): number {
    if (from >= n || to >= n) return 0;
    let count = 0;
    for (let i = from + 1; i < to && count < 3; i++) if (marks[i]) count++;
    return count;
  }
}
