/**
 * A small CoNLL-U reader: one `ConlluSentence` per sentence, keeping the syntactic words (multiword
 * token ranges such as `2-3` and empty nodes such as `8.1` are skipped) with their form, lemma,
 * UPOS, XPOS, head (sentence-local, -1 for the root) and relation. Also keeps the MISC column so
 * other stages (e.g. NER) can read their own annotations. Hand-written: the format is ten tab
 * separated columns and no maintained npm parser is worth a dependency for it.
 */
import { readFileSync } from 'node:fs';

export interface ConlluSentence {
  /** `# sent_id` when present. */
  id: string | null;
  /** `# text` when present. */
  text: string | null;
  words: string[];
  lemmas: string[];
  upos: string[];
  xpos: string[];
  /** Sentence-local head index, -1 for the root. */
  heads: number[];
  deprels: string[];
  misc: string[];
}

/** Parses CoNLL-U text into sentences. */
export function parseConllu(source: string): ConlluSentence[] {
  const sentences: ConlluSentence[] = [];
  let current = emptySentence();
  const flush = (): void => {
    if (current.words.length > 0) sentences.push(current);
    current = emptySentence();
  };
  for (const line of source.split('\n')) {
    const trimmed = line.replace(/\r$/, '');
    if (trimmed === '') {
      flush();
      continue;
    }
    if (trimmed.startsWith('#')) {
      const comment = /^#\s*(sent_id|text)\s*=\s*(.*)$/.exec(trimmed);
      if (comment?.[1] === 'sent_id') current.id = comment[2];
      else if (comment?.[1] === 'text') current.text = comment[2];
      continue;
    }
    const columns = trimmed.split('\t');
    if (columns.length < 10 || !/^\d+$/.test(columns[0])) continue;
    current.words.push(columns[1]);
    current.lemmas.push(columns[2]);
    current.upos.push(columns[3]);
    current.xpos.push(columns[4]);
    const head = Number(columns[6]);
    current.heads.push(Number.isFinite(head) ? head - 1 : -1);
    current.deprels.push(columns[7]);
    current.misc.push(columns[9]);
  }
  flush();
  return sentences;
}

/** Reads a CoNLL-U file; `limit` keeps only the first n sentences. */
export function readConllu(path: string, limit?: number): ConlluSentence[] {
  const sentences = parseConllu(readFileSync(path, 'utf8'));
  return limit !== undefined && limit >= 0 ? sentences.slice(0, limit) : sentences;
}

function emptySentence(): ConlluSentence {
  return { id: null, text: null, words: [], lemmas: [], upos: [], xpos: [], heads: [], deprels: [], misc: [] };
}
