/**
 * The syntax layer of the language stage: loads the shipped POS and dependency models and runs
 * tagger → lemmatiser → parser → labeller over sentences given as word arrays. Everything is
 * pure TypeScript (averaged perceptrons over hashed features, see perceptron.ts); the models load
 * in well under a second.
 */
import path from 'node:path';
import { resourcePath } from '../paths.js';
import { loadDepsModel, type DepsModel } from './deps-model.js';
import { loadPosModel, type PosModel } from './pos-model.js';

export interface SyntaxModels {
  pos: PosModel;
  deps: DepsModel;
}

/** Per-sentence annotation, parallel to the sentence's words; heads are sentence-local, -1 = root. */
export interface SyntaxAnnotation {
  upos: string[];
  xpos: string[];
  lemma: string[];
  head: Int32Array;
  deprel: string[];
}

export const POS_MODEL_FILE = 'pos.bin.gz';
export const DEPS_MODEL_FILE = 'deps.bin.gz';

/** Loads `pos.bin.gz` and `deps.bin.gz` from `dir` (default: the shipped `models/`). */
export function loadSyntaxModels(dir: string = resourcePath('models'), files?: { pos?: string; deps?: string }): SyntaxModels {
  return {
    pos: loadPosModel(files?.pos ?? path.join(dir, POS_MODEL_FILE)),
    deps: loadDepsModel(files?.deps ?? path.join(dir, DEPS_MODEL_FILE)),
  };
}

/** Tags, lemmatises and parses one sentence. */
export function annotateSentence(models: SyntaxModels, words: readonly string[]): SyntaxAnnotation {
  if (words.length === 0) return { upos: [], xpos: [], lemma: [], head: new Int32Array(0), deprel: [] };
  const { upos, xpos } = models.pos.tagger.tag(words);
  const lemma = models.pos.lemmatizer.lemmatize(words, xpos);
  const head = models.deps.parser.parse({ words, upos, xpos });
  const deprel = models.deps.labeller.label({ words, xpos, upos, heads: head });
  return { upos, xpos, lemma, head, deprel };
}

/**
 * Annotates every sentence (each an array of token strings), one model at a time over all of them
 * rather than every model per sentence: each model's weight table then stays in the CPU caches for
 * a whole batch instead of being evicted by the next model's, which makes the stage markedly faster
 * with the same output as `annotateSentence`.
 */
export function annotateSyntax(models: SyntaxModels, words: string[][]): SyntaxAnnotation[] {
  const tags = words.map((sentence) => (sentence.length > 0 ? models.pos.tagger.tag(sentence) : { upos: [], xpos: [] }));
  const lemmas = words.map((sentence, s) => models.pos.lemmatizer.lemmatize(sentence, tags[s].xpos));
  const heads = words.map((sentence, s) => models.deps.parser.parse({ words: sentence, ...tags[s] }));
  return words.map((sentence, s) => {
    const { upos, xpos } = tags[s];
    const deprel = models.deps.labeller.label({ words: sentence, xpos, upos, heads: heads[s] });
    return { upos, xpos, lemma: lemmas[s], head: heads[s], deprel };
  });
}
