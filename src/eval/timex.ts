/**
 * `storyline eval timex --data <dir of TimeML .tml files | one .tml file>`: time expression
 * recognition and normalisation against TimeML gold (TempEval-3 style).
 *
 * Each file's TEXT is stripped of its tags (offsets kept in the stripped text, XML entities
 * decoded), the creation-time TIMEX3 (functionInDocument="CREATION_TIME") becomes the publication
 * date, and our text and language stages + `extractTimes` run on it, as in the pipeline. Scores,
 * TempEval-3 definitions:
 * strict span P/R/F1 (identical spans), relaxed span P/R/F1 (overlapping spans, one-to-one),
 * type and value accuracy over relaxed matches, and attribute F1 = relaxed F1 × accuracy.
 * chrono-node (a dev dependency, imported only here) is scored on the same texts for comparison:
 * its spans, and its dates rendered at the precision it is certain of, as values.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DocumentInfo } from '../contract/types.js';
import { extractTimes } from '../extraction/times.js';
import { structureText } from '../text/index.js';
import { annotateLanguage, loadLanguageModels } from '../language/index.js';
import type { LanguageModels } from '../language/index.js';
import type { EvalOptions, EvalReport, EvalTask } from './types.js';

export interface GoldTimex {
  start: number;
  end: number;
  type: string;
  value: string;
}

export interface TimemlDocument {
  name: string;
  text: string;
  creationDate: string | null;
  timexes: GoldTimex[];
}

interface PredictedTimex {
  start: number;
  end: number;
  type: string | null;
  value: string | null;
}

export interface TimexScore {
  gold: number;
  predicted: number;
  strict: { precision: number; recall: number; f1: number };
  relaxed: { precision: number; recall: number; f1: number };
  typeAccuracy: number;
  valueAccuracy: number;
  typeF1: number;
  valueF1: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const TAG_OR_ENTITY = /<(\/?)([A-Za-z0-9]+)([^>]*)>|&(#?\w+);/g;
const ATTRIBUTE = /(\w+)="([^"]*)"/g;

function attributes(source: string): Record<string, string> {
  const result: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(source); match; match = ATTRIBUTE.exec(source)) result[match[1]] = match[2];
  return result;
}

function decodeEntity(name: string): string {
  if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
  return ENTITIES[name] ?? `&${name};`;
}

/** Parses one TimeML file: stripped TEXT, creation date and gold TIMEX3 spans in that text. */
export function parseTimeml(name: string, xml: string): TimemlDocument {
  const dct = /<TIMEX3\b[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml);
  const dctValue = dct ? attributes(dct[0]).value ?? '' : '';
  const creationDate = /^\d{4}-\d{2}-\d{2}/.test(dctValue) ? dctValue.slice(0, 10) : null;
  const textStart = xml.indexOf('<TEXT>');
  const textEnd = xml.indexOf('</TEXT>');
  const body = textStart >= 0 ? xml.slice(textStart + 6, textEnd >= 0 ? textEnd : undefined) : xml;
  let text = '';
  const timexes: GoldTimex[] = [];
  const open: { start: number; type: string; value: string }[] = [];
  let last = 0;
  TAG_OR_ENTITY.lastIndex = 0;
  for (let match = TAG_OR_ENTITY.exec(body); match; match = TAG_OR_ENTITY.exec(body)) {
    text += body.slice(last, match.index);
    last = match.index + match[0].length;
    if (match[4] !== undefined) {
      text += decodeEntity(match[4]);
      continue;
    }
    if (match[2] !== 'TIMEX3') continue;
    if (match[1] === '/') {
      const started = open.pop();
      if (started) timexes.push({ start: started.start, end: text.length, type: started.type, value: started.value });
    } else {
      const attrs = attributes(match[3]);
      open.push({ start: text.length, type: attrs.type ?? '', value: attrs.value ?? '' });
    }
  }
  text += body.slice(last);
  return { name, text, creationDate, timexes: timexes.sort((a, b) => a.start - b.start) };
}

/** The .tml files at a path (a file, or a folder searched recursively), sorted by name. */
export function timemlFiles(data: string): string[] {
  if (statSync(data).isFile()) return [data];
  const found: string[] = [];
  for (const entry of readdirSync(data, { withFileTypes: true })) {
    const full = path.join(data, entry.name);
    if (entry.isDirectory()) found.push(...timemlFiles(full));
    else if (entry.name.endsWith('.tml')) found.push(full);
  }
  return found.sort();
}

export function readTimemlDocuments(data: string, limit?: number): TimemlDocument[] {
  const files = timemlFiles(data).slice(0, limit ?? Infinity);
  return files.map((file) => parseTimeml(path.basename(file), readFileSync(file, 'utf8')));
}

function documentInfo(doc: TimemlDocument): DocumentInfo {
  return {
    id: doc.name, title: null, outlet: null, agency: null, author: null, url: null,
    published: doc.creationDate, published_source: doc.creationDate ? 'given' : null, language: 'en', text: doc.text,
  };
}

/** Our time expressions for a TimeML document, with the language stage when its models are given (as in the pipeline). */
export function predictTimexes(doc: TimemlDocument, models: LanguageModels | null = null): PredictedTimex[] {
  const structure = structureText(doc.text);
  const language = models ? annotateLanguage(models, doc.text, structure) : null;
  const ctx = { document: documentInfo(doc), text: doc.text, structure, language };
  return extractTimes(ctx).map((time) => ({ start: time.start, end: time.end, type: time.type, value: time.value }));
}

