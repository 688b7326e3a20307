/**
 * Finds name spans: KB longest-match at capitalised tokens, the NER model's spans when the language
 * stage ran, and, for what neither covers, runs of capitalised words (proper nouns when there is a
 * POS tagger). Overlaps resolve to the longer span, KB on ties. Runs that contain office titles are
 * split so that "Ruritanian Foreign Minister Jan Novak" yields the name "Jan Novak".
 */
import type { KbMatch, KnowledgeBase } from '../../knowledge/types.js';
import { isCapitalised, type TokenView } from './view.js';
import { FEMALE_FIRST_NAMES, FORMER_NAMES, isHeadOfStateTitle, MALE_FIRST_NAMES, NAME_ARTICLES, NAME_CONNECTORS, NOT_NAMES, TITLE_HEADS, TITLE_MODIFIERS, TYPE_BY_LAST_WORD, type PronounGender } from './words.js';

export type NameSource = 'kb' | 'ner' | 'case';

export interface NameSpan {
  tokenStart: number;
  tokenEnd: number;
  start: number;
  end: number;
  text: string;
  source: NameSource;
  /** Best KB matches for the span's text on the document date (empty when unknown). */
  matches: KbMatch[];
  /** NER type (PER, ORG, LOC, MISC …) when the model found the span. */
  nerType: string | null;
  confidence: number;
  /**
   * Case is weak evidence here (a capitalised word opening a sentence, a heading in Title Case):
   * the span only counts if it names a person already known (a surname).
   */
  weak?: boolean;
}

const MAX_KB_TOKENS = 8;
/** Words in the longest FORMER_NAMES key. */
const FORMER_NAME_WORDS = Math.max(...[...FORMER_NAMES.keys()].map((name) => name.split(' ').length));
const MIN_NER_CONFIDENCE = 0.5;
/** Tags that rule a capitalised word out of a name (sentence-initial function words, verbs). */
const NOT_NAME_TAGS = new Set(['ADP', 'AUX', 'CCONJ', 'DET', 'PART', 'PRON', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'NUM']);

/** A word of an office title, also hyphenated ("vice-president", "editor-in-chief"). */
export function isTitleWord(lower: string): boolean {
  if (TITLE_HEADS.has(lower) || TITLE_MODIFIERS.has(lower)) return true;
  return lower.includes('-') && lower.split('-').some((part) => TITLE_HEADS.has(part));
}

function spanText(view: TokenView, tokenStart: number, tokenEnd: number): { start: number; end: number; text: string } {
  const start = view.tokens[tokenStart].start;
  const end = view.wordEnd[tokenEnd - 1];
  return { start, end, text: view.text.slice(start, end) };
}

/** A token that may open a KB name: capitalised, a digit-led name, "the" before a capital, or a lower-case Arabic article joined to a capital ("al-Qaeda"). */
function mayOpenName(view: TokenView, i: number): boolean {
  const word = view.words[i];
  if (isCapitalised(word)) return true;
  if (NAME_ARTICLES.has(view.lower[i]) && isJoiningHyphen(view, i + 1) && isCapitalised(view.words[i + 2] ?? '')) return true;
  return view.lower[i] === 'the' && i + 1 < view.words.length && isCapitalised(view.words[i + 1]);
}

