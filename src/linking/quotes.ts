/**
 * Quotes across documents: the same words from the same speaker (story entity) reported by several
 * articles become one story quote. Words are compared as sets, so a partial quote inside a longer
 * direct one still matches; each quote is compared with the first report of each of its speaker's
 * quotes only, which keeps the work near-linear.
 */
import type { Analysis, Quote } from '../contract/types.js';
import type { StoryQuote } from '../contract/story.js';
import type { EntityResolution } from './entities.js';

interface QuoteItem {
  analysis: Analysis;
  quote: Quote;
  speaker: string | null;
  words: Set<string>;
}

export function quoteWords(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0));
}

/** Share of the smaller quote's words found in the other: 1 when one quotes a part of the other. */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared / small.size;
}

/** Share of the smaller quote's words that makes two reports one quote. */
export const SAME_QUOTE = 0.8;
const MIN_WORDS = 3;

/** Groups every analysis's quotes into story quotes. */
export function mergeQuotes(analyses: readonly Analysis[], resolution: EntityResolution): StoryQuote[] {
  const clusters: QuoteItem[][] = [];
  const bySpeaker = new Map<string, QuoteItem[][]>();
  analyses.forEach((analysis, documentIndex) => {
    for (const quote of analysis.quotes) {
      const speaker = quote.speaker ? resolution.storyIdOf(documentIndex, quote.speaker) : null;
      const item: QuoteItem = { analysis, quote, speaker, words: quoteWords(quote.text) };
      const key = speaker ?? '';
      const candidates = bySpeaker.get(key) ?? [];
      bySpeaker.set(key, candidates);
      const home =
        item.words.size >= MIN_WORDS
          ? candidates.find((cluster) => cluster[0].analysis !== analysis && cluster[0].words.size >= MIN_WORDS && containment(cluster[0].words, item.words) >= SAME_QUOTE)
          : undefined;
      if (home) home.push(item);
      else {
        const cluster = [item];
        candidates.push(cluster);
        clusters.push(cluster);
      }
    }
  });
  return clusters.map((cluster, index) => {
    const speaker = cluster[0].speaker;
    return {
      id: `Q${index + 1}`,
      speaker,
      speaker_name: speaker ? resolution.byId.get(speaker)?.name ?? null : null,
      documents: [...new Set(cluster.map((item) => item.analysis.document.id))],
      reports: cluster.map((item) => ({
        document: item.analysis.document.id,
        quote: item.quote.id,
        kind: item.quote.kind,
        source: item.quote.source?.text ?? null,
        start: item.quote.start,
        end: item.quote.end,
        text: item.quote.text,
      })),
    };
  });
}
