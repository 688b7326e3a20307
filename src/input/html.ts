/**
 * HTML reader: the article's main text (Mozilla Readability over a linkedom DOM, after removing
 * navigation, captions, ads and share widgets), written one block per line so the text stage sees
 * each paragraph and heading as its own block, with the element each line came from (h1–h6, p, li,
 * tr …) as a hint for the text stage; metadata from meta tags, JSON-LD and `<time>`; and notices
 * when the page is a listing of many stories or a paywalled stub (see notices.ts).
 * Also turns HTML fragments (feed item bodies, JSON `body` fields) into block-per-line text.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { listingNotice, PAYWALL_TEXT, paywallNotice, type PageLine } from './notices.js';
import type { LineHintKind, PageNotice } from './types.js';

/** The small part of the DOM this module uses (linkedom's own types lean on lib.dom, which we don't load). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  closest(selector: string): DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}
interface DomDocument {
  body: DomElement | null;
  documentElement: DomElement;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export interface HtmlMetadata {
  title: string | null;
  outlet: string | null;
  author: string | null;
  url: string | null;
  /** The date string as found; the caller normalises it. */
  published: string | null;
}

export type HtmlPageResult =
  | {
      ok: true;
      text: string;
      metadata: HtmlMetadata;
      /** The element kind of each line of `text`, in order (null: no hint). */
      lineKinds: (LineHintKind | null)[];
      notices: PageNotice[];
    }
  | { ok: false; reason: string };

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that start and end a line of output. */
const BLOCK_ELEMENTS = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL',
]);

/** Block elements whose lines carry a hint for the text stage, and the hint. */
const LINE_KINDS: Readonly<Record<string, LineHintKind>> = {
  H1: 'heading', H2: 'heading', H3: 'heading', H4: 'heading', H5: 'heading', H6: 'heading',
  P: 'paragraph', LI: 'list-item', DT: 'list-item', DD: 'list-item', TR: 'table-row',
  BLOCKQUOTE: 'quote', CAPTION: 'caption', FIGCAPTION: 'caption',
};

/**
 * Where a hinted element's own tag is kept before Readability runs: it renames elements (a `<div>`
 * of inline text becomes a `<p>`, an `<h1>` an `<h2>`), and a line's hint is the tag the page wrote.
 */
const TAG_ATTRIBUTE = 'data-storyline-tag';

function markHintedElements(document: DomDocument): void {
  for (const element of Array.from(document.querySelectorAll(Object.keys(LINE_KINDS).join(', ')))) {
    element.setAttribute(TAG_ATTRIBUTE, element.nodeName.toUpperCase());
  }
}

/** The hint of an element by the tag marked on it before Readability (elements Readability made have none). */
const markedKind = (element: DomElement): LineHintKind | null => LINE_KINDS[element.getAttribute(TAG_ATTRIBUTE) ?? ''] ?? null;
/** The hint of an element by its tag (a tree Readability did not touch). */
const tagKind = (element: DomElement): LineHintKind | null => LINE_KINDS[element.nodeName.toUpperCase()] ?? null;

/** Elements whose content is never article text. */
const NEVER_TEXT = 'script, style, noscript, template, svg, iframe, object, embed, canvas, button, form, input, select, textarea, nav, aside, footer, figure, figcaption, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [aria-hidden=true], [hidden]';

/** class/id words of page furniture: ads, share widgets, related links, newsletter boxes, comments. */
const FURNITURE_PATTERN = /(^|[\s_-])(ad|ads|advert|advertisement|banner|breadcrumbs?|comments?|cookie|newsletter|outbrain|promo|related|share|sharing|social|sponsored|subscribe|taboola|toolbar|tags|most-read|read-more|recommended)([\s_-]|$)/i;

/**
 * class/id words of boxes that are furniture however many paragraphs they hold: sign-up and
 * subscription boxes, paywall barriers, embedded posts, photo captions (WordPress `wp-caption-text`).
 */
const BOX_PATTERN = /(^|[\s_-])(newsletter|subscribe|subscription|signup|barrier|regwall|twitter-tweet|instagram-media|tiktok-embed|embed-tweet|wp-caption-text|caption)([\s_-]|$)/i;

