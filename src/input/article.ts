import type { LineHintKind, PageNotice } from './types.js';

/**
 * What every format reader hands back before the common finishing step in index.ts: the article
 * text and the metadata as found (dates still raw), or a one-line reason per broken item.
 */

export interface ArticleFields {
  text: string;
  title?: string | null;
  outlet?: string | null;
  author?: string | null;
  agency?: string | null;
  url?: string | null;
  /** The publication date as written in the source; index.ts normalises it. */
  published?: string | null;
  /** HTML pages: the element kind of each line of `text`, in order (null: no hint). */
  lineKinds?: readonly (LineHintKind | null)[];
  /** HTML pages: what makes the page less than one whole article. */
  notices?: readonly PageNotice[];
}

export type ParsedItem = { ok: true; fields: ArticleFields } | { ok: false; reason: string };

export interface ParsedInput {
  items: ParsedItem[];
  /** True for containers (JSON arrays, JSONL, feeds): each item's source gets a `#n` suffix. */
  container: boolean;
  /** Where a date found in this format comes from. */
  publishedFrom: 'header' | 'metadata';
}

/** A whole input that could not be read, as one failure. */
export function unreadable(reason: string): ParsedInput {
  return { items: [{ ok: false, reason }], container: false, publishedFrom: 'metadata' };
}
