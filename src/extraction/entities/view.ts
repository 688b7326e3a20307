/**
 * A read-only view of one document's tokens made for entity work: token words with a trailing
 * possessive split off ("Azerbaijan’s" → "Azerbaijan" + possessive), lower-cased forms, which
 * tokens sit inside quotation marks or in headings/boilerplate, and small questions about syntax
 * ("is this span a subject?", "which preposition governs it?") answered from the dependency parse
 * when the language stage ran, and from surface order when it did not.
 */
import type { LanguageAnnotation } from '../../language/types.js';
import type { Token } from '../../text/types.js';
import type { AnalysisContext } from '../types.js';
import { SPEECH_VERBS, TITLE_HEADS, TITLE_MODIFIERS } from './words.js';

export interface TokenView {
  text: string;
  tokens: readonly Token[];
  /** Token text with curly apostrophes made straight and a trailing "'s" removed. */
  words: string[];
  lower: string[];
  /** Character end of `words[i]` (before any possessive suffix). */
  wordEnd: number[];
  /** The word is a possessor: "Russia’s" or "Russia" followed by a "’s" token. */
  possessive: boolean[];
  /** The token is itself a possessive marker ("’s", "'"). */
  possessiveMarker: boolean[];
  insideQuote: boolean[];
  /** Token lies in a heading or byline (Title Case there, so case is no evidence of a name). */
  inHeading: boolean[];
  /** Tokens of a byline ("By Jorge Medina and Ana Ortiz"), where people's names are writers, never places. */
  inByline: boolean[];
  /** Token lies in boilerplate ("Read also:", contact lines) and is ignored. */
  ignored: boolean[];
  /** Token lies in a dateline ("KHARTOUM, May 12 (Reuters) -"): its place is where the story was filed. */
  inDateline: boolean[];
  /** Index of the first token of the token's sentence. */
  sentenceStart: number[];
  language: LanguageAnnotation | null;
}

const POSSESSIVE_MARKERS = new Set(["'s", "'", '’s', '’']);
const OPEN_QUOTES = new Set(['“', '«', '‘']);
const CLOSE_QUOTES = new Set(['”', '»', '’']);

export function buildTokenView(ctx: AnalysisContext): TokenView {
  const { tokens, sentences, blocks } = ctx.structure;
  const n = tokens.length;
  const words: string[] = new Array(n);
  const lower: string[] = new Array(n);
  const wordEnd: number[] = new Array(n);
  const possessive: boolean[] = new Array(n).fill(false);
  const possessiveMarker: boolean[] = new Array(n).fill(false);
  const insideQuote: boolean[] = new Array(n).fill(false);
  const inHeading: boolean[] = new Array(n).fill(false);
  const inByline: boolean[] = new Array(n).fill(false);
  const ignored: boolean[] = new Array(n).fill(false);
  const inDateline: boolean[] = new Array(n).fill(false);
  const sentenceStart: number[] = new Array(n).fill(0);

  for (let i = 0; i < n; i++) {
    const token = tokens[i];
    let word = token.text.replace(/’/g, "'");
    let end = token.end;
    if (POSSESSIVE_MARKERS.has(word)) {
      possessiveMarker[i] = true;
      if (i > 0 && tokens[i - 1].end === token.start) possessive[i - 1] = true;
    } else if (word.length > 2 && /'s$/i.test(word)) {
      word = word.slice(0, -2);
      end -= 2;
      possessive[i] = true;
    }
    words[i] = word;
    lower[i] = word.toLowerCase();
    wordEnd[i] = end;
  }

  for (const sentence of sentences) {
    const block = blocks[sentence.block];
    for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
      sentenceStart[i] = sentence.tokenStart;
      inHeading[i] = block?.kind === 'heading' || block?.kind === 'byline';
      inByline[i] = block?.kind === 'byline';
      ignored[i] = block?.kind === 'boilerplate';
      inDateline[i] = block?.kind === 'dateline';
    }
  }
  markQuotes(ctx, insideQuote);
  markRatings(lower, sentences, ignored);
  return { text: ctx.text, tokens, words, lower, wordEnd, possessive, possessiveMarker, insideQuote, inHeading, inByline, ignored, inDateline, sentenceStart, language: ctx.language };
}

