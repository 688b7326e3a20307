/**
 * Page notices: whether the text an HTML page gave is one whole article. A listing or section page
 * (a section front, a tag page, search results) is many short linked headlines and little running
 * prose; a paywalled page says so in its JSON-LD (`isAccessibleForFree: false`) or shows a
 * subscription barrier after a few paragraphs. Such a page is still read and analysed; the notice
 * lets the analysis warn that its text is not (all of) one story.
 */
import type { LineHintKind, PageNotice } from './types.js';

/** One line of a page's text as the HTML reader wrote it. */
export interface PageLine {
  text: string;
  /** The element the line came from, or null. */
  kind: LineHintKind | null;
  /** Share of the line's visible characters inside links (0–1). */
  linkShare: number;
  words: number;
}

/** A line of this many words outside links is running prose, not a teaser's label or a date. */
const RUNNING_PROSE_WORDS = 20;
/** This many linked headlines, at least as many as the paragraphs of prose, make a listing. */
const MIN_LISTING_HEADLINES = 5;
/** A page that declares itself a collection (JSON-LD CollectionPage) needs fewer. */
const MIN_DECLARED_HEADLINES = 3;
/** A subscription barrier after at most this many paragraphs cuts the story short. */
const FEW_PARAGRAPHS = 5;

function runningParagraphs(lines: readonly PageLine[]): number {
  return lines.filter((line) => line.linkShare < 0.5 && line.words >= RUNNING_PROSE_WORDS).length;
}

/** A line that is (almost) all link text and headline-sized: a teaser pointing at another story. */
function isLinkedHeadline(line: PageLine): boolean {
  return line.linkShare >= 0.8 && line.words >= 2 && line.words <= 25;
}

/** A listing notice when the page reads as many stories' teasers rather than one story. */
export function listingNotice(lines: readonly PageLine[], declared: string | null): PageNotice | null {
  const headlines = lines.filter(isLinkedHeadline).length;
  const paragraphs = runningParagraphs(lines);
  const byShape = headlines >= MIN_LISTING_HEADLINES && headlines >= paragraphs;
  const byDeclaration = declared !== null && headlines >= MIN_DECLARED_HEADLINES;
  return byShape || byDeclaration ? { kind: 'listing', headlines, paragraphs, declared } : null;
}

/**
 * The words of a subscription barrier: "Subscribe to read more", "Sign in to continue reading",
 * "This article is for subscribers only", "Already a subscriber?".
 */
export const PAYWALL_TEXT = new RegExp(
  [
    String.raw`\b(?:subscribe|subscription|subscribing|sign (?:in|up)|log ?in|register)\b.{0,40}?\b(?:to (?:continue|keep|finish) reading|to read (?:more|on|this|the (?:full|rest|whole|article|story))|(?:to )?(?:unlock|access) (?:this|the (?:full|rest|whole)))`,
    String.raw`\bto (?:continue|keep) reading\b.{0,40}?\bsubscri`,
    String.raw`\b(?:for|to) (?:paying )?subscribers only\b|\bsubscribers?[- ]only (?:article|story|content)\b`,
    String.raw`\b(?:only|exclusively) (?:available )?(?:to|for) (?:our )?(?:paying )?(?:subscribers|members)\b`,
    String.raw`\balready a (?:subscriber|member)\b`,
    String.raw`\bthis (?:article|story|content) is (?:only |exclusively )?(?:available |reserved )?(?:to|for) (?:our )?(?:paying )?(?:subscribers|members|premium)`,
  ].join('|'),
  'i',
);

/**
 * A paywall notice when the page declares the article not free, or shows a subscription barrier
 * while giving only a few paragraphs.
 */
export function paywallNotice(declared: boolean, barrier: string | null, lines: readonly PageLine[]): PageNotice | null {
  const paragraphs = runningParagraphs(lines);
  if (declared || (barrier !== null && paragraphs <= FEW_PARAGRAPHS)) return { kind: 'paywall', declared, barrier, paragraphs };
  return null;
}
