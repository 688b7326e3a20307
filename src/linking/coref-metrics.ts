/**
 * Coreference scores over one mention set: MUC (links), B³ (mentions), CEAF-e (entities, with the
 * best one-to-one alignment of key and response clusters) and the CoNLL average of their F1. Written
 * here because no maintained npm package scores coreference; the definitions follow the CoNLL-2012
 * reference scorer. The best alignment is found per connected component of the key/response overlap
 * graph with the Hungarian method, so thousands of singletons cost nothing.
 */

/** A clustering: mention id → cluster id. Key and response must cover the same mentions. */
export type Clustering = ReadonlyMap<string, string>;

export interface Score {
  recall: number;
  precision: number;
  f1: number;
}

export interface CorefScores {
  muc: Score;
  b3: Score;
  ceafe: Score;
  conll: number;
}

function score(recallNumerator: number, recallDenominator: number, precisionNumerator: number, precisionDenominator: number): Score {
  const recall = recallDenominator === 0 ? 0 : recallNumerator / recallDenominator;
  const precision = precisionDenominator === 0 ? 0 : precisionNumerator / precisionDenominator;
  return { recall, precision, f1: recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision) };
}

function clustersOf(clustering: Clustering): Map<string, string[]> {
  const clusters = new Map<string, string[]>();
  for (const [mention, cluster] of clustering) {
    const members = clusters.get(cluster);
    if (members) members.push(mention);
    else clusters.set(cluster, [mention]);
  }
  return clusters;
}

function mucSide(from: Clustering, other: Clustering): [number, number] {
  let numerator = 0;
  let denominator = 0;
  for (const members of clustersOf(from).values()) {
    const parts = new Set(members.map((mention) => other.get(mention) ?? `missing:${mention}`));
    numerator += members.length - parts.size;
    denominator += members.length - 1;
  }
  return [numerator, denominator];
}

function bcubedSide(from: Clustering, other: Clustering): number {
  const fromClusters = clustersOf(from);
  const otherClusters = clustersOf(other);
  let total = 0;
  for (const members of fromClusters.values()) {
    for (const mention of members) {
      const otherCluster = other.get(mention);
      const otherMembers = otherCluster === undefined ? [mention] : otherClusters.get(otherCluster)!;
      const otherSet = new Set(otherMembers);
      total += members.filter((member) => otherSet.has(member)).length / members.length;
    }
  }
  return total;
}

/** Maximum-weight assignment (Hungarian method on a square cost matrix built from weights). */
export function maxWeightAssignment(weights: number[][]): number {
  const rows = weights.length;
  const cols = rows === 0 ? 0 : weights[0].length;
  const size = Math.max(rows, cols);
  if (size === 0) return 0;
  const maxWeight = Math.max(0, ...weights.flat());
  const cost = (i: number, j: number): number => maxWeight - (i < rows && j < cols ? weights[i][j] : 0);
  const u = new Array<number>(size + 1).fill(0);
  const v = new Array<number>(size + 1).fill(0);
  const match = new Array<number>(size + 1).fill(0);
  const way = new Array<number>(size + 1).fill(0);
  for (let i = 1; i <= size; i++) {
    match[0] = i;
    let j0 = 0;
    const minimum = new Array<number>(size + 1).fill(Infinity);
    const used = new Array<boolean>(size + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = match[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= size; j++) {
        if (used[j]) continue;
        const current = cost(i0 - 1, j - 1) - u[i0] - v[j];
        if (current < minimum[j]) {
          minimum[j] = current;
          way[j] = j0;
        }
        if (minimum[j] < delta) {
          delta = minimum[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= size; j++) {
        if (used[j]) {
          u[match[j]] += delta;
          v[j] -= delta;
        } else minimum[j] -= delta;
      }
      j0 = j1;
    } while (match[j0] !== 0);
    do {
      const j1 = way[j0];
      match[j0] = match[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  let total = 0;
  for (let j = 1; j <= size; j++) {
    const i = match[j];
    if (i >= 1 && i <= rows && j <= cols) total += weights[i - 1][j - 1];
  }
  return total;
}

function ceafe(key: Clustering, response: Clustering): Score {
  const keyClusters = clustersOf(key);
  const responseClusters = clustersOf(response);
  // Connected components of the overlap graph between key and response clusters.
  const parent = new Map<string, string>();
  const find = (node: string): string => {
    let root = node;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(node, root);
    return root;
  };
  for (const id of keyClusters.keys()) parent.set(`k:${id}`, `k:${id}`);
  for (const id of responseClusters.keys()) parent.set(`r:${id}`, `r:${id}`);
  for (const [mention, keyCluster] of key) {
    const responseCluster = response.get(mention);
    if (responseCluster !== undefined) parent.set(find(`k:${keyCluster}`), find(`r:${responseCluster}`));
  }
  const components = new Map<string, { keys: string[]; responses: string[] }>();
  for (const node of parent.keys()) {
    const root = find(node);
    const component = components.get(root) ?? { keys: [], responses: [] };
    components.set(root, component);
    if (node.startsWith('k:')) component.keys.push(node.slice(2));
    else component.responses.push(node.slice(2));
  }
  let similarity = 0;
  for (const { keys, responses } of components.values()) {
    if (keys.length === 0 || responses.length === 0) continue;
    const weights = keys.map((keyId) => {
      const keyMembers = new Set(keyClusters.get(keyId));
      return responses.map((responseId) => {
        const responseMembers = responseClusters.get(responseId)!;
        const shared = responseMembers.filter((mention) => keyMembers.has(mention)).length;
        return (2 * shared) / (keyMembers.size + responseMembers.length);
      });
    });
    similarity += maxWeightAssignment(weights);
  }
  return score(similarity, keyClusters.size, similarity, responseClusters.size);
}

/** MUC, B³, CEAF-e and their CoNLL average for a response clustering against a key. */
export function corefScores(key: Clustering, response: Clustering): CorefScores {
  const [mucRecallNumerator, mucRecallDenominator] = mucSide(key, response);
  const [mucPrecisionNumerator, mucPrecisionDenominator] = mucSide(response, key);
  const muc = score(mucRecallNumerator, mucRecallDenominator, mucPrecisionNumerator, mucPrecisionDenominator);
  const b3 = score(bcubedSide(key, response), key.size, bcubedSide(response, key), response.size);
  const entity = ceafe(key, response);
  return { muc, b3, ceafe: entity, conll: (muc.f1 + b3.f1 + entity.f1) / 3 };
}