function kbSpans(view: TokenView, kb: KnowledgeBase, date: string | null): NameSpan[] {
  const found: NameSpan[] = [];
  const words = view.words; // possessives split off, so "Azerbaijan’s" matches "Azerbaijan"
  const n = words.length;
  for (let i = 0; i < n; i++) {
    if (view.ignored[i] || view.possessiveMarker[i] || !mayOpenName(view, i)) continue;
    const compound = hyphenCompoundEnd(view, i);
    const window = words.slice(i, nameWindowEnd(view, kb, i));
    const compoundKnown = compound > i + 1 && kb.lookup(view.text.slice(view.tokens[i].start, view.tokens[compound - 1].end), date).length > 0;
    const known = compoundKnown ? compound - i : kb.longestMatch(window, 0);
    const candidate = compoundKnown ? null : formerName(view, i);
    const former = candidate && candidate.length > known ? candidate : null;
    const length = former ? former.length : known;
    if (length === 0) continue;
    let end = i + length;
    // A possessive inside the match ends the name ("Russia’s" in "Russia’s state agency").
    for (let k = i; k < end - 1; k++) if (view.possessive[k]) end = k + 1;
    while (end > i + 1 && !/[\p{L}\p{N}]/u.test(view.words[end - 1])) end--;
    if (surnameOfUnknownPerson(view, i, end, kb, date) || loneSurnameOutOfOffice(view, i, end, kb, date)) continue;
    const withArticle = spanText(view, i, end).text;
    // The mention leaves out a leading article ("the Kremlin" → "Kremlin", "A Lima court" → "Lima"); the KB is asked both ways.
    // ("A Kremlin official" keeps its article: the person the title describes takes the whole phrase.)
    const article = view.lower[i] === 'the' || (/^an?$/.test(view.lower[i]) && !isTitleWord(view.lower[end] ?? ''));
    const nameStart = article && end - i > 1 ? i + 1 : i;
    const { start, end: charEnd, text } = spanText(view, nameStart, end);
    const matches = former ? kb.lookup(former.name, date) : kb.lookup(withArticle, date);
    if (matches.length === 0) matches.push(...kb.lookup(text, date));
    // "By Jorge Medina and …": the second of two names after "By" or "and" in a byline is a writer's surname, not a place
    // (the first word of a hyphenated name, "Agence France-Presse", still names France).
    const writer = view.inByline[nameStart] && nameStart > 1 && /^(by|and|,)$/.test(view.lower[nameStart - 2]) && /^\p{Lu}\p{Ll}+$/u.test(view.words[nameStart - 1]) &&
      end === nameStart + 1 && view.words[end] !== '-';
    const fitting = matches.filter((match) => caseFits(match, text) && !(writer && (match.entry.kind === 'place' || match.entry.kind === 'country')));
    if (fitting.length === 0) continue;
    matches.splice(0, matches.length, ...fitting);
    found.push({ tokenStart: nameStart, tokenEnd: end, start, end: charEnd, text, source: 'kb', matches, nerType: null, confidence: 0.9 });
    i = end - 1;
  }
  return found;
}

/**
 * A name the KB knows under a later or fuller name ("European Community" → European Union), as the
 * longest such name opening the window. Not inside a longer capitalised name ("National Security
 * Council" is no UN organ).
 */
function formerName(view: TokenView, i: number): { length: number; name: string } | null {
  const article = view.lower[i] === 'the' ? 1 : 0;
  // Case may drop after the first word ("European common market"): the window is the next words of the sentence.
  let end = i + 1;
  while (end < Math.min(view.words.length, i + article + FORMER_NAME_WORDS) && view.tokens[end].sentence === view.tokens[i].sentence) end++;
  const window = view.lower.slice(i, end);
  if (!article && i > view.sentenceStart[i] && isCapitalised(view.words[i - 1]) && view.lower[i - 1] !== 'the') return null;
  for (let length = window.length; length > article; length--) {
    const name = FORMER_NAMES.get(window.slice(article, length).join(' '));
    if (name) return { length, name };
  }
  return null;
}

/**
 * An abbreviation, one word with inner capitals ("LeT", "UNHCR"), names its entry only when the text
 * has capitals past its first letter too: "Let me start …" is no militant group.
 */
function caseFits(match: KbMatch, text: string): boolean {
  if (match.via !== 'alias' || /\p{Lu}/u.test(text.slice(1))) return true;
  const alias = match.entry.aliases.find((name) => name.toLowerCase() === text.toLowerCase());
  return alias === undefined || /\s/.test(alias) || !/\p{Lu}/u.test(alias.slice(1));
}

