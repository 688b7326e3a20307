/**
 * `storyline eval entities --data <file>` measures the entity stage in two ways, by the file given:
 * - a PLOVER gold-standard JSON file (`plover_gsr_dev.json`): for every gold source/target actor
 *   whose words occur in the record's text, is the entity at those words coded with the gold
 *   country (IGO for international organisations), and with the gold sector where one is given?
 * - a CoNLL-2003 file: how well names are found and typed, as exact span + type P/R/F1 against
 *   the gold PER, ORG, LOC, MISC. Each article
 * is rebuilt from its gold tokens (one line per sentence), so only the entity stage is measured,
 * not tokenisation; the language models are used when they load (the report says whether). Our
 * types map onto CoNLL's: PERSON → PER, ORG → ORG, GPE/LOC/FAC and metonyms → LOC, demonyms,
 * peoples, events and others → MISC. Only name-like mentions count (not pronouns, titles, groups).
 */
import { readFileSync } from 'node:fs';
import type { Entity, EntityType } from '../contract/types.js';
import { entityAt, extractEntities } from '../extraction/entities.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { structureText } from '../text/index.js';
import { loadKnowledgeBase } from '../knowledge/index.js';
import type { NerDocument } from '../language/nerCorpus.js';
import { readNerFile } from '../language/nerCorpus.js';
import { SpanScorer } from '../language/nerScore.js';
import type { LanguageAnnotation } from '../language/types.js';
import type { TextStructure } from '../text/types.js';
import type { EvalOptions, EvalReport, EvalTask } from './types.js';

const CONLL_TYPE: Record<EntityType, string> = {
  PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', FAC: 'LOC', NORP: 'MISC', EVENT: 'MISC', OTHER: 'MISC',
};

type Annotate = (text: string, structure: TextStructure) => LanguageAnnotation | null;

/**
 * The language stage when its models load and run, else null (the entity stage then falls back to
 * case and the KB). A document the stage fails on is analysed without it.
 */
async function loadAnnotator(): Promise<Annotate | null> {
  try {
    const language = await import('../language/index.js');
    const models = language.loadLanguageModels();
    const annotate: Annotate = (text, structure) => {
      try {
        return language.annotateLanguage(models, text, structure);
      } catch {
        return null;
      }
    };
    const probe = 'The minister spoke in Paris.';
    return annotate(probe, structureText(probe)) ? annotate : null;
  } catch {
    return null;
  }
}

/** The article's text (words joined by spaces, one sentence per line) and its structure from the gold tokens. */
function rebuild(document: NerDocument): { text: string; structure: TextStructure } {
  const structure: TextStructure = { blocks: [], sentences: [], tokens: [], agency: null, author: null };
  let text = '';
  document.sentences.forEach((sentence, index) => {
    const blockStart = text.length;
    const tokenStart = structure.tokens.length;
    sentence.words.forEach((word, w) => {
      const start = text.length;
      text += word;
      structure.tokens.push({ start, end: text.length, text: word, sentence: index, spaceAfter: w < sentence.words.length - 1 });
      if (w < sentence.words.length - 1) text += ' ';
    });
    structure.blocks.push({ kind: 'paragraph', start: blockStart, end: text.length });
    structure.sentences.push({ start: blockStart, end: text.length, block: index, tokenStart, tokenEnd: structure.tokens.length });
    text += '\n';
  });
  return { text, structure };
}

/** IOB2 tags per sentence from the entities' name-like mentions. */
function predictedTags(entities: Entity[], structure: TextStructure): string[][] {
  const tags = structure.sentences.map((s) => new Array<string>(s.tokenEnd - s.tokenStart).fill('O'));
  const tokenAt = new Map<number, number>(structure.tokens.map((token, index) => [token.start, index]));
  const tokenEnding = new Map<number, number>(structure.tokens.map((token, index) => [token.end, index]));
  for (const entity of entities) {
    for (const mention of entity.mentions) {
      if (mention.kind !== 'name' && mention.kind !== 'demonym' && mention.kind !== 'metonym') continue;
      const first = tokenAt.get(mention.start);
      const last = tokenEnding.get(mention.end);
      if (first === undefined || last === undefined) continue;
      const type = mention.kind === 'demonym' ? 'MISC' : mention.kind === 'metonym' ? 'LOC' : CONLL_TYPE[entity.type];
      const sentence = structure.sentences[structure.tokens[first].sentence];
      const row = tags[structure.tokens[first].sentence];
      if (row[first - sentence.tokenStart] !== 'O') continue;
      for (let k = first; k <= last; k++) row[k - sentence.tokenStart] = (k === first ? 'B-' : 'I-') + type;
    }
  }
  return tags;
}

