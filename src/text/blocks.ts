/**
 * Block segmentation: every non-empty line of the stored text is a block (the input stage writes one
 * paragraph or heading per line), classified as heading, byline, dateline, boilerplate or paragraph.
 * A leading dateline ("WASHINGTON (Reuters) -") becomes its own block before the paragraph, and a
 * byline or dateline naming a news agency sets the document's agency. Rules, because the cues are
 * typographic and a handful of fixed phrases. When the input stage knows the element a line came
 * from (an HTML page's `<h2>`, `<p>`, `<tr>`), that hint outweighs the line's shape.
 */
import type { LineHint, LineHintKind } from '../input/types.js';
import type { TextBlock } from './types.js';
import { isSpaceCode } from './tokenize.js';

/** A block plus where its sentence text begins (after a leading "- " bullet). */
export interface SegmentedBlock extends TextBlock {
  contentStart: number;
  /** True when the block is one sentence whatever its punctuation (a table row). */
  oneSentence?: boolean;
}

export interface BlockSegmentation {
  blocks: SegmentedBlock[];
  agency: string | null;
  /** Author(s) of the first byline before the story's second paragraph. */
  author: string | null;
}

/** Agency names as they appear in bylines and datelines → the normalised name. */
const AGENCY_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/\bAgence France[- ]Presse\b|\bAFP\b/, 'AFP'],
  [/\bReuters\b/, 'Reuters'],
  [/\bAssociated Press\b|\bAP\b/, 'AP'],
  [/\bXinhua\b/, 'Xinhua'],
  [/\bTASS\b/i, 'TASS'],
  [/\bAnadolu\b|^AA$/, 'Anadolu'],
  [/\bInterfax\b/, 'Interfax'],
  [/\bRIA Novosti\b/, 'RIA Novosti'],
  [/\bDeutsche Presse[- ]Agentur\b|\bdpa\b/, 'dpa'],
  [/\bBloomberg\b/, 'Bloomberg'],
  [/\bKyodo\b/, 'Kyodo'],
  [/\bYonhap\b/, 'Yonhap'],
  [/\bPress Trust of India\b|\bPTI\b/, 'PTI'],
  [/\bIANS\b/, 'IANS'],
  [/\bANI\b/, 'ANI'],
  [/\bUnited Press International\b|\bUPI\b/, 'UPI'],
  [/\bEFE\b/, 'EFE'],
  [/\bANSA\b/, 'ANSA'],
  [/\bAzertac\b|\bAZERTAC\b/, 'Azertac'],
  [/\bArmenpress\b/, 'Armenpress'],
  [/\bWAFA\b/, 'WAFA'],
  [/\bIRNA\b/, 'IRNA'],
  [/\bUkrinform\b/, 'Ukrinform'],
];

function findAgency(text: string): string | null {
  for (const [pattern, name] of AGENCY_PATTERNS) if (pattern.test(text)) return name;
  return null;
}

/** Who a byline or an author field credits: the people, and a news agency among them. */
export interface Credit {
  author: string | null;
  agency: string | null;
}

/** A person's name as bylines write it ("Ana Ruiz", "José Muñoz", "Ursula von der Leyen", "Rustam Aliyev-Cole"). */
const PERSON_NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|da|del|der|van|von|al|bin|la|le|di|du)){1,4}$/u;

/**
 * "By Ana Ruiz and Luis Soto, Associated Press — 16 May 2025" → Ana Ruiz, Luis Soto / AP;
 * "Pierre Martin, AFP" → Pierre Martin / AFP. In a byline line (`line` true) the names end at the
 * first part that is neither a name nor an agency ("Staff Writer", a date); an author field keeps
 * every part that is not an agency ("Global Desk staff").
 */
export function bylineCredit(text: string, line = true): Credit {
  const opening = BYLINE_PATTERN.exec(text);
  const names = opening?.groups ? text.slice(opening[0].length - opening.groups.first.length) : text;
  const body = names.replace(/\s+[—–|·•]\s+.*$/u, '');
  const parts = body.split(/\s*[,;]\s*|\s+and\s+|\s*&\s*/).map((part) => part.replace(/\s+in\s+\p{Lu}[\p{L} -]*$/u, '').trim()).filter(Boolean);
  const authors: string[] = [];
  let agency: string | null = null;
  for (const part of parts) {
    const named = findAgency(part);
    if (named) agency ??= named;
    else if (!line || (PERSON_NAME.test(part) && !BYLINE_ROLES.test(part))) authors.push(part);
    else break;
  }
  return { author: authors.length > 0 ? authors.join(', ') : null, agency };
}

