/**
 * Exact-match span scoring for NER (the CoNLL measure): a predicted span counts only when its
 * start, end and type all equal a gold span's. Precision, recall and F1 per type and overall.
 */
import type { NerModel } from './ner.js';
import { spansOf } from './nerCorpus.js';
import type { NerDocument } from './nerCorpus.js';

export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
}

export interface SpanScores extends PrecisionRecall {
  byType: Record<string, PrecisionRecall & { gold: number; predicted: number }>;
}

/** Accumulates span counts over sentences. */
export class SpanScorer {
  private readonly counts = new Map<string, { gold: number; predicted: number; correct: number }>();

  /** Adds one sentence's gold and predicted IOB2 tags. */
  add(gold: readonly string[], predicted: readonly string[]): void {
    const goldSpans = spansOf([...gold]);
    const predictedSpans = spansOf([...predicted]);
    const goldKeys = new Set(goldSpans.map((span) => `${span.start}:${span.end}:${span.type}`));
    for (const span of goldSpans) this.countsOf(span.type).gold++;
    for (const span of predictedSpans) {
      const counts = this.countsOf(span.type);
      counts.predicted++;
      if (goldKeys.has(`${span.start}:${span.end}:${span.type}`)) counts.correct++;
    }
  }

  scores(): SpanScores {
    const byType: SpanScores['byType'] = {};
    let gold = 0;
    let predicted = 0;
    let correct = 0;
    for (const [type, counts] of [...this.counts].sort(([a], [b]) => a.localeCompare(b))) {
      byType[type] = { ...ratios(counts.gold, counts.predicted, counts.correct), gold: counts.gold, predicted: counts.predicted };
      gold += counts.gold;
      predicted += counts.predicted;
      correct += counts.correct;
    }
    return { ...ratios(gold, predicted, correct), byType };
  }

  private countsOf(type: string): { gold: number; predicted: number; correct: number } {
    let counts = this.counts.get(type);
    if (!counts) {
      counts = { gold: 0, predicted: 0, correct: 0 };
      this.counts.set(type, counts);
    }
    return counts;
  }
}

function ratios(gold: number, predicted: number, correct: number): PrecisionRecall {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Tags every document with `model` (with document context) and scores it against the gold tags. */
export function evaluateNer(model: NerModel, documents: readonly NerDocument[]): SpanScores {
  const scorer = new SpanScorer();
  for (const document of documents) {
    const results = model.recogniseDocument(document.sentences.map((sentence) => sentence.words));
    document.sentences.forEach((sentence, index) => scorer.add(sentence.tags, results[index].tags));
  }
  return scorer.scores();
}
