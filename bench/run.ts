/**
 * `npm run bench`: speed and memory, measured side by side in one run (ratios, since these machines
 * are shared and noisy). The corpus is the seed articles repeated to ~5 MB. Sections:
 *  1. reading + text structure vs wink-nlp's sentence splitting and tokenisation;
 *  2. the language stage (tag + parse + NER) vs wink-nlp's tagging + entity pipeline, and peak RSS
 *     (of the language stage alone, in a process of its own: bench/language-memory.ts, and of this process);
 *  3. entity linking as a share of the language stage;
 *  4. times + quantities vs chrono-node's parse of the same text;
 *  5. quotes + events as a share of the whole pipeline (`analyzeDocument`, as `analyze` runs it);
 *  6. compare on 1,000 generated variants of the samples (growth with the number of articles).
 * Every timing is the best of a few rounds, interleaved so both sides see the same machine load.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { sharedPath } from '../src/paths.js';
import { normaliseText } from '../src/input/normalise.js';
import { structureText } from '../src/text/index.js';
import { annotateLanguage, loadLanguageModels } from '../src/language/index.js';
import { loadKnowledgeBase } from '../src/knowledge/index.js';
import { entityAt, extractEntities } from '../src/extraction/entities.js';
import { extractTimes } from '../src/extraction/times.js';
import { extractQuantities } from '../src/extraction/quantities.js';
import { extractQuotes } from '../src/extraction/quotes.js';
import { attributionCueFinder } from '../src/extraction/attribution-model.js';
import { extractEvents } from '../src/extraction/events.js';
import type { AnalysisContext } from '../src/extraction/types.js';
import { analyzeDocument } from '../src/pipeline.js';
import type { PipelineResources } from '../src/pipeline.js';
import type { SourceDocument } from '../src/input/types.js';
import type { DocumentInfo } from '../src/contract/types.js';
import { benchCompare } from './compare.js';

const MB = 1024 * 1024;

/** Peak RSS (MB) of a process that only loads the models and annotates a slice of `bytes` (bench/language-memory.ts). */
function languageStageRss(bytes: number): number {
  const script = fileURLToPath(new URL('./language-memory.js', import.meta.url));
  const output = execFileSync(process.execPath, [script, String(bytes)], { encoding: 'utf8' });
  return (JSON.parse(output) as { peakRssMb: number }).peakRssMb;
}

function seedArticles(): string[] {
  const dir = sharedPath('seeds');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(`${dir}/${name}`, 'utf8'));
}

/** The seed articles repeated until the total reaches `bytes`. */
function corpus(bytes: number): string[] {
  const seeds = seedArticles();
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const article = seeds[i % seeds.length];
    out.push(article);
    size += Buffer.byteLength(article);
  }
  return out;
}

function bestOf(rounds: number, run: () => void): number {
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best / 1000;
}

/** Times two competitors in alternating rounds; returns the best seconds of each. */
function sideBySide(rounds: number, ours: () => void, theirs: () => void): [number, number] {
  let bestOurs = Infinity;
  let bestTheirs = Infinity;
  for (let round = 0; round < rounds; round++) {
    bestOurs = Math.min(bestOurs, bestOf(1, ours));
    bestTheirs = Math.min(bestTheirs, bestOf(1, theirs));
  }
  return [bestOurs, bestTheirs];
}

function line(label: string, value: string): void {
  console.log(`  ${label.padEnd(46)} ${value}`);
}

function rate(count: number, seconds: number, unit: string): string {
  const perSecond = count / seconds;
  return perSecond >= 1e4 ? `${Math.round(perSecond).toLocaleString('en-US')} ${unit}/s` : `${perSecond.toFixed(2)} ${unit}/s`;
}

function documentFor(text: string): DocumentInfo {
  return { id: 'bench', title: null, outlet: null, agency: null, author: null, url: null, published: '2025-08-07', published_source: 'given', language: 'en', text };
}

