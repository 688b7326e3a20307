/**
 * Scores the syntax models against a CoNLL-U treebank from gold tokens: UPOS, XPOS and lemma
 * accuracy, and unlabelled/labelled attachment scores with punctuation included. Shared by the
 * `pos` and `deps` evaluation tasks.
 */
import type { ConlluSentence } from './conllu.js';
import { annotateSentence, type SyntaxModels } from './syntax.js';

export interface SyntaxScores {
  /** Number of words scored. */
  n: number;
  sentences: number;
  upos: number;
  xpos: number;
  lemma: number;
  uas: number;
  las: number;
  /** Words per second for tagging + lemmatising + parsing. */
  wordsPerSecond: number;
}

export function scoreSyntax(models: SyntaxModels, sentences: readonly ConlluSentence[]): SyntaxScores {
  const counts = { n: 0, upos: 0, xpos: 0, lemma: 0, uas: 0, las: 0 };
  const started = process.hrtime.bigint();
  const annotations = sentences.map((sentence) => annotateSentence(models, sentence.words));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  sentences.forEach((gold, s) => {
    const predicted = annotations[s];
    gold.words.forEach((_, i) => {
      counts.n++;
      if (predicted.upos[i] === gold.upos[i]) counts.upos++;
      if (predicted.xpos[i] === gold.xpos[i]) counts.xpos++;
      if (predicted.lemma[i] === gold.lemmas[i]) counts.lemma++;
      if (predicted.head[i] === gold.heads[i]) {
        counts.uas++;
        if (predicted.deprel[i] === gold.deprels[i]) counts.las++;
      }
    });
  });
  const percent = (count: number): number => Number(((100 * count) / Math.max(counts.n, 1)).toFixed(2));
  return {
    n: counts.n,
    sentences: sentences.length,
    upos: percent(counts.upos),
    xpos: percent(counts.xpos),
    lemma: percent(counts.lemma),
    uas: percent(counts.uas),
    las: percent(counts.las),
    wordsPerSecond: Math.round(counts.n / Math.max(seconds, 1e-9)),
  };
}

/** The table printed by `storyline eval pos|deps`. */
export function formatSyntaxScores(task: string, data: string, scores: SyntaxScores): string {
  return (
    `${task}: ${scores.n} words in ${scores.sentences} sentences of ${data} (gold tokens, punctuation included)\n` +
    `UPOS ${scores.upos.toFixed(2)}  XPOS ${scores.xpos.toFixed(2)}  lemma ${scores.lemma.toFixed(2)}  ` +
    `UAS ${scores.uas.toFixed(2)}  LAS ${scores.las.toFixed(2)}  (${scores.wordsPerSecond} words/s)`
  );
}