/**
 * "Yevgeny Belousov" must not become the KB's Andrei Belousov: a lone surname match right after
 * another capitalised word that no one knows is part of an unknown full name.
 */
function surnameAfterUnknownFirstName(view: TokenView, start: number, end: number, kb: KnowledgeBase): boolean {
  if (end - start !== 1 || start === 0 || start - 1 < view.sentenceStart[start]) return false;
  const previous = view.words[start - 1];
  if (!/^(\p{Lu}\p{Ll}+|\p{Lu}\.)$/u.test(previous) || isTitleWord(previous.toLowerCase()) || NOT_NAMES.has(previous.toLowerCase())) return false;
  if (kb.longestMatch([previous], 0) > 0) return false;
  return kb.lookup(view.words[start]).every((match) => match.entry.kind === 'person');
}

/**
 * "Yevgeny Belousov … Belousov's case": a lone surname the document gives anywhere with an unknown
 * first name belongs to that person, not to the KB's namesake in office, unless the document names
 * that namesake in full too or the namesake leads a country ("Heydar Aliyev … Aliyev" is Ilham Aliyev).
 */
function surnameOfUnknownPerson(view: TokenView, start: number, end: number, kb: KnowledgeBase, date: string | null): boolean {
  const surname = view.words[start];
  if (end - start !== 1 || !/^\p{Lu}\p{Ll}/u.test(surname)) return false;
  // Only a surname the KB gives to people alone (a country or an organisation is never one).
  const matches = kb.lookup(surname, date);
  if (matches.length === 0 || matches.some((match) => match.entry.kind !== 'person')) return false;
  const names = documentNames(view);
  let unknown = names.unknownSurnames.get(surname);
  if (unknown === undefined) {
    // A full name the KB does not know ("Yevgeny Belousov", not "Heydar Aliyev"), anywhere in the document.
    unknown = false;
    for (let index = 1; index < view.words.length && !unknown; index++) {
      unknown = view.words[index] === surname && surnameAfterUnknownFirstName(view, index, index + 1, kb) && kb.lookup(`${view.words[index - 1]} ${surname}`).length === 0;
    }
    names.unknownSurnames.set(surname, unknown);
  }
  if (!unknown) return false;
  const namedInFull = (name: string): boolean => {
    let found = names.namedInFull.get(name);
    if (found === undefined) names.namedInFull.set(name, (found = names.lowerText.includes(name.toLowerCase())));
    return found;
  };
  // A head of state or government in office is whom news means by a bare surname ("Aliyev", whatever relative the text names).
  return !matches.some((match) => namedInFull(match.entry.name) || isHeadOfStateTitle(match.office?.title ?? ''));
}

/** Per document, read once per name asked: whether a surname comes with an unknown first name, the lower-cased text, which KB names it holds in full. */
interface DocumentNames {
  unknownSurnames: Map<string, boolean>;
  lowerText: string;
  namedInFull: Map<string, boolean>;
}
const namesOfDocument = new WeakMap<TokenView, DocumentNames>();

function documentNames(view: TokenView): DocumentNames {
  let found = namesOfDocument.get(view);
  if (!found) {
    found = { unknownSurnames: new Map(), lowerText: view.text.toLowerCase(), namedInFull: new Map() };
    namesOfDocument.set(view, found);
  }
  return found;
}

/**
 * A bare surname ("Johnson") is linked to a KB person only while they hold an office on the date
 * (or after a title); otherwise it stays an unknown name, which may still join a person named in
 * full in the same document.
 */
function loneSurnameOutOfOffice(view: TokenView, start: number, end: number, kb: KnowledgeBase, date: string | null): boolean {
  if (end - start !== 1 || (start > 0 && isTitleWord(view.lower[start - 1]))) return false;
  const matches = kb.lookup(view.words[start], date);
  return matches.length > 0 && matches.every((match) => match.entry.kind === 'person' && match.via !== 'name' && !match.office);
}