async function main(): Promise<void> {
  const articles = corpus(5 * MB);
  const bytes = articles.reduce((sum, article) => sum + Buffer.byteLength(article), 0);
  console.log(`Storyline bench — corpus: seed articles repeated ${articles.length}× = ${(bytes / MB).toFixed(2)} MB; node ${process.version}\n`);

  // wink-nlp is a dev dependency, loaded only here.
  const winkModule = await import('wink-nlp');
  const winkModel = (await import('wink-eng-lite-web-model')).default;
  const winkNLP = winkModule.default;
  const nlp = winkNLP(winkModel);
  const its = nlp.its;

  // 1. Reading + structure.
  let sentences = 0;
  let tokens = 0;
  const [ourStructure, winkStructure] = sideBySide(
    3,
    () => {
      sentences = 0;
      tokens = 0;
      for (const article of articles) {
        const structure = structureText(normaliseText(article));
        sentences += structure.sentences.length;
        tokens += structure.tokens.length;
      }
    },
    () => {
      for (const article of articles) {
        const doc = nlp.readDoc(article);
        doc.sentences().length();
        doc.tokens().out(its.value);
      }
    },
  );
  console.log('1. Reading + text structure (blocks, sentences, tokens)');
  line('Storyline', `${(bytes / MB / ourStructure).toFixed(2)} MB/s · ${rate(sentences, ourStructure, 'sentences')} · ${rate(tokens, ourStructure, 'tokens')}`);
  line('wink-nlp (sentences + tokens)', `${(bytes / MB / winkStructure).toFixed(2)} MB/s`);
  line('ratio Storyline / wink-nlp', `${(winkStructure / ourStructure).toFixed(2)}×`);

  // 2. Language stage on a ~1 MB slice (one core).
  const slice = articles.slice(0, Math.max(2, Math.round(articles.length / 5)));
  const sliceBytes = slice.reduce((sum, article) => sum + Buffer.byteLength(article), 0);
  const loadStarted = performance.now();
  const models = loadLanguageModels();
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const structures = slice.map((article) => structureText(article));
  const sliceTokens = structures.reduce((sum, structure) => sum + structure.tokens.length, 0);
  const languages = structures.map((structure, index) => annotateLanguage(models, slice[index], structure));
  const [ourLanguage, winkLanguage] = sideBySide(
    3,
    () => {
      structures.forEach((structure, index) => annotateLanguage(models, slice[index], structure));
    },
    () => {
      for (const article of slice) {
        const doc = nlp.readDoc(article);
        doc.tokens().out(its.pos);
        doc.entities().out(its.detail);
      }
    },
  );
  const rssAfterLanguage = process.resourceUsage().maxRSS / 1024;
  console.log(`\n2. Language stage: tag + lemma + parse + NER (${(sliceBytes / MB).toFixed(2)} MB, ${sliceTokens.toLocaleString('en-US')} tokens, one core)`);
  line('model load', `${loadSeconds.toFixed(2)} s`);
  line('Storyline', rate(sliceTokens, ourLanguage, 'tokens'));
  line('wink-nlp (POS + entities)', rate(sliceTokens, winkLanguage, 'tokens'));
  line('ratio Storyline / wink-nlp', `${(winkLanguage / ourLanguage).toFixed(2)}×`);
  line('peak RSS, language stage alone (own process)', `${languageStageRss(sliceBytes)} MB`);
  line('peak RSS of this process so far', `${rssAfterLanguage.toFixed(0)} MB (wink-nlp and section 1's corpus included)`);

  // 3. Entity linking share of the language stage.
  const kb = loadKnowledgeBase();
  const contexts: AnalysisContext[] = structures.map((structure, index) => ({
    document: documentFor(slice[index]),
    text: slice[index],
    structure,
    language: languages[index],
  }));
  const linking = bestOf(3, () => {
    for (const context of contexts) extractEntities(context, kb);
  });
  console.log('\n3. Entity linking (mentions, KB, roles, coreference)');
  line('linking time / language-stage time', `${((100 * linking) / ourLanguage).toFixed(1)}% (target ≤ 20%)`);

  // 4. Times + quantities vs chrono-node.
  const chrono = await import('chrono-node');
  const fullContexts: AnalysisContext[] = articles.map((article) => ({
    document: documentFor(article),
    text: article,
    structure: structureText(article),
    language: null,
  }));
  const reference = new Date(Date.UTC(2025, 7, 7));
  const [ourTimes, chronoTimes] = sideBySide(
    3,
    () => {
      for (const context of fullContexts) {
        extractTimes(context);
        extractQuantities(context);
      }
    },
    () => {
      for (const article of articles) chrono.parse(article, reference);
    },
  );
  console.log('\n4. Times + quantities');
  line('Storyline (times + quantities)', `${(bytes / MB / ourTimes).toFixed(2)} MB/s`);
  line('chrono-node (dates only)', `${(bytes / MB / chronoTimes).toFixed(2)} MB/s`);
  line('ratio Storyline / chrono-node', `${(chronoTimes / ourTimes).toFixed(2)}×`);

  // 5. Quotes + events as a share of the whole pipeline: `analyzeDocument`, the path `analyze` runs
  // (text, language identification, language, entities, times, quantities, quotes, events, output),
  // against quotes + events alone on the same articles.
  const findCues = attributionCueFinder();
  const resources: PipelineResources = { kb, models, findCues };
  const sources: SourceDocument[] = slice.map((article) => ({
    source: 'bench',
    text: article,
    title: null,
    outlet: null,
    author: null,
    agency: null,
    url: null,
    published: '2025-08-07',
    published_source: 'given',
  }));
  const found = contexts.map((context) => ({ entities: extractEntities(context, kb), times: extractTimes(context) }));
  let whole = Infinity;
  let eventsAndQuotes = Infinity;
  for (let round = 0; round < 3; round++) {
    whole = Math.min(whole, bestOf(1, () => sources.forEach((source) => analyzeDocument(source, resources))));
    eventsAndQuotes = Math.min(
      eventsAndQuotes,
      bestOf(1, () => {
        contexts.forEach((context, index) => {
          const entities = found[index].entities;
          const quotes = extractQuotes(context, (span) => entityAt(entities, span.start, span.end)?.id ?? null, findCues);
          extractEvents(context, { entities, times: found[index].times, quotes });
        });
      }),
    );
  }
  console.log('\n5. Quotes + events');
  line('whole pipeline (analyzeDocument)', `${(sliceBytes / MB / whole).toFixed(2)} MB/s · ${rate(sliceTokens, whole, 'tokens')}`);
  line('quotes + events / the rest of the pipeline', `+${((100 * eventsAndQuotes) / (whole - eventsAndQuotes)).toFixed(1)}% (target ≤ 25%)`);

  console.log('\n6. Compare across articles');
  for (const printed of await benchCompare()) console.log(`  ${printed}`);
  line('peak RSS (whole run, wink-nlp and chrono-node included)', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
