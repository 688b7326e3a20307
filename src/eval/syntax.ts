/**
 * `storyline eval pos|deps --data <file.conllu> [--model file]`: the tagger, lemmatiser and parser on
 * gold tokens. `pos` reports UPOS, XPOS and lemma accuracy (`--model` replaces the POS model);
 * `deps` reports unlabelled and labelled attachment, punctuation included, with predicted tags
 * (`--model` replaces the parser). Both print every figure, since one run computes them all.
 */
import { readConllu } from '../language/conllu.js';
import { formatSyntaxScores, scoreSyntax } from '../language/syntax-score.js';
import { loadSyntaxModels } from '../language/syntax.js';
import type { EvalOptions, EvalReport, EvalTask } from './types.js';

function syntaxEval(task: 'pos' | 'deps', summary: string): EvalTask {
  return {
    name: task,
    summary,
    async run(options: EvalOptions): Promise<EvalReport> {
      const models = loadSyntaxModels(undefined, { [task]: options.model });
      const scores = scoreSyntax(models, readConllu(options.data, options.limit));
      const { n, upos, xpos, lemma, uas, las } = scores;
      return { json: { task, n, upos, xpos, lemma, uas, las, words_per_second: scores.wordsPerSecond }, text: formatSyntaxScores(task, options.data, scores) };
    },
  };
}

export const posEval = syntaxEval('pos', 'Part-of-speech tags (UPOS, XPOS) and lemmas against a CoNLL-U treebank, from gold tokens (accuracy %)');
export const depsEval = syntaxEval('deps', 'Dependency parsing (UAS, LAS, punctuation included) against a CoNLL-U treebank, from gold tokens and predicted tags');
