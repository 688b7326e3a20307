/**
 * Sentence boundaries inside one block, decided between tokens: after ".", "!", "?", an ellipsis or an
 * abbreviation, with any closing quotes and brackets that follow, when the next token can open a
 * sentence (a capital, a digit, an opening quote or bracket, or a name such as "iOS" whose second
 * letter is the capital). A block is always at least one sentence, so headings without final
 * punctuation stand alone. Abbreviations that introduce what follows ("Gen.", "Jan.", "No.") never end a sentence;
 * others ("U.S.", "Inc.") end one only before a word that usually opens a sentence. A stop with no
 * space before a capitalised word ("said.The") still ends one; a dash after a closing quote ("…” —
 * Ana Ruiz") does not start one. These rules are the whole splitter
 * when no boundary model is loaded, and one of the learned model's features when it is.
 */
import { isLeadingAbbreviation, SENTENCE_STARTERS } from './abbreviations.js';
import type { Token } from './types.js';

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '}', '»']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«', '-', '–', '—', '*', '•']);

/** Does the token start like a sentence's first word: a capital, a digit or a brand such as "iOS" or "eBay"? */
function startsUpperOrDigit(token: string): boolean {
  return /^(?:[\p{Lu}\p{N}]|\p{Ll}\p{Lu})/u.test(token);
}

const DASHES = new Set(['-', '–', '—', '―']);
const CLOSING_QUOTES = new Set(['"', '”', '’', "'", '»']);

/**
 * Does the gap after token `index` sit at a dash that follows a closing quotation mark ("….” — Ana
 * Ruiz")? Such a dash hands the quote to its speaker, so no sentence starts before or after it. The
 * rules and the boundary model both respect it (EWT has almost no such signatures to learn from).
 */
export function joinsQuoteToSpeaker(tokens: readonly Token[], index: number): boolean {
  const current = tokens[index].text;
  if (CLOSING_QUOTES.has(current)) return DASHES.has(tokens[index + 1].text);
  return DASHES.has(current) && index > 0 && CLOSING_QUOTES.has(tokens[index - 1].text);
}

/** ".", "!", "?", "…" or a run of them ("...", "?!"). */
function isTerminator(token: string): boolean {
  return /^[.!?…]+$/.test(token);
}

/**
 * Does the gap after token `index` follow a postscript marker ("P.S.", or "PS" with its stop)? The
 * marker opens the postscript's first sentence, so no sentence starts after it; the rules and the
 * boundary model both respect it.
 */
export function followsPostscriptMarker(tokens: readonly Token[], index: number): boolean {
  const current = tokens[index].text;
  if (/^P\.S\.$/i.test(current)) return true;
  return current === '.' && index > 0 && /^PS$/i.test(tokens[index - 1].text) && tokens[index - 1].end === tokens[index].start;
}

/** Does an abbreviation token such as "U.S." or "Inc." end here, before `next`? */
function abbreviationEndsSentence(token: string, next: string): boolean {
  if (isLeadingAbbreviation(token)) return false;
  if (token.length === 2 && /^\p{Lu}\.$/u.test(token)) return false; // an initial: "J. Smith"
  return startsUpperOrDigit(next) && SENTENCE_STARTERS.has(next.toLowerCase());
}

/**
 * Splits the tokens of one block into sentences. Returns the index (into `tokens`) of the first
 * token of every sentence after the first.
 */
export function sentenceStarts(tokens: readonly Token[]): number[] {
  const starts: number[] = [];
  for (let index = 0; index < tokens.length - 1; index++) {
    const current = tokens[index].text;
    const endsWithStop = current.length > 1 && current.endsWith('.') && !isTerminator(current);
    if (!isTerminator(current) && !endsWithStop) continue;
    let last = index;
    // Closing quotes and brackets attached to the stop belong to this sentence.
    while (last + 1 < tokens.length && CLOSERS.has(tokens[last + 1].text) && tokens[last + 1].start === tokens[last].end) last++;
    if (last + 1 >= tokens.length) break;
    const next = tokens[last + 1].text;
    const separated = tokens[last + 1].start > tokens[last].end;
    let boundary: boolean;
    if (endsWithStop) boundary = separated && abbreviationEndsSentence(current, next);
    else if (separated) boundary = startsUpperOrDigit(next) || OPENERS.has(next);
    else boundary = /^\p{Lu}\p{Ll}/u.test(next); // a missing space, as in "said.The"
    if (boundary && !joinsQuoteToSpeaker(tokens, last) && !followsPostscriptMarker(tokens, last)) starts.push(last + 1);
    index = last;
  }
  return starts;
}
