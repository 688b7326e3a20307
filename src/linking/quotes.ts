/**
 * Quotes across documents: the same words from the same speaker (story entity) reported by several
 * articles become one story quote. Words are compared as sets, so a partial quote inside a longer
 * direct one still matches; each quote is compared with the first report of each of its speaker's
 * quotes only, which keeps the work near-linear. The same quoted words given to different speakers
 * by different articles are a `speaker` discrepancy.
 */
import type { Analysis, Quote } from '../contract/types.js';
import type { Discrepancy, StoryQuote } from '../contract/story.js';
import type { EntityResolution } from './entities.js';

interface QuoteItem {
  analysis: Analysis;
  quote: Quote;
  speaker: string | null;
  words: Set<string>;
}

function quoteWords(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0));
}

/** Share of the smaller quote's words found in the other: 1 when one quotes a part of the other. */
function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared / small.size;
}

const SAME_QUOTE = 0.8;
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

/** Quoted words long enough that two articles repeating them quote one utterance. */
const MIN_SHARED_QUOTE_WORDS = 4;

/**
 * "Who said it" disagreements: a direct or partial quote that another article gives, nearly word
 * for word, to another speaker. One discrepancy per pair of story quotes.
 */
export function speakerDiscrepancies(quotes: readonly StoryQuote[], analyses: readonly Analysis[]): Discrepancy[] {
  const textOf = new Map(analyses.map((analysis) => [analysis.document.id, analysis.document.text]));
  const quoted = quotes
    .filter((quote) => quote.speaker !== null && quote.reports.some((report) => report.kind !== 'indirect'))
    .map((quote) => {
      const report = quote.reports.find((candidate) => candidate.kind !== 'indirect')!;
      return { quote, report, words: quoteWords(report.text) };
    })
    .filter((item) => item.words.size >= MIN_SHARED_QUOTE_WORDS);
  // Candidates through an inverted index: a quote that holds at least SAME_QUOTE of a smaller one's
  // words holds one of that smaller quote's (1 − SAME_QUOTE)·n + 1 longest words.
  const postings = new Map<string, number[]>();
  quoted.forEach((item, index) => {
    for (const word of item.words) postings.set(word, [...(postings.get(word) ?? []), index]);
  });
  const found: Discrepancy[] = [];
  for (let i = 0; i < quoted.length; i++) {
    const a = quoted[i];
    const probes = [...a.words].sort((x, y) => y.length - x.length).slice(0, Math.floor((1 - SAME_QUOTE) * a.words.size) + 1);
    const candidates = new Set(probes.flatMap((word) => postings.get(word) ?? []));
    for (const j of candidates) {
      const b = quoted[j];
      // Each pair once, from its smaller side (the lower index on a tie).
      if (b.words.size < a.words.size || (b.words.size === a.words.size && j <= i)) continue;
      if (a.quote.speaker === b.quote.speaker || a.report.document === b.report.document) continue;
      if (containment(a.words, b.words) < SAME_QUOTE) continue;
      const claims = [a, b].map(({ quote, report }) => ({
        document: report.document,
        start: report.start,
        end: report.end,
        text: textOf.get(report.document)?.slice(report.start, report.end) ?? report.text,
        value: quote.speaker_name,
      }));
      found.push({ kind: 'speaker', note: `The same words are quoted from different speakers: ${claims.map((claim) => claim.value).join(' vs ')}.`, event: null, claims });
    }
  }
  return found;
}