/** Marks tokens between an opening and a closing quotation mark; the state resets at each block. */
function markQuotes(ctx: AnalysisContext, insideQuote: boolean[]): void {
  const { tokens, sentences } = ctx.structure;
  let quoted = false;
  let block = -1;
  for (let i = 0; i < tokens.length; i++) {
    const tokenBlock = sentences[tokens[i].sentence]?.block ?? -1;
    if (tokenBlock !== block) {
      block = tokenBlock;
      quoted = false;
    }
    const first = tokens[i].text;
    if (first === '"') {
      quoted = !quoted;
      continue;
    }
    if (OPEN_QUOTES.has(first) && first !== '‘') {
      quoted = true;
      continue;
    }
    if (CLOSE_QUOTES.has(first) && first !== '’') {
      quoted = false;
      continue;
    }
    insideQuote[i] = quoted;
  }
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** The dependency-based subject test: a token of the span is nsubj/nsubj:pass of a head outside it. */
/**
 * The verb whose subject the span [tokenStart, tokenEnd) is in the parse, directly or as an
 * apposition to it ("Grigoryan's spokeswoman, Nune Petrosyan, said …"); -1 when it is none.
 */
export function subjectVerb(language: LanguageAnnotation, tokenStart: number, tokenEnd: number): number {
  for (let i = tokenStart; i < tokenEnd; i++) {
    const head = language.head[i];
    if (head >= tokenStart && head < tokenEnd) continue;
    if (language.deprel[i].startsWith('nsubj')) return head;
    if (language.deprel[i] === 'appos' && head >= 0 && language.deprel[head].startsWith('nsubj')) return language.head[head];
  }
  return -1;
}

function parsedSubject(language: LanguageAnnotation, tokenStart: number, tokenEnd: number): boolean {
  return subjectVerb(language, tokenStart, tokenEnd) >= 0;
}

const TITLE_WORDS = new Set([...TITLE_HEADS, ...TITLE_MODIFIERS]);
const CLAUSE_OPENERS = new Set([',', ';', ':', 'when', 'while', 'after', 'before', 'as', 'since', 'because', 'if', 'that', 'where', 'and', 'but', 'although', 'though', 'whereas', 'which', 'who', 'once', 'until']);
const NOT_AFTER_SUBJECT = new Set(['of', 'in', 'on', 'at', 'for', 'to', 'with', 'from', 'by', 'as', 'the', 'a', 'an', 'or', 'who', 'which', 'than', 'into', 'over', 'under', 'between', 'against', 'about']);

/**
 * Is the span [tokenStart, tokenEnd) the subject of its clause? With a parse: its nsubj relation;
 * otherwise (or when the parse says no, since parses err) the surface test: it opens the sentence or a clause (after a comma, a conjunction, a quote) and a
 * verb-like word follows it (or it is a possessor there: "Russia’s attempts failed").
 */
export function isSubject(view: TokenView, tokenStart: number, tokenEnd: number): boolean {
  if (view.language && parsedSubject(view.language, tokenStart, tokenEnd)) return true;
  // An apposition closing right before a verb of saying ("…, Nune Petrosyan, said").
  if (view.words[tokenStart - 1] === ',' && view.words[tokenEnd] === ',' && SPEECH_VERBS.has(view.lower[tokenEnd + 1] ?? '')) return true;
  const start = view.sentenceStart[tokenStart];
  let k = tokenStart - 1;
  // Walk back over the rest of the noun phrase: articles, quotes, titles and qualifiers
  // ("Azerbaijan’s President Ilham Aliyev", "Armenian Prime Minister …").
  while (k >= start && (/^(the|a|an|both|["“”'’]|[-–—])$/i.test(view.words[k]) || view.possessiveMarker[k] || isCapitalised(view.words[k]) || TITLE_WORDS.has(view.lower[k]))) k--;
  if (k >= start && !CLAUSE_OPENERS.has(view.lower[k])) return false;
  return view.possessive[tokenEnd - 1] || verbFollows(view, tokenEnd);
}

/** A verb-like word at `from`, past an apposition ("Baku and Yerevan, sworn enemies, went …") and an adverb. */
export function verbFollows(view: TokenView, from: number): boolean {
  let k = from;
  const sentence = from < view.tokens.length ? view.tokens[from].sentence : -1;
  if (view.words[k] === ',') {
    let close = k + 1;
    while (close < view.words.length && view.tokens[close].sentence === sentence && view.words[close] !== ',') close++;
    if (close < view.words.length && view.words[close] === ',') k = close + 1;
  }
  if (k < view.words.length && /^(also|then|later|now|jointly|together|already|previously|since|still|both)$/.test(view.lower[k])) k++;
  return looksLikeVerb(view, k);
}

const LOCATIVE = new Set(['in', 'at', 'near', 'to', 'into', 'from', 'outside', 'inside']);

/** Labels of a fact-check's rating ("Verdict: Mostly false."): the words after them rate a claim and name no one. */
const RATING_LABELS: ReadonlySet<string> = new Set(['verdict', 'rating', 'ruling', 'our ruling', 'the verdict']);

/** Ignores the rating words after a rating label that opens a sentence, up to the first punctuation. */
function markRatings(lower: readonly string[], sentences: readonly { tokenStart: number; tokenEnd: number }[], ignored: boolean[]): void {
  for (const { tokenStart, tokenEnd } of sentences) {
    const colon = lower[tokenStart + 1] === ':' ? tokenStart + 1 : lower[tokenStart + 2] === ':' ? tokenStart + 2 : -1;
    if (colon < 0 || !RATING_LABELS.has(lower.slice(tokenStart, colon).join(' '))) continue;
    for (let i = colon + 1; i < tokenEnd && /\p{L}/u.test(lower[i]); i++) ignored[i] = true;
  }
}

/** The preposition that governs the span, lower-cased, or null ("in Baku" → "in"): the word before it, else the parse. */
export function governingPreposition(view: TokenView, tokenStart: number, tokenEnd: number): string | null {
  const surface = precedingPreposition(view, tokenStart);
  if (surface) return surface;
  const language = view.language;
  if (language) {
    for (let i = tokenStart; i < tokenEnd; i++) {
      const head = language.head[i];
      if (head >= tokenStart && head < tokenEnd) continue;
      for (let k = Math.max(0, tokenStart - 3); k < tokenStart; k++) {
        if (language.head[k] === i && language.deprel[k] === 'case') return view.lower[k];
      }
    }
  }
  return null;
}

/** Words that name a part of a town before its name ("through central Yerevan", "in downtown Lima"). */
const AREA_WORDS: ReadonlySet<string> = new Set(['central', 'downtown', 'northern', 'southern', 'eastern', 'western', 'north', 'south', 'east', 'west', 'old', 'greater']);

/** The preposition right before the span (past "the" and a word for part of a town), from the surface. */
function precedingPreposition(view: TokenView, tokenStart: number): string | null {
  let k = tokenStart - 1;
  if (k >= 0 && AREA_WORDS.has(view.lower[k])) k--;
  if (k >= 0 && view.lower[k] === 'the') k--;
  if (k < 0 || k < view.sentenceStart[tokenStart]) return null;
  const word = view.lower[k];
  if (view.language) return view.language.upos[k] === 'ADP' || /^[a-z]+$/.test(word) && LOCATIVE.has(word) ? word : null;
  return /^[a-z]+$/.test(word) ? word : null;
}

/**
 * Whether token `i` looks like a verb right after a noun phrase. With a tagger: VERB/AUX. Without:
 * a lower-case word that is not a preposition, article or relative word (after a subject, that is
 * nearly always the verb or an adverb before it).
 */
export function looksLikeVerb(view: TokenView, i: number): boolean {
  if (i >= view.tokens.length) return false;
  if (view.language) return /^(VERB|AUX)$/.test(view.language.upos[i]);
  const word = view.words[i];
  return /^[a-z][a-z'-]*$/.test(word) && !NOT_AFTER_SUBJECT.has(word);
}
