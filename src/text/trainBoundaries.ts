/**
 * `storyline train sentences --data <en_ewt-ud-train.conllu> --out models/sentences.bin.gz`:
 * learns the sentence-boundary perceptron (see boundaryModel.ts) from a CoNLL-U treebank whose raw
 * text is rebuilt document by document, with the same block segmentation and tokenizer as at run
 * time. First counts the word lexicon (opening/closing rates, frequency, usual part of speech), then
 * trains with blocks shuffled each epoch (`--seed`, deterministic) and greedy left-to-right decoding,
 * as at run time. `--dev` reports sentence F1 at the end.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AveragedPerceptron } from '../language/perceptron.js';
import { seededRandom, shuffled } from '../language/random.js';
import type { Trainer, TrainOptions } from '../language/trainers.js';
import { segmentBlocks } from './blocks.js';
import {
  BOUNDARY,
  BOUNDARY_CLASSES,
  gapFeatures,
  isCandidateGap,
  LexiconCounter,
  MAX_GAP_FEATURES,
  NO_BOUNDARY,
  NO_SENTENCE_BEFORE,
  sentenceBefore,
  SentenceBoundaryModel,
  TokenDescriber,
  type BlockTokenInfo,
} from './boundaryModel.js';
import { readGoldDocuments, scoreSentences } from './goldText.js';
import { sentenceStarts } from './sentences.js';
import { tokenizeRange } from './tokenize.js';
import type { Token } from './types.js';

/**
 * Perceptrons trained on differently shuffled data (seeds `--seed` … `--seed` + 4) whose weights
 * are averaged: single seeds scored 0.898–0.903 sentence F1 on EWT dev, their average 0.902.
 */
const ENSEMBLE_SIZE = 5;

interface TrainingBlock {
  tokens: Token[];
  info: BlockTokenInfo;
  ruleStarts: Set<number>;
  goldStarts: Set<number>;
}

interface GoldBlock {
  tokens: Token[];
  /** Index of the document, which decides the lexicon fold the block belongs to. */
  document: number;
  /** Token indices that open a gold sentence (0 included when the block's first token does). */
  opening: Set<number>;
  /** Token indices that close a gold sentence. */
  closing: Set<number>;
  /** Part-of-speech tag of the treebank word each token starts with, where there is one. */
  tags: Array<string | undefined>;
}

function goldBlocks(data: string, limit: number | undefined): GoldBlock[] {
  const blocks: GoldBlock[] = [];
  readGoldDocuments(data, limit).forEach((document, documentIndex) => {
    const goldStarts = new Set(document.sentences.map((sentence) => sentence.start));
    const goldEnds = new Set(document.sentences.map((sentence) => sentence.end));
    const tagAt = new Map(document.words.map((word, index) => [word.start, document.wordTags[index]]));
    for (const block of segmentBlocks(document.text).blocks) {
      const tokens = tokenizeRange(document.text, block.contentStart, block.end);
      const opening = new Set<number>();
      const closing = new Set<number>();
      tokens.forEach((token, index) => {
        if (goldStarts.has(token.start)) opening.add(index);
        if (goldEnds.has(token.end)) closing.add(index);
      });
      blocks.push({ tokens, document: documentIndex, opening, closing, tags: tokens.map((token) => tagAt.get(token.start)) });
    }
  });
  return blocks;
}

/** The word lexicon of the blocks `include` accepts. */
function countLexicon(blocks: readonly GoldBlock[], include: (block: GoldBlock) => boolean): Map<number, number> {
  const counter = new LexiconCounter();
  for (const block of blocks) {
    if (!include(block)) continue;
    block.tokens.forEach((token, index) => counter.add(token.text, block.opening.has(index), block.closing.has(index), block.tags[index]));
  }
  return counter.lexicon();
}

/**
 * Training examples, each block described with a lexicon counted on the other half of the
 * documents (two folds), so that the perceptron learns how far the lexicon holds on unseen text
 * rather than trusting the counts of its own sentences.
 */
