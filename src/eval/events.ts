/**
 * `storyline eval events --data plover_gsr_dev.json [--model deps.bin.gz] [--limit n] [--json]`:
 * runs our whole pipeline (text, language when the models load, entities with the knowledge base,
 * times, events) on each PLOVER gold-standard record and reports whether an event with the gold
 * type and the gold source and target countries was found (full match), the type-only and
 * dyad-only rates, extra events per record and events per 1,000 words. `--model` names another
 * dependency-parser file; one that does not load measures the shallow reading alone.
 *
 * Scoring rules, all from the records' own conventions:
 * - the records carry older PLOVER labels (DEMAND, DISAPPROVE, FIGHT …; see the readme .tex beside
 *   them): each label is matched on the CAMEO root(s) it stands for, or on the current PLOVER type
 *   where the 2021 mapping re-homed a code (an imposed blockade, 191, is COERCE);
 * - as CAMEO coders do, a planned cooperative act also counts as an intention (03x), a negated one
 *   as a refusal (12x) and an announced or conditional hostile act as a threat (13x);
 * - countries are compared on the first three letters of the actor codes (old codes such as JAP are
 *   mapped to ISO); NGO and IGO count as one, since the records code Amnesty and the Red Cross IGO;
 * - gold actors with no target are reciprocal (SRC/TAR): they may sit on either side of ours.
 * The records' dates are placeholders, so documents are analysed undated; quotes only feed
 * attribution, which the records do not grade, so that stage is skipped.
 */
import { readFileSync } from 'node:fs';
import type { DocumentInfo, EventOut } from '../contract/types.js';
import { extractEntities } from '../extraction/entities.js';
import { extractEvents } from '../extraction/events.js';
import { conventionalCode } from '../extraction/lexicon/index.js';
import { extractTimes } from '../extraction/times.js';
import type { AnalysisContext } from '../extraction/types.js';
import { loadKnowledgeBase } from '../knowledge/index.js';
import { annotateLanguage, loadLanguageModels } from '../language/index.js';
import type { LanguageModels } from '../language/index.js';
import { loadNerModel } from '../language/ner.js';
import { loadSyntaxModels } from '../language/syntax.js';
import { structureText } from '../text/index.js';
import type { EvalOptions, EvalReport, EvalTask } from './types.js';

/** CAMEO roots each gold label (old and current PLOVER names) stands for. */
const LABEL_ROOTS: Readonly<Record<string, readonly string[]>> = {
  AGREE: ['03'],
  CONSULT: ['04'],
  SUPPORT: ['05'],
  COOPERATE: ['06'],
  AID: ['07'],
  CONCEDE: ['08'],
  RETREAT: ['08'],
  INVESTIGATE: ['09'],
  DEMAND: ['10'],
  REQUEST: ['10'],
  DISAPPROVE: ['11'],
  ACCUSE: ['09', '11'],
  REJECT: ['12'],
  THREATEN: ['13'],
  PROTEST: ['14'],
  MOBILIZE: ['15'],
  SANCTION: ['16'],
  COERCE: ['17'],
  ASSAULT: ['18', '20'],
  FIGHT: ['19'],
};

/** Old CAMEO country codes in the records → ISO 3166 alpha-3. */
const LEGACY_CODES: Readonly<Record<string, string>> = { JAP: 'JPN', ITL: 'ITA', VTN: 'VNM', ROM: 'ROU', ZAR: 'COD', BUL: 'BGR' };

interface GoldActor {
  code?: string;
}

interface GoldRecord {
  id: string;
  event: string;
  text?: string;
  source?: GoldActor[] | string | null;
  target?: GoldActor[] | string | null;
}

function goldCodes(side: GoldRecord['source']): string[] {
  if (!Array.isArray(side)) return [];
  const codes = side.map((actor) => (actor.code ?? '').toUpperCase().slice(0, 3)).filter((code) => /^[A-Z]{3}$/.test(code));
  return [...new Set(codes.map((code) => countryPart(LEGACY_CODES[code] ?? code)))];
}

/** The records code transnational NGOs (Amnesty, the Red Cross) as IGO, so the two count as one. */
function countryPart(code: string): string {
  const prefix = code.slice(0, 3).toUpperCase();
  return prefix === 'NGO' ? 'IGO' : prefix;
}

function predictedCodes(actors: string[]): Set<string> {
  return new Set(actors.map(countryPart));
}

/** Labels that name a current PLOVER type: the 2021 mapping re-homes some codes (an imposed blockade, 191, is COERCE). */
const CURRENT_TYPE: Readonly<Record<string, string>> = { DEMAND: 'REQUEST', COERCE: 'COERCE', SANCTION: 'SANCTION', REJECT: 'REJECT', THREATEN: 'THREATEN', AGREE: 'AGREE' };

function typeMatches(event: EventOut, label: string): boolean {
  const roots = LABEL_ROOTS[label];
  const conventional = conventionalCode(event.cameo, event.status);
  if (roots.includes(event.root) || roots.includes(conventional.slice(0, 2))) return true;
  return CURRENT_TYPE[label] !== undefined && event.status === 'occurred' && event.plover === CURRENT_TYPE[label];
}