function removeFurniture(root: DomElement | DomDocument): void {
  for (const element of Array.from(root.querySelectorAll(NEVER_TEXT))) element.remove();
  const pageLength = (('body' in root ? root.body : root)?.textContent ?? '').length;
  for (const element of Array.from(root.querySelectorAll('[class], [id], [data-testid]'))) {
    const names = ['class', 'id', 'data-testid'].map((attribute) => element.getAttribute(attribute) ?? '').join(' ');
    // A wrapper that merely carries such a class (e.g. "article-body share-enabled") but holds the
    // article's paragraphs is kept; so is a box that holds most of the page's text.
    const furniture = FURNITURE_PATTERN.test(names) && element.querySelectorAll('p').length < 2;
    const box = BOX_PATTERN.test(names) && (element.textContent ?? '').length < pageLength / 2;
    if (furniture || box) element.remove();
  }
}

const visibleLength = (text: string): number => text.replace(/[\s\u00AD\u200B\u2060]/g, '').length;

const noHint = (): null => null;

/**
 * The text under `root` one block per line, whitespace inside a line collapsed, each line with the
 * kind of the innermost hinted block element around it (inside a blockquote, every line but a
 * heading is a quote) and how much of it is link text. With `noHint` (a fragment) no line has a
 * kind and table cells are joined by a space.
 */
function pageLines(root: DomNode, kindOf: (element: DomElement) => LineHintKind | null): PageLine[] {
  const lines: PageLine[] = [];
  const kinds: (LineHintKind | null)[] = [null];
  let current = '';
  let linked = 0;
  let inLink = 0;
  const flush = (): void => {
    // Soft hyphens and zero-width characters are invisible layout hints, not text.
    const text = current.replace(/[\u00AD\u200B\u2060]/g, '').replace(/\s+/g, ' ').trim();
    if (text) lines.push({ text, kind: kinds[kinds.length - 1], linkShare: Math.min(1, linked / visibleLength(text)), words: wordCount(text) });
    current = '';
    linked = 0;
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? '';
      if (inLink > 0) linked += visibleLength(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (name === 'BR') return flush();
    const isBlock = BLOCK_ELEMENTS.has(name);
    // A link to another page (not an in-page anchor such as a live-blog entry's permalink).
    const isLink = name === 'A' && !/^\s*(?:#|javascript:|$)/i.test((node as DomElement).getAttribute('href') ?? '');
    if (isBlock) {
      flush();
      const outer = kinds[kinds.length - 1];
      const own = kindOf(node as DomElement);
      kinds.push(outer === 'quote' && own !== 'heading' ? 'quote' : (own ?? outer));
    }
    if (isLink) inLink++;
    // A page's table cells stay apart ("Armenia | 3.9 | +12%"); a fragment's are joined by a space as before.
    if (name === 'TD' || name === 'TH') current += kindOf === noHint || !/\S/.test(current) ? ' ' : ' | ';
    for (const child of Array.from(node.childNodes)) walk(child);
    if (isLink) inLink--;
    if (isBlock) {
      flush();
      kinds.pop();
    }
  };
  walk(root);
  flush();
  return lines;
}

/** Writes the text under `root` one block per line, whitespace inside a line collapsed. */
export function blocksToText(root: DomNode): string {
  return pageLines(root, noHint)
    .map((line) => line.text)
    .join('\n');
}

/** A DOM for a page or a bare fragment (linkedom needs the <html>/<body> frame to place a fragment). */
function parseDocument(html: string): DomDocument {
  const framed = /<(html|body)\b/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(framed).document as unknown as DomDocument;
}

/** Block-per-line text of an HTML fragment (a feed item's description, a JSON `body`). */
export function htmlFragmentToText(fragment: string): string {
  const document = parseDocument(fragment);
  if (!document.body) return '';
  removeFurniture(document.body);
  return blocksToText(document.body);
}

/** True when a string is HTML markup rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?(p|div|br|h[1-6]|li|ul|ol|span|a|em|strong|b|i|blockquote|article|section|img|figure)\b[^>]*>/i.test(text);
}

function metaContent(document: DomDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    const element = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const content = element?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ARTICLE_TYPES = /Article|BlogPosting|Report|NewsArticle|WebPage/;

/** Every JSON-LD object on the page, through arrays and `@graph`. */
function jsonLdObjects(document: DomDocument): JsonObject[] {
  const candidates: JsonObject[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (isObject(value)) {
      candidates.push(value);
      if (value['@graph']) collect(value['@graph']);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      collect(JSON.parse(script.textContent ?? ''));
    } catch {
      // Malformed JSON-LD is common on real pages; the meta tags still apply.
    }
  }
  return candidates;
}

const typeOf = (candidate: JsonObject): string => [candidate['@type']].flat().join(' ');

/**
 * The JSON-LD object describing the article, with its `{"@id": …}` references (Yoast's publisher
 * and authors) replaced by the objects they name.
 */
function jsonLdArticle(candidates: readonly JsonObject[]): JsonObject | null {
  const article =
    candidates.find((candidate) => /Article|BlogPosting|Report/.test(typeOf(candidate))) ??
    candidates.find((candidate) => ARTICLE_TYPES.test(typeOf(candidate)) && candidate.datePublished) ??
    null;
  if (!article) return null;
  const byId = new Map(candidates.filter((candidate) => typeof candidate['@id'] === 'string' && candidate.name).map((candidate) => [candidate['@id'] as string, candidate]));
  const resolved = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolved);
    return isObject(value) && !value.name && typeof value['@id'] === 'string' ? (byId.get(value['@id']) ?? value) : value;
  };
  return { ...article, author: resolved(article.author), publisher: resolved(article.publisher) };
}

