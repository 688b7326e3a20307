/**
 * The input stage's interface: every reader turns one input (a file, a URL, stdin, one item of a
 * feed or one object of a JSON file) into a `SourceDocument`, or into a `ReadFailure` that names the
 * input and the cause in one line. Readers never throw for bad input.
 */
import type { PublishedSource } from '../contract/types.js';

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
}

export interface ReadFailure {
  source: string;
  /** One line, e.g. "binary file (PNG image), not text". */
  reason: string;
}

export type ReadOutcome = { ok: true; document: SourceDocument } | { ok: false; failure: ReadFailure };
