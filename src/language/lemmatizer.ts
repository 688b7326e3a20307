/**
 * Lemmatiser learned from a treebank: a lemma is produced by an edit script applied to the word
 * ("strip n final characters, append s", keeping or lower-casing the case), chosen by an averaged
 * perceptron over suffixes, XPOS and orthographic flags. Word/tag pairs whose script the classifier
 * gets wrong in training (irregular forms: "went" → "go", "better" → "good") are kept in an
 * exception table consulted first.
 */
import { AveragedPerceptron, hashFeature, hashString } from './perceptron.js';
import { WordCache, type WordInfo } from './lexicon.js';
import { seededRandom, shuffled } from './random.js';

export interface LemmatizerMeta {
  /** Edit scripts, "mode|strip|append" with mode "keep" or "lower", or "set|lemma". */
  scripts: string[];
  /** Exceptions: "word\tXPOS" → script index. */
  exceptions: Record<string, number>;
}

export interface LemmaTrainingSentence {
  words: string[];
  xpos: string[];
  lemmas: string[];
}

interface EditScript {
  /** Whole-word replacement, for forms no suffix edit explains. */
  replacement: string | null;
  lowerCase: boolean;
  strip: number;
  append: string;
}

/** Scripts seen fewer times than this are left to the exception table. */
const MIN_SCRIPT_COUNT = 3;
const MAX_FEATURES = 24;
const LEMMA_CACHE_SIZE = 100_000;

/**
 * The edit script turning `word` into `lemma`; when neither case mode fits ("i" → "I") a
 * whole-word replacement "set|lemma", which only the exception table uses.
 */
export function editScriptOf(word: string, lemma: string): string {
  const lower = word.toLowerCase();
  const lemmaLower = lemma.toLowerCase();
  let common = 0;
  while (common < lower.length && common < lemmaLower.length && lower[common] === lemmaLower[common]) common++;
  const strip = lower.length - common;
  const append = lemmaLower.slice(common);
  for (const mode of ['keep', 'lower']) {
    const script = `${mode}|${strip}|${append}`;
    if (applyScript(word, parseScript(script)) === lemma) return script;
  }
  return 'set|' + lemma;
}

function parseScript(script: string): EditScript {
  const [mode, strip, ...append] = script.split('|');
  if (mode === 'set') return { replacement: [strip, ...append].join('|'), lowerCase: false, strip: 0, append: '' };
  return { replacement: null, lowerCase: mode === 'lower', strip: Number(strip), append: append.join('|') };
}

function applyScript(word: string, script: EditScript): string {
  if (script.replacement !== null) return script.replacement;
  if (script.strip > word.length) return word;
  const base = (script.lowerCase ? word.toLowerCase() : word).slice(0, word.length - script.strip);
  // Appended text is lower-case; keep an all-capitals word in capitals ("RUNNING" → "RUN").
  return base + (!script.lowerCase && base.length > 1 && base === base.toUpperCase() ? script.append.toUpperCase() : script.append);
}

export class Lemmatizer {
  private readonly scripts: EditScript[];
  private readonly cache = new WordCache(50_000);
  /** Lemmas already computed, keyed "word\tXPOS" (cleared when full). */
  private readonly lemmas = new Map<string, string>();
  private readonly features = new Int32Array(MAX_FEATURES);
  private readonly scores: Float32Array;

  constructor(
    readonly model: AveragedPerceptron,
    readonly meta: LemmatizerMeta,
  ) {
    this.scripts = meta.scripts.map(parseScript);
    this.scores = new Float32Array(model.classCount);
  }

  /** Index of the script the classifier picks for a word with a given XPOS (training: updates towards `gold`). */
  classify(info: WordInfo, xpos: string, gold?: number): number {
    const n = this.extract(info, hashString(xpos));
    this.model.score(this.features, n, this.scores);
    const guess = AveragedPerceptron.argmax(this.scores, this.model.classCount);
    if (gold !== undefined) {
      this.model.update(this.features, n, gold, guess);
      this.model.tick();
    }
    return guess;
  }