/** The JSON-LD type of a page that lists stories ("CollectionPage"), when it describes no article. */
function declaredListing(candidates: readonly JsonObject[], article: JsonObject | null): string | null {
  if (article) return null;
  return candidates.map(typeOf).find((type) => /\b(?:CollectionPage|ItemList|SearchResultsPage)\b/.test(type))?.match(/CollectionPage|ItemList|SearchResultsPage/)?.[0] ?? null;
}

/** True when the article, or a part of it, says `isAccessibleForFree: false` (a boolean or the string "False"). */
function declaredPaywall(article: JsonObject | null): boolean {
  const notFree = (value: unknown): boolean => value === false || (typeof value === 'string' && /^(?:false|no)$/i.test(value.trim()));
  if (!article) return false;
  const parts = [article.hasPart].flat().filter(isObject);
  return notFree(article.isAccessibleForFree) || parts.some((part) => notFree(part.isAccessibleForFree));
}

/** Elements whose text is never a barrier shown to the reader. */
const NOT_SHOWN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE']);

/** The words of a subscription barrier shown on the page ("Subscribe to read more"): the shortest element saying them, or null. */
function barrierOnPage(document: DomDocument): string | null {
  let barrier: string | null = null;
  // One look at the whole page first: most pages have no barrier, and the scan below reads every element's text.
  // (Loose: the page's text runs its elements' words together, so no word boundaries here.)
  if (!/subscri|member|sign ?(?:in|up)|log ?in|register/i.test(document.body?.textContent ?? '')) return null;
  for (const element of Array.from(document.querySelectorAll('body *'))) {
    if (NOT_SHOWN.has(element.nodeName.toUpperCase())) continue;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length > 0 && text.length <= 160 && (barrier === null || text.length < barrier.length) && PAYWALL_TEXT.test(text) && !element.closest('nav, footer')) barrier = text;
  }
  return barrier;
}

/** A name from a JSON-LD / JSON value that may be a string, `{name}`, or a list of either. */
export function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((name): name is string => name !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (isObject(value)) return nameOf(value.name);
  return null;
}

