/**
 * `storyline eval pos --data <file.conllu> [--model pos.bin.gz]`: UPOS, XPOS and lemma accuracy of
 * the tagger and lemmatiser on gold tokens (the parser scores come along, see `eval deps`).
 */
import { readConllu } from '../language/conllu.js';
import { formatSyntaxScores, scoreSyntax } from '../language/syntax-score.js';
import { loadSyntaxModels } from '../language/syntax.js';
import type { EvalOptions, EvalReport, EvalTask } from './types.js';

async function run(options: EvalOptions): Promise<EvalReport> {
  const models = loadSyntaxModels(undefined, { pos: options.model });
  const scores = scoreSyntax(models, readConllu(options.data, options.limit));
  const { n, upos, xpos, lemma, uas, las } = scores;
  return { json: { task: 'pos', n, upos, xpos, lemma, uas, las, words_per_second: scores.wordsPerSecond }, text: formatSyntaxScores('pos', options.data, scores) };
}

export const posEval: EvalTask = {
  name: 'pos',
  summary: 'Part-of-speech tags (UPOS, XPOS) and lemmas against a CoNLL-U treebank, from gold tokens (accuracy %)',
  run,
};
