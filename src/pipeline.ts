/**
 * The pipeline, top to bottom: a `SourceDocument` from the input stage → text structure →
 * language annotation → knowledge-base-linked entities → times, quantities, quotes and events →
 * the `storyline.analysis/1` object. Models and the knowledge base load once per `Storyline`.
 */
import { createHash } from 'node:crypto';
import type { Analysis, DocumentInfo, TokenOut } from './contract/types.js';
import { ANALYSIS_SCHEMA_ID } from './contract/types.js';
import type { PageNotice, SourceDocument } from './input/types.js';
import { detectLanguage } from './input/language.js';
import { normalisePublished } from './input/dates.js';
import { bylineCredit, isDeskCredit, structureText, type Credit } from './text/index.js';
import type { TextStructure } from './text/types.js';
import { annotateLanguage, loadLanguageModels } from './language/index.js';
import type { LanguageModels } from './language/index.js';
import type { LanguageAnnotation } from './language/types.js';
import { loadKnowledgeBase } from './knowledge/index.js';
import type { KnowledgeBase } from './knowledge/types.js';
import type { AnalysisContext } from './extraction/types.js';
import { extractEntities, speakerAt } from './extraction/entities.js';
import { extractTimes } from './extraction/times.js';
import { extractQuantities } from './extraction/quantities.js';
import { extractQuotes } from './extraction/quotes.js';
import type { CueFinder } from './extraction/quotes.js';
import { attributionCueFinder } from './extraction/attribution-model.js';
import { extractEvents } from './extraction/events.js';

export interface StorylineOptions {
  /** Extra knowledge-base files (our format) besides the shipped ones and $STORYLINE_KB. */
  kbFiles?: string[];
}

export interface AnalyzeOptions {
  /** Include per-token annotations (`tokens`) in the output. */
  tokens?: boolean;
}

/** What the pipeline loads once: the knowledge base, the language models, the attribution cue finder. */
export interface PipelineResources {
  kb: KnowledgeBase;
  models: LanguageModels;
  findCues: CueFinder;
}

export interface Storyline extends Readonly<PipelineResources> {
  analyze(source: SourceDocument, options?: AnalyzeOptions): Analysis;
}

/** A document's id: the first 16 hex digits of the SHA-256 of its normalised text. */
export function documentId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * Author and agency: an author field naming an agency ("Pierre Martin, AFP") gives it up; the story's
 * byline names the author when the metadata does not, names more authors than it does, or when the
 * metadata credits only a desk ("Eurasia Ledger Staff", "Web Desk", the outlet itself) and the byline
 * names people.
 */
function creditOf(source: SourceDocument, structure: TextStructure): Credit {
  const given = source.author ? bylineCredit(source.author, false) : { author: null, agency: null };
  const byline = structure.author;
  const deskOnly = given.author !== null && (isDeskCredit(given.author) || given.author.toLowerCase() === source.outlet?.toLowerCase());
  const bylineNamesMore = byline !== null && (given.author === null || deskOnly || byline.startsWith(`${given.author}, `));
  return { author: bylineNamesMore ? byline : given.author, agency: source.agency ?? given.agency ?? structure.agency };
}

/** "Published 7 August 2025, 14:02 BST", "Updated: Aug 7, 2025", "By Ana Ruiz — 16 May 2025": a date the page shows at its top. */
const SHOWN_DATE = /^(?:(?:first |last )?(?:published|posted|updated)(?: on)?\s*:?\s*|.*?\s[—–|·•]\s+)(?<date>.+)$/i;
/**
 * The same, said in so many words: the only form read from a line a page set as a paragraph
 * (`<p>Published …</p>`), which its shape alone would have made a heading.
 */
const SAID_DATE = /^(?:first |last )?(?:published|posted|updated)(?: on)?\s*:?\s*(?<date>.+)$/i;
const TOP_BLOCKS = 6;

/**
 * The publication date when the source gave none: the first date the story's top lines show
 * (published_source "inferred"), or null.
 */
function shownDate(source: SourceDocument, structure: TextStructure): string | null {
  for (const block of structure.blocks.slice(0, TOP_BLOCKS)) {
    const hinted = block.kind === 'paragraph' && (source.lineHints ?? []).some((hint) => hint.start <= block.start && block.end <= hint.end);
    const pattern = block.kind === 'heading' || block.kind === 'byline' ? SHOWN_DATE : hinted ? SAID_DATE : null;
    if (!pattern) continue;
    const date = pattern.exec(source.text.slice(block.start, block.end))?.groups?.date;
    const published = normalisePublished(date);
    if (published) return published;
  }
  return null;
}