function readMetadata(document: DomDocument, article: JsonObject | null): HtmlMetadata {
  const fromLd = (key: string): string | null => (article ? nameOf(article[key]) : null);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || null;
  const mainEntity = article && isObject(article.mainEntityOfPage) ? nameOf(article.mainEntityOfPage['@id']) : null;
  const metaAuthor = metaContent(document, 'author', 'article:author', 'byl', 'dc.creator', 'DC.creator');
  const timeElement = document.querySelector('article time[datetime], time[datetime]') ?? document.querySelector('time');
  return {
    // Without these, Readability's title (the <title> minus the site name) is used.
    title: metaContent(document, 'og:title', 'twitter:title') ?? fromLd('headline'),
    outlet: metaContent(document, 'og:site_name', 'application-name') ?? (article ? nameOf(article.publisher) : null),
    // article:author is often a profile URL rather than a name.
    author: (metaAuthor && !/^https?:/.test(metaAuthor) ? metaAuthor : null) ?? fromLd('author'),
    url: canonical ?? metaContent(document, 'og:url') ?? fromLd('url') ?? mainEntity,
    published:
      metaContent(document, 'article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'DC.date.issued', 'parsely-pub-date', 'sailthru.date') ??
      fromLd('datePublished') ??
      timeElement?.getAttribute('datetime') ??
      timeElement?.textContent?.trim() ??
      null,
  };
}

/**
 * The page's fullest statement of its headline: og:title is often cut short of the JSON-LD headline or
 * the <h1> ("… at White House" for "… at White House, leaving border map for later"), and a <title> is
 * often the <h1> plus the site's name ("Headline – Site").
 */
function fullerTitle(title: string | null, headlines: readonly (string | null)[]): { title: string | null; site: string | null } {
  if (!title) return { title, site: null };
  // "Headline – Site": the part before the last separator, and the site's name after it.
  const suffix = /\s+[-|–—:·•]\s+((?:(?!\s[-|–—:·•]\s).)+)$/.exec(title);
  const cut = suffix ? title.slice(0, suffix.index) : null;
  for (const headline of headlines) {
    if (!headline || headline === title) continue;
    if (headline.startsWith(title.replace(/[\s.…]+$/, '')) && headline.length > title.length) return { title: headline, site: null };
    if (cut && suffix && headline.startsWith(cut) && !headline.endsWith(suffix[1].trim())) return { title: headline, site: suffix[1].trim() };
  }
  return { title, site: null };
}

/** "Headline - BBC News" → "Headline": pages often repeat the outlet's name in og:title and <title>. */
function withoutSiteName(title: string | null, outlet: string | null): string | null {
  if (!title || !outlet) return title;
  const suffix = new RegExp(`\\s+[-|–—:·•]\\s+${outlet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'i');
  return title.replace(suffix, '') || title;
}

/** Scripts written without spaces between words; there about two characters make a word. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}\p{Script=Yi}\p{Script=Javanese}\p{Script=Balinese}]/gu;

/** Roughly how many words a line holds, whatever its script (Ethiopic may separate words with ፡). */
function wordCount(line: string): number {
  const spaced = line.split(/[\s\u1361]+/).filter(Boolean).length;
  return spaced + Math.floor((line.match(UNSPACED_SCRIPT)?.length ?? 0) / 2);
}

/** Words in lines long enough to be prose rather than menu items or labels. */
function proseWordCount(lines: readonly PageLine[]): number {
  return lines
    .map((line) => line.words)
    .filter((words) => words >= 6)
    .reduce((sum, words) => sum + words, 0);
}

/** Fewer words of prose than this is a menu, an error page or a paywall stub, not a news report. */
const MIN_ARTICLE_WORDS = 25;

/** Main text and metadata of a whole HTML page, with the element each line came from and the page's notices. */
export function readHtmlPage(html: string): HtmlPageResult {
  const document = parseDocument(html);
  const objects = jsonLdObjects(document);
  const article = jsonLdArticle(objects);
  const metadata = readMetadata(document, article);
  const pageTitle = document.querySelector('title')?.textContent?.trim() || null;
  const headlines = [nameOf(article?.headline), document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() || null];
  // Looked for before furniture goes: the barrier box is furniture.
  const barrier = barrierOnPage(document);
  removeFurniture(document);
  markHintedElements(document);
  let lines: PageLine[] = [];
  try {
    const parsed = new Readability<DomNode>(document as never, { serializer: (node) => node as unknown as DomNode }).parse();
    if (parsed?.content) lines = pageLines(parsed.content, markedKind);
    metadata.title ??= parsed?.title?.trim() || null;
    metadata.author ??= parsed?.byline?.trim() || null;
    metadata.outlet ??= parsed?.siteName?.trim() || null;
    metadata.published ??= parsed?.publishedTime?.trim() || null;
  } catch {
    // Readability gives up on some broken trees; the plain walk below still finds their text.
  }
  metadata.title ??= pageTitle;
  const fuller = fullerTitle(metadata.title, headlines);
  metadata.outlet ??= fuller.site;
  metadata.title = withoutSiteName(fuller.title, metadata.outlet);
  if (proseWordCount(lines) < MIN_ARTICLE_WORDS) {
    // Readability found nothing convincing (short or broken pages): walk the whole page instead, on
    // a fresh parse because Readability rewrites the tree it is given.
    const fresh = parseDocument(html);
    removeFurniture(fresh);
    if (fresh.body) lines = pageLines(fresh.body, tagKind);
  }
  const words = proseWordCount(lines);
  if (words < MIN_ARTICLE_WORDS) {
    return { ok: false, reason: `HTML page with no article text (only ${words} words of prose outside navigation and page furniture)` };
  }
  const notices = [listingNotice(lines, declaredListing(objects, article)), paywallNotice(declaredPaywall(article), barrier, lines)];
  return {
    ok: true,
    text: lines.map((line) => line.text).join('\n'),
    metadata,
    lineKinds: lines.map((line) => line.kind),
    notices: notices.filter((notice): notice is PageNotice => notice !== null),
  };
}
