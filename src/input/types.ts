/**
 * The input stage's interface: every reader turns one input (a file, a URL, stdin, one item of a
 * feed or one object of a JSON file) into a `SourceDocument`, or into a `ReadFailure` that names the
 * input and the cause in one line. Readers never throw for bad input.
 */
import type { PublishedSource, Span } from '../contract/types.js';

/**
 * The HTML element a line of a page's text came from: a heading (h1–h6), a paragraph (p), a list
 * item (li, dt, dd), a table row (its cells joined), a blockquote, a caption (caption, figcaption).
 * The text stage weighs it above the line's shape; lines from other elements carry no hint.
 */
export type LineHintKind = 'heading' | 'paragraph' | 'list-item' | 'table-row' | 'quote' | 'caption';

/** One line of `SourceDocument.text` (`[start, end)`, without its newline) and the element it came from. */
export interface LineHint extends Span {
  kind: LineHintKind;
}

/**
 * Something about the page that makes its text less than one whole article, for the analysis to
 * warn about: a listing or section page (linked headlines of many stories and little running prose),
 * or a paywall (declared in JSON-LD, or a subscription barrier shown after a few paragraphs).
 */
export type PageNotice =
  | {
      kind: 'listing';
      /** Lines that are (almost) all link text: the teasers' headlines. */
      headlines: number;
      /** Lines of running prose (20 words or more) outside links. */
      paragraphs: number;
      /** The JSON-LD type saying so ("CollectionPage"), or null. */
      declared: string | null;
    }
  | {
      kind: 'paywall';
      /** True when the page's JSON-LD says `isAccessibleForFree: false`. */
      declared: boolean;
      /** The words of a subscription barrier on the page ("Subscribe to read more"), or null. */
      barrier: string | null;
      /** Lines of running prose read. */
      paragraphs: number;
    };

export interface SourceDocument {
  /** Where it came from: a path, a URL, `-` for stdin, with `#n` for the n-th item of a feed/JSON file. */
  source: string;
  /** Normalised article text (NFC). All offsets in the analysis refer to this string. */
  text: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  agency: string | null;
  url: string | null;
  /** YYYY-MM-DD or null. */
  published: string | null;
  published_source: PublishedSource | null;
  /** HTML pages only: the element each line of `text` came from (lines from other elements have none), in text order. */
  lineHints?: LineHint[];
  /** HTML pages only: what makes the page less than one whole article (a listing, a paywall). */
  notices?: PageNotice[];
}

export interface ReadFailure {
  source: string;
  /** One line, e.g. "binary file (PNG image), not text". */
  reason: string;
}

export type ReadOutcome = { ok: true; document: SourceDocument } | { ok: false; failure: ReadFailure };

/** How `readInputs` reads: limits per input and a user-given publication date. */
export interface ReadOptions {
  /** Where `-` reads from (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /** Largest article file, stdin or HTTP body in bytes (default 10 MiB). */
  maxBytes?: number;
  /** Deadline for one URL, redirects and body included (default 15000 ms). */
  fetchTimeoutMs?: number;
  /** Redirects followed per URL (default 5). */
  maxRedirects?: number;
  /** A publication date given by the user: overrides the metadata, published_source 'given'. */
  published?: string | null;
}