/** End of a hyphenated compound the tokenizer split ("Nagorno - Karabakh"), or i + 1. */
function hyphenCompoundEnd(view: TokenView, i: number): number {
  let end = i + 1;
  while (end + 1 < view.tokens.length && isJoiningHyphen(view, end) && /^\p{L}/u.test(view.words[end + 1])) end += 2;
  return end;
}

/** Words a KB name may join inside it ("Bosnia and Herzegovina", "Republic of the Congo", "Guinea-Bissau", "Co-operation in Europe", "Council on Foreign Relations"). */
const INNER_NAME_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'de', 'du', 'des', 'la', 'le', 'al', 'el', 'bin', 'von', 'van', '-', '&', '.', "'s", "'"]);

/**
 * Where a KB name starting at `i` must end at the latest: the run of capitalised words, inner name
 * words and words some KB name writes in lower case ("corridor", "parliament"), within the sentence
 * and MAX_KB_TOKENS. Keeping the window short keeps the KB's
 * longest-match cheap (it tries every length).
 */
function nameWindowEnd(view: TokenView, kb: KnowledgeBase, i: number): number {
  const sentence = view.tokens[i].sentence;
  const limit = Math.min(view.tokens.length, i + MAX_KB_TOKENS);
  let end = i + 1;
  while (end < limit && view.tokens[end].sentence === sentence && (isCapitalised(view.words[end]) || /^\d/.test(view.words[end]) || INNER_NAME_WORDS.has(view.lower[end]) || kb.isNameTailWord(view.words[end]))) end++;
  while (end > i + 1 && INNER_NAME_WORDS.has(view.lower[end - 1])) end--;
  return end;
}

/** Month abbreviations that are also names ("Jan", "Mar"): a month only before a day ("Jan 23"). */
const NAME_LIKE_MONTHS = new Set(['jan', 'mar', 'jun', 'jul', 'dec']);

/**
 * A word that opens no name: a listed function word, a name-like month abbreviation before its day,
 * or a communiqué's "the Parties"/"the Sides" (its signatories, a pair coreference resolves).
 */
function notAName(view: TokenView, k: number): boolean {
  if ((view.words[k] === 'Parties' || view.words[k] === 'Sides') && view.lower[k - 1] === 'the') return true;
  // "C$2 billion", "HK$5 million": the letters of a dollar's country are part of its currency sign.
  if (/^[A-Z]{1,2}$/.test(view.words[k]) && view.words[k + 1] === '$') return true;
  return NOT_NAMES.has(view.lower[k]) || (NAME_LIKE_MONTHS.has(view.lower[k]) && /^([1-9]|[12]\d|3[01])$/.test(view.words[k + 1] ?? ''));
}

