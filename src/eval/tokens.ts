/**
 * `storyline eval tokens --data <en_ewt-ud-dev.conllu>`: rebuilds the raw text of each treebank
 * document, tokenizes it with the text stage and scores the token spans against the gold syntactic
 * words (UD word lines aligned to character offsets; exact span match, precision, recall, F1).
 */
import { structureText } from '../text/index.js';
import { readGoldDocuments, scoreSpans } from '../text/goldText.js';
import type { EvalOptions, EvalReport, EvalTask } from './types.js';

async function run(options: EvalOptions): Promise<EvalReport> {
  const documents = readGoldDocuments(options.data, options.limit);
  const score = scoreSpans(
    documents.map((document) => ({ gold: document.words, predicted: structureText(document.text).tokens })),
  );
  const unaligned = documents.reduce((sum, document) => sum + document.unaligned, 0);
  const json = {
    task: 'tokens',
    n: score.gold,
    documents: documents.length,
    predicted: score.predicted,
    unaligned_gold: unaligned,
    precision: score.precision,
    recall: score.recall,
    f1: score.f1,
  };
  const text =
    `tokens: ${score.gold} gold words in ${documents.length} documents (${unaligned} unaligned), ${score.predicted} predicted\n` +
    `precision ${score.precision.toFixed(4)}  recall ${score.recall.toFixed(4)}  F1 ${score.f1.toFixed(4)}`;
  return { json, text };
}

export const tokensEval: EvalTask = {
  name: 'tokens',
  summary: 'Tokenization against a CoNLL-U treebank (word spans by character offsets, P/R/F1)',
  run,
};
