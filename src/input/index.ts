/**
 * The input stage: `readInputs` turns file paths, `-` (stdin) and http(s) URLs into normalised
 * `SourceDocument`s, one outcome at a time. The format is sniffed from the content (an extension or
 * Content-Type only breaks ties), so a feed saved as .txt or HTML served as text/plain still reads.
 * Nothing throws for bad input: each problem is a `ReadFailure` naming the input and the cause, and
 * the rest of the batch goes on.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { PublishedSource } from '../contract/types.js';
import type { ArticleFields, ParsedInput } from './article.js';
import { unreadable } from './article.js';
import { normalisePublished } from './dates.js';
import { decodeBytes, htmlDeclaredCharset } from './decode.js';
import { readFeed, looksLikeFeed } from './feed.js';
import { fetchUrl, formatBytes, tooLargeReason } from './fetch.js';
import { readHtmlPage } from './html.js';
import { readJsonContent } from './json.js';
import { normaliseText } from './normalise.js';
import { readPlainText } from './plain.js';
import type { LineHint, LineHintKind, ReadOptions, ReadOutcome, SourceDocument } from './types.js';

export type { LineHint, LineHintKind, ReadFailure, ReadOptions, ReadOutcome, SourceDocument } from './types.js';
export { detectLanguage } from './language.js';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_REDIRECTS = 5;

/** What the container (extension or Content-Type) says the content is; used only to break ties. */
type FormatHint = 'html' | 'json' | null;

type RawInput = { ok: true; bytes: Uint8Array; charset: string | null; hint: FormatHint; baseUrl: string | null } | { ok: false; reason: string };

function hintFromExtension(file: string): FormatHint {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.html' || extension === '.htm' || extension === '.xhtml') return 'html';
  if (extension === '.json' || extension === '.jsonl' || extension === '.ndjson') return 'json';
  return null;
}

function hintFromContentType(contentType: string): FormatHint {
  if (/html/.test(contentType)) return 'html';
  if (/json/.test(contentType)) return 'json';
  return null;
}

async function readLocalFile(file: string, maxBytes: number): Promise<RawInput> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { ok: false, reason: `is a directory; pass the files in it instead (e.g. ${path.join(file, '*.txt')})` };
    if (!info.isFile()) return { ok: false, reason: 'not a regular file' };
    if (info.size > maxBytes) return { ok: false, reason: tooLargeReason('file', formatBytes(info.size), maxBytes) };
    return { ok: true, bytes: await readFile(file), charset: null, hint: hintFromExtension(file), baseUrl: null };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'no such file' };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: 'permission denied' };
    return { ok: false, reason: `cannot read: ${(error as Error).message}` };
  }
}

async function readStdin(stream: NodeJS.ReadableStream, maxBytes: number): Promise<RawInput> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
      total += buffer.byteLength;
      if (total > maxBytes) return { ok: false, reason: tooLargeReason('standard input', `more than ${formatBytes(maxBytes)}`, maxBytes) };
      chunks.push(buffer);
    }
  } catch (error) {
    return { ok: false, reason: `cannot read standard input: ${(error as Error).message}` };
  }
  return { ok: true, bytes: Buffer.concat(chunks), charset: null, hint: null, baseUrl: null };
}

async function readRaw(input: string, options: ReadOptions): Promise<RawInput> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (input === '-') return readStdin(options.stdin ?? process.stdin, maxBytes);
  if (/^https?:\/\//i.test(input)) {
    const fetched = await fetchUrl(input, {
      maxBytes,
      fetchTimeoutMs: options.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS,
      maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    });
    if (!fetched.ok) return fetched;
    const charset = /charset\s*=\s*"?([\w-]+)/.exec(fetched.contentType)?.[1]?.toLowerCase() ?? null;
    return { ok: true, bytes: fetched.bytes, charset, hint: hintFromContentType(fetched.contentType), baseUrl: fetched.finalUrl };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(input);
  if (scheme) return { ok: false, reason: `unsupported URL scheme ${scheme[1]}: (only http and https)` };
  return readLocalFile(input, maxBytes);
}

function htmlInput(html: string): ParsedInput {
  const page = readHtmlPage(html);
  if (!page.ok) return unreadable(page.reason);
  const fields: ArticleFields = { text: page.text, ...page.metadata, lineKinds: page.lineKinds, notices: page.notices };
  return { items: [{ ok: true, fields }], container: false, publishedFrom: 'metadata' };
}

const HTML_DOCUMENT = /<(!doctype\s+html|html|head|body|article|main)\b/i;

