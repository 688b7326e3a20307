/**
 * JSON and JSONL reader: one article object, an array of them (bare or under "articles", "items",
 * "results", "data" or "documents" as news APIs return them), or one object per line. Field names
 * follow what news APIs and scrapers commonly emit: text|body|content|articleBody, title|headline,
 * outlet|source (a string or `{name}`), url, published|date|datePublished, author (a string, `{name}`
 * or a list), agency. A body that is HTML is turned into block-per-line text. An object without text
 * is a failure of that item alone.
 */
import type { ArticleFields, ParsedInput, ParsedItem } from './article.js';
import { unreadable } from './article.js';
import { htmlFragmentToText, looksLikeHtml, nameOf } from './html.js';

const TEXT_KEYS = ['text', 'body', 'content', 'articleBody'];

function firstString(record: Record<string, unknown>, keys: string[]): string | null {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return null;
}

function firstName(record: Record<string, unknown>, keys: string[]): string | null {
  for (const key of keys) {
    const name = nameOf(record[key]);
    if (name) return name;
  }
  return null;
}

function articleFromValue(value: unknown): ParsedItem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: `expected an article object, found ${Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'null' : `a ${typeof value}`}` };
  }
  const record = value as Record<string, unknown>;
  const body = firstString(record, TEXT_KEYS);
  if (!body) return { ok: false, reason: 'article object has no text (expected a non-empty "text", "body", "content" or "articleBody" field)' };
  const fields: ArticleFields = {
    text: looksLikeHtml(body) ? htmlFragmentToText(body) : body,
    title: firstString(record, ['title', 'headline']),
    outlet: firstName(record, ['outlet', 'source', 'publisher']),
    author: firstName(record, ['author', 'authors', 'byline']),
    agency: firstName(record, ['agency']),
    url: firstString(record, ['url', 'link']),
    published: firstString(record, ['published', 'date', 'datePublished', 'published_at', 'publishedAt', 'pubDate']),
  };
  return { ok: true, fields };
}

const LIST_KEYS = ['articles', 'items', 'results', 'data', 'documents'];

/** The article list of a news-API style response (`{"articles": [...]}`), when the object has no text itself. */
function articleList(value: unknown): unknown[] | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (firstString(record, TEXT_KEYS)) return null;
  const key = LIST_KEYS.find((candidate) => Array.isArray(record[candidate]));
  return key ? (record[key] as unknown[]) : null;
}

/** JSON Lines: one article object per non-blank line; a malformed line fails alone. */
function readJsonLines(text: string): ParsedInput {
  const items: ParsedItem[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    try {
      items.push(articleFromValue(JSON.parse(line)));
    } catch (error) {
      items.push({ ok: false, reason: `malformed JSON on line ${index + 1}: ${(error as Error).message}` });
    }
  });
  return { items, container: true, publishedFrom: 'metadata' };
}

/** True when the text is JSON Lines rather than one JSON document: several lines that each hold an object. */
function looksLikeJsonLines(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim());
  return lines.length > 1 && lines.every((line) => line.trimStart().startsWith('{'));
}

/**
 * Reads a JSON document (an article object or an array of them) or JSON Lines. When the text is
 * neither, says why, so the caller can fall back to plain text or report it.
 */
export function readJsonContent(text: string): ParsedInput | { malformed: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (looksLikeJsonLines(text)) return readJsonLines(text);
    return { malformed: `malformed JSON: ${(error as Error).message}` };
  }
  const list = Array.isArray(value) ? value : articleList(value);
  if (list) {
    if (list.length === 0) return unreadable('JSON with an empty list of articles');
    return { items: list.map(articleFromValue), container: true, publishedFrom: 'metadata' };
  }
  return { items: [articleFromValue(value)], container: false, publishedFrom: 'metadata' };
}