function trainingBlocks(blocks: readonly GoldBlock[], log: (line: string) => void): TrainingBlock[] {
  const describers = [0, 1].map((fold) => new TokenDescriber(countLexicon(blocks, (block) => block.document % 2 !== fold)));
  const examples: TrainingBlock[] = [];
  let goldBoundaries = 0;
  let reachable = 0;
  for (const block of blocks) {
    if (block.tokens.length < 2) continue;
    const info = describers[block.document % 2].describe(block.tokens);
    const goldStarts = new Set<number>();
    for (let index = 0; index < block.tokens.length - 1; index++) {
      if (!block.opening.has(index + 1)) continue;
      goldStarts.add(index + 1);
      goldBoundaries++;
      if (isCandidateGap(info, index)) reachable++;
    }
    examples.push({ tokens: block.tokens, info, ruleStarts: new Set(sentenceStarts(block.tokens)), goldStarts });
  }
  log(`sentences: ${examples.length} blocks, ${goldBoundaries} inner gold boundaries, ${reachable} at candidate gaps`);
  return examples;
}

/** One pass over the blocks; records every feature it sees in `seen`. Returns the number of errors. */
function trainEpoch(perceptron: AveragedPerceptron, blocks: readonly TrainingBlock[], seen: Set<number>): number {
  const features = new Int32Array(MAX_GAP_FEATURES);
  const scores = new Float32Array(BOUNDARY_CLASSES);
  let errors = 0;
  for (const block of blocks) {
    let lastStart = 0;
    let previous = NO_SENTENCE_BEFORE;
    for (let index = 0; index < block.tokens.length - 1; index++) {
      if (!isCandidateGap(block.info, index)) continue;
      const count = gapFeatures(block.tokens, block.info, index, index + 1 - lastStart, block.ruleStarts.has(index + 1), previous, features);
      for (let feature = 0; feature < count; feature++) seen.add(features[feature]);
      perceptron.score(features, count, scores);
      const guess = scores[BOUNDARY] > scores[NO_BOUNDARY] ? BOUNDARY : NO_BOUNDARY;
      const truth = block.goldStarts.has(index + 1) ? BOUNDARY : NO_BOUNDARY;
      if (guess !== truth) {
        errors++;
        perceptron.update(features, count, truth, guess);
      }
      perceptron.tick();
      if (guess === BOUNDARY) {
        previous = sentenceBefore(block.info, lastStart, index);
        lastStart = index + 1;
      }
    }
  }
  return errors;
}

async function train(options: TrainOptions): Promise<void> {
  const log = options.log ?? ((line: string) => console.error(line));
  const gold = goldBlocks(options.data, options.limit);
  const blocks = trainingBlocks(gold, log);
  const devDocuments = options.dev ? readGoldDocuments(options.dev) : null;
  const seen = new Set<number>();
  const epochs = options.iterations ?? 16;
  const seed = options.seed ?? 1;
  const members: AveragedPerceptron[] = [];
  for (let member = 0; member < ENSEMBLE_SIZE; member++) {
    const perceptron = new AveragedPerceptron(BOUNDARY_CLASSES);
    const random = seededRandom(seed + member);
    let errors = 0;
    for (let epoch = 1; epoch <= epochs; epoch++) errors = trainEpoch(perceptron, shuffled(blocks, random), seen);
    perceptron.finalize();
    members.push(perceptron);
    log(`sentences: member ${member + 1}/${ENSEMBLE_SIZE} (seed ${seed + member}), ${epochs} epochs, ${errors} training errors in the last`);
  }
  const model = SentenceBoundaryModel.fromPerceptrons(members, seen, countLexicon(gold, () => true), 0.05);
  mkdirSync(path.dirname(options.out), { recursive: true });
  writeFileSync(options.out, model.toBuffer());
  log(`sentences: wrote ${options.out} (${model.size} weighted features)`);
  if (devDocuments) {
    const score = scoreSentences(devDocuments, SentenceBoundaryModel.fromFile(options.out));
    log(`sentences: dev precision ${score.precision.toFixed(4)} recall ${score.recall.toFixed(4)} F1 ${score.f1.toFixed(4)}`);
  }
}

export const sentencesTrainer: Trainer = {
  name: 'sentences',
  summary: 'Sentence-boundary perceptron for the text stage, from a CoNLL-U treebank (UD English EWT)',
  train,
};
