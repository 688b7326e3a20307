/**
 * Lookup dictionaries learned from a treebank: the keys (a word, or a word with its tags) that take
 * one label nearly every time they are seen, so a model can skip them and label them by lookup
 * (the tagger's tag dictionary, the labeller's relation dictionary).
 */

/**
 * [key, label] for every key observed at least `minCount` times whose most frequent label has at
 * least `minShare` of its observations, in the order keys were first observed (the first label
 * seen wins a tie).
 */
export function dominantLabels<K>(observations: Iterable<readonly [K, number]>, minCount: number, minShare: number): [K, number][] {
  const counts = new Map<K, Map<number, number>>();
  for (const [key, label] of observations) {
    const byLabel = counts.get(key) ?? new Map<number, number>();
    byLabel.set(label, (byLabel.get(label) ?? 0) + 1);
    counts.set(key, byLabel);
  }
  const dominant: [K, number][] = [];
  for (const [key, byLabel] of counts) {
    const total = [...byLabel.values()].reduce((sum, count) => sum + count, 0);
    const [label, count] = [...byLabel].sort((a, b) => b[1] - a[1])[0];
    if (total >= minCount && count / total >= minShare) dominant.push([key, label]);
  }
  return dominant;
}
