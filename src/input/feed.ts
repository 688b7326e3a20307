/**
 * RSS 2.0 / RSS 1.0 (RDF) and Atom reader (fast-xml-parser): every item or entry is an article whose
 * body (content:encoded, description, content or summary) goes through the same HTML-to-blocks path
 * as web pages. A malformed feed is cut into its `<item>`/`<entry>` elements and each is parsed on
 * its own, so one broken item fails alone and the rest are still read.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ParsedInput, ParsedItem } from './article.js';
import { unreadable } from './article.js';
import { htmlFragmentToText, looksLikeHtml, nameOf } from './html.js';

type XmlRecord = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  htmlEntities: true,
  parseTagValue: false,
  trimValues: true,
  // Atom XHTML content is markup, not data: keep it as a string for the HTML path.
  stopNodes: ['..content[type=xhtml]', '..summary[type=xhtml]'],
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

function isRecord(value: unknown): value is XmlRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text of an XML value: a string, or an element with attributes whose text is under `#text`. */
function textOf(value: unknown): string | null {
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (isRecord(value)) return textOf(value['#text']);
  return null;
}

/** Text of a title or body that may hold HTML. */
function plainOf(value: unknown): string | null {
  const text = textOf(value);
  if (!text) return null;
  // Atom's type="html" titles arrive with their entities still escaped ("Armenia &ndash; …").
  const html = looksLikeHtml(text) || /&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i.test(text);
  return (html ? htmlFragmentToText(text) : text).trim() || null;
}

function linkOf(item: XmlRecord): string | null {
  const links = Array.isArray(item.link) ? item.link : [];
  for (const link of links) {
    if (typeof link === 'string' && link.trim()) return link.trim();
    if (isRecord(link) && typeof link['@_href'] === 'string' && (!link['@_rel'] || link['@_rel'] === 'alternate')) return link['@_href'];
  }
  const guid = item.guid;
  const guidText = textOf(guid);
  const permalink = !isRecord(guid) || guid['@_isPermaLink'] !== 'false';
  return guidText && permalink && /^https?:\/\//.test(guidText) ? guidText : null;
}

/** RSS `author` is often "email (Name)"; keep the name. */
function authorOf(item: XmlRecord): string | null {
  const raw = nameOf(item['dc:creator']) ?? nameOf(item.author) ?? textOf(item.author);
  if (!raw) return null;
  const named = /^\S+@\S+\s+\((.+)\)$/.exec(raw);
  return named ? named[1] : raw;
}

function itemToArticle(item: unknown, outlet: string | null): ParsedItem {
  if (!isRecord(item)) return { ok: false, reason: 'feed item is empty' };
  const bodyField = ['content:encoded', 'content', 'description', 'summary'].find((key) => plainOf(item[key]));
  if (!bodyField) return { ok: false, reason: 'feed item has no text (no content:encoded, content, description or summary)' };
  return {
    ok: true,
    fields: {
      text: plainOf(item[bodyField]) ?? '',
      title: plainOf(item.title),
      outlet,
      author: authorOf(item),
      url: linkOf(item),
      published: textOf(item.pubDate) ?? textOf(item['dc:date']) ?? textOf(item.published) ?? textOf(item.updated),
    },
  };
}

interface FeedShape {
  outlet: string | null;
  items: unknown[];
}

function feedShape(document: XmlRecord): FeedShape | null {
  const rss = document.rss;
  if (isRecord(rss) && isRecord(rss.channel)) return { outlet: textOf(rss.channel.title), items: (rss.channel.item as unknown[]) ?? [] };
  const rdf = document['rdf:RDF'];
  if (isRecord(rdf)) return { outlet: isRecord(rdf.channel) ? textOf(rdf.channel.title) : null, items: (rdf.item as unknown[]) ?? [] };
  const atom = document.feed;
  if (isRecord(atom)) return { outlet: textOf(atom.title), items: (atom.entry as unknown[]) ?? [] };
  return null;
}

function validationError(xml: string): string | null {
  const result = XMLValidator.validate(xml);
  return result === true ? null : `${result.err.msg} (line ${result.err.line})`;
}

/** Reads a malformed feed item by item. */
function readBrokenFeed(xml: string, error: string): ParsedInput {
  const chunks = Array.from(xml.matchAll(/<(item|entry)\b[\s\S]*?<\/\1>/g));
  if (chunks.length === 0) return unreadable(`malformed XML feed: ${error}`);
  const head = xml.slice(0, chunks[0].index);
  const outlet = /<title\b[^>]*>([\s\S]*?)<\/title>/.exec(head)?.[1]?.trim() || null;
  const items = chunks.map(([chunk, name]): ParsedItem => {
    const itemError = validationError(chunk);
    if (itemError) return { ok: false, reason: `malformed feed item XML: ${itemError}` };
    const parsed = parser.parse(chunk) as XmlRecord;
    return itemToArticle([parsed[name]].flat()[0], outlet ? plainOf(outlet) : null);
  });
  return { items, container: true, publishedFrom: 'metadata' };
}

/** True when XML text is an RSS or Atom feed (by its root element). */
export function looksLikeFeed(text: string): boolean {
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<\?[\s\S]*?\?>\s*|<!DOCTYPE[^>]*>\s*)*<(rss|feed|rdf:RDF)\b/i.test(text);
}

export function readFeed(xml: string): ParsedInput {
  const error = validationError(xml);
  if (error) return readBrokenFeed(xml, error);
  const shape = feedShape(parser.parse(xml) as XmlRecord);
  if (!shape) return unreadable('XML document that is not an RSS or Atom feed');
  if (shape.items.length === 0) return unreadable('feed with no items');
  return { items: shape.items.map((item) => itemToArticle(item, shape.outlet)), container: true, publishedFrom: 'metadata' };
}
