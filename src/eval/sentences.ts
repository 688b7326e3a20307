/**
 * `storyline eval sentences --data <en_ewt-ud-dev.conllu | meantime folder>`: rebuilds the raw text of
 * each treebank document (or of each MEANTIME news article, see sentencesNews.ts), runs the text
 * stage on it and scores the predicted sentence spans against the gold ones (exact span match;
 * precision, recall, F1). `--model` evaluates another boundary model file; `--limit` keeps the first
 * n treebank sentences or news articles.
 */
import { statSync } from 'node:fs';
import { SentenceBoundaryModel } from '../text/index.js';
import { readGoldDocuments, scoreSentences, type GoldDocument } from '../text/goldText.js';
import { readNewsSentenceDocuments } from './sentencesNews.js';
import type { EvalOptions, EvalReport, EvalTask } from './types.js';

/** Gold documents of a CoNLL-U file, or of the MEANTIME articles in a folder. */
function goldDocuments(data: string, limit: number | undefined): GoldDocument[] {
  if (!statSync(data).isDirectory()) return readGoldDocuments(data, limit);
  return readNewsSentenceDocuments(data, limit).map((article) => ({
    text: article.text,
    sentences: article.sentences,
    words: [],
    wordTags: [],
    unaligned: 0,
  }));
}

async function run(options: EvalOptions): Promise<EvalReport> {
  const documents = goldDocuments(options.data, options.limit);
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
  summary: 'Sentence boundaries against a CoNLL-U treebank or MEANTIME news articles (exact sentence spans, P/R/F1)',
  run,
};
