/**
 * `storyline train sentences --data <en_ewt-ud-train.conllu> --out models/sentences.bin.gz`:
 * learns the sentence-boundary perceptron (see boundaryModel.ts) from a CoNLL-U treebank whose raw
 * text is rebuilt document by document, with the same block segmentation and tokenizer as at run
 * time. Decoding during training is greedy left to right, as at run time; `--dev` reports sentence
 * F1 after every epoch.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AveragedPerceptron } from '../language/perceptron.js';
import type { Trainer, TrainOptions } from '../language/trainers.js';
import { segmentBlocks } from './blocks.js';
import {
  BOUNDARY,
  BOUNDARY_CLASSES,
  describeTokens,
  gapFeatures,
  isCandidateGap,
  NO_BOUNDARY,
  SentenceBoundaryModel,
  type BlockTokenInfo,
} from './boundaryModel.js';
import { readGoldDocuments, scoreSentences } from './goldText.js';
import { sentenceStarts } from './sentences.js';
import { tokenizeRange } from './tokenize.js';
import type { Token } from './types.js';

interface TrainingBlock {
  tokens: Token[];
  info: BlockTokenInfo;
  ruleStarts: Set<number>;
  goldStarts: Set<number>;
}

function trainingBlocks(data: string, limit: number | undefined, log: (line: string) => void): TrainingBlock[] {
  const blocks: TrainingBlock[] = [];
  let goldBoundaries = 0;
  let reachable = 0;
  for (const document of readGoldDocuments(data, limit)) {
    const goldEnds = new Set(document.sentences.map((sentence) => sentence.end));
    for (const block of segmentBlocks(document.text).blocks) {
      const tokens = tokenizeRange(document.text, block.contentStart, block.end);
      if (tokens.length < 2) continue;
      const info = describeTokens(tokens);
      const goldStarts = new Set<number>();
      for (let index = 0; index < tokens.length - 1; index++) {
        if (!goldEnds.has(tokens[index].end)) continue;
        goldStarts.add(index + 1);
        goldBoundaries++;
        if (isCandidateGap(info, index)) reachable++;
      }
      blocks.push({ tokens, info, ruleStarts: new Set(sentenceStarts(tokens)), goldStarts });
    }
  }
  log(`sentences: ${blocks.length} blocks, ${goldBoundaries} inner gold boundaries, ${reachable} at candidate gaps`);
  return blocks;
}

/** One pass over the blocks; records every feature it sees in `seen`. Returns the number of errors. */
function trainEpoch(perceptron: AveragedPerceptron, blocks: readonly TrainingBlock[], seen: Set<number>): number {
  const features = new Int32Array(32);
  const scores = new Float32Array(BOUNDARY_CLASSES);
  let errors = 0;
  for (const block of blocks) {
    let lastStart = 0;
    for (let index = 0; index < block.tokens.length - 1; index++) {
      if (!isCandidateGap(block.info, index)) continue;
      const count = gapFeatures(block.tokens, block.info, index, index + 1 - lastStart, block.ruleStarts.has(index + 1), features);
      for (let feature = 0; feature < count; feature++) seen.add(features[feature]);
      perceptron.score(features, count, scores);
      const guess = scores[BOUNDARY] > scores[NO_BOUNDARY] ? BOUNDARY : NO_BOUNDARY;
      const truth = block.goldStarts.has(index + 1) ? BOUNDARY : NO_BOUNDARY;
      if (guess !== truth) {
        errors++;
        perceptron.update(features, count, truth, guess);
      }
      perceptron.tick();
      if (guess === BOUNDARY) lastStart = index + 1;
    }
  }
  return errors;
}

async function train(options: TrainOptions): Promise<void> {
  const log = options.log ?? ((line: string) => console.error(line));
  const blocks = trainingBlocks(options.data, options.limit, log);
  const devDocuments = options.dev ? readGoldDocuments(options.dev) : null;
  const perceptron = new AveragedPerceptron(BOUNDARY_CLASSES);
  const seen = new Set<number>();
  const epochs = options.iterations ?? 16;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const errors = trainEpoch(perceptron, blocks, seen);
    log(`sentences: epoch ${epoch}/${epochs}, ${errors} training errors`);
  }
  perceptron.finalize();
  const model = SentenceBoundaryModel.fromPerceptron(perceptron, seen, 0.05);
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
