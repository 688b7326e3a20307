/**
 * `storyline eval language --data <dir | file.conllu | conll2003.txt>`: runs language
 * identification over real English corpora and counts how often it says English, 'und' or another
 * language. Another language is the costly error (the pipeline then analyses structure only), so the
 * report lists those documents. A directory is read through the input stage itself (every .txt,
 * .html, .json and .jsonl file), so read failures are counted too; a CoNLL-U treebank is also scored
 * sentence by sentence, the hardest case for a word-profile identifier.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { readInputs } from '../input/index.js';
import { detectLanguage } from '../input/language.js';
import { readNerFile } from '../language/nerCorpus.js';
import { readGoldDocuments } from '../text/goldText.js';
import type { EvalOptions, EvalReport, EvalTask } from './types.js';

interface Sample {
  source: string;
  text: string;
}

function listArticleFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return listArticleFiles(full);
      return /\.(txt|html?|jsonl?)$/i.test(name) ? [full] : [];
    });
}

async function readDirectory(dir: string, limit: number | undefined): Promise<{ samples: Sample[]; failures: string[] }> {
  const files = listArticleFiles(dir).slice(0, limit);
  const samples: Sample[] = [];
  const failures: string[] = [];
  for await (const outcome of readInputs(files)) {
    if (outcome.ok) samples.push({ source: outcome.document.source, text: outcome.document.text });
    else failures.push(`${outcome.failure.source}: ${outcome.failure.reason}`);
  }
  return { samples, failures };
}

interface Tally {
  n: number;
  english: number;
  undetermined: number;
  other: Record<string, number>;
  misread: string[];
  meanConfidence: number;
}

function tally(samples: readonly Sample[]): Tally {
  const result: Tally = { n: samples.length, english: 0, undetermined: 0, other: {}, misread: [], meanConfidence: 0 };
  let confidence = 0;
  for (const sample of samples) {
    const detected = detectLanguage(sample.text);
    confidence += detected.confidence;
    if (detected.code === 'en') result.english++;
    else if (detected.code === 'und') result.undetermined++;
    else {
      result.other[detected.code] = (result.other[detected.code] ?? 0) + 1;
      result.misread.push(`${sample.source} → ${detected.code}: ${sample.text.slice(0, 60).replace(/\s+/g, ' ')}`);
    }
  }
  result.meanConfidence = samples.length > 0 ? Number((confidence / samples.length).toFixed(3)) : 0;
  return result;
}

const rate = (count: number, n: number): number => (n > 0 ? Number((count / n).toFixed(4)) : 0);

function describe(label: string, counts: Tally): string {
  const other = Object.values(counts.other).reduce((sum, count) => sum + count, 0);
  return (
    `${label}: ${counts.n}  English ${rate(counts.english, counts.n)}  und ${rate(counts.undetermined, counts.n)}  ` +
    `other ${rate(other, counts.n)} ${JSON.stringify(counts.other)}  mean confidence ${counts.meanConfidence}`
  );
}

function summarise(counts: Tally): Record<string, unknown> {
  const other = Object.values(counts.other).reduce((sum, count) => sum + count, 0);
  return {
    n: counts.n,
    english_rate: rate(counts.english, counts.n),
    und_rate: rate(counts.undetermined, counts.n),
    other_rate: rate(other, counts.n),
    other: counts.other,
    mean_confidence: counts.meanConfidence,
    misread: counts.misread.slice(0, 20),
  };
}

async function run(options: EvalOptions): Promise<EvalReport> {
  let documents: Sample[];
  let sentences: Sample[] = [];
  let failures: string[] = [];
  if (statSync(options.data).isDirectory()) {
    ({ samples: documents, failures } = await readDirectory(options.data, options.limit));
  } else if (options.data.endsWith('.conllu')) {
    const gold = readGoldDocuments(options.data).slice(0, options.limit);
    documents = gold.map((document, index) => ({ source: `doc ${index + 1}`, text: document.text }));
    sentences = gold.flatMap((document, index) =>
      document.sentences.map((span) => ({ source: `doc ${index + 1}`, text: document.text.slice(span.start, span.end) })),
    );
  } else {
    documents = readNerFile(options.data)
      .slice(0, options.limit)
      .map((document, index) => ({ source: `doc ${index + 1}`, text: document.sentences.map((sentence) => sentence.words.join(' ')).join('\n') }));
  }
  const byDocument = tally(documents);
  const bySentence = sentences.length > 0 ? tally(sentences) : null;
  const json: Record<string, unknown> = {
    task: 'language',
    expected: 'en',
    read_failures: failures.length,
    failures: failures.slice(0, 20),
    documents: summarise(byDocument),
    ...(bySentence ? { sentences: summarise(bySentence) } : {}),
  };
  const lines = [describe('documents', byDocument)];
  if (bySentence) lines.push(describe('sentences', bySentence));
  if (failures.length > 0) lines.push(`read failures: ${failures.length}`, ...failures.slice(0, 5).map((failure) => `  ${failure}`));
  if (byDocument.misread.length > 0) lines.push('documents identified as another language:', ...byDocument.misread.slice(0, 5).map((line) => `  ${line}`));
  return { json, text: lines.join('\n') };
}

export const languageEval: EvalTask = {
  name: 'language',
  summary: 'Language identification over English corpora (share identified as English / und / another language), read through the input stage',
  run,
};
