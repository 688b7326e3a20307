/**
 * Every evaluation task `storyline eval` knows. Each task lives in its own module next to this file
 * and is listed here once.
 */
import type { EvalTask } from './types.js';
import { eventsEval } from './events.js';
import { timexEval } from './timex.js';
import { sentencesEval } from './sentences.js';
import { tokensEval } from './tokens.js';
import { nerEval } from './ner.js';
import { languageEval } from './language.js';
import { attributionEval } from './attribution.js';
import { depsEval, posEval } from './syntax.js';
import { actorsEval } from './actors.js';
import { entitiesEval } from './entities.js';
import { corefEval } from './coref.js';

export const evalTasks: EvalTask[] = [sentencesEval, tokensEval, nerEval, timexEval, languageEval, attributionEval, posEval, depsEval, eventsEval, actorsEval, entitiesEval, corefEval];

export function findEvalTask(name: string): EvalTask | undefined {
  return evalTasks.find((task) => task.name === name);
}
