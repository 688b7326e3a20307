/**
 * A generic averaged perceptron over hashed integer features, the learner behind the tagger,
 * lemmatiser and parser (and reusable by the NER model).
 *
 * Callers turn each feature into a 32-bit integer (see `hashFeature`); the model maps each feature
 * to a row of per-class weights, found through an open-addressing hash table of Int32 keys. While
 * training, rows are dense in one flat Float32Array and created only when an update touches them,
 * so memory follows the number of useful features; a loaded model keeps only non-zero weights. Averaging uses the
 * "accumulated-delta" trick (average = w − u / c), which needs one extra array instead of two.
 * Hand-written rather than taken from a library because no maintained npm package offers a fast,
 * typed-array, serialisable multi-class perceptron.
 *
 * Serialisation is sparse and compact: weights below a pruning threshold are dropped, the rest are
 * quantised to 16-bit integers with one scale per model.
 */

const EMPTY = -1;
/**
 * Share of a loaded model's table slots in use (open addressing with linear probing): fuller tables
 * cost more probes for the many features a model lacks; emptier ones more memory (a quarter full
 * doubles the parser's 17 MB for no measurable gain in the whole language stage).
 */
const LOAD_FACTOR = 0.5;
/** Marks a dense row in a loaded model's arena (a sparse row starts with its positive count). */
const DENSE_ROW = -1;

