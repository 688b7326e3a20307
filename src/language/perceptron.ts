/**
 * A generic averaged perceptron over hashed integer features, the learner behind the tagger,
 * lemmatiser and parser (and reusable by the NER model).
 *
 * Callers turn each feature into a 32-bit integer (see `hashFeature`); the model maps each feature
 * to a row of per-class weights kept in one flat Float32Array, found through an open-addressing
 * hash table of Int32 keys. Rows are created only when a training update touches them, so memory
 * follows the number of useful features, not the feature space. Averaging uses the
 * "accumulated-delta" trick (average = w − u / c), which needs one extra array instead of two.
 * Hand-written rather than taken from a library because no maintained npm package offers a fast,
 * typed-array, serialisable multi-class perceptron.
 *
 * Serialisation is sparse and compact: weights below a pruning threshold are dropped, the rest are
 * quantised to 16-bit integers with one scale per model.
 */

const EMPTY = -1;

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
  /** Feature key per table slot. */
  private keys: Int32Array;
  /** Row index per table slot, EMPTY when unused. */
  private slots: Int32Array;
  private weights: Float32Array;
  /** Accumulated c·Δ for averaging; null once the model is finalised or loaded. */
  private accumulated: Float64Array | null;
  private rowCount = 0;
  /** Number of training examples seen so far, plus one. */
  private clock = 1;

  constructor(classCount: number, initialRows = 1 << 12) {
    this.classCount = classCount;
    const tableSize = nextPowerOfTwo(initialRows * 2);
    this.keys = new Int32Array(tableSize);
    this.slots = new Int32Array(tableSize).fill(EMPTY);
    this.weights = new Float32Array(initialRows * classCount);
    this.accumulated = new Float64Array(initialRows * classCount);
  }

  /** Number of feature rows held. */
  get size(): number {
    return this.rowCount;
  }

  /** Row index of a feature, or EMPTY. */
  private find(key: number): number {
    const mask = this.keys.length - 1;
    let slot = finishHash(key) & mask;
    for (;;) {
      const row = this.slots[slot];
      if (row === EMPTY || this.keys[slot] === key) return row;
      slot = (slot + 1) & mask;
    }
  }

  private findOrAdd(key: number): number {
    if ((this.rowCount + 1) * 2 > this.keys.length) this.growTable();
    const mask = this.keys.length - 1;
    let slot = finishHash(key) & mask;
    for (;;) {
      const row = this.slots[slot];
      if (row === EMPTY) break;
      if (this.keys[slot] === key) return row;
      slot = (slot + 1) & mask;
    }
    const row = this.rowCount++;
    this.keys[slot] = key;
    this.slots[slot] = row;
    const needed = this.rowCount * this.classCount;
    if (needed > this.weights.length) this.growRows(needed);
    return row;
  }

  private growTable(): void {
    const oldKeys = this.keys;
    const oldSlots = this.slots;
    this.keys = new Int32Array(oldKeys.length * 2);
    this.slots = new Int32Array(oldKeys.length * 2).fill(EMPTY);
    const mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldSlots[i] === EMPTY) continue;
      let slot = finishHash(oldKeys[i]) & mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.keys[slot] = oldKeys[i];
      this.slots[slot] = oldSlots[i];
    }
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
    const weights = this.weights;
    for (let f = 0; f < count; f++) {
      const row = this.find(features[f]);
      if (row === EMPTY) continue;
      const base = row * classes;
      for (let c = 0; c < classes; c++) scores[c] += weights[base + c];
    }
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

  /** Perceptron update: reward `truth`, penalise `guess` (no-op when equal). */
  update(features: Int32Array, count: number, truth: number, guess: number, amount = 1): void {
    if (truth === guess) return;
    const accumulated = this.accumulated;
    if (!accumulated) throw new Error('perceptron: cannot update a finalised model');
    const classes = this.classCount;
    const stamp = this.clock;
    for (let f = 0; f < count; f++) {
      const base = this.findOrAdd(features[f]) * classes;
      const weights = this.weights;
      const sums = this.accumulated as Float64Array;
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
   * Compact binary form: rows whose weights all fall below `pruneBelow` are dropped, the remaining
   * non-zero weights are stored sparsely as 16-bit integers with a single scale.
   */
  serialize(pruneBelow = 0): Buffer {
    this.finalize();
    const classes = this.classCount;
    let maxAbs = 0;
    for (let i = 0; i < this.rowCount * classes; i++) maxAbs = Math.max(maxAbs, Math.abs(this.weights[i]));
    const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
    const threshold = Math.max(pruneBelow, scale / 2);
    const keys: number[] = [];
    const counts: number[] = [];
    const classIds: number[] = [];
    const values: number[] = [];
    const rowOfSlot = this.slots;
    for (let slot = 0; slot < rowOfSlot.length; slot++) {
      const row = rowOfSlot[slot];
      if (row === EMPTY) continue;
      const base = row * classes;
      let kept = 0;
      for (let c = 0; c < classes; c++) {
        const weight = this.weights[base + c];
        if (Math.abs(weight) < threshold) continue;
        classIds.push(c);
        values.push(Math.round(weight / scale));
        kept++;
      }
      if (kept === 0) continue;
      keys.push(this.keys[slot]);
      counts.push(kept);
    }
    const classBytes = classes > 255 ? 2 : 1;
    const header = Buffer.alloc(16);
    header.writeUInt32LE(0x50455243, 0); // "PERC"
    header.writeUInt32LE(classes, 4);
    header.writeUInt32LE(keys.length, 8);
    header.writeFloatLE(scale, 12);
    const keyBuffer = Buffer.from(Int32Array.from(keys).buffer);
    const countBuffer = Buffer.from(Uint16Array.from(counts).buffer);
    const classBuffer = Buffer.from(
      classBytes === 1 ? Uint8Array.from(classIds).buffer : Uint16Array.from(classIds).buffer,
    );
    const valueBuffer = Buffer.from(Int16Array.from(values).buffer);
    const lengths = Buffer.alloc(4);
    lengths.writeUInt32LE(classIds.length, 0);
    return Buffer.concat([header, lengths, keyBuffer, countBuffer, classBuffer, valueBuffer]);
  }

  /** Inverse of `serialize`: a finalised model ready for scoring. */
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
    const classIds = classes > 255 ? new Uint16Array(take(weightCount * 2)) : new Uint8Array(take(weightCount));
    const values = new Int16Array(take(weightCount * 2));
    const model = new AveragedPerceptron(classes, Math.max(rows, 1));
    model.accumulated = null;
    let cursor = 0;
    for (let r = 0; r < rows; r++) {
      const base = model.findOrAdd(keys[r]) * classes;
      for (let k = 0; k < counts[r]; k++, cursor++) model.weights[base + classIds[cursor]] = values[cursor] * scale;
    }
    return model;
  }
}

function nextPowerOfTwo(n: number): number {
  let size = 1;
  while (size < n) size *= 2;
  return size;
}