/** Gold actors with no target are reciprocal (SRC/TAR in the records): they may be on either side of ours. */
function dyadMatches(event: EventOut, sources: string[], targets: string[]): boolean {
  const source = predictedCodes(event.source_actors);
  const target = predictedCodes(event.target_actors);
  if (targets.length === 0) return sources.length > 0 && sources.every((code) => source.has(code) || target.has(code));
  return sources.every((code) => source.has(code)) && targets.every((code) => target.has(code));
}

function documentInfo(record: GoldRecord, text: string): DocumentInfo {
  return {
    id: record.id,
    title: null,
    outlet: null,
    agency: null,
    author: null,
    url: null,
    published: null,
    published_source: null,
    language: 'en',
    text,
  };
}

/** The shipped language models, or the given dependency-parser file with the shipped tagger and NER; null when none load. */
function tryLoadModels(depsModel?: string): LanguageModels | null {
  try {
    return depsModel ? { syntax: loadSyntaxModels(undefined, { deps: depsModel }), ner: loadNerModel() } : loadLanguageModels();
  } catch {
    return null;
  }
}

export const eventsEval: EvalTask = {
  name: 'events',
  summary: 'PLOVER gold records: events with the gold type and source/target countries (full, type-only, dyad-only), extra events, events per 1,000 words',
  async run(options: EvalOptions): Promise<EvalReport> {
    const records = (JSON.parse(readFileSync(options.data, 'utf8')) as GoldRecord[]).filter(
      (record) => record.text && LABEL_ROOTS[record.event] !== undefined,
    );
    const selected = options.limit ? records.slice(0, options.limit) : records;
    const kb = loadKnowledgeBase();
    const models = tryLoadModels(options.model);
    let full = 0;
    let typeOnly = 0;
    let dyadOnly = 0;
    let extra = 0;
    let eventCount = 0;
    let words = 0;
    const byLabel = new Map<string, { n: number; full: number }>();
    const misses: { id: string; gold: string; sources: string[]; targets: string[]; found: string[] }[] = [];
    for (const record of selected) {
      const text = (record.text as string).replace(/^\s*\{|\}\s*$/g, '').trim();
      const structure = structureText(text);
      const ctx: AnalysisContext = {
        document: documentInfo(record, text),
        text,
        structure,
        language: models ? annotateLanguage(models, text, structure) : null,
      };
      const entities = extractEntities(ctx, kb);
      const events = extractEvents(ctx, { entities, times: extractTimes(ctx), quotes: [] });
      const sources = goldCodes(record.source);
      const targets = goldCodes(record.target);
      const isFull = events.some((event) => typeMatches(event, record.event) && dyadMatches(event, sources, targets));
      if (isFull) full++;
      if (events.some((event) => typeMatches(event, record.event))) typeOnly++;
      if (events.some((event) => dyadMatches(event, sources, targets))) dyadOnly++;
      extra += Math.max(0, events.length - (isFull ? 1 : 0));
      eventCount += events.length;
      words += text.split(/\s+/).filter(Boolean).length;
      const label = byLabel.get(record.event) ?? { n: 0, full: 0 };
      label.n++;
      if (isFull) label.full++;
      byLabel.set(record.event, label);
      if (!isFull) {
        misses.push({
          id: record.id,
          gold: `${record.event} ${sources.join('+')}→${targets.join('+')}`,
          sources,
          targets,
          found: events.map((event) => `${event.cameo}/${event.status} "${event.trigger.text}" ${event.source_actors.join('+')}→${event.target_actors.join('+')}`),
        });
      }
    }
    const n = selected.length;
    const rate = (count: number): number => (n === 0 ? 0 : Math.round((count / n) * 1000) / 1000);
    const json = {
      task: 'events',
      data: options.data,
      n,
      parse: models !== null,
      full_match: rate(full),
      type_only: rate(typeOnly),
      dyad_only: rate(dyadOnly),
      extra_events_per_record: n === 0 ? 0 : Math.round((extra / n) * 100) / 100,
      events_per_1000_words: words === 0 ? 0 : Math.round((eventCount / words) * 10000) / 10,
      by_label: Object.fromEntries([...byLabel].map(([label, counts]) => [label, { n: counts.n, full: Math.round((counts.full / counts.n) * 1000) / 1000 }])),
      misses,
    };
    const lines = [
      `events on ${n} records (${models ? 'with' : 'without'} the dependency parse)`,
      `full match (type + source + target): ${(json.full_match * 100).toFixed(1)}%`,
      `type only: ${(json.type_only * 100).toFixed(1)}%   dyad only: ${(json.dyad_only * 100).toFixed(1)}%`,
      `extra events per record: ${json.extra_events_per_record}   events per 1,000 words: ${json.events_per_1000_words}`,
      ...[...byLabel].sort((a, b) => b[1].n - a[1].n).map(([label, counts]) => `  ${label.padEnd(12)} ${String(counts.full).padStart(3)}/${counts.n}`),
    ];
    return { json, text: lines.join('\n') };
  },
};