function nerSpans(view: TokenView, kb: KnowledgeBase, date: string | null): NameSpan[] {
  const language = view.language;
  if (!language) return [];
  const found: NameSpan[] = [];
  for (const span of language.nerSpans) {
    // Unsure spans and spans that do not open with a capital are left to the KB and the case rules.
    // Headings and bylines are Title Case throughout; only the KB is trusted there.
    if (view.ignored[span.tokenStart] || view.inHeading[span.tokenStart] || span.confidence < MIN_NER_CONFIDENCE) continue;
    let tokenStart = span.tokenStart;
    let tokenEnd = span.tokenEnd;
    while (tokenStart < tokenEnd && (notAName(view, tokenStart) || view.possessiveMarker[tokenStart] || /^[\d.,]+$/.test(view.words[tokenStart]))) tokenStart++;
    while (tokenEnd > tokenStart && view.possessiveMarker[tokenEnd - 1]) tokenEnd--;
    // "U.S.-brokered": a lower-case word hyphened to a name describes, it is not part of it.
    while (tokenEnd - tokenStart > 1 && /^\p{Ll}/u.test(view.words[tokenEnd - 1]) && !NAME_ARTICLES.has(view.lower[tokenEnd - 1])) {
      tokenEnd--;
      if (view.words[tokenEnd - 1] === '-' && tokenEnd - tokenStart > 1) tokenEnd--;
    }
    tokenEnd = articleTail(view, tokenEnd);
    // A title inside the span ("Vice-President Moody Awori") is not part of the name: keep what follows it.
    let type = span.type;
    for (let k = tokenEnd - 2; k >= tokenStart; k--) {
      if (isTitleWordInRun(view, k, tokenEnd) || (view.lower[k].endsWith('.') && isTitleWord(view.lower[k].slice(0, -1)))) {
        tokenStart = k + 1;
        type = 'PER';
        break;
      }
    }
    if (tokenStart >= tokenEnd || !/^[\p{Lu}\p{N}]/u.test(view.words[tokenStart])) continue;
    // Title words alone ("Bureau" of "Bureau chief") are not a name.
    if (view.lower.slice(tokenStart, tokenEnd).every((word) => isTitleWord(word))) continue;
    let { start, end, text } = spanText(view, tokenStart, tokenEnd);
    let matches = kb.lookup(text, date);
    // "Minister of Foreign Affairs of the Republic of Armenia Ararat Mirzoyan": a known place ending
    // an official title, then the holder's name, is one span to the recogniser; the name is the
    // person (the place stays to the KB).
    const placeEnd = matches.length === 0 ? tokenStart + kb.longestMatch(view.words.slice(tokenStart, tokenEnd), 0) : tokenStart;
    if (placeEnd > tokenStart && looksLikePersonalName(view.words.slice(placeEnd, tokenEnd)) &&
      kb.lookup(spanText(view, tokenStart, placeEnd).text, date).some((match) => match.entry.kind === 'country' || match.entry.kind === 'place')) {
      tokenStart = placeEnd;
      type = 'PER';
      ({ start, end, text } = spanText(view, tokenStart, tokenEnd));
      matches = kb.lookup(text, date);
    }
    matches = surnameOfUnknownPerson(view, tokenStart, tokenEnd, kb, date) ? [] : matches.filter((match) => caseFits(match, text));
    found.push({ tokenStart, tokenEnd, start, end, text, source: 'ner', matches: matches.length > 0 ? matches : branchOf(view, kb, tokenStart, tokenEnd, date), nerType: type, confidence: span.confidence });
  }
  return found;
}

const BRANCH_OWNERS = new Set(['media', 'company', 'org']);

/**
 * "Sputnik Azerbaijan", "BBC Persian": a known outlet, company or organisation named with the
 * country or language of its branch is that organisation (its actor), not the country.
 */
function branchOf(view: TokenView, kb: KnowledgeBase, tokenStart: number, tokenEnd: number, date: string | null): KbMatch[] {
  const length = kb.longestMatch(view.words.slice(tokenStart, tokenEnd), 0);
  if (length === 0 || length >= tokenEnd - tokenStart) return [];
  const owner = kb.lookup(spanText(view, tokenStart, tokenStart + length).text, date).filter((match) => BRANCH_OWNERS.has(match.entry.kind));
  return owner.length > 0 && view.words.slice(tokenStart + length, tokenEnd).every((word) => /^\p{Lu}/u.test(word)) ? owner : [];
}

/** The end of a name continued by a hyphened Arabic article ("Sharm el-Sheikh", "Abu al-Hol"): past it, else `end` itself. */
function articleTail(view: TokenView, end: number): number {
  return NAME_ARTICLES.has(view.lower[end] ?? '') && isJoiningHyphen(view, end + 1) && isCapitalised(view.words[end + 2] ?? '') ? end + 3 : end;
}

/** A hyphen written without spaces inside a name ("Asia-Pacific", "Fazl-ur-Rehman"). */
function isJoiningHyphen(view: TokenView, i: number): boolean {
  return view.words[i] === '-' && i > 0 && view.tokens[i - 1].end === view.tokens[i].start && i + 1 < view.tokens.length && view.tokens[i].end === view.tokens[i + 1].start;
}

