/**
 * `storyline eval ner --data <file>`: exact span-and-type precision, recall and F1 (overall and per
 * type) of a NER model on a CoNLL-2003 or IOB2 file, tagging from the gold tokens one document at a
 * time (`--model` picks a model file, `--limit` caps the sentences read).
 */
import { loadNerModel } from '../language/ner.js';
import { readNerFile } from '../language/nerCorpus.js';
import { evaluateNer } from '../language/nerScore.js';
import { limitSentences } from '../language/nerTrainer.js';
import type { EvalOptions, EvalReport, EvalTask } from './types.js';

const percent = (value: number): number => Math.round(value * 10000) / 100;

export const nerEval: EvalTask = {
  name: 'ner',
  summary: 'named entities: exact span + type P/R/F1 per type on a CoNLL-2003 or IOB2 file',
  async run(options: EvalOptions): Promise<EvalReport> {
    const documents = limitSentences(readNerFile(options.data), options.limit);
    const model = options.model ? loadNerModel(options.model) : loadNerModel();
    const scores = evaluateNer(model, documents);
    const n = documents.reduce((sum, document) => sum + document.sentences.length, 0);
    const byType = Object.fromEntries(
      Object.entries(scores.byType).map(([type, s]) => [
        type,
        { precision: percent(s.precision), recall: percent(s.recall), f1: percent(s.f1), gold: s.gold, predicted: s.predicted },
      ]),
    );
    const json = {
      task: 'ner',
      n,
      precision: percent(scores.precision),
      recall: percent(scores.recall),
      f1: percent(scores.f1),
      by_type: byType,
    };
    const rows = Object.entries(byType).map(
      ([type, s]) => `${type.padEnd(8)}${String(s.precision).padStart(8)}${String(s.recall).padStart(8)}${String(s.f1).padStart(8)}${String(s.gold).padStart(8)}`,
    );
    const text = [
      `NER on ${n} sentences (exact span + type)`,
      `${'type'.padEnd(8)}${'P'.padStart(8)}${'R'.padStart(8)}${'F1'.padStart(8)}${'gold'.padStart(8)}`,
      ...rows,
      `${'all'.padEnd(8)}${String(json.precision).padStart(8)}${String(json.recall).padStart(8)}${String(json.f1).padStart(8)}`,
    ].join('\n');
    return { json, text };
  },
};
