/**
 * Tokenizer following the Universal Dependencies English (EWT) conventions, so the tagger and parser
 * trained on EWT see the same units: clitics split ("do" "n't", "Trump" "'s", straight or curly
 * apostrophe), punctuation, quotes, brackets, currency symbols and "%" split off; abbreviations
 * ("U.S.", "Gen."), numbers ("1,000.5", "10:30"), URLs, e-mail addresses, hashtags and handles kept
 * whole; a hyphen is its own token unless it follows a prefix EWT keeps attached ("pre-trial").
 *
 * Hand-written as a single left-to-right character scanner (no backtracking regular expressions) so
 * it runs in linear time at several megabytes per second; general tokenizer libraries do not follow
 * the EWT conventions closely enough for a model trained on EWT.
 */
import { HYPHEN_PREFIXES, isKnownAbbreviation } from './abbreviations.js';
import type { Token } from './types.js';

/** Pushes a token; its sentence (-1 here) is set by `structureText`. */
function emit(out: Token[], text: string, start: number, end: number): void {
  const spaceAfter = end >= text.length || classify(text.charCodeAt(end)) === CharClass.Space;
  out.push({ start, end, text: text.slice(start, end), sentence: -1, spaceAfter });
}

const enum CharClass {
  Space = 1,
  Letter = 2,
  Digit = 3,
  Other = 4,
}

const classCache = new Uint8Array(0x10000);
const letterPattern = /[\p{L}\p{M}]/u;
const digitPattern = /\p{Nd}/u;
const spacePattern = /\s/u;

function classify(code: number): CharClass {
  const cached = classCache[code];
  if (cached !== 0) return cached as CharClass;
  const char = String.fromCharCode(code);
  let kind: CharClass = CharClass.Other;
  if (spacePattern.test(char)) kind = CharClass.Space;
  else if (letterPattern.test(char)) kind = CharClass.Letter;
  else if (digitPattern.test(char)) kind = CharClass.Digit;
  classCache[code] = kind;
  return kind;
}

function charClassAt(text: string, index: number, end: number): CharClass | 0 {
  return index < end ? classify(text.charCodeAt(index)) : 0;
}

function isWordClass(kind: CharClass | 0): boolean {
  return kind === CharClass.Letter || kind === CharClass.Digit;
}

export function isSpaceCode(code: number): boolean {
  return classify(code) === CharClass.Space;
}

/** True when the character can start or continue a word (a letter, mark or digit). */
export function isWordCode(code: number): boolean {
  return isWordClass(classify(code));
}

const APOSTROPHE = 0x27;
const RIGHT_SINGLE_QUOTE = 0x2019;
const PERIOD = 0x2e;
const COMMA = 0x2c;
const COLON = 0x3a;
const HYPHEN = 0x2d;
const AT = 0x40;
const HASH = 0x23;
const SLASH = 0x2f;
const UNDERSCORE = 0x5f;
const PLUS = 0x2b;

/** Fused forms EWT writes as two words, with the length of the first: "can not", "gon na". */
const FUSED_WORDS = new Map([
  ['cannot', 3],
  ['gonna', 3],
  ['wanna', 3],
  ['gotta', 3],
  ['outta', 3],
]);
const CLITIC_SUFFIXES = new Set(['s', 're', 'll', 've', 'd', 'm']);
/** Characters that end a URL or e-mail chunk without belonging to it. */
const TRAILING_URL_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '"', "'", '”', '’', '»']);

function isApostrophe(code: number): boolean {
  return code === APOSTROPHE || code === RIGHT_SINGLE_QUOTE;
}

/** End of the run of letters/digits starting at `index`. */
function wordRunEnd(text: string, index: number, end: number): number {
  let cursor = index;
  while (cursor < end && isWordClass(classify(text.charCodeAt(cursor)))) cursor++;
  return cursor;
}

/** End of the whitespace-delimited chunk starting at `index`. */
function chunkEnd(text: string, index: number, end: number): number {
  let cursor = index;
  while (cursor < end && classify(text.charCodeAt(cursor)) !== CharClass.Space) cursor++;
  return cursor;
}

function trimTrailingPunctuation(text: string, start: number, end: number): number {
  let cursor = end;
  while (cursor > start + 1 && TRAILING_URL_PUNCTUATION.has(text[cursor - 1])) cursor--;
  return cursor;
}

