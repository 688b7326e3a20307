/**
 * `storyline eval attribution --data <PolNeAR split dir>`: scores our attribution finder (the
 * quotes stage) against PolNeAR's manual attributions (brat standoff: Source, Cue, Content spans).
 * The article text goes through our own text and language stages, as at run time.
 *
 * Scoring, per span type: a predicted span matches a gold span of the same type when they overlap
 * ("overlap" figures) or are identical ("exact" figures); each gold span is matched at most once.
 * Precision = matched predictions / predictions, recall = matched gold / gold.
 *
 * What is scored: our attributions turned into PolNeAR's units by `univocalRelations` (quotes that
 * share a cue are one relation; a source span is given once). PolNeAR gold counts a source span
 * shared by several attributions once, so scoring one quote per relation would count the same
 * predicted span again for every quote of a speech. The per-quote figures (the stage's raw output,
 * as scored before) are kept alongside under `perQuote`.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Span } from '../contract/types.js';
import { findAttributions, univocalRelations } from '../extraction/quotes.js';
import type { Attribution } from '../extraction/quotes.js';
import { attributionCueFinder } from '../extraction/attribution-model.js';
import { structureText } from '../text/index.js';
import { annotateLanguage, loadLanguageModels } from '../language/index.js';
import { normaliseText } from '../input/normalise.js';
import type { EvalTask } from './types.js';

type Part = 'source' | 'cue' | 'content';
const PARTS: Part[] = ['source', 'cue', 'content'];

interface Counts {
  predicted: number;
  gold: number;
  overlap: number;
  exact: number;
}

/** Gold spans of one .ann file, by part; discontinuous spans ("0 5;9 12") are taken whole. */
function readGold(annotation: string): Record<Part, Span[]> {
  const gold: Record<Part, Span[]> = { source: [], cue: [], content: [] };
  for (const line of annotation.split('\n')) {
    if (!line.startsWith('T')) continue;
    const [, label] = line.split('\t');
    if (!label) continue;
    const [type, ...offsets] = label.split(' ');
    const part = type.toLowerCase() as Part;
    if (!PARTS.includes(part)) continue;
    const numbers = offsets.join(' ').split(/[ ;]/).map(Number);
    gold[part].push({ start: Math.min(...numbers), end: Math.max(...numbers) });
  }
  return gold;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function score(predicted: Span[], gold: Span[], counts: Counts): void {
  counts.predicted += predicted.length;
  counts.gold += gold.length;
  const usedOverlap = new Set<number>();
  const usedExact = new Set<number>();
  for (const span of predicted) {
    const exact = gold.findIndex((g, i) => !usedExact.has(i) && g.start === span.start && g.end === span.end);
    if (exact >= 0) {
      usedExact.add(exact);
      counts.exact++;
    }
    const overlap = gold.findIndex((g, i) => !usedOverlap.has(i) && overlaps(g, span));
    if (overlap >= 0) {
      usedOverlap.add(overlap);
      counts.overlap++;
    }
  }
}

function prf(matched: number, predicted: number, gold: number): { precision: number; recall: number; f1: number } {
  const precision = predicted ? matched / predicted : 0;
  const recall = gold ? matched / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  return { precision: round(precision), recall: round(recall), f1: round(f1) };
}

function scoreParts(attributions: readonly Attribution[], gold: Record<Part, Span[]>, counts: Record<Part, Counts>): void {
  score(attributions.flatMap((a) => (a.source ? [a.source] : [])), gold.source, counts.source);
  score(attributions.flatMap((a) => (a.cue ? [a.cue] : [])), gold.cue, counts.cue);
  score(attributions.map((a) => a.content), gold.content, counts.content);
}

/** Adds each part's figures to `json` and a table row to `lines`. */
function report(counts: Record<Part, Counts>, json: Record<string, unknown>, lines: string[]): void {
  const fmt = (m: { precision: number; recall: number; f1: number }): string =>
    `${m.precision.toFixed(3)}/${m.recall.toFixed(3)}/${m.f1.toFixed(3)}`;
  for (const part of PARTS) {
    const c = counts[part];
    const overlap = prf(c.overlap, c.predicted, c.gold);
    const exact = prf(c.exact, c.predicted, c.gold);
    json[part] = { ...overlap, exact, predicted: c.predicted, gold: c.gold };
    lines.push(`  ${part.padEnd(9)} ${fmt(overlap).padEnd(22)} ${fmt(exact)}`);
  }
}

export const attributionEval: EvalTask = {
  name: 'attribution',
  summary: 'quote/attribution source, cue and content F1 on PolNeAR (a split directory with text/ and attributions/)',
  async run({ data, limit, model }) {
    const annotationDir = path.join(data, 'attributions');
    const textDir = path.join(data, 'text');
    if (!existsSync(annotationDir) || !existsSync(textDir)) {
      throw new Error(`${data}: expected a PolNeAR split directory holding text/ and attributions/`);
    }
    const models = loadLanguageModels();
    const findCues = attributionCueFinder(model);
    const emptyCounts = (): Record<Part, Counts> => ({
      source: { predicted: 0, gold: 0, overlap: 0, exact: 0 },
      cue: { predicted: 0, gold: 0, overlap: 0, exact: 0 },
      content: { predicted: 0, gold: 0, overlap: 0, exact: 0 },
    });
    const counts = emptyCounts();
    const perQuoteCounts = emptyCounts();
    let documents = 0;
    const files = readdirSync(annotationDir).filter((name) => name.endsWith('.ann')).sort();
    for (const file of files.slice(0, limit ?? files.length)) {
      const textFile = path.join(textDir, `${file.replace(/_[0-9a-f]{4}\.ann$/, '')}.txt`);
      if (!existsSync(textFile)) continue;
      const raw = readFileSync(textFile, 'utf8');
      // Gold offsets index the raw file; our normalisation must keep them (it only rewrites CR/BOM).
      const text = normaliseText(raw);
      if (text.length !== raw.length) continue;
      const structure = structureText(text);
      const language = annotateLanguage(models, text, structure);
      const document = {
        id: file, title: null, outlet: null, agency: null, author: null, url: null,
        published: null, published_source: null, language: 'en', text,
      };
      const attributions = findAttributions({ document, text, structure, language }, findCues);
      const gold = readGold(readFileSync(path.join(annotationDir, file), 'utf8'));
      scoreParts(univocalRelations(attributions), gold, counts);
      scoreParts(attributions, gold, perQuoteCounts);
      documents++;
    }
    const json: Record<string, unknown> = { task: 'attribution', n: documents };
    const lines = [`attribution on ${documents} PolNeAR documents (${data})`, '  part      overlap P/R/F1          exact P/R/F1'];
    const perQuote: Record<string, unknown> = {};
    const perQuoteLines: string[] = [];
    report(counts, json, lines);
    report(perQuoteCounts, perQuote, perQuoteLines);
    json.perQuote = perQuote;
    lines.push('  per quote, before merging into relations:', ...perQuoteLines);
    json.precision = (json.source as { precision: number }).precision;
    json.recall = (json.source as { recall: number }).recall;
    json.f1 = (json.source as { f1: number }).f1;
    return { json, text: lines.join('\n') };
  },
};
