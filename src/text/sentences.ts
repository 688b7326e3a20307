/**
 * Sentence boundaries inside one block, decided between tokens: after ".", "!", "?", an ellipsis or an
 * abbreviation, with any closing quotes and brackets that follow, when the next token can open a
 * sentence. A block is always at least one sentence, so headings without final punctuation stand
 * alone. Abbreviations that introduce what follows ("Gen.", "Jan.", "No.") never end a sentence;
 * others ("U.S.", "Inc.") end one only before a word that usually opens a sentence.
 */
import { isLeadingAbbreviation, SENTENCE_STARTERS } from './abbreviations.js';
import type { Token } from './types.js';

const TERMINATORS = new Set(['.', '!', '?', '…', '...', '!!', '??', '!?', '?!', '....', '.....']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '}', '»']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«', '-', '–', '—', '*', '•']);

function startsUpperOrDigit(token: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(token);
}

function isTerminator(token: string): boolean {
  return TERMINATORS.has(token) || (token.length > 1 && /^[.!?…]+$/.test(token));
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
  const tokenText = (index: number): string => tokens[index].text;
  for (let index = 0; index < tokens.length - 1; index++) {
    const current = tokenText(index);
    const endsWithStop = current.length > 1 && current.endsWith('.') && !isTerminator(current);
    if (!isTerminator(current) && !endsWithStop) continue;
    let last = index;
    // Closing quotes and brackets attached to the stop belong to this sentence.
    while (last + 1 < tokens.length && CLOSERS.has(tokenText(last + 1)) && tokens[last + 1].start === tokens[last].end) last++;
    if (last + 1 >= tokens.length) break;
    const next = tokenText(last + 1);
    const separated = tokens[last + 1].start > tokens[last].end;
    let boundary: boolean;
    if (endsWithStop) boundary = separated && abbreviationEndsSentence(current, next);
    else if (separated) boundary = startsUpperOrDigit(next) || OPENERS.has(next);
    else boundary = /^\p{Lu}\p{Ll}/u.test(next); // a missing space: "said.The
    if (boundary) starts.push(last + 1);
    index = last;
  }
  return starts;
}
