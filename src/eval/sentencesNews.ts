/**
 * News text for the `sentences` evaluation: rebuilds each MEANTIME article (NewsReader, Wikinews) from
 * its tokens and keeps its sentence ids as the gold sentence spans. MEANTIME stores tokens, not the
 * article's text, so the text is detokenised the way news is written: no space before closing
 * punctuation and English clitics ("'s", "n't"), none after opening brackets and quotes, straight
 * double quotes alternating between opening and closing. The title (sentence 0) and the dateline
 * (sentence 1) are lines of their own; the body follows as one paragraph, since paragraph breaks are
 * not kept — which makes every boundary of the body the splitter's to find. Regular expressions
 * rather than an XML parser: the token elements are flat, one per line, and this reads 120 files
 * in a few milliseconds.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Span } from '../contract/types.js';

export interface NewsSentenceDocument {
  name: string;
  text: string;
  sentences: Span[];
}

const TOKEN_PATTERN = /<token\b([^>]*)>([^<]*)<\/token>/g;
const SENTENCE_ATTRIBUTE = /\bsentence="(\d+)"/;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&apos;': "'", '&lt;': '<', '&gt;': '>' };
const NO_SPACE_BEFORE = /^(?:[.,;:!?)\]}%”’]|'s|'re|'ve|'ll|'d|'m|n't)$/i;
const NO_SPACE_AFTER = /^[([{$“‘]$/;

function decode(form: string): string {
  const decoded = form.replace(/&(?:amp|quot|apos|lt|gt);/g, (entity) => ENTITIES[entity]);
  if (decoded === '``') return '“';
  if (decoded === "''") return '”';
  return decoded;
}

/** One MEANTIME article → its rebuilt text and gold sentence spans. */
export function readNewsSentenceDocument(xml: string, name: string): NewsSentenceDocument {
  let text = '';
  const spans = new Map<number, Span>();
  let previousSentence = -1;
  let previousForm = '';
  let quoteOpen = false;
  for (const match of xml.matchAll(TOKEN_PATTERN)) {
    const sentence = Number(SENTENCE_ATTRIBUTE.exec(match[1])?.[1] ?? previousSentence);
    const form = decode(match[2]);
    if (form === '') continue;
    if (previousSentence >= 0) {
      if (sentence !== previousSentence && sentence <= 2) text += '\n';
      else {
        const closingQuote = form === '"' && quoteOpen;
        const afterOpeningQuote = previousForm === '"' && quoteOpen;
        if (!NO_SPACE_BEFORE.test(form) && !NO_SPACE_AFTER.test(previousForm) && !closingQuote && !afterOpeningQuote) text += ' ';
      }
    }
    if (form === '"') quoteOpen = !quoteOpen;
    const start = text.length;
    text += form;
    const span = spans.get(sentence);
    if (span) span.end = text.length;
    else spans.set(sentence, { start, end: text.length });
    previousSentence = sentence;
    previousForm = form;
  }
  return { name, text, sentences: [...spans.values()] };
}

/** The MEANTIME articles under `folder` (its `intra_cross-doc_annotation` part when there is one), by file name. */
export function readNewsSentenceDocuments(folder: string, limit?: number): NewsSentenceDocument[] {
  const annotated = path.join(folder, 'intra_cross-doc_annotation');
  const root = statSync(annotated, { throwIfNoEntry: false })?.isDirectory() ? annotated : folder;
  const files: string[] = [];
  const visit = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.xml')) files.push(full);
    }
  };
  visit(root);
  files.sort();
  return files.slice(0, limit).map((file) => readNewsSentenceDocument(readFileSync(file, 'utf8'), path.basename(file, '.xml')));
}