/** Is token i a word that can be part of a name run? Capitalised, and not tagged as a function word or verb. */
function nameLike(view: TokenView, i: number): boolean {
  if (view.ignored[i] || view.possessiveMarker[i]) return false;
  if (!isCapitalised(view.words[i]) || !/\p{L}/u.test(view.words[i])) return false;
  return !view.language || !NOT_NAME_TAGS.has(view.language.upos[i]);
}

/**
 * Runs of capitalised words (proper nouns with a tagger) that no other source covers, split at
 * title words. Sentence-initial single words and words in headings are left out: case says
 * nothing there.
 */
function caseSpans(view: TokenView, covered: Uint8Array): NameSpan[] {
  const found: NameSpan[] = [];
  const n = view.words.length;
  let i = 0;
  while (i < n) {
    if (!nameLike(view, i) || covered[i]) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < n && view.tokens[end].sentence === view.tokens[i].sentence && !covered[end] && !view.possessive[end - 1]) {
      if (nameLike(view, end)) end++;
      else if (articleTail(view, end) > end) end = articleTail(view, end);
      else if (isJoiningHyphen(view, end) && end + 1 < n && !covered[end + 1] && /^\p{L}/u.test(view.words[end + 1])) end += 2;
      else if (NAME_CONNECTORS.has(view.lower[end]) && end + 1 < n && nameLike(view, end + 1) && !covered[end + 1]) end += 2;
      else break;
    }
    for (const [a, b] of splitAtTitles(view, i, end)) {
      let start = a;
      while (start < b && (notAName(view, start) || !isCapitalised(view.words[start]))) start++;
      if (start >= b) continue;
      const weak = view.inHeading[start] || (b - start === 1 && start === view.sentenceStart[start]);
      const { start: charStart, end: charEnd, text } = spanText(view, start, b);
      found.push({ tokenStart: start, tokenEnd: b, start: charStart, end: charEnd, text, source: 'case', matches: [], nerType: null, confidence: 0.5, weak });
    }
    i = end;
  }
  return found;
}

/** Splits a capitalised run at title words; the parts between titles are the names. */
function splitAtTitles(view: TokenView, start: number, end: number): [number, number][] {
  const parts: [number, number][] = [];
  let partStart = start;
  for (let k = start; k < end; k++) {
    if (isTitleWordInRun(view, k, end)) {
      if (k > partStart && !isTitleRunModifier(view, partStart, k)) parts.push([partStart, k]);
      partStart = k + 1;
    }
  }
  if (partStart < end) parts.push([partStart, end]);
  return parts;
}

/** A title word inside a capitalised run: a head, or a modifier that a head follows ("Supreme Leader", but not "Supreme Court"). */
function isTitleWordInRun(view: TokenView, k: number, end: number): boolean {
  const lower = view.lower[k];
  if (!isTitleWord(lower)) return false;
  if (!TITLE_MODIFIERS.has(lower) || TITLE_HEADS.has(lower) || lower.includes('-')) return true;
  for (let next = k + 1; next < end; next++) {
    if (TITLE_HEADS.has(view.lower[next])) return true;
    if (!TITLE_MODIFIERS.has(view.lower[next])) return false;
  }
  return end < view.words.length && TITLE_HEADS.has(view.lower[end]);
}

/** A single word right before a title ("Ruritanian" in "Ruritanian Foreign Minister") modifies it. */
function isTitleRunModifier(view: TokenView, start: number, end: number): boolean {
  return end - start === 1 && end < view.words.length && isTitleWord(view.lower[end]);
}

/**
 * All name spans of the document, without overlaps, in text order. KB and NER spans compete by
 * length (KB wins ties); capitalised runs fill the gaps.
 */
