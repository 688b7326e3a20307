/**
 * Plain-text reader. An article may start with `key: value` header lines (title, outlet, url,
 * published or date, author, agency) ended by a blank line; the header is removed from the stored
 * text. Lines only count as a header when every line before the first blank line is such a pair,
 * so an article that merely opens with "Washington: …" is left whole.
 */
import type { ArticleFields, ParsedInput } from './article.js';

const HEADER_LINE = /^(title|outlet|url|published|date|author|agency)[ \t]*:[ \t]*(.*)$/i;

export function readPlainText(text: string): ParsedInput {
  const lines = text.replace(/^\s*\n/, '').split('\n');
  const blank = lines.findIndex((line) => line.trim() === '');
  const headerLines = blank > 0 ? lines.slice(0, blank) : [];
  const pairs = headerLines.map((line) => HEADER_LINE.exec(line.trim()));
  const hasHeader = headerLines.length > 0 && pairs.every((pair) => pair !== null);
  const fields: ArticleFields = { text: hasHeader ? lines.slice(blank + 1).join('\n') : lines.join('\n') };
  if (hasHeader) {
    for (const pair of pairs) {
      if (!pair) continue;
      const key = pair[1].toLowerCase();
      const value = pair[2].trim() || null;
      if (key === 'date' || key === 'published') fields.published = value;
      else fields[key as 'title' | 'outlet' | 'url' | 'author' | 'agency'] = value;
    }
  }
  return { items: [{ ok: true, fields }], container: false, publishedFrom: 'header' };
}