interface GoldActor {
  actorText?: string;
  code?: string;
  sector?: string;
}

interface PloverRecord {
  text?: string;
  date?: string;
  source?: GoldActor[] | string;
  target?: GoldActor[] | string;
}

/** Older CAMEO country codes in the gold → ISO 3166 alpha-3. */
const LEGACY_CODES: Record<string, string> = { JAP: 'JPN', ITL: 'ITA', IMG: 'IGO' };

interface ActorScores {
  records: number;
  actors: number;
  country: number;
  withSector: number;
  sector: number;
}

/** The country (or "IGO") of an entity, looking through a group to its members. */
function countriesOf(entity: Entity, entities: Entity[]): string[] {
  const members = entity.members?.map((id) => entities.find((e) => e.id === id)).filter((e): e is Entity => e !== undefined) ?? [entity];
  return members.map((member) => (member.actor?.code.startsWith('IGO') ? 'IGO' : member.actor?.country ?? ''));
}

function scoreActors(records: PloverRecord[], kb: KnowledgeBase, annotate: Annotate | null, limit?: number): ActorScores {
  const scores: ActorScores = { records: 0, actors: 0, country: 0, withSector: 0, sector: 0 };
  for (const record of records) {
    if (limit !== undefined && scores.records >= limit) break;
    const text = record.text?.trim();
    const gold = [record.source, record.target].flatMap((side) => (Array.isArray(side) ? side : []));
    if (!text || gold.length === 0) continue;
    scores.records++;
    const structure = structureText(text);
    const info = { id: 'plover', title: null, outlet: null, agency: null, author: null, url: null, published: record.date ?? null, published_source: null, language: 'en', text };
    const entities = extractEntities({ document: info, text, structure, language: annotate ? annotate(text, structure) : null }, kb);
    for (const actor of gold) {
      const start = actor.actorText ? text.indexOf(actor.actorText.trim()) : -1;
      if (start < 0 || !actor.code) continue;
      scores.actors++;
      const entity = entityAt(entities, start, start + actor.actorText!.trim().length, text);
      const code = LEGACY_CODES[actor.code] ?? actor.code;
      const countryRight = entity !== undefined && countriesOf(entity, entities).includes(code);
      if (countryRight) scores.country++;
      const sector = actor.sector?.slice(0, 3);
      if (sector && code !== 'IGO') {
        scores.withSector++;
        if (countryRight && entity?.actor?.sector === sector) scores.sector++;
      }
    }
  }
  return scores;
}

/** Actor scores with the language models when they run, and without them (the fallback path). */
async function runActors(options: EvalOptions): Promise<EvalReport> {
  const records = JSON.parse(readFileSync(options.data, 'utf8')) as PloverRecord[];
  const kb = loadKnowledgeBase();
  const started = performance.now();
  const annotate = await loadAnnotator();
  const plain = scoreActors(records, kb, null, options.limit);
  const withModels = annotate ? scoreActors(records, kb, annotate, options.limit) : null;
  const summary = (scores: ActorScores) => ({
    country_accuracy: percent(scores.country / Math.max(1, scores.actors)),
    country_sector_accuracy: percent(scores.sector / Math.max(1, scores.withSector)),
  });
  const main = summary(withModels ?? plain);
  const json = {
    task: 'entities',
    mode: 'actors',
    n: plain.records,
    language_models: annotate !== null,
    actors: plain.actors,
    actors_with_sector: plain.withSector,
    ...main,
    without_language_models: summary(plain),
    seconds: Math.round(performance.now() - started) / 1000,
  };
  const line = (label: string, scores: ActorScores) => {
    const s = summary(scores);
    return `${label.padEnd(26)}${String(s.country_accuracy).padStart(8)}%${String(s.country_sector_accuracy).padStart(8)}%`;
  };
  const text = [
    `Entity actors on ${plain.records} PLOVER records (${plain.actors} gold actors found in the text, ${plain.withSector} with a sector)`,
    `${''.padEnd(26)}${'country'.padStart(9)}${'+sector'.padStart(9)}`,
    ...(withModels ? [line('with language models', withModels)] : []),
    line('without language models', plain),
  ].join('\n');
  return { json, text };
}