export function findNames(view: TokenView, kb: KnowledgeBase, date: string | null): NameSpan[] {
  const candidates = [...kbSpans(view, kb, date), ...nerSpans(view, kb, date)];
  candidates.sort((a, b) => b.tokenEnd - b.tokenStart - (a.tokenEnd - a.tokenStart) || (a.source === 'kb' ? -1 : 1));
  const covered = new Uint8Array(view.words.length);
  const chosen: NameSpan[] = [];
  for (const outlet of datelineOutlets(view, kb, date)) {
    covered.fill(1, outlet.tokenStart, outlet.tokenEnd);
    chosen.push(outlet);
  }
  for (const candidate of candidates) {
    let free = true;
    for (let k = candidate.tokenStart; k < candidate.tokenEnd; k++) if (covered[k]) free = false;
    if (!free) continue;
    for (let k = candidate.tokenStart; k < candidate.tokenEnd; k++) covered[k] = 1;
    chosen.push(candidate);
  }
  chosen.push(...caseSpans(view, covered));
  const common = commonWordSpan(view);
  return mergeQualifiedNames(view, chosen.filter((span) => !common(span)).sort((a, b) => a.tokenStart - b.tokenStart));
}

/** Words a title's remit may take between the title and its name ("for the South Caucasus"). */
export const REMIT_REACH = 5;

/** Where a lower-case remit right before a name opens ("for normalisation", "on Caucasus affairs"), after a title head; else null. */
export function remitStart(view: TokenView, nameStart: number, floor: number): number | null {
  for (let k = nameStart - 1; k > floor && nameStart - k <= REMIT_REACH; k--) {
    if (/^(for|on)$/.test(view.lower[k]) && TITLE_HEADS.has(view.lower[k - 1]) && k < nameStart - 1) return k;
    if (!/^\p{Ll}[\p{Ll}-]*$/u.test(view.words[k])) return null;
  }
  return null;
}

/**
 * The gender a person's name states: a listed first name, else a surname with a gendered Slavic or
 * Turkic ending ("Zakharova", "Aliyeva" are women; "Lavrov", "Mustafayev" men), else unknown.
 */
export function genderOfName(name: string): PronounGender | null {
  const words = name.toLowerCase().split(/\s+/);
  if (FEMALE_FIRST_NAMES.has(words[0])) return 'female';
  if (MALE_FIRST_NAMES.has(words[0])) return 'male';
  const surname = words.length > 1 ? words[words.length - 1] : '';
  if (/(ova|eva|skaya|tskaya)$/.test(surname)) return 'female';
  if (/(ov|ev|sky|skiy|skii)$/.test(surname)) return 'male';
  return null;
}

/** Surname endings of the region's names that tell no gender (Armenian, Georgian, Azerbaijani, Turkish, Ukrainian). */
const GENDERLESS_SURNAME_ENDING = /(?:yan|ian|dze|shvili|zade|oglu|enko)$/;

/**
 * Two or three capitalised words that can only be a person's name: a listed first name, or a last
 * word with a surname ending ("Ziyaddin Safarov", "Nune Petrosyan"), which the NER model sometimes
 * takes for a place.
 */
export function looksLikePersonalName(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 3 || !words.every((word) => /^\p{Lu}\p{Ll}+$/u.test(word))) return false;
  return genderOfName(words.join(' ')) !== null || GENDERLESS_SURNAME_ENDING.test(words[words.length - 1].toLowerCase());
}

/**
 * "BAKU, Feb 13 (Levant and Caucasus Review) -": the brackets of a dateline name the outlet, one
 * organisation whatever places its words name.
 */
function datelineOutlets(view: TokenView, kb: KnowledgeBase, date: string | null): NameSpan[] {
  const found: NameSpan[] = [];
  for (let open = 0; open < view.words.length; open++) {
    if (!view.inDateline[open] || view.words[open] !== '(') continue;
    let close = open + 1;
    while (close < view.words.length && view.inDateline[close] && view.words[close] !== ')') close++;
    if (view.words[close] !== ')' || close === open + 1 || !isCapitalised(view.words[open + 1])) continue;
    const { start, end, text } = spanText(view, open + 1, close);
    const matches = kb.lookup(text, date).filter((match) => match.entry.kind === 'media');
    found.push({ tokenStart: open + 1, tokenEnd: close, start, end, text, source: 'case', matches, nerType: 'ORG', confidence: 0.9 });
    open = close;
  }
  return found;
}