/** A URL ("https://…", "www.…") starting at `index`, or -1. */
function urlEnd(text: string, index: number, end: number): number {
  const head = text.charCodeAt(index) < 0x60 ? text.slice(index, index + 8).toLowerCase() : text;
  const at = head === text ? index : 0;
  if (!head.startsWith('http://', at) && !head.startsWith('https://', at) && !head.startsWith('www.', at)) return -1;
  return trimTrailingPunctuation(text, index, chunkEnd(text, index, end));
}

const EMAIL_CONTINUATION = new Set([AT, PERIOD, HYPHEN, UNDERSCORE, PLUS]);

/** Longest local part ("name" in name@host) tried, which also keeps the scan linear. */
const MAX_EMAIL_LOCAL_PART = 64;

/** An e-mail address starting at `index` ("name@example.org"), or -1. */
function emailEnd(text: string, index: number, end: number): number {
  const localLimit = Math.min(end, index + MAX_EMAIL_LOCAL_PART + 1);
  let cursor = index;
  while (cursor < localLimit) {
    const code = text.charCodeAt(cursor);
    if (isWordClass(classify(code)) || code === PERIOD || code === HYPHEN || code === UNDERSCORE || code === PLUS) cursor++;
    else break;
  }
  if (cursor === index || cursor >= localLimit || text.charCodeAt(cursor) !== AT) return -1;
  const domainStart = cursor + 1;
  cursor = domainStart;
  // Intranet addresses ("name@HOST") need no dot in the domain.
  while (cursor < end) {
    const code = text.charCodeAt(cursor);
    if (isWordClass(classify(code)) || code === HYPHEN) cursor++;
    else if (code === PERIOD && isWordClass(charClassAt(text, cursor + 1, end))) cursor++;
    else break;
  }
  return cursor > domainStart ? cursor : -1;
}

/** Letter-dot abbreviations such as "U.S.", "e.g.", "a.m." starting at `index`, or -1. */
function dottedAbbreviationEnd(text: string, index: number, end: number): number {
  let cursor = index;
  let groups = 0;
  while (
    cursor + 1 < end &&
    classify(text.charCodeAt(cursor)) === CharClass.Letter &&
    text.charCodeAt(cursor + 1) === PERIOD
  ) {
    groups++;
    cursor += 2;
  }
  return groups >= 2 && !isWordClass(charClassAt(text, cursor, end)) ? cursor : -1;
}

/**
 * Scans one word starting at a letter or digit (its first letter/digit run ends at `firstRunEnd`) and pushes its token(s): the word plus a split clitic,
 * or a number, or a hyphenated prefix word. Returns where scanning continues.
 */
