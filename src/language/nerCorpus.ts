/**
 * Reading named-entity corpora and turning IOB tags into spans.
 *
 * Two formats are understood, told apart by their lines:
 * - CoNLL-2003 (`word POS chunk NER`, space separated, blank line between sentences, optional
 *   `-DOCSTART-` lines between articles);
 * - IOB2 CoNLL-U-like files such as Universal NER (`id<TAB>word<TAB>tag…`, `# newdoc` comments).
 *
 * Tags are normalised to IOB2 (an `I-X` that opens a span becomes `B-X`). Documents matter to the
 * model (it remembers how a name was tagged earlier in the same article); when a CoNLL file carries
 * no `-DOCSTART-` lines (the plain `valid.txt`), articles are recovered from their datelines: a
 * Reuters article is a headline sentence followed by a "PLACE 1996-08-22" sentence, so a new article
 * starts one sentence before every dateline.
 */
import { readFileSync } from 'node:fs';

export interface NerSentence {
  words: string[];
  /** IOB2 tags, parallel to `words`. */
  tags: string[];
}

export interface NerDocument {
  sentences: NerSentence[];
  /** Training passes over this document per iteration (1 when absent): how a corpus is weighted. */
  weight?: number;
}

/** A labelled span over the words of one sentence: [start, end) and its type. */
export interface TaggedSpan {
  start: number;
  end: number;
  type: string;
}

/** Reads a CoNLL-2003 or IOB2 file into documents of IOB2-tagged sentences. */
export function readNerFile(file: string): NerDocument[] {
  return parseNerText(readFileSync(file, 'utf8'));
}

/** Parses the text of a CoNLL-2003 or IOB2 file (see the module comment). */
export function parseNerText(text: string): NerDocument[] {
  const documents: NerDocument[] = [];
  let sentences: NerSentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  let sawDocumentMarks = false;

  const closeSentence = (): void => {
    if (words.length > 0) sentences.push({ words, tags: toIob2(tags) });
    words = [];
    tags = [];
  };
  const closeDocument = (): void => {
    closeSentence();
    if (sentences.length > 0) documents.push({ sentences });
    sentences = [];
  };

  for (const rawLine of text.split('\n')) {
    const line = rawLine.trimEnd();
    if (line.length === 0) {
      closeSentence();
      continue;
    }
    if (line.startsWith('-DOCSTART-') || line.startsWith('# newdoc')) {
      sawDocumentMarks = true;
      closeDocument();
      continue;
    }
    if (line.startsWith('#')) continue;
    if (line.includes('\t')) {
      const columns = line.split('\t');
      // Multi-word token ranges ("3-4") and empty nodes ("3.1") carry no tag of their own.
      if (!/^\d+$/.test(columns[0])) continue;
      words.push(columns[1]);
      tags.push(columns[2]);
    } else {
      const columns = line.split(' ');
      words.push(columns[0]);
      tags.push(columns[columns.length - 1]);
    }
  }
  closeDocument();
  if (sawDocumentMarks) return documents;
  return documents.flatMap((document) => splitAtDatelines(document.sentences));
}

/** Rewrites IOB1 or IOB2 tags as IOB2. */
export function toIob2(tags: string[]): string[] {
  return tags.map((tag, index) => {
    if (!tag.startsWith('I-')) return tag;
    const previous = index > 0 ? tags[index - 1] : 'O';
    return previous === 'O' || previous.slice(2) !== tag.slice(2) ? 'B-' + tag.slice(2) : tag;
  });
}

/** The spans of an IOB2 tag sequence; a stray `I-X` opens a span, as conlleval does. */
export function spansOf(tags: string[]): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  let open: TaggedSpan | null = null;
  tags.forEach((tag, index) => {
    const type = tag === 'O' ? '' : tag.slice(2);
    const continues = open !== null && tag.startsWith('I-') && open.type === type;
    if (continues && open) {
      open.end = index + 1;
      return;
    }
    if (open) spans.push(open);
    open = type === '' ? null : { start: index, end: index + 1, type };
  });
  if (open) spans.push(open);
  return spans;
}

const DATELINE_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDateline(sentence: NerSentence): boolean {
  const last = sentence.words[sentence.words.length - 1];
  return sentence.words.length <= 8 && last !== undefined && DATELINE_DATE.test(last);
}

function splitAtDatelines(sentences: NerSentence[]): NerDocument[] {
  const documents: NerDocument[] = [];
  let current: NerSentence[] = [];
  sentences.forEach((sentence, index) => {
    const next = sentences[index + 1];
    const opensArticle = next !== undefined && isDateline(next) && current.length > 0;
    if (opensArticle) {
      documents.push({ sentences: current });
      current = [];
    }
    current.push(sentence);
  });
  if (current.length > 0) documents.push({ sentences: current });
  return documents;
}