function prf(correct: number, predicted: number, gold: number): { precision: number; recall: number; f1: number } {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** TempEval-3 scores of predictions against gold, summed over documents. */
export function scoreTimexes(pairs: { gold: GoldTimex[]; predicted: PredictedTimex[] }[]): TimexScore {
  let gold = 0;
  let predicted = 0;
  let strict = 0;
  let relaxed = 0;
  let typeCorrect = 0;
  let valueCorrect = 0;
  for (const pair of pairs) {
    gold += pair.gold.length;
    predicted += pair.predicted.length;
    const used = new Set<number>();
    for (const goldTimex of pair.gold) {
      const exact = pair.predicted.findIndex((p, i) => !used.has(i) && p.start === goldTimex.start && p.end === goldTimex.end);
      const index = exact >= 0 ? exact : pair.predicted.findIndex((p, i) => !used.has(i) && p.start < goldTimex.end && goldTimex.start < p.end);
      if (index < 0) continue;
      used.add(index);
      const match = pair.predicted[index];
      relaxed++;
      if (exact >= 0) strict++;
      if (match.type === goldTimex.type) typeCorrect++;
      if (match.value === goldTimex.value) valueCorrect++;
    }
  }
  const relaxedScores = prf(relaxed, predicted, gold);
  const typeAccuracy = relaxed ? typeCorrect / relaxed : 0;
  const valueAccuracy = relaxed ? valueCorrect / relaxed : 0;
  return {
    gold,
    predicted,
    strict: prf(strict, predicted, gold),
    relaxed: relaxedScores,
    typeAccuracy,
    valueAccuracy,
    typeF1: relaxedScores.f1 * typeAccuracy,
    valueF1: relaxedScores.f1 * valueAccuracy,
  };
}

interface ChronoComponents {
  get(component: string): number | null;
  isCertain(component: string): boolean;
}
interface ChronoResult {
  index: number;
  text: string;
  start: ChronoComponents;
}
type ChronoParse = (text: string, reference: Date) => ChronoResult[];

function chronoValue(components: ChronoComponents): string {
  const pad = (n: number | null, width = 2): string => String(n ?? 0).padStart(width, '0');
  let value = pad(components.get('year'), 4);
  if (components.isCertain('month') || components.isCertain('day')) value += `-${pad(components.get('month'))}`;
  if (components.isCertain('day') || components.isCertain('weekday')) value += `-${pad(components.get('day'))}`;
  if (components.isCertain('hour')) value += `T${pad(components.get('hour'))}:${pad(components.get('minute'))}`;
  return value;
}

async function loadChrono(): Promise<ChronoParse | null> {
  try {
    const chrono = (await import('chrono-node')) as unknown as { parse: ChronoParse };
    return chrono.parse;
  } catch {
    return null;
  }
}

function predictChrono(parse: ChronoParse, doc: TimemlDocument): PredictedTimex[] {
  const reference = doc.creationDate ? new Date(`${doc.creationDate}T12:00:00Z`) : new Date();
  return parse(doc.text, reference).map((result) => ({
    start: result.index,
    end: result.index + result.text.length,
    type: result.start.isCertain('hour') ? 'TIME' : 'DATE',
    value: chronoValue(result.start),
  }));
}

function formatScore(label: string, score: TimexScore): string {
  const f = (n: number): string => n.toFixed(3);
  return (
    `${label.padEnd(12)} strict P ${f(score.strict.precision)} R ${f(score.strict.recall)} F1 ${f(score.strict.f1)} | ` +
    `relaxed P ${f(score.relaxed.precision)} R ${f(score.relaxed.recall)} F1 ${f(score.relaxed.f1)} | ` +
    `type acc ${f(score.typeAccuracy)} F1 ${f(score.typeF1)} | value acc ${f(score.valueAccuracy)} F1 ${f(score.valueF1)}`
  );
}

async function run(options: EvalOptions): Promise<EvalReport> {
  const documents = readTimemlDocuments(options.data, options.limit);
  const started = performance.now();
  const models = loadLanguageModels();
  const ours = scoreTimexes(documents.map((doc) => ({ gold: doc.timexes, predicted: predictTimexes(doc, models) })));
  const seconds = (performance.now() - started) / 1000;
  const chrono = await loadChrono();
  const chronoScore = chrono ? scoreTimexes(documents.map((doc) => ({ gold: doc.timexes, predicted: predictChrono(chrono, doc) }))) : null;
  const json = { task: 'timex', documents: documents.length, n: ours.gold, storyline: ours, chrono: chronoScore, seconds };
  const text = [
    `timex: ${documents.length} documents, ${ours.gold} gold TIMEX3 (creation times excluded), ${ours.predicted} predicted`,
    formatScore('storyline', ours),
    chronoScore ? formatScore('chrono-node', chronoScore) : 'chrono-node: not installed (dev dependency)',
  ].join('\n');
  return { json, text };
}

export const timexEval: EvalTask = {
  name: 'timex',
  summary: 'Time expressions against TimeML (.tml) gold: span P/R/F1 (strict, relaxed), type and value accuracy/F1, beside chrono-node',
  run,
};
