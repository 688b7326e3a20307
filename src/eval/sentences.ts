/**
 * `storyline eval sentences --data <en_ewt-ud-dev.conllu>`: rebuilds the raw text of each treebank
 * document, runs the text stage on it and scores the predicted sentence spans against the gold ones
 * (exact span match; precision, recall, F1). `--model` evaluates another boundary model file.
 */
import { SentenceBoundaryModel } from '../text/index.js';
import { readGoldDocuments, scoreSentences } from '../text/goldText.js';
import type { EvalOptions, EvalReport, EvalTask } from './types.js';

async function run(options: EvalOptions): Promise<EvalReport> {
  const documents = readGoldDocuments(options.data, options.limit);
  const model = options.model ? SentenceBoundaryModel.fromFile(options.model) : undefined;
  const score = scoreSentences(documents, model);
  const json = {
    task: 'sentences',
    n: score.gold,
    documents: documents.length,
    predicted: score.predicted,
    precision: score.precision,
    recall: score.recall,
    f1: score.f1,
  };
  const text =
    `sentences: ${score.gold} gold sentences in ${documents.length} documents, ${score.predicted} predicted\n` +
    `precision ${score.precision.toFixed(4)}  recall ${score.recall.toFixed(4)}  F1 ${score.f1.toFixed(4)}`;
  return { json, text };
}

export const sentencesEval: EvalTask = {
  name: 'sentences',
  summary: 'Sentence boundaries against a CoNLL-U treebank (exact sentence spans, P/R/F1)',
  run,
};
