/**
 * The part-of-speech model file (tagger + lemmatiser, models/pos.bin.gz) and its trainer,
 * `storyline train pos`. Retrain the shipped model with:
 *   node dist/src/interfaces/cli/main.js train pos --data ../shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu \
 *     --dev ../shared/corpora/ud-english-ewt/en_ewt-ud-dev.conllu --out models/pos.bin.gz
 */
import { readFileSync } from 'node:fs';
import { resourcePath } from '../paths.js';
import { readConllu, type ConlluSentence } from './conllu.js';
import { Lemmatizer, trainLemmatizer, type LemmatizerMeta } from './lemmatizer.js';
import { readModelFile, writeModelFile } from './model-file.js';
import { AveragedPerceptron } from './perceptron.js';
import { Tagger, trainTagger, type TaggerMeta } from './tagger.js';
import { wordTagLexicon } from './word-list.js';
import type { Trainer } from './trainers.js';

export interface PosModel {
  tagger: Tagger;
  lemmatizer: Lemmatizer;
}

interface PosMeta {
  kind: 'storyline.pos/1';
  tagger: TaggerMeta;
  lemmatizer: LemmatizerMeta;
}

export const DEFAULT_POS_ITERATIONS = 8;
/**
 * Averaged weights below this are dropped from the saved file: measured on EWT dev, 0.5 costs 0.01
 * UPOS against 0.01 and shrinks the tables the tagger reads per word, so it runs faster.
 */
const POS_PRUNE_BELOW = 0.5;

export function trainPosModel(
  sentences: readonly ConlluSentence[],
  options: { iterations?: number; seed?: number; demonyms?: readonly string[]; lexicon?: ReadonlyMap<string, string>; log?: (line: string) => void },
): PosModel {
  const iterations = options.iterations ?? DEFAULT_POS_ITERATIONS;
  const seed = options.seed ?? 1;
  const tagger = trainTagger(sentences, { iterations, seed, demonyms: options.demonyms, lexicon: options.lexicon, log: options.log });
  const lemmatizer = trainLemmatizer(sentences, { iterations: Math.min(iterations, 6), seed, log: options.log });
  return { tagger, lemmatizer };
}

export function savePosModel(file: string, model: PosModel): void {
  const meta: PosMeta = { kind: 'storyline.pos/1', tagger: model.tagger.meta, lemmatizer: model.lemmatizer.meta };
  writeModelFile(file, {
    meta,
    blobs: [
      model.tagger.forward.serialize(POS_PRUNE_BELOW),
      model.lemmatizer.model.serialize(POS_PRUNE_BELOW),
      ...(model.tagger.backward ? [model.tagger.backward.serialize(POS_PRUNE_BELOW)] : []),
    ],
  });
}

export function loadPosModel(file: string): PosModel {
  const { meta, blobs } = readModelFile<PosMeta>(file);
  if (meta.kind !== 'storyline.pos/1') throw new Error(`${file}: not a storyline POS model`);
  return {
    tagger: new Tagger(AveragedPerceptron.deserialize(blobs[0]), blobs[2] ? AveragedPerceptron.deserialize(blobs[2]) : null, meta.tagger),
    lemmatizer: new Lemmatizer(AveragedPerceptron.deserialize(blobs[1]), meta.lemmatizer),
  };
}

/** Token-level accuracies (percent) of a POS model on gold-tokenised sentences. */
export function scorePosModel(model: PosModel, sentences: readonly ConlluSentence[]): { n: number; upos: number; xpos: number; lemma: number } {
  let n = 0;
  let upos = 0;
  let xpos = 0;
  let lemma = 0;
  for (const sentence of sentences) {
    const tags = model.tagger.tag(sentence.words);
    const lemmas = model.lemmatizer.lemmatize(sentence.words, tags.xpos);
    sentence.words.forEach((_, i) => {
      n++;
      if (tags.upos[i] === sentence.upos[i]) upos++;
      if (tags.xpos[i] === sentence.xpos[i]) xpos++;
      if (lemmas[i] === sentence.lemmas[i]) lemma++;
    });
  }
  const percent = (count: number): number => Number(((100 * count) / Math.max(n, 1)).toFixed(2));
  return { n, upos: percent(upos), xpos: percent(xpos), lemma: percent(lemma) };
}

/** Nationality adjectives of the knowledge base's countries (plurals such as "Afghans" left out), the tagger's demonym lexicon. */
export function knownDemonyms(): string[] {
  const lines = readFileSync(resourcePath('src', 'knowledge', 'data', 'countries.jsonl'), 'utf8').split('\n');
  const demonyms = new Set(lines.filter((line) => line.trim()).flatMap((line) => (JSON.parse(line) as { demonyms?: string[] }).demonyms ?? []));
  return [...demonyms].filter((demonym) => !(demonym.endsWith('s') && demonyms.has(demonym.slice(0, -1))));
}

export const posTrainer: Trainer = {
  name: 'pos',
  summary: 'part-of-speech tagger (UPOS + XPOS) and lemmatiser from a CoNLL-U treebank',
  async train(options) {
    const log = options.log ?? ((line: string) => console.error(line));
    const sentences = readConllu(options.data, options.limit);
    log(`pos: training on ${sentences.length} sentences`);
    const model = trainPosModel(sentences, { iterations: options.iterations, seed: options.seed, demonyms: knownDemonyms(), lexicon: wordTagLexicon(), log });
    savePosModel(options.out, model);
    if (options.dev) {
      const scores = scorePosModel(loadPosModel(options.out), readConllu(options.dev));
      log(`pos: dev UPOS ${scores.upos} XPOS ${scores.xpos} lemma ${scores.lemma} (${scores.n} tokens)`);
    }
  },
};