/** Picks the reader by looking at the text itself. */
function parseByContent(text: string, hint: FormatHint): ParsedInput {
  const start = text.trimStart();
  if (looksLikeFeed(start)) return readFeed(start);
  if (start.startsWith('<')) {
    const head = start.slice(0, 4096);
    if (HTML_DOCUMENT.test(head) || hint === 'html' || !/^<\?xml/.test(start)) return htmlInput(start);
    return unreadable('XML document that is not an RSS or Atom feed');
  }
  if (start.startsWith('{') || start.startsWith('[')) {
    const json = readJsonContent(start);
    if (!('malformed' in json)) return json;
    if (hint === 'json') return unreadable(json.malformed);
  }
  if (hint === 'html' && HTML_DOCUMENT.test(text)) return htmlInput(text);
  return readPlainText(text);
}

function cleanField(value: string | null | undefined): string | null {
  const cleaned = value?.replace(/\s+/g, ' ').trim();
  return cleaned ? cleaned : null;
}

function absoluteUrl(value: string | null | undefined, base: string | null): string | null {
  const url = cleanField(value);
  if (!url) return null;
  try {
    return new URL(url, base ?? undefined).href;
  } catch {
    return null;
  }
}

/**
 * The spans of a text's lines with the element kinds a reader gave for them, line by line; none when
 * the count of lines no longer matches (normalisation never adds or removes a line break).
 */
function lineHintsOf(text: string, kinds: readonly (LineHintKind | null)[]): LineHint[] {
  const hints: LineHint[] = [];
  const lines = text.split('\n');
  if (lines.length !== kinds.length) return hints;
  let start = 0;
  for (const [index, line] of lines.entries()) {
    const kind = kinds[index];
    if (kind) hints.push({ start, end: start + line.length, kind });
    start += line.length + 1;
  }
  return hints;
}

/** Where a document came from: its input's fetched URL (for resolving links) and what that URL is. */
interface Origin {
  baseUrl: string | null;
  /** True when the fetched URL is the article's own address (not a feed's or an API's). */
  isArticleUrl: boolean;
}

function finishDocument(source: string, fields: ArticleFields, publishedFrom: PublishedSource, given: string | null, origin: Origin): ReadOutcome {
  const text = normaliseText(fields.text).replace(/^\s+|\s+$/g, '');
  if (!text) return { ok: false, failure: { source, reason: 'no text (empty or only whitespace)' } };
  const found = normalisePublished(fields.published);
  const document: SourceDocument = {
    source,
    text,
    title: cleanField(fields.title),
    outlet: cleanField(fields.outlet),
    author: cleanField(fields.author?.replace(/^\s*by\s+/i, '')),
    agency: cleanField(fields.agency),
    url: absoluteUrl(fields.url, origin.baseUrl) ?? (origin.isArticleUrl ? origin.baseUrl : null),
    published: given ?? found,
    published_source: given ? 'given' : found ? publishedFrom : null,
  };
  if (fields.lineKinds) document.lineHints = lineHintsOf(text, fields.lineKinds);
  if (fields.notices?.length) document.notices = [...fields.notices];
  return { ok: true, document };
}

async function* readOne(input: string, options: ReadOptions, given: string | null): AsyncGenerator<ReadOutcome> {
  const raw = await readRaw(input, options);
  if (!raw.ok) {
    yield { ok: false, failure: { source: input, reason: raw.reason } };
    return;
  }
  if (raw.bytes.byteLength === 0) {
    yield { ok: false, failure: { source: input, reason: input === '-' ? 'standard input is empty' : 'empty file (0 bytes)' } };
    return;
  }
  const decoded = decodeBytes(raw.bytes, raw.charset ?? htmlDeclaredCharset(raw.bytes));
  if (!decoded.ok) {
    yield { ok: false, failure: { source: input, reason: decoded.reason } };
    return;
  }
  if (!decoded.text.trim()) {
    yield { ok: false, failure: { source: input, reason: 'no text (only whitespace)' } };
    return;
  }
  const parsed = parseByContent(decoded.text, raw.hint);
  for (const [index, item] of parsed.items.entries()) {
    const source = parsed.container ? `${input}#${index + 1}` : input;
    const origin: Origin = { baseUrl: raw.baseUrl, isArticleUrl: !parsed.container };
    if (item.ok) yield finishDocument(source, item.fields, parsed.publishedFrom, given, origin);
    else yield { ok: false, failure: { source, reason: item.reason } };
  }
}

/**
 * Reads every input in order. A container (JSON array, JSONL, feed) yields one outcome per item,
 * with source `<input>#<n>` (n counted from 1).
 */
export async function* readInputs(inputs: string[], options: ReadOptions = {}): AsyncIterable<ReadOutcome> {
  const given = options.published ? normalisePublished(options.published) : null;
  for (const input of inputs) {
    if (options.published && !given) {
      yield { ok: false, failure: { source: input, reason: `the given publication date "${options.published}" is not a date (use YYYY-MM-DD)` } };
      continue;
    }
    try {
      yield* readOne(input, options, given);
    } catch (error) {
      // A reader bug must not end the batch: report it against this input and go on.
      yield { ok: false, failure: { source: input, reason: `unexpected reader error: ${(error as Error).message}` } };
    }
  }
}