  lemma(word: string, xpos: string): string {
    const key = word + '\t' + xpos;
    let lemma = this.lemmas.get(key);
    if (lemma === undefined) {
      const script = this.meta.exceptions[key] ?? this.classify(this.cache.get(word), xpos);
      lemma = applyScript(word, this.scripts[script]);
      if (this.lemmas.size >= LEMMA_CACHE_SIZE) this.lemmas.clear();
      this.lemmas.set(key, lemma);
    }
    return lemma;
  }

  lemmatize(words: readonly string[], xpos: readonly string[]): string[] {
    return words.map((word, i) => this.lemma(word, xpos[i]));
  }

  private extract(info: WordInfo, tag: number): number {
    const f = this.features;
    let n = 0;
    f[n++] = hashFeature(100, tag);
    f[n++] = hashFeature(101, info.lower, tag);
    for (let k = 0; k < 5; k++) {
      f[n++] = hashFeature(102 + k, info.suffix[k]);
      f[n++] = hashFeature(107 + k, info.suffix[k], tag);
    }
    f[n++] = hashFeature(112, info.flags, tag);
    f[n++] = hashFeature(113, info.shape, tag);
    return n;
  }
}

/** Learns scripts, classifier and exceptions from (word, XPOS, lemma) types of a treebank. */
export function trainLemmatizer(
  sentences: readonly LemmaTrainingSentence[],
  options: { iterations: number; seed: number; log?: (line: string) => void },
): Lemmatizer {
  /** Per "word\tXPOS": counts of each script. */
  const typeScripts = new Map<string, Map<string, number>>();
  const scriptCounts = new Map<string, number>();
  for (const sentence of sentences) {
    sentence.words.forEach((word, i) => {
      const script = editScriptOf(word, sentence.lemmas[i]);
      const key = word + '\t' + sentence.xpos[i];
      const counts = typeScripts.get(key) ?? new Map<string, number>();
      counts.set(script, (counts.get(script) ?? 0) + 1);
      typeScripts.set(key, counts);
      scriptCounts.set(script, (scriptCounts.get(script) ?? 0) + 1);
    });
  }
  const classified = (script: string): boolean => (scriptCounts.get(script) ?? 0) >= MIN_SCRIPT_COUNT && !script.startsWith('set|');
  const scripts = [...scriptCounts.keys()].filter(classified);
  for (const counts of typeScripts.values()) for (const script of counts.keys()) if (!scripts.includes(script)) scripts.push(script);
  const scriptIndex = new Map(scripts.map((script, i) => [script, i]));
  const classifiedScripts = scripts.filter(classified).length;
  const types = [...typeScripts].map(([key, counts]) => {
    const [word, xpos] = key.split('\t');
    const best = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    return { word, xpos, script: scriptIndex.get(best) as number };
  });
  // The classifier only chooses among common scripts; rare ones live in the exception table.
  const lemmatizer = new Lemmatizer(new AveragedPerceptron(classifiedScripts, 1 << 14), { scripts, exceptions: {} });
  const cache = new WordCache();
  const random = seededRandom(options.seed);
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    let correct = 0;
    for (const type of shuffled(types, random)) {
      const gold = type.script < classifiedScripts ? type.script : undefined;
      if (lemmatizer.classify(cache.get(type.word), type.xpos, gold) === type.script) correct++;
    }
    options.log?.(`lemmatizer iteration ${iteration + 1}: type accuracy ${((100 * correct) / Math.max(types.length, 1)).toFixed(2)}`);
  }
  lemmatizer.model.finalize();
  for (const type of types) {
    if (lemmatizer.classify(cache.get(type.word), type.xpos) !== type.script) {
      lemmatizer.meta.exceptions[type.word + '\t' + type.xpos] = type.script;
    }
  }
  return lemmatizer;
}
