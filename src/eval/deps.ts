/**
 * `storyline eval deps --data <file.conllu> [--model deps.bin.gz]`: unlabelled and labelled
 * attachment scores of the parser on gold tokens with predicted tags, punctuation included.
 */
import { readConllu } from '../language/conllu.js';
import { formatSyntaxScores, scoreSyntax } from '../language/syntax-score.js';
import { loadSyntaxModels } from '../language/syntax.js';
import type { EvalOptions, EvalReport, EvalTask } from './types.js';

async function run(options: EvalOptions): Promise<EvalReport> {
  const models = loadSyntaxModels(undefined, { deps: options.model });
  const scores = scoreSyntax(models, readConllu(options.data, options.limit));
  const { n, upos, xpos, lemma, uas, las } = scores;
  return { json: { task: 'deps', n, upos, xpos, lemma, uas, las, words_per_second: scores.wordsPerSecond }, text: formatSyntaxScores('deps', options.data, scores) };
}

export const depsEval: EvalTask = {
  name: 'deps',
  summary: 'Dependency parsing (UAS, LAS, punctuation included) against a CoNLL-U treebank, from gold tokens and predicted tags',
  run,
};
