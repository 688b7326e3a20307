/**
 * The compare section of `npm run bench`: 1,000 in-memory variants of the example articles and the
 * seeds (other outlets, scaled numbers, days moved by up to a day, paragraphs swapped), analysed
 * once, then `compareAnalyses` timed on 250, 500 and 1,000 of them. Near-linear linking shows as a
 * time(1000)/time(500) ratio close to 2.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { resourcePath, sharedPath } from '../src/paths.js';
import { createStoryline } from '../src/pipeline.js';
import type { Analysis } from '../src/contract/types.js';
import type { SourceDocument } from '../src/input/types.js';
import { compareAnalyses } from '../src/linking/story.js';

const VARIANTS = 1000;
const SIZES = [250, 500, 1000];
const OUTLETS = ['Harbour Times', 'Coastal Daily', 'River Post', 'Evening Ledger', 'Northern Courier', 'Valley Observer', 'Metro Wire'];
const MONTH_DAY = /\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2})\b/g;
const COUNT = /\b\d{1,3}(?:,\d{3})+\b|\b(?!(?:19|20)\d\d\b)\d{2,}\b/g;

interface Base {
  text: string;
  published: string;
}

/** The samples start with `key: value` header lines; the variants get their own outlet instead. */
function withoutHeader(text: string): string {
  return text.replace(/^(?:[a-z]+: .*\n)+\n*/, '');
}

function bases(): Base[] {
  const examples = readdirSync(resourcePath('examples'))
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ text: withoutHeader(readFileSync(resourcePath('examples', name), 'utf8')), published: name.slice(0, 10) }));
  const seeds = readdirSync(sharedPath('seeds'))
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ text: readFileSync(sharedPath('seeds', name), 'utf8'), published: '2025-08-07' }));
  return [...examples, ...seeds];
}

/** The n-th variant of an article: numbers scaled, days shifted, two paragraphs swapped every other time. */
function variant(base: Base, n: number): SourceDocument {
  const scale = 1 + (n % 5) / 10;
  const shift = (n % 3) - 1;
  let text = base.text
    .replace(COUNT, (number) => Math.round(Number(number.replace(/,/g, '')) * scale).toLocaleString('en-US'))
    .replace(MONTH_DAY, (_, month: string, day: string) => `${month} ${Math.min(28, Math.max(1, Number(day) + shift))}`);
  const paragraphs = text.split('\n').filter((line) => line.trim().length > 0);
  if (n % 2 === 1 && paragraphs.length > 3) {
    const [second, third] = [paragraphs[1], paragraphs[2]];
    paragraphs[1] = third;
    paragraphs[2] = second;
    text = paragraphs.join('\n');
  }
  return { source: `variant-${n}`, text, title: null, outlet: OUTLETS[n % OUTLETS.length], author: null, agency: null, url: null, published: base.published, published_source: 'given' };
}

function timeCompare(analyses: Analysis[], kb: Parameters<typeof compareAnalyses>[1]): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    compareAnalyses(analyses, kb);
    best = Math.min(best, performance.now() - started);
  }
  return best / 1000;
}

export async function benchCompare(): Promise<string[]> {
  const storyline = createStoryline();
  const articles = bases();
  const started = performance.now();
  const analyses = Array.from({ length: VARIANTS }, (_, n) => storyline.analyze(variant(articles[n % articles.length], n)));
  const analysed = (performance.now() - started) / 1000;
  const lines = [`compare: ${VARIANTS} variants of ${articles.length} articles analysed in ${analysed.toFixed(1)} s`];
  const times = new Map<number, number>();
  for (const size of SIZES) {
    const seconds = timeCompare(analyses.slice(0, size), storyline.kb);
    times.set(size, seconds);
    const story = compareAnalyses(analyses.slice(0, size), storyline.kb);
    lines.push(`  compareAnalyses on ${String(size).padStart(4)} articles: ${(seconds * 1000).toFixed(0)} ms (${story.events.length} story events, ${story.discrepancies.length} discrepancies)`);
  }
  const ratio = times.get(1000)! / times.get(500)!;
  lines.push(`  growth time(1000)/time(500) = ${ratio.toFixed(2)} (2.00 = linear)`);
  return lines;
}
