/**
 * `storyline eval entities --data <conll file>`: how well the entity stage finds and types names,
 * measured as exact span + type P/R/F1 against CoNLL-2003 gold (PER, ORG, LOC, MISC). Each article
 * is rebuilt from its gold tokens (one line per sentence), so only the entity stage is measured,
 * not tokenisation; the language models are used when they load (the report says whether). Our
 * types map onto CoNLL's: PERSON → PER, ORG → ORG, GPE/LOC/FAC and metonyms → LOC, demonyms,
 * peoples, events and others → MISC. Only name-like mentions count (not pronouns, titles, groups).
 */
import type { Entity, EntityType } from '../contract/types.js';
import { extractEntities } from '../extraction/entities.js';
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

type Annotate = (text: string, structure: TextStructure) => LanguageAnnotation;

/** The language stage when its models load, else null (the entity stage then falls back to case and the KB). */
async function loadAnnotator(): Promise<Annotate | null> {
  try {
    const language = await import('../language/index.js');
    const models = language.loadLanguageModels();
    return (text, structure) => language.annotateLanguage(models, text, structure);
  } catch {
    return null;
  }
}

/** The article's text (words joined by spaces, one sentence per line) and its structure from the gold tokens. */
function rebuild(document: NerDocument): { text: string; structure: TextStructure } {
  const structure: TextStructure = { blocks: [], sentences: [], tokens: [], agency: null };
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

const percent = (value: number): number => Math.round(value * 10000) / 100;

export const entitiesEval: EvalTask = {
  name: 'entities',
  summary: 'entity stage names: exact span + type P/R/F1 (PER/ORG/LOC/MISC) on a CoNLL-2003 file',
  async run(options: EvalOptions): Promise<EvalReport> {
    const kb = loadKnowledgeBase();
    const annotate = await loadAnnotator();
    const scorer = new SpanScorer();
    let sentences = 0;
    const started = performance.now();
    for (const document of readNerFile(options.data)) {
      if (options.limit !== undefined && sentences >= options.limit) break;
      const { text, structure } = rebuild(document);
      const info = { id: 'conll', title: null, outlet: null, agency: null, author: null, url: null, published: null, published_source: null, language: 'en', text };
      const entities = extractEntities({ document: info, text, structure, language: annotate ? annotate(text, structure) : null }, kb);
      const predicted = predictedTags(entities, structure);
      document.sentences.forEach((sentence, index) => scorer.add(sentence.tags, predicted[index]));
      sentences += document.sentences.length;
    }
    const scores = scorer.scores();
    const byType = Object.fromEntries(
      Object.entries(scores.byType).map(([type, s]) => [type, { precision: percent(s.precision), recall: percent(s.recall), f1: percent(s.f1), gold: s.gold, predicted: s.predicted }]),
    );
    const json = {
      task: 'entities',
      n: sentences,
      language_models: annotate !== null,
      precision: percent(scores.precision),
      recall: percent(scores.recall),
      f1: percent(scores.f1),
      by_type: byType,
      seconds: Math.round(performance.now() - started) / 1000,
    };
    const rows = Object.entries(byType).map(
      ([type, s]) => `${type.padEnd(8)}${String(s.precision).padStart(8)}${String(s.recall).padStart(8)}${String(s.f1).padStart(8)}${String(s.gold).padStart(8)}`,
    );
    const text = [
      `Entity names on ${sentences} sentences (exact span + type; language models ${annotate ? 'on' : 'off'})`,
      `${'type'.padEnd(8)}${'P'.padStart(8)}${'R'.padStart(8)}${'F1'.padStart(8)}${'gold'.padStart(8)}`,
      ...rows,
      `${'all'.padEnd(8)}${String(json.precision).padStart(8)}${String(json.recall).padStart(8)}${String(json.f1).padStart(8)}`,
    ].join('\n');
    return { json, text };
  },
};