/** A byline's job titles, which look like names ("Staff Writer", "Moscow Correspondent"). */
const BYLINE_ROLES = /\b(?:writer|correspondent|reporter|editor|staff|desk|bureau|contributor|columnist|producer|chief|team)s?$/i;

/** A credit naming a desk rather than people: "Eurasia Ledger Staff", "Staff Reporter", "Web Desk", "Newsroom", "Editorial Board". */
const DESK_NAME =
  /^(?:(?:[\p{L}\p{N}.&'’-]+\s+){0,4}(?:staff|desk|newsroom|editors|editorial(?: board| team| staff)?|team|bureau|reporters?|correspondents?|writers?|wires?)|(?:staff|newsroom|editorial)\b.*)$/iu;

/** True when an author field credits a desk or the staff, not a person. */
export function isDeskCredit(author: string): boolean {
  return DESK_NAME.test(author.trim());
}

/** "By Jane Doe", "Story By Agence France-Presse (AFP)", "(Reporting by …; Editing by …)". */
const BYLINE_PATTERN =
  /^\(?(?<prefix>(?:story|text|reporting|reported|written|compiled|edited|photos?|words|additional reporting|compiled (?:&|and) edited)\s+)?by\s+(?<first>\S+)/i;
const NOT_NAMES = /^(?:the|a|an|this|that|then|now|late|early|mid|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)(?![\p{L}])|^\d/iu;

/** A byline names its author or agency in a short line that does not read as a sentence. */
function isByline(content: string): boolean {
  const match = BYLINE_PATTERN.exec(content);
  if (!match?.groups) return false;
  const { prefix, first } = match.groups;
  const sentenceLike = /[.!?]["”’]?$/.test(content);
  // A bare "By …" must go on with a name: "By Tuesday, …" and "By the end of …" open sentences.
  const namesSomeone = prefix !== undefined || (/^\p{Lu}/u.test(first) && !NOT_NAMES.test(first));
  return namesSomeone && !sentenceLike && content.split(/\s+/).length <= 16;
}

const BOILERPLATE_PATTERN =
  /^(?:read (?:also|more|next)\b|also read\b|related(?: (?:articles?|stories|news|coverage))?\s*:|see also\s*:|mail us at\b|write to us\b|e-?mail us\b|contact us\b|subscribe\b|share this\b|share on\b|follow us\b|follow \S.{0,60}?\bon (?:twitter|x|facebook|telegram|instagram|whatsapp|youtube|linkedin|threads|bluesky)\b|click here\b|sign up (?:for|to)\b|advertisement(?:$|\s*[·|:–—-])|download (?:our|the) app\b|copyright (?:©|\(c\)|\d{4})|\(c\)\s|©|editor['’]s note\s*:|our standards\s*:|already a subscriber\b)/i;

/** A notice anywhere in the line: rights, a feed's "The post … appeared first on …", a photo credit closing a caption. */
const BOILERPLATE_ANYWHERE = /all rights reserved|©|^the post .+ appeared first on\b|\((?:AP|AFP|Reuters|EPA|Getty Images)(?: Photo)?\/[^)]*\)$|(?:^|[.!?] )(?:Photo|Photograph|Picture|Image)(?: credit)?: [^.!?]{2,60}$/i;

/** A leading "- ", "• ", "* " or "– " bullet. */
const BULLET_PATTERN = /^[-•*–—]\s+/;

const MONTH_ABBREVIATION = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const PLACE_WORD = "\\p{Lu}[\\p{Lu}'’.-]+";
const REGION_WORD = "\\p{Lu}[\\p{L}'’.-]+";
/**
 * "MOSCOW, Aug 7 (AFP) —", "WASHINGTON (Reuters) -", "GAZA CITY, Gaza Strip (AP) —", "(Reuters) -",
 * "NEW DELHI:" — an upper-case place, optional region and date, optional agency, then a dash or colon.
 */
const DATELINE_PATTERN = new RegExp(
  `^(?:(?<place>${PLACE_WORD}(?: ${PLACE_WORD}){0,3})` +
    `(?:, ${REGION_WORD}(?: ${REGION_WORD}){0,2})?` +
    `(?<date>,? ${MONTH_ABBREVIATION} \\d{1,2}(?:, \\d{4})?)? ?)?` +
    '(?:\\((?<agency>\\p{Lu}[\\p{L} .&-]{1,40})\\) ?)?(?<separator>--|[-–—:]) ?',
  'u',
);

/** Upper-case labels that are not places: "UPDATE:", "BREAKING:" … */
const NOT_PLACES = new Set(['UPDATE', 'UPDATED', 'BREAKING', 'WATCH', 'EXCLUSIVE', 'ANALYSIS', 'OPINION', 'NOTE', 'WARNING', 'CORRECTION', 'LIVE', 'VIDEO', 'PHOTOS', 'FILE', 'EDITOR’S NOTE', "EDITOR'S NOTE"]);

/**
 * The dateline at the start of a paragraph, or null. A bare place with a hyphen or colon ("WASHINGTON -")
 * only opens the story: after the first paragraph that shape is a speaker label in a transcript
 * ("PENCE: …"); with a dash ("BAKU — …") it opens a round-up's next item.
 */
function matchDateline(content: string, afterFirstParagraph: boolean): RegExpExecArray | null {
  const match = DATELINE_PATTERN.exec(content);
  if (!match?.groups) return null;
  const { place, date, agency, separator } = match.groups;
  if (!place && !agency) return null;
  // (A round-up's later items open with their own "BAKU — …": a dash, unlike a speaker label's colon.)
  if (afterFirstParagraph && !agency && !date && !/^(--|[–—])$/.test(separator ?? '')) return null;
  if (place && NOT_PLACES.has(place)) return null;
  if (separator === ':' && (!place || agency)) return null;
  // Without an agency or a date, a bare two-letter word before a dash ("US - China …") is no place.
  if (place && !agency && !date && place.replace(/[^\p{L}]/gu, '').length < 3) return null;
  const rest = content.slice(match[0].length);
  if (rest.length === 0 || /^\p{Ll}/u.test(rest)) return null;
  return match;
}

/** Small words that stay lower-case in title-like capitalisation. */
const TITLE_SMALL_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with',
  'from', 'as', 'into', 'over', 'vs', 'via', 'amid', 'after', 'before', 'about', 'than', 'is', 'are',
]);

function isTitleLike(line: string): boolean {
  const words = line.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  if (words.length === 0 || words.length > 14 || line.length > 120) return false;
  let capitalised = 0;
  let counted = 0;
  for (const [position, word] of words.entries()) {
    const bare = word.replace(/^[^\p{L}\p{N}]+/u, '');
    if (position > 0 && TITLE_SMALL_WORDS.has(bare.toLowerCase())) continue;
    counted++;
    if (/^[\p{Lu}\p{N}]/u.test(bare)) capitalised++;
  }
  return counted > 0 && /^[\p{Lu}\p{N}"“‘']/u.test(line) && capitalised / counted >= 0.75;
}

function endsLikeSentence(line: string): boolean {
  return /[.,;:!]["”’')\]]?$/.test(line);
}

function isHeading(line: string): boolean {
  return !endsLikeSentence(line) && isTitleLike(line);
}

/** A document's first line reads as its headline even in sentence case ("Leaders meet in Baku"). */
function isHeadline(line: string): boolean {
  return !endsLikeSentence(line) && /^[\p{Lu}\p{N}"“‘']/u.test(line) && line.split(/\s+/).length <= 20 && line.length <= 160;
}

/** The headings of page furniture: related links, newsletters, comments, share boxes. */
const FURNITURE_HEADING =
  /^(?:related(?: (?:articles?|stories|news|content|coverage|links|topics|reading))?|more (?:on this (?:story|topic)|from\b.{0,40}|stories|news|to read)|(?:most|also) (?:read|popular|viewed|shared)|(?:read|see) (?:more|also|next)|you (?:may|might) (?:also )?(?:like|be interested in)|recommended(?: for you| stories| articles)?|(?:top|latest|trending) (?:stories|news|headlines)|(?:sign up for |get )?(?:our |the )?newsletters?|comments?(?: \(\d+\))?|share(?: this(?: (?:article|story|page))?)?|tags|topics|follow us)\s*:?$/i;

/** Longer than this, a heading element is running prose set as a heading (a standfirst in an `<h2>`): its shape decides. */
const MAX_HEADING_WORDS = 30;

function classifyLine(content: string, previousWasReadAlso: boolean, hint: LineHintKind | null): TextBlock['kind'] {
  if (BOILERPLATE_PATTERN.test(content) || BOILERPLATE_ANYWHERE.test(content)) return 'boilerplate';
  if (hint === 'table-row') return 'paragraph';
  if (hint === 'heading' && FURNITURE_HEADING.test(content)) return 'boilerplate';
  if (isByline(content)) return 'byline';
  if (previousWasReadAlso && isTitleLike(content) && !/[.!]$/.test(content)) return 'boilerplate';
  if (hint === 'heading' && content.split(/\s+/).length <= MAX_HEADING_WORDS) return 'heading';
  // A paragraph, list item, quote or caption is never a heading, whatever its shape.
  if (isHeading(content) && (hint === null || hint === 'heading')) return 'heading';
  return 'paragraph';
}

/** True for a "Read also:" style line that announces a link on the next line. */
function announcesLink(content: string): boolean {
  return /^(?:read (?:also|more|next)|also read|related|see also)\b[^.!?]{0,20}:?$/i.test(content);
}

/**
 * Splits `text` into classified blocks and finds the agency named in a byline or dateline. `hints`
 * (in text order) say which element a line came from; a line without one is classified by its shape.
 */
export function segmentBlocks(text: string, hints: readonly LineHint[] = []): BlockSegmentation {
  const blocks: SegmentedBlock[] = [];
  let agency: string | null = null;
  let author: string | null = null;
  let previousWasReadAlso = false;
  let lineStart = 0;
  let nextHint = 0;
  let firstHint: LineHintKind | null = null;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
    while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
    // The hint of this line: the one whose span holds the line's text.
    while (nextHint < hints.length && hints[nextHint].end <= start) nextHint++;
    const candidate = end > start ? hints[nextHint] : undefined;
    const hint = candidate && candidate.start <= start && end <= candidate.end ? candidate.kind : null;
    if (end > start) {
      const line = text.slice(start, end);
      const bullet = BULLET_PATTERN.exec(line);
      const contentStart = start + (bullet ? bullet[0].length : 0);
      const content = text.slice(contentStart, end);
      const kind = content.length > 0 ? classifyLine(content, previousWasReadAlso, hint) : 'boilerplate';
      if (blocks.length === 0) firstHint = hint;
      if (kind === 'byline' && agency === null) agency = findAgency(content);
      if (kind === 'byline' && author === null && blocks.filter((block) => block.kind === 'paragraph').length < 2) author = bylineCredit(content).author;
      const dateline = kind === 'paragraph' && hint !== 'table-row' ? matchDateline(content, blocks.some((block) => block.kind === 'paragraph')) : null;
      if (dateline) {
        const datelineEnd = contentStart + dateline[0].trimEnd().length;
        blocks.push({ kind: 'dateline', start, end: datelineEnd, contentStart });
        const paragraphStart = contentStart + dateline[0].length;
        blocks.push({ kind: 'paragraph', start: paragraphStart, end, contentStart: paragraphStart });
        if (agency === null && dateline.groups?.agency) agency = findAgency(dateline.groups.agency);
      } else if (hint === 'table-row' && kind === 'paragraph') {
        blocks.push({ kind, start, end, contentStart, oneSentence: true });
      } else {
        blocks.push({ kind, start, end, contentStart });
      }
      previousWasReadAlso = announcesLink(content);
    }
    lineStart = lineEnd + 1;
  }
  const first = blocks[0];
  // (Not for a line the page set as a paragraph, list item or table row.)
  if (blocks.length > 1 && first.kind === 'paragraph' && firstHint === null && isHeadline(text.slice(first.contentStart, first.end))) first.kind = 'heading';
  return { blocks, agency, author };
}