const percent = (value: number): number => Math.round(value * 10000) / 100;

/** Name span + type scores over CoNLL articles, with or without the language stage. */
function scoreNames(documents: NerDocument[], kb: KnowledgeBase, annotate: Annotate | null, limit?: number): { sentences: number; scores: ReturnType<SpanScorer['scores']> } {
  const scorer = new SpanScorer();
  let sentences = 0;
  for (const document of documents) {
    if (limit !== undefined && sentences >= limit) break;
    const { text, structure } = rebuild(document);
    const info = { id: 'conll', title: null, outlet: null, agency: null, author: null, url: null, published: null, published_source: null, language: 'en', text };
    const entities = extractEntities({ document: info, text, structure, language: annotate ? annotate(text, structure) : null }, kb);
    const predicted = predictedTags(entities, structure);
    document.sentences.forEach((sentence, index) => scorer.add(sentence.tags, predicted[index]));
    sentences += document.sentences.length;
  }
  return { sentences, scores: scorer.scores() };
}

async function runNames(options: EvalOptions): Promise<EvalReport> {
  const kb = loadKnowledgeBase();
  const documents = readNerFile(options.data);
  const started = performance.now();
  const annotate = await loadAnnotator();
  const plain = scoreNames(documents, kb, null, options.limit);
  const withModels = annotate ? scoreNames(documents, kb, annotate, options.limit) : null;
  const { sentences, scores } = withModels ?? plain;
  const byType = Object.fromEntries(
    Object.entries(scores.byType).map(([type, s]) => [type, { precision: percent(s.precision), recall: percent(s.recall), f1: percent(s.f1), gold: s.gold, predicted: s.predicted }]),
  );
  const json = {
    task: 'entities',
    mode: 'names',
    n: sentences,
    language_models: annotate !== null,
    precision: percent(scores.precision),
    recall: percent(scores.recall),
    f1: percent(scores.f1),
    by_type: byType,
    without_language_models: { precision: percent(plain.scores.precision), recall: percent(plain.scores.recall), f1: percent(plain.scores.f1) },
    seconds: Math.round(performance.now() - started) / 1000,
  };
  const row = (label: string, s: { precision: number; recall: number; f1: number }, gold = '') =>
    `${label.padEnd(10)}${String(s.precision).padStart(8)}${String(s.recall).padStart(8)}${String(s.f1).padStart(8)}${gold.padStart(8)}`;
  const text = [
    `Entity names on ${sentences} sentences (exact span + type; language models ${annotate ? 'on' : 'off'})`,
    `${'type'.padEnd(10)}${'P'.padStart(8)}${'R'.padStart(8)}${'F1'.padStart(8)}${'gold'.padStart(8)}`,
    ...Object.entries(byType).map(([type, s]) => row(type, s, String(s.gold))),
    row('all', json),
    ...(withModels ? [row('no models', json.without_language_models)] : []),
  ].join('\n');
  return { json, text };
}

export const entitiesEval: EvalTask = {
  name: 'entities',
  summary: 'entity stage: actor codes on a PLOVER GSR .json file, or name span + type P/R/F1 on a CoNLL-2003 file',
  async run(options: EvalOptions): Promise<EvalReport> {
    return options.data.endsWith('.json') ? runActors(options) : runNames(options);
  },
};
