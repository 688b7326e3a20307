/**
 * Gold standard for the text stage from a CoNLL-U treebank (UD English EWT): rebuilds each
 * document's raw text from the `# text` lines (sentences of a paragraph joined by one space, or by
 * nothing after `SpaceAfter=No` on a sentence's last token; `# newpar`/`# newdoc` start a new line)
 * and records the gold sentence spans and syntactic-word spans (with their universal part-of-speech
 * tags, which the boundary model's lexicon learns from) in that text. Also scores predicted
 * spans against gold ones. Used by the `sentences` and `tokens` evaluations and by the boundary
 * model's trainer.
 */
import { readFileSync } from 'node:fs';
import type { Span } from '../contract/types.js';
import type { SentenceBoundaryModel } from './boundaryModel.js';
import { structureText } from './index.js';

export interface GoldDocument {
  text: string;
  sentences: Span[];
  /** Syntactic words (UD word lines) as character spans in `text`. */
  words: Span[];
  /** The universal part-of-speech tag of each of `words`. */
  wordTags: string[];
  /** Number of words whose form could not be found in the sentence text (not scored as found). */
  unaligned: number;
}

interface RawSentence {
  text: string;
  newDocument: boolean;
  newParagraph: boolean;
  /** Surface units in order: a plain word, or a multiword token with its word forms. */
  units: Array<{ surface: string; words: string[]; tags: string[] }>;
  spaceAfterLast: boolean;
}

function parseSentences(source: string, limit?: number): RawSentence[] {
  const sentences: RawSentence[] = [];
  let current: RawSentence | null = null;
  let pendingDocument = false;
  let pendingParagraph = false;
  let multiwordEnd = -1;
  const finish = (): void => {
    if (current && current.units.length > 0) sentences.push(current);
    current = null;
  };
  for (const rawLine of source.split('\n')) {
    if (limit !== undefined && sentences.length >= limit) break;
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line === '') {
      finish();
      continue;
    }
    if (line.startsWith('#')) {
      if (/^#\s*newdoc\b/.test(line)) pendingDocument = true;
      else if (/^#\s*newpar\b/.test(line)) pendingParagraph = true;
      else if (/^#\s*text\s*=/.test(line)) {
        current = {
          text: line.replace(/^#\s*text\s*=\s?/, ''),
          newDocument: pendingDocument,
          newParagraph: pendingParagraph,
          units: [],
          spaceAfterLast: true,
        };
        pendingDocument = false;
        pendingParagraph = false;
        multiwordEnd = -1;
      }
      continue;
    }
    if (!current) continue;
    const columns = line.split('\t');
    if (columns.length < 10) continue;
    const sentence: RawSentence = current;
    const id = columns[0];
    const spaceAfter = !/(?:^|\|)SpaceAfter=No(?:\||$)/.test(columns[9]);
    const range = /^(\d+)-(\d+)$/.exec(id);
    if (range) {
      sentence.units.push({ surface: columns[1], words: [], tags: [] });
      multiwordEnd = Number(range[2]);
      sentence.spaceAfterLast = spaceAfter;
      continue;
    }
    if (!/^\d+$/.test(id)) continue;
    if (Number(id) <= multiwordEnd) {
      sentence.units[sentence.units.length - 1].words.push(columns[1]);
      sentence.units[sentence.units.length - 1].tags.push(columns[3]);
      continue;
    }
    sentence.units.push({ surface: columns[1], words: [columns[1]], tags: [columns[3]] });
    sentence.spaceAfterLast = spaceAfter;
  }
  finish();
  return sentences;
}

/** Finds word spans inside one sentence's text; returns the number of words not found. */
function alignWords(sentence: RawSentence, offset: number, words: Span[], wordTags: string[]): number {
  const text = sentence.text;
  let cursor = 0;
  let unaligned = 0;
  for (const unit of sentence.units) {
    while (cursor < text.length && /\s/.test(text[cursor])) cursor++;
    if (!text.startsWith(unit.surface, cursor)) {
      const found = text.indexOf(unit.surface, cursor);
      if (found < 0) {
        unaligned += unit.words.length;
        continue;
      }
      cursor = found;
    }
    const unitEnd = cursor + unit.surface.length;
    let wordCursor = cursor;
    for (const [index, word] of unit.words.entries()) {
      if (text.startsWith(word, wordCursor) && wordCursor + word.length <= unitEnd) {
        words.push({ start: offset + wordCursor, end: offset + wordCursor + word.length });
        wordTags.push(unit.tags[index]);
        wordCursor += word.length;
      } else unaligned++;
    }
    cursor = unitEnd;
  }
  return unaligned;
}

/** Rebuilds the documents of a CoNLL-U file; `limit` keeps only the first n sentences. */
export function readGoldDocuments(path: string, limit?: number): GoldDocument[] {
  const documents: GoldDocument[] = [];
  let document: GoldDocument | null = null;
  let previous: RawSentence | null = null;
  for (const sentence of parseSentences(readFileSync(path, 'utf8'), limit)) {
    if (!document || sentence.newDocument) {
      document = { text: '', sentences: [], words: [], wordTags: [], unaligned: 0 };
      documents.push(document);
    } else if (sentence.newParagraph) document.text += '\n';
    else if (previous?.spaceAfterLast) document.text += ' ';
    const offset = document.text.length;
    document.text += sentence.text;
    document.sentences.push({ start: offset, end: offset + sentence.text.trimEnd().length });
    document.unaligned += alignWords(sentence, offset, document.words, document.wordTags);
    previous = sentence;
  }
  return documents;
}

export interface SpanScore {
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Exact-match precision, recall and F1 of predicted spans against gold spans, summed over documents. */
export function scoreSpans(pairs: ReadonlyArray<{ gold: readonly Span[]; predicted: readonly Span[] }>): SpanScore {
  let gold = 0;
  let predicted = 0;
  let correct = 0;
  for (const pair of pairs) {
    const goldKeys = new Set(pair.gold.map((span) => span.start * 0x100000 + span.end));
    gold += goldKeys.size;
    predicted += pair.predicted.length;
    for (const span of pair.predicted) if (goldKeys.has(span.start * 0x100000 + span.end)) correct++;
  }
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, predicted, correct, precision, recall, f1 };
}

/** Sentence-span scores of the text stage on rebuilt documents (`model` as in `StructureOptions`). */
export function scoreSentences(documents: readonly GoldDocument[], model?: SentenceBoundaryModel | null): SpanScore {
  return scoreSpans(
    documents.map((document) => ({
      gold: document.sentences,
      predicted: structureText(document.text, { boundaryModel: model }).sentences,
    })),
  );
}
