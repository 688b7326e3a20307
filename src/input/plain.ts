/**
 * Plain-text reader. An article may start with `key: value` header lines ended by a blank line;
 * the header is removed from the stored text. Known keys: title (headline), outlet (source), url
 * (link), published (date), author (byline), agency; other keys in the same block are dropped.
 * The block only counts as a header when every line before the first blank line is a `key: value`
 * pair and at least one key is known, so an article opening with "Geneva: …" is left whole.
 */
import type { ArticleFields, ParsedInput } from './article.js';

type HeaderField = 'title' | 'outlet' | 'url' | 'published' | 'author' | 'agency';

const HEADER_KEYS: Record<string, HeaderField> = {
  title: 'title',
  headline: 'title',
  outlet: 'outlet',
  source: 'outlet',
  url: 'url',
  link: 'url',
  published: 'published',
  date: 'published',
  author: 'author',
  byline: 'author',
  agency: 'agency',
};

const KEY_VALUE_LINE = /^([A-Za-z][A-Za-z _-]{0,24}?)[ \t]*:[ \t]*(.*)$/;

export function readPlainText(text: string): ParsedInput {
  const lines = text.replace(/^\s*\n/, '').split('\n');
  const blank = lines.findIndex((line) => line.trim() === '');
  const pairs = (blank > 0 ? lines.slice(0, blank) : []).map((line) => KEY_VALUE_LINE.exec(line.trim()));
  const isHeader =
    pairs.length > 0 && pairs.every((pair) => pair !== null) && pairs.some((pair) => pair !== null && pair[1].toLowerCase() in HEADER_KEYS);
  const fields: ArticleFields = { text: isHeader ? lines.slice(blank + 1).join('\n') : lines.join('\n') };
  if (isHeader) {
    for (const pair of pairs) {
      const field = pair ? HEADER_KEYS[pair[1].toLowerCase()] : undefined;
      if (pair && field) fields[field] ??= pair[2].trim() || null;
    }
  }
  return { items: [{ ok: true, fields }], container: false, publishedFrom: 'header' };
}