function scanWord(text: string, start: number, firstRunEnd: number, end: number, out: Token[]): number {
  const dotted = firstRunEnd === start + 1 ? dottedAbbreviationEnd(text, start, end) : -1;
  if (dotted > 0) {
    emit(out, text, start, dotted);
    return dotted;
  }
  let cursor = firstRunEnd;
  let runStart = start;
  for (;;) {
    const next = cursor < end ? text.charCodeAt(cursor) : -1;
    const afterClass = charClassAt(text, cursor + 1, end);
    // Numbers with separators: 1,000.5 / 3.5 / 10:30
    if (
      (next === PERIOD || next === COMMA || next === COLON) &&
      afterClass === CharClass.Digit &&
      classify(text.charCodeAt(cursor - 1)) === CharClass.Digit
    ) {
      cursor = wordRunEnd(text, cursor + 1, end);
      continue;
    }
    // Dotted names and file names ("example.com", "alt.animals.cats", "report_v2.pdf"), slashed dates
    // ("02/13/2001") and short slashed abbreviations ("b/c", "w/o") stay one token; a full stop
    // before a longer capitalised word is a missing space ("said.The"), not a name.
    if (
      ((next === PERIOD && afterClass === CharClass.Letter && !startsCapitalisedWord(text, cursor + 1, end)) ||
        (next === UNDERSCORE && isWordClass(afterClass))) &&
      isWordClass(classify(text.charCodeAt(cursor - 1)))
    ) {
      runStart = cursor + 1;
      cursor = wordRunEnd(text, cursor + 1, end);
      continue;
    }
    if (next === SLASH && isWordClass(afterClass) && isSlashedUnit(text, runStart, cursor, end)) {
      runStart = cursor + 1;
      cursor = wordRunEnd(text, cursor + 1, end);
      continue;
    }
    // Apostrophes inside a word: clitics split off, names (O'Brien) kept whole.
    if (next !== -1 && isApostrophe(next) && afterClass === CharClass.Letter) {
      const suffixEnd = wordRunEnd(text, cursor + 1, end);
      const suffix = text.slice(cursor + 1, suffixEnd).toLowerCase();
      const previous = text[cursor - 1].toLowerCase();
      if (suffix === 't' && previous === 'n' && cursor - 1 > start) {
        emit(out, text, start, cursor - 1);
        emit(out, text, cursor - 1, suffixEnd);
        return suffixEnd;
      }
      if (CLITIC_SUFFIXES.has(suffix)) {
        emit(out, text, start, cursor);
        emit(out, text, cursor, suffixEnd);
        return suffixEnd;
      }
      cursor = suffixEnd;
      continue;
    }
    // Hyphen after a prefix EWT keeps attached, or between digit groups (phone numbers, codes).
    if (next === HYPHEN && isWordClass(afterClass)) {
      const part = text.slice(runStart, cursor).toLowerCase();
      const digitGroups = classify(text.charCodeAt(cursor - 1)) === CharClass.Digit && afterClass === CharClass.Digit && isDigitGroupChain(text, start, cursor, end);
      if (HYPHEN_PREFIXES.has(part) || digitGroups) {
        runStart = cursor + 1;
        cursor = wordRunEnd(text, cursor + 1, end);
        continue;
      }
    }
    break;
  }
  const unitAt = classify(text.charCodeAt(start)) === CharClass.Digit ? numberUnitSplit(text, start, cursor) : -1;
  if (unitAt > 0) {
    emit(out, text, start, unitAt);
    emit(out, text, unitAt, cursor);
    return cursor;
  }
  const fusedSplit = cursor - start <= 6 ? FUSED_WORDS.get(text.slice(start, cursor).toLowerCase()) : undefined;
  if (fusedSplit !== undefined) {
    emit(out, text, start, start + fusedSplit);
    emit(out, text, start + fusedSplit, cursor);
    return cursor;
  }
  // A known abbreviation or a single capital initial keeps its full stop.
  if (cursor < end && text.charCodeAt(cursor) === PERIOD && !isWordClass(charClassAt(text, cursor + 1, end))) {
    const word = text.slice(start, cursor);
    const isInitial = word.length === 1 && classify(word.charCodeAt(0)) === CharClass.Letter && word !== word.toLowerCase();
    let after = cursor + 1;
    while (after < end && classify(text.charCodeAt(after)) === CharClass.Space) after++;
    if (isInitial || isKnownAbbreviation(word, after < end ? text[after] : '')) {
      emit(out, text, start, cursor + 1);
      return cursor + 1;
    }
  }
  emit(out, text, start, cursor);
  return cursor;
}

const DOMAIN_SUFFIXES = new Set(['com', 'net', 'org', 'gov', 'edu', 'int', 'mil', 'info', 'biz']);

/** Does a capitalised word start at `index` ("The", "Many"; not "Com", "PDF" or "x")? */
function startsCapitalisedWord(text: string, index: number, end: number): boolean {
  const first = text[index];
  if (first === first.toLowerCase()) return false;
  const wordEnd = wordRunEnd(text, index, end);
  const word = text.slice(index, wordEnd);
  return word.length >= 2 && word !== word.toUpperCase() && !DOMAIN_SUFFIXES.has(word.toLowerCase());
}

/** "02/13/2001", "9/11" (digits on both sides) or "b/c", "I/C" (at most two letters on both sides). */
function isSlashedUnit(text: string, partStart: number, slashAt: number, end: number): boolean {
  const nextEnd = wordRunEnd(text, slashAt + 1, end);
  const before = text.slice(partStart, slashAt);
  const after = text.slice(slashAt + 1, nextEnd);
  if (/^\d+$/.test(before) && /^\d+$/.test(after)) return true;
  return before.length <= 2 && after.length <= 2 && /^\p{L}+$/u.test(before) && /^\p{L}+$/u.test(after);
}

const ORDINAL_AND_DECADE_SUFFIXES = new Set(['st', 'nd', 'rd', 'th', 's']);