/** Below this confidence an NER span the KB does not know may be a capitalised common word. */
const UNSURE_NER = 0.8;

/**
 * "a “Historic Peace Summit”", "Many Leaders have tried to end the War": capitals of emphasis, not
 * names. A single word only capitalisation (or an unsure recogniser) found is a common word when
 * the same article also writes it in lower case; so is one word completing a title ("Secretary of
 * State"). Longer spans stay: institutions are named in common words ("Constitutional Court",
 * "Union of Teachers" beside "the union"; dropping those cost PLOVER dev two records).
 */
function commonWordSpan(view: TokenView): (span: NameSpan) => boolean {
  const lowerWords = new Set(view.words.filter((word) => /^\p{Ll}+$/u.test(word)));
  return (span) => {
    if (isTitleRemit(view, span)) return true;
    if (span.matches.length > 0 || span.tokenEnd - span.tokenStart !== 1 || (span.source !== 'case' && !(span.source === 'ner' && span.confidence < UNSURE_NER))) return false;
    // "Secretary of State", "Minister of Interior": a word completing a title.
    if (view.lower[span.tokenStart - 1] === 'of' && isTitleWord(view.lower[span.tokenStart - 2] ?? '')) return true;
    return lowerWords.has(view.lower[span.tokenStart]);
  };
}

/** The words a ministerial title's remit ends in ("Minister of Foreign Affairs", "Minister of Economy and Finance"). */
const REMIT_LAST_WORDS = new Set(['affairs', 'defence', 'defense', 'economy', 'finance', 'finances', 'justice', 'health', 'education', 'interior', 'energy', 'agriculture', 'culture', 'infrastructure', 'administration', 'development', 'emergencies', 'labour', 'labor', 'trade', 'industry', 'environment', 'transport']);

/** "Foreign Affairs" after "Minister of": the remit of a title, which names no one. */
function isTitleRemit(view: TokenView, span: NameSpan): boolean {
  return span.matches.length === 0 && span.nerType !== 'PER' && REMIT_LAST_WORDS.has(view.lower[span.tokenEnd - 1]) &&
    view.lower[span.tokenStart - 1] === 'of' && TITLE_HEADS.has(view.lower[span.tokenStart - 2] ?? '');
}

/**
 * A known country or demonym right before an unknown organisation's name (by its last word or the
 * NER's ORG) is part of that name ("Latvian" + "Constitutional Court", "Kenya" + "Anti-Corruption
 * Commission"): one span.
 */
function mergeQualifiedNames(view: TokenView, spans: NameSpan[]): NameSpan[] {
  const merged: NameSpan[] = [];
  for (const span of spans) {
    const previous = merged[merged.length - 1];
    const qualifier = previous?.matches[0];
    const lastWord = view.lower[span.tokenEnd - 1];
    const organisation = TYPE_BY_LAST_WORD.get(lastWord) ?? (span.nerType === 'ORG' ? 'ORG' : undefined);
    const unknown = span.source === 'case' || (span.source === 'ner' && span.matches.length === 0);
    if (previous && qualifier && unknown && previous.tokenEnd === span.tokenStart && !view.possessive[previous.tokenEnd - 1] &&
      (qualifier.via === 'demonym' || qualifier.entry.kind === 'country') && organisation && organisation !== 'GPE' && organisation !== 'LOC') {
      const text = view.text.slice(previous.start, span.end);
      merged[merged.length - 1] = { ...span, tokenStart: previous.tokenStart, start: previous.start, text };
      continue;
    }
    merged.push(span);
  }
  return merged;
}