/** Mixes a running hash with one more integer (MurmurHash3-style); returns a signed 32-bit int. */
export function mixHash(hash: number, value: number): number {
  let k = Math.imul(value | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let h = (hash ^ k) | 0;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Final avalanche so that nearby inputs spread over the table. */
export function finishHash(hash: number): number {
  let h = hash | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Hash of a feature template id and up to three integer values (word ids, tag ids, distances…). */
export function hashFeature(template: number, a: number, b = 0, c = 0): number {
  return finishHash(mixHash(mixHash(mixHash(mixHash(0x2545f491, template), a), b), c));
}

/** Stable 32-bit hash of a string (used to intern strings into feature values). */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = mixHash(hash, text.charCodeAt(i));
  return finishHash(mixHash(hash, text.length));
}

export class AveragedPerceptron {
  readonly classCount: number;
  /**
   * Open-addressing table of [featureKey, row] pairs; row EMPTY marks a free slot. Keys come from
   * `hashFeature`, already well mixed, so their low bits index the table directly.
   */
  private table: Int32Array;
  /** Dense rows of per-class weights while training. */
  private weights: Float32Array;
  /** Accumulated c·Δ for averaging; null once the model is finalised or loaded. */
  private accumulated: Float64Array | null;
  /**
   * A loaded model keeps only its non-zero quantised weights, laid out so that scoring a feature
   * touches as little memory as possible (the models are far larger than the CPU caches, so each
   * lookup is bound by memory latency, not arithmetic). Both tables are open-addressing arrays of
   * four-integer slots, at most half of them in use, indexed by scaling the well-mixed key to the
   * table size; a feature with up to three weights costs one cache line:
   * - with at most four classes (the parser's transitions), `inlineTable` holds the weights in the
   *   slot itself: [key, w0|w1, w2|w3, used] with two 16-bit weights per integer;
   * - otherwise `rowTable` holds [key, e0, e1, e2], where an entry is (class << 16 | 16-bit weight)
   *   and 0 an unused entry (weights are never 0). A row of more than three entries lives in
   *   `arena` instead and e0 holds ~start, a negative number: either its count followed by its
   *   entries or, for a row with weights for most classes, DENSE_ROW followed by one 16-bit weight
   *   per class (read through `denseArena`, a 16-bit view of the same memory), which is no larger
   *   and is summed without decoding class numbers. An unused slot has e0 = 0.
   * Scores are summed in quantised units and multiplied by `scale` once at the end.
   * Both are null while training.
   */
  private inlineTable: Int32Array | null = null;
  private rowTable: Int32Array | null = null;
  private arena: Int32Array = new Int32Array(0);
  private denseArena: Int16Array = new Int16Array(0);
  /** Slots per key unit: slot of a key = floor((key >>> 0) × slotScale). */
  private slotScale = 0;
  private scale = 1;
  /** Per-class sums in quantised units (at least four, as the inline layout adds four at a time). */
  private sums: Int32Array;
  /** Slots or row starts found by the first scoring pass. */
  private found = new Int32Array(128);
  /** Number of slots `findSlots` found. */
  private hits = 0;
  /** Xor of the keys read by the touching pass of `findSlots`, kept only so that pass is not optimised away. */
  private touched = 0;
  private rowCount = 0;
  /** Number of training examples seen so far, plus one. */
  private clock = 1;

  constructor(classCount: number, initialRows = 1 << 12) {
    this.classCount = classCount;
    this.sums = new Int32Array(Math.max(classCount, 4));
    this.table = new Int32Array(nextPowerOfTwo(initialRows * 2) * 2).fill(EMPTY);
    this.weights = new Float32Array(initialRows * classCount);
    this.accumulated = new Float64Array(initialRows * classCount);
  }

  /** Row index of a feature, or EMPTY. */
  private find(key: number): number {
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    let slot = key & mask;
    for (;;) {
      const row = table[2 * slot + 1];
      if (row === EMPTY || table[2 * slot] === key) return row;
      slot = (slot + 1) & mask;
    }
  }

  private findOrAdd(key: number): number {
    if ((this.rowCount + 1) * 4 > this.table.length) this.growTable();
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    let slot = key & mask;
    for (;;) {
      const row = table[2 * slot + 1];
      if (row === EMPTY) break;
      if (table[2 * slot] === key) return row;
      slot = (slot + 1) & mask;
    }
    const row = this.rowCount++;
    table[2 * slot] = key;
    table[2 * slot + 1] = row;
    const needed = this.rowCount * this.classCount;
    if (needed > this.weights.length) this.growRows(needed);
    return row;
  }

  private growTable(): void {
    const old = this.table;
    const table = new Int32Array(old.length * 2).fill(EMPTY);
    const mask = (table.length >> 1) - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] === EMPTY) continue;
      let slot = old[i] & mask;
      while (table[2 * slot + 1] !== EMPTY) slot = (slot + 1) & mask;
      table[2 * slot] = old[i];
      table[2 * slot + 1] = old[i + 1];
    }
    this.table = table;
  }

  private growRows(needed: number): void {
    const capacity = Math.max(needed, this.weights.length * 2);
    const weights = new Float32Array(capacity);
    weights.set(this.weights);
    this.weights = weights;
    if (this.accumulated) {
      const accumulated = new Float64Array(capacity);
      accumulated.set(this.accumulated);
      this.accumulated = accumulated;
    }
  }

  /** Fills `scores` (length ≥ classCount) with the summed weights of the first `count` features. */
  score(features: Int32Array, count: number, scores: Float32Array): void {
    const classes = this.classCount;
    scores.fill(0, 0, classes);
    if (this.inlineTable) return this.scoreInline(this.inlineTable, features, count, scores);
    if (this.rowTable) return this.scoreRows(this.rowTable, features, count, scores);
    const weights = this.weights;
    for (let f = 0; f < count; f++) {
      const row = this.find(features[f]);
      if (row === EMPTY) continue;
      const base = row * classes;
      for (let c = 0; c < classes; c++) scores[c] += weights[base + c];
    }
  }

  /**
   * Scoring runs in passes — find every feature's slot, then add the weights — because the loads
   * within a pass are independent of each other, so the CPU overlaps their cache misses instead of
   * waiting for each in turn.
   */
  private scoreInline(table: Int32Array, features: Int32Array, count: number, scores: Float32Array): void {
    const sums = this.sums;
    sums.fill(0);
    this.addInline(table, features, count, sums, 0);
    this.scoresFromQuantised(sums, 0, scores);
  }

  /** Adds the inline weights of the features found in `table` to sums[offset…offset + 3]. */
  private addInline(table: Int32Array, features: Int32Array, count: number, sums: Int32Array, offset: number): void {
    const found = this.findSlots(table, 3, features, count);
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let h = 0, hits = this.hits; h < hits; h++) {
      const at = found[h];
      const low = table[at + 1];
      const high = table[at + 2];
      s0 += (low << 16) >> 16;
      s1 += low >> 16;
      s2 += (high << 16) >> 16;
      s3 += high >> 16;
    }
    sums[offset] += s0;
    sums[offset + 1] += s1;
    sums[offset + 2] += s2;
    sums[offset + 3] += s3;
  }

  /**
   * True for a loaded model of at most four classes, whose scores can be built up piecewise with
   * `addQuantised`: a caller may then cache the partial sums of features that recur (the parser's
   * features of one word, read at several steps) and still get exactly the scores `score` gives,
   * since quantised weights are integers and their sums do not depend on the order of addition.
   */
  get summable(): boolean {
    return this.inlineTable !== null;
  }

  /**
   * Adds the weights of the first `count` features, in quantised units, to the four integers
   * sums[offset…offset + 3] (one per class; classes the model lacks get 0). Needs `summable`.
   */
  addQuantised(features: Int32Array, count: number, sums: Int32Array, offset: number): void {
    if (!this.inlineTable) throw new Error('perceptron: only a loaded model of at most four classes sums piecewise');
    this.addInline(this.inlineTable, features, count, sums, offset);
  }

  /**
   * Fills `scores` from per-class sums in quantised units (as built by `addQuantised`), as `score`
   * would; given `candidates`, only theirs (the others are left as they were).
   */
  scoresFromQuantised(sums: Int32Array, offset: number, scores: Float32Array, candidates?: Int32Array): void {
    const scale = this.scale;
    if (candidates) for (const c of candidates) scores[c] = sums[offset + c] * scale;
    else for (let c = 0, classes = this.classCount; c < classes; c++) scores[c] = sums[offset + c] * scale;
  }

  private scoreRows(table: Int32Array, features: Int32Array, count: number, scores: Float32Array): void {
    const sums = this.sums;
    sums.fill(0);
    this.sumRows(table, features, count, null, 0, sums);
    const scale = this.scale;
    for (let c = 0, classes = this.classCount; c < classes; c++) scores[c] = sums[c] * scale;
  }

  /**
   * Like `score`, but only the scores of the first `candidateCount` classes in `candidates` are
   * filled in (the others are left as they were): for a caller that will choose among those only,
   * such as a tagger restricted to the tags a known word took in training. Dense rows then cost one
   * read per candidate instead of one per class.
   */
  scoreCandidates(features: Int32Array, count: number, candidates: Int32Array, candidateCount: number, scores: Float32Array): void {
    const table = this.rowTable;
    if (!table) return this.score(features, count, scores);
    const sums = this.sums;
    for (let k = 0; k < candidateCount; k++) sums[candidates[k]] = 0;
    this.sumRows(table, features, count, candidates, candidateCount, sums);
    const scale = this.scale;
    for (let k = 0; k < candidateCount; k++) scores[candidates[k]] = sums[candidates[k]] * scale;
  }

  /**
   * True for a loaded model of more than four classes, whose scores can be built up piecewise with
   * `addQuantisedRows` (for the same reason as `summable`): a caller may cache the sums of a word's
   * own features (the tagger's, per spelling) and add only the features of its context per use.
   */
  get rowSummable(): boolean {
    return this.rowTable !== null;
  }

  /**
   * Adds the weights of the first `count` features, in quantised units, to sums[0…classCount − 1]:
   * of every class, or given `candidates`, of at least the first `candidateCount` of them (other
   * entries may change too and are then meaningless). `scoresFromQuantised(sums, 0, scores)` then
   * gives the scores `score` (or `scoreCandidates`, for the candidates) would. Needs `rowSummable`.
   */
  addQuantisedRows(features: Int32Array, count: number, sums: Int32Array, candidates: Int32Array | null = null, candidateCount = 0): void {
    if (!this.rowTable) throw new Error('perceptron: only a loaded model of more than four classes sums rows piecewise');
    this.sumRows(this.rowTable, features, count, candidates, candidateCount, sums);
  }

  /**
   * Adds the rows of the features found in `table` to `sums` (in quantised units): every class of a
   * sparse row, and of a dense row either every class or, given `candidates`, only those.
   */
  private sumRows(table: Int32Array, features: Int32Array, count: number, candidates: Int32Array | null, candidateCount: number, sums: Int32Array): void {
    const arena = this.arena;
    const dense = this.denseArena;
    const classes = this.classCount;
    const found = this.findSlots(table, 1, features, count);
    const hits = this.hits;
    if (arena.length > 0) {
      // Touch the start of every row kept in the arena before summing, for the reason given in `findSlots`.
      let touched = 0;
      for (let h = 0; h < hits; h++) {
        const first = table[found[h] + 1];
        touched ^= arena[first < 0 ? ~first : 0];
      }
      this.touched ^= touched;
    }
    for (let h = 0; h < hits; h++) {
      const at = found[h];
      const first = table[at + 1];
      if (first >= 0) {
        // Unused entries are 0 and add nothing.
        const second = table[at + 2];
        const third = table[at + 3];
        sums[first >> 16] += (first << 16) >> 16;
        sums[second >> 16] += (second << 16) >> 16;
        sums[third >> 16] += (third << 16) >> 16;
        continue;
      }
      const start = ~first;
      const entries = arena[start];
      if (entries === DENSE_ROW) {
        const base = 2 * (start + 1);
        if (candidates) for (let k = 0; k < candidateCount; k++) sums[candidates[k]] += dense[base + candidates[k]];
        else for (let c = 0; c < classes; c++) sums[c] += dense[base + c];
        continue;
      }
      for (let e = start + 1, end = start + 1 + entries; e < end; e++) {
        const entry = arena[e];
        sums[entry >> 16] += (entry << 16) >> 16;
      }
    }
  }

  /**
   * Slot offsets of the features present in a loaded table (their number in `hits`); a slot is
   * unused when its integer at `usedAt` is 0.
   */
  private findSlots(table: Int32Array, usedAt: number, features: Int32Array, count: number): Int32Array {
    const found = this.scratch(count);
    const slotScale = this.slotScale;
    const length = table.length;
    // Touch every feature's first slot before probing: these loads have no branch between them, so
    // their cache misses overlap, and the probing loop below then mostly finds the lines cached.
    let touched = 0;
    for (let f = 0; f < count; f++) touched ^= table[Math.floor((features[f] >>> 0) * slotScale) << 2];
    this.touched ^= touched;
    let hits = 0;
    for (let f = 0; f < count; f++) {
      const key = features[f];
      let at = Math.floor((key >>> 0) * slotScale) << 2;
      while (table[at + usedAt] !== 0 && table[at] !== key) {
        at += 4;
        if (at === length) at = 0;
      }
      if (table[at + usedAt] !== 0) found[hits++] = at;
    }
    this.hits = hits;
    return found;
  }

  /** A reusable buffer of at least `size` integers. */
  private scratch(size: number): Int32Array {
    if (this.found.length < size) this.found = new Int32Array(size * 2);
    return this.found;
  }

  /** Best class among those allowed (all when `allowed` is omitted), given scores from `score`. */
  static argmax(scores: Float32Array, classCount: number, allowed?: (cls: number) => boolean): number {
    let best = -1;
    let bestScore = -Infinity;
    for (let c = 0; c < classCount; c++) {
      if (allowed && !allowed(c)) continue;
      if (scores[c] > bestScore) {
        bestScore = scores[c];
        best = c;
      }
    }
    return best;
  }

  /**
   * Best of `candidates` among those allowed (all when `allowed` is omitted), given scores from
   * `scoreCandidates`; the first candidate when none is allowed.
   */
  static argmaxAmong(scores: Float32Array | Float64Array, candidates: Int32Array, allowed?: (cls: number) => boolean): number {
    let best = -1;
    let bestScore = -Infinity;
    for (const cls of candidates) {
      if (allowed && !allowed(cls)) continue;
      if (scores[cls] > bestScore) {
        bestScore = scores[cls];
        best = cls;
      }
    }
    return best >= 0 ? best : candidates[0];
  }

  /** Perceptron update: reward `truth`, penalise `guess` (no-op when equal). */
  update(features: Int32Array, count: number, truth: number, guess: number, amount = 1): void {
    if (truth === guess) return;
    if (!this.accumulated) throw new Error('perceptron: cannot update a finalised model');
    const classes = this.classCount;
    const stamp = this.clock;
    for (let f = 0; f < count; f++) {
      const base = this.findOrAdd(features[f]) * classes;
      const weights = this.weights;
      const sums = this.accumulated;
      weights[base + truth] += amount;
      sums[base + truth] += stamp * amount;
      if (guess >= 0) {
        weights[base + guess] -= amount;
        sums[base + guess] -= stamp * amount;
      }
    }
  }

  /** Marks the end of one training example (advances the averaging clock). */
  tick(): void {
    this.clock++;
  }

  /** Replaces the weights by their averages over all training examples; ends training. */
  finalize(): void {
    const accumulated = this.accumulated;
    if (!accumulated) return;
    const total = this.rowCount * this.classCount;
    for (let i = 0; i < total; i++) this.weights[i] -= accumulated[i] / this.clock;
    this.accumulated = null;
  }

  /**
   * Compact binary form: weights below `pruneBelow` are dropped and the rest quantised to 16-bit
   * integers with a single scale, stored as sparse rows. A training model gets the same pruning
   * and quantisation in place, so it predicts exactly as the saved copy will after loading; a
   * loaded model can be saved again with a higher `pruneBelow` to shrink it.
   */
  serialize(pruneBelow = 0): Buffer {
    this.finalize();
    const rows = this.rowsForSaving();
    let maxAbs = 0;
    for (const row of rows) for (const weight of row.weights) maxAbs = Math.max(maxAbs, Math.abs(weight));
    const scale = Math.fround(maxAbs > 0 ? maxAbs / 32767 : 1);
    const threshold = Math.max(pruneBelow, scale / 2);
    const keys: number[] = [];
    const counts: number[] = [];
    const classIds: number[] = [];
    const values: number[] = [];
    for (const row of rows) {
      let kept = 0;
      row.weights.forEach((weight, k) => {
        const quantised = Math.abs(weight) < threshold ? 0 : Math.round(weight / scale);
        if (row.dense !== null) this.weights[row.dense + row.classes[k]] = quantised * scale;
        if (quantised === 0) return;
        classIds.push(row.classes[k]);
        values.push(quantised);
        kept++;
      });
      if (kept === 0) continue;
      keys.push(row.key);
      counts.push(kept);
    }
    const header = Buffer.alloc(20);
    header.writeUInt32LE(0x50455243, 0); // "PERC"
    header.writeUInt32LE(this.classCount, 4);
    header.writeUInt32LE(keys.length, 8);
    header.writeFloatLE(scale, 12);
    header.writeUInt32LE(classIds.length, 16);
    return Buffer.concat([
      header,
      Buffer.from(Int32Array.from(keys).buffer),
      Buffer.from(Uint16Array.from(counts).buffer),
      Buffer.from(Uint16Array.from(classIds).buffer),
      Buffer.from(Int16Array.from(values).buffer),
    ]);
  }

  /** Every stored row as (key, classes, weights); `dense` is the row's offset in dense weights, if any. */
  private rowsForSaving(): { key: number; classes: number[]; weights: number[]; dense: number | null }[] {
    const rows: { key: number; classes: number[]; weights: number[]; dense: number | null }[] = [];
    if (this.inlineTable) {
      const table = this.inlineTable;
      for (let at = 0; at < table.length; at += 4) {
        if (table[at + 3] === 0) continue;
        const packed = [(table[at + 1] << 16) >> 16, table[at + 1] >> 16, (table[at + 2] << 16) >> 16, table[at + 2] >> 16];
        const classes: number[] = [];
        const weights: number[] = [];
        for (let c = 0; c < this.classCount; c++) {
          if (packed[c] === 0) continue;
          classes.push(c);
          weights.push(packed[c] * this.scale);
        }
        rows.push({ key: table[at], classes, weights, dense: null });
      }
      return rows;
    }
    if (this.rowTable) {
      const table = this.rowTable;
      const arena = this.arena;
      for (let at = 0; at < table.length; at += 4) {
        const first = table[at + 1];
        if (first === 0) continue;
        const classes: number[] = [];
        const weights: number[] = [];
        const start = ~first;
        if (first < 0 && arena[start] === DENSE_ROW) {
          for (let c = 0; c < this.classCount; c++) {
            const weight = this.denseArena[2 * (start + 1) + c];
            if (weight === 0) continue;
            classes.push(c);
            weights.push(weight * this.scale);
          }
        } else {
          const entries = first < 0 ? arena.subarray(start + 1, start + 1 + arena[start]) : table.subarray(at + 1, at + 4).filter((entry) => entry !== 0);
          for (const entry of entries) {
            classes.push(entry >> 16);
            weights.push(((entry << 16) >> 16) * this.scale);
          }
        }
        rows.push({ key: table[at], classes, weights, dense: null });
      }
      return rows;
    }
    const all = Array.from({ length: this.classCount }, (_, c) => c);
    for (let slot = 0; slot < this.table.length; slot += 2) {
      const row = this.table[slot + 1];
      if (row === EMPTY) continue;
      const base = row * this.classCount;
      rows.push({ key: this.table[slot], classes: all, weights: Array.from(this.weights.subarray(base, base + this.classCount)), dense: base });
    }
    return rows;
  }

  /** Inverse of `serialize`: a finalised model with sparse rows, ready for scoring. */
  static deserialize(buffer: Buffer): AveragedPerceptron {
    if (buffer.readUInt32LE(0) !== 0x50455243) throw new Error('perceptron: not a model buffer');
    const classes = buffer.readUInt32LE(4);
    const rows = buffer.readUInt32LE(8);
    const scale = buffer.readFloatLE(12);
    const weightCount = buffer.readUInt32LE(16);
    let offset = 20;
    const take = (bytes: number): ArrayBuffer => {
      const copy = new Uint8Array(bytes);
      copy.set(buffer.subarray(offset, offset + bytes));
      offset += bytes;
      return copy.buffer;
    };
    const keys = new Int32Array(take(rows * 4));
    const counts = new Uint16Array(take(rows * 2));
    const classIds = new Uint16Array(take(weightCount * 2));
    const quantised = new Int16Array(take(weightCount * 2));
    const model = new AveragedPerceptron(classes, 1);
    model.accumulated = null;
    model.weights = new Float32Array(0);
    model.table = new Int32Array(0);
    model.scale = scale;
    model.rowCount = rows;
    if (classes > 0x7fff) throw new Error('perceptron: too many classes for the loaded layout');
    const slots = Math.max(1, Math.ceil(rows / LOAD_FACTOR));
    model.slotScale = slots / 2 ** 32;
    const table = new Int32Array(slots * 4);
    const usedAt = classes <= 4 ? 3 : 1;
    const freeSlot = (key: number): number => {
      let at = Math.floor((key >>> 0) * model.slotScale) << 2;
      while (table[at + usedAt] !== 0) {
        at += 4;
        if (at === table.length) at = 0;
      }
      return at;
    };
    let entry = 0;
    if (classes <= 4) {
      for (let r = 0; r < rows; r++) {
        const at = freeSlot(keys[r]);
        const weights = [0, 0, 0, 0];
        for (let k = 0; k < counts[r]; k++, entry++) weights[classIds[entry]] = quantised[entry];
        table[at] = keys[r];
        table[at + 1] = (weights[0] & 0xffff) | (weights[1] << 16);
        table[at + 2] = (weights[2] & 0xffff) | (weights[3] << 16);
        table[at + 3] = 1;
      }
      model.inlineTable = table;
      return model;
    }
    // A row with weights for at least half the classes is stored densely (no larger than sparse).
    const isDense = (r: number): boolean => 2 * counts[r] >= classes;
    const denseInts = Math.ceil(classes / 2);
    let overflow = 0;
    for (let r = 0; r < rows; r++) if (counts[r] > 3) overflow += 1 + (isDense(r) ? denseInts : counts[r]);
    const arena = new Int32Array(overflow);
    const dense = new Int16Array(arena.buffer);
    let used = 0;
    for (let r = 0; r < rows; r++) {
      const at = freeSlot(keys[r]);
      table[at] = keys[r];
      if (counts[r] <= 3) {
        for (let k = 0; k < counts[r]; k++, entry++) table[at + 1 + k] = (classIds[entry] << 16) | (quantised[entry] & 0xffff);
        continue;
      }
      table[at + 1] = ~used;
      if (isDense(r)) {
        arena[used] = DENSE_ROW;
        for (let k = 0; k < counts[r]; k++, entry++) dense[2 * (used + 1) + classIds[entry]] = quantised[entry];
        used += 1 + denseInts;
      } else {
        arena[used++] = counts[r];
        for (let k = 0; k < counts[r]; k++, entry++) arena[used++] = (classIds[entry] << 16) | (quantised[entry] & 0xffff);
      }
    }
    model.rowTable = table;
    model.arena = arena;
    model.denseArena = dense;
    return model;
  }
}

function nextPowerOfTwo(n: number): number {
  let size = 1;
  while (size < n) size *= 2;
  return size;
}