/** The warning a page notice gives: the text is not one whole article. */
function noticeWarning(notice: PageNotice): string {
  const paragraphs = `${notice.paragraphs} paragraph${notice.paragraphs === 1 ? '' : 's'} of running prose`;
  if (notice.kind === 'listing') {
    const declared = notice.declared ? `, marked ${notice.declared}` : '';
    return `looks like a listing or section page, not an article (${notice.headlines} linked headlines, ${paragraphs}${declared}): entities, quotes and events come from the teasers of different stories`;
  }
  const evidence = [notice.declared ? 'the page marks it as not free (isAccessibleForFree: false)' : null, notice.barrier ? `shows a subscription barrier ("${notice.barrier}")` : null].filter(Boolean).join(' and ');
  return `the article may be cut short by a paywall: ${evidence}; only ${paragraphs} were read`;
}

function documentInfo(source: SourceDocument, structure: TextStructure, language: string): DocumentInfo {
  const credit = creditOf(source, structure);
  const shown = source.published ? null : shownDate(source, structure);
  return {
    id: documentId(source.text),
    title: source.title,
    outlet: source.outlet,
    agency: credit.agency,
    author: credit.author,
    url: source.url,
    published: source.published ?? shown,
    published_source: source.published ? source.published_source : shown ? 'inferred' : null,
    language,
    text: source.text,
  };
}

function tokensOut(structure: TextStructure, language: LanguageAnnotation | null): TokenOut[] {
  return structure.tokens.map((token, index) => ({
    start: token.start,
    end: token.end,
    text: token.text,
    upos: language?.upos[index] ?? '',
    xpos: language?.xpos[index] ?? '',
    lemma: language?.lemma[index] ?? '',
    head: language ? language.head[index] : -1,
    deprel: language?.deprel[index] ?? '',
    ner: language?.ner[index] ?? 'O',
  }));
}

/** Runs every stage after input on one document. */
export function analyzeDocument(
  source: SourceDocument,
  resources: PipelineResources,
  options: AnalyzeOptions = {},
): Analysis {
  const structure = structureText(source.text, { hints: source.lineHints });
  const detected = detectLanguage(source.text);
  const document = documentInfo(source, structure, detected.code);
  const warnings: string[] = (source.notices ?? []).map(noticeWarning);
  if (!document.published) warnings.push('no publication date found: relative dates ("on Friday", "last month") stay unresolved; give one with --published');
  const english = detected.code === 'en' || detected.code === 'und';
  if (!english) {
    warnings.push(`language looks like '${detected.code}', not English: only the text structure was analysed`);
  }
  const language = english ? annotateLanguage(resources.models, source.text, structure) : null;
  const context: AnalysisContext = { document, text: source.text, structure, language };
  const entities = english ? extractEntities(context, resources.kb) : [];
  const times = english ? extractTimes(context) : [];
  const quantities = english ? extractQuantities(context) : [];
  const speakerOf = (span: { start: number; end: number }): string | null => speakerAt(entities, source.text, span.start, span.end)?.id ?? null;
  const quotes = english ? extractQuotes(context, speakerOf, resources.findCues) : [];
  const events = english ? extractEvents(context, { entities, times, quotes }) : [];
  const analysis: Analysis = {
    schema: ANALYSIS_SCHEMA_ID,
    document,
    blocks: structure.blocks.map(({ kind, start, end }) => ({ kind, start, end })),
    sentences: structure.sentences.map(({ start, end }) => ({ start, end })),
    entities,
    times,
    quantities,
    quotes,
    events,
    warnings,
  };
  if (options.tokens) analysis.tokens = tokensOut(structure, language);
  return analysis;
}

/** Loads the language models and the knowledge base once; analyse any number of documents after. */
export function createStoryline(options: StorylineOptions = {}): Storyline {
  const resources: PipelineResources = {
    kb: loadKnowledgeBase({ extraFiles: options.kbFiles ?? [] }),
    models: loadLanguageModels(),
    findCues: attributionCueFinder(),
  };
  return { ...resources, analyze: (source, analyzeOptions) => analyzeDocument(source, resources, analyzeOptions) };
}