/**
 * Where a number fused with its unit splits, as EWT writes it ("5pm" → "5" "pm", "65k", "1.5bn"),
 * or -1; ordinals and decades ("21st", "1990s") stay whole, as do mixed codes ("4G5").
 */
function numberUnitSplit(text: string, start: number, end: number): number {
  let cursor = start;
  while (cursor < end && classify(text.charCodeAt(cursor)) !== CharClass.Letter) {
    const code = text.charCodeAt(cursor);
    if (classify(code) !== CharClass.Digit && code !== PERIOD && code !== COMMA && code !== COLON) return -1;
    cursor++;
  }
  if (cursor === end) return -1;
  const suffix = text.slice(cursor, end);
  if (!/^(?:\p{Ll}+|\p{Lu}{1,2})$/u.test(suffix) || ORDINAL_AND_DECADE_SUFFIXES.has(suffix.toLowerCase())) return -1;
  return cursor;
}

/** Phone-number-like chains ("713-853-3989"): at least three digits on one side. */
function isDigitGroupChain(text: string, start: number, hyphenAt: number, end: number): boolean {
  const nextEnd = wordRunEnd(text, hyphenAt + 1, end);
  return hyphenAt - start >= 3 && nextEnd - hyphenAt - 1 >= 3;
}

/** Characters whose mixed runs form one decorative token ("***", "==----", "______"). */
const RULE_CHARACTERS = new Set(['-', '=', '_', '*', '~', '+', '#']);
/** Emoticons kept whole when they stand alone. */
const EMOTICON_PATTERN = /^[:;=8][-o^']?[)(\]\[DPpOo3/\\|*]/;

/**
 * End of a punctuation token: a decorative rule, a run of one repeated mark ("...", "!!", "$$$"),
 * an emoticon, a surrogate pair (emoji), or else a single character.
 */
function punctuationRunEnd(text: string, index: number, end: number): number {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < end) return index + 2;
  const char = text[index];
  if (char === ':' || char === ';' || char === '=' || char === '8') {
    const emoticon = EMOTICON_PATTERN.exec(text.slice(index, Math.min(end, index + 3)));
    const after = index + (emoticon ? emoticon[0].length : 0);
    if (emoticon && (after >= end || classify(text.charCodeAt(after)) === CharClass.Space)) return after;
  }
  let cursor = index + 1;
  if (RULE_CHARACTERS.has(char)) {
    while (cursor < end && RULE_CHARACTERS.has(text[cursor])) cursor++;
    return cursor;
  }
  if (isWordClass(classify(code)) || char === '"' || char === "'" || char === '(' || char === ')') return cursor;
  while (cursor < end && text.charCodeAt(cursor) === code) cursor++;
  return cursor;
}

/** Tokenizes `text[start, end)` and returns its tokens in order (not yet assigned to sentences). */
export function tokenizeRange(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  let index = start;
  while (index < end) {
    const code = text.charCodeAt(index);
    const kind = classify(code);
    if (kind === CharClass.Space) {
      index++;
      continue;
    }
    const url = code === 0x68 || code === 0x48 || code === 0x77 || code === 0x57 ? urlEnd(text, index, end) : -1;
    if (url > 0) {
      emit(out, text, index, url);
      index = url;
      continue;
    }
    if (isWordClass(kind)) {
      const firstRunEnd = wordRunEnd(text, index, end);
      // Only a word followed by one of "@.-_+" can begin an e-mail address.
      const email = firstRunEnd < end && EMAIL_CONTINUATION.has(text.charCodeAt(firstRunEnd)) ? emailEnd(text, index, end) : -1;
      if (email > 0) {
        emit(out, text, index, email);
        index = email;
        continue;
      }
      index = scanWord(text, index, firstRunEnd, end, out);
      continue;
    }
    if ((code === HASH || code === AT) && charClassAt(text, index + 1, end) === CharClass.Letter) {
      let handleEnd = wordRunEnd(text, index + 1, end);
      while (
        (text.charCodeAt(handleEnd) === PERIOD || text.charCodeAt(handleEnd) === UNDERSCORE) &&
        isWordClass(charClassAt(text, handleEnd + 1, end))
      ) {
        handleEnd = wordRunEnd(text, handleEnd + 1, end);
      }
      emit(out, text, index, handleEnd);
      index = handleEnd;
      continue;
    }
    const runEnd = punctuationRunEnd(text, index, end);
    emit(out, text, index, runEnd);
    index = runEnd;
  }
  return out;
}
