/**
 * Quotes and attributions: who said what, with the cue that says so.
 *
 * `findAttributions` reads one document and returns attribution relations — a source (the speaker's
 * words), a cue ("said", "told Reuters", "according to") and a content span — for direct quotes
 * (quotation marks, cue before, after or inside, one or several sentences), partial and scare quotes
 * inside an attribution, and indirect speech ("X said that …", "…, X said", "according to X, …").
 * `extractQuotes` turns them into the contract's quotes, with the speaker resolved to an entity.
 *
 * Cues and sources come from a `CueFinder`: by default the learned tagger in attribution-model.ts
 * with the hand-written cue-verb lexicon and noun-phrase rules below filling in where it found
 * nothing (part-of-speech tags sharpen the phrase edges when the language stage ran); the rules
 * alone when no model ships. A finder may mark a pair weak (the model's relation filter doubts it):
 * it can still name a quote's speaker but is not reported as indirect speech. Quotation-mark pairing,
 * quote kinds, speaker continuation and content spans are rules in both cases. Measured on PolNeAR
 * by `storyline eval attribution`, after `univocalRelations` turns quotes into PolNeAR's relations.
 */
import type { Quote, QuoteKind, Span, TextSpan } from '../contract/types.js';
import { tokensWithin, type Token } from '../text/index.js';
import type { AnalysisContext } from './types.js';
import { silentAsking } from './lexicon/index.js';
import { isActNoun } from './events/answers.js';

export interface Attribution {
  kind: QuoteKind;
  content: Span;
  cue: Span | null;
  source: Span | null;
  /** How sure the rule is. */
  confidence: number;
}

/** Speech and cognition verbs, all inflections, as cues. */
const CUE_LEMMAS = [
  'say', 'tell', 'add', 'announce', 'claim', 'state', 'write', 'note', 'report', 'insist', 'argue', 'warn',
  'explain', 'deny', 'acknowledge', 'admit', 'confirm', 'suggest', 'believe', 'think', 'predict', 'ask',
  'urge', 'reply', 'respond', 'recall', 'vow', 'pledge', 'promise', 'tweet', 'post', 'declare', 'conclude',
  'estimate', 'indicate', 'reveal', 'learn', 'stress', 'emphasize', 'emphasise', 'complain', 'concede',
  'contend', 'maintain', 'allege', 'assert', 'observe', 'remark', 'testify', 'told', 'caution', 'counter',
  'boast', 'joke', 'lament', 'quip', 'acknowledge', 'agree', 'hope', 'fear', 'worry', 'know', 'feel',
  'expect', 'speculate', 'predict', 'recount', 'describe', 'accuse', 'charge', 'question', 'demand',
  'continue', 'point', 'show', 'find', 'understand', 'hear', 'brief',
];

/** Irregular and regular forms of the cue verbs, mapped to their lemma. */
export const CUE_FORMS: ReadonlyMap<string, string> = (() => {
  const irregular: Record<string, string[]> = {
    say: ['said', 'says', 'saying'],
    tell: ['told', 'tells', 'telling'],
    write: ['wrote', 'writes', 'writing', 'written'],
    think: ['thought', 'thinks', 'thinking'],
    know: ['knew', 'knows', 'known'],
    feel: ['felt', 'feels'],
    find: ['found', 'finds'],
    hear: ['heard', 'hears'],
    understand: ['understood', 'understands'],
    learn: ['learned', 'learnt', 'learns'],
    show: ['showed', 'shows', 'shown'],
  };
  const forms = new Map<string, string>();
  for (const lemma of CUE_LEMMAS) {
    forms.set(lemma, lemma);
    for (const form of irregular[lemma] ?? []) forms.set(form, lemma);
    if (irregular[lemma]) continue;
    const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
    const consonantY = /[^aeiou]y$/.test(lemma);
    forms.set(consonantY ? `${lemma.slice(0, -1)}ies` : /(s|sh|ch|x)$/.test(lemma) ? `${lemma}es` : `${lemma}s`, lemma);
    forms.set(consonantY ? `${lemma.slice(0, -1)}ied` : `${stem}ed`, lemma);
    forms.set(`${stem}ing`, lemma);
  }
  forms.set('according', 'according');
  return forms;
})();

/** Cues that only attribute when followed by a clause or quote (not "showed the film"). */
const WEAK_CUES = new Set(['show', 'find', 'know', 'feel', 'hope', 'fear', 'worry', 'understand', 'hear', 'question', 'continue', 'point', 'demand', 'accuse', 'charge', 'describe', 'expect', 'agree', 'post', 'brief']);

/** Auxiliaries kept with a cue ("has learned", "will say"). */
const AUXILIARIES = new Set(['has', 'have', 'had', 'will', 'would', 'did', 'does', 'do', 'is', 'was', 'were', 'are', 'be', 'been', 'could', 'might', 'may', 'should', 'shall', 'can', "'s", '’s', "'ve", '’ve', "'d", '’d']);

/** Words that may sit between a source and its cue ("Trump also said", "officials later told"). */
const CUE_ADVERBS = new Set(['also', 'later', 'then', 'further', 'previously', 'earlier', 'again', 'once', 'repeatedly', 'publicly', 'privately', 'reportedly', 'separately', 'recently', 'often', 'never', 'not', "n't", 'n’t', 'still', 'subsequently', 'first', 'initially', 'already']);

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'which', 'that']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'some', 'many', 'several', 'both', 'another', 'other', 'one', 'two', 'three', 'four', 'five', 'most', 'few', 'all', 'no', 'each', 'every', 'any']);
const NP_INNER = new Set(['of', 'for', 'and', '&', "'s", '’s', '-', '.']);
const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON']);
/** Nouns that can head a source without a capital letter: people, bodies and documents that speak. */
const SPEAKER_NOUNS = new Set([
  'official', 'officials', 'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'source', 'sources', 'aide', 'aides',
  'analyst', 'analysts', 'expert', 'experts', 'minister', 'ministry', 'government', 'police', 'statement', 'report', 'reports',
  'campaign', 'critic', 'critics', 'lawmaker', 'lawmakers', 'people', 'resident', 'residents', 'witness', 'witnesses',
  'observer', 'observers', 'authorities', 'leader', 'leaders', 'president', 'adviser', 'advisers', 'advisor', 'advisors',
  'office', 'agency', 'committee', 'council', 'court', 'judge', 'prosecutor', 'prosecutors', 'lawyer', 'lawyers', 'attorney',
  'survey', 'poll', 'study', 'data', 'document', 'documents', 'letter', 'memo', 'website', 'newspaper', 'outlet', 'paper',
  'network', 'broadcaster', 'diplomat', 'diplomats', 'envoy', 'ambassador', 'senator', 'governor', 'mayor', 'candidate',
  'nominee', 'chief', 'director', 'chairman', 'chairwoman', 'head', 'secretary', 'representative', 'group', 'organisation',
  'organization', 'party', 'administration', 'military', 'army', 'ministers', 'voters', 'supporters', 'protesters',
  'activists', 'residents', 'team', 'company', 'firm', 'executive', 'executives', 'manager', 'staff', 'member', 'members',
  'inquiry', 'investigators', 'researchers', 'scientists', 'doctors', 'officers', 'commander', 'commanders', 'mother',
  'father', 'wife', 'husband', 'friend', 'friends', 'family', 'colleague', 'colleagues', 'man', 'woman', 'men', 'women',
]);
const SPEAKER_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it', 'who']);
/** Tokens after which a source phrase may begin. */
const PHRASE_OPENERS = new Set(['and', 'but', 'or', 'so', 'that', 'as', 'while', 'when', 'yet', 'then', 'because', 'although', 'though', 'where']);
const CLAUSE_STOPS = new Set(['that', 'because', 'but', 'while', 'although', 'though', 'if', 'when', 'as', 'since', 'after', 'before', 'whether', 'who', 'which']);

const OPEN_QUOTES = new Set(['“', '"', '‘', '«', '„']);
const CLOSE_QUOTES = new Set(['”', '"', '’', '»', '“']);
const SENTENCE_END = new Set(['.', '!', '?', '…']);

export interface Sentenceish {
  /** Token range [from, to) in the document's token list. */
  from: number;
  to: number;
}

export class DocumentView {
  readonly tokens: readonly Token[];
  readonly lower: string[];
  readonly upos: readonly string[] | null;
  readonly xpos: readonly string[] | null;
  readonly lemma: readonly string[] | null;
  readonly head: Int32Array | null;
  readonly deprel: readonly string[] | null;

  constructor(readonly context: AnalysisContext) {
    this.tokens = context.structure.tokens;
    this.lower = this.tokens.map((token) => token.text.toLowerCase());
    this.upos = context.language?.upos ?? null;
    this.xpos = context.language?.xpos ?? null;
    this.lemma = context.language?.lemma ?? null;
    this.head = context.language?.head ?? null;
    this.deprel = context.language?.deprel ?? null;
  }

  cueLemma(index: number): string | null {
    const lower = this.lower[index];
    const lemma = CUE_FORMS.get(lower) ?? null;
    if (!lemma) return null;
    if (this.upos && lemma !== 'according' && this.upos[index] !== 'VERB' && this.upos[index] !== 'AUX') return null;
    return lemma;
  }

  isQuoteMark(index: number): boolean {
    const text = this.tokens[index].text;
    return OPEN_QUOTES.has(text) || CLOSE_QUOTES.has(text) || text === "''" || text === '``';
  }

  isPunct(index: number): boolean {
    if (this.upos) return this.upos[index] === 'PUNCT' || this.upos[index] === 'SYM';
    return !/[\p{L}\p{N}]/u.test(this.tokens[index].text);
  }

  /** Whether the token can be part of a noun phrase naming a source. */
  inNounPhrase(index: number): boolean {
    const lower = this.lower[index];
    if (NP_INNER.has(lower)) return true;
    if (this.upos) return NP_POS.has(this.upos[index]) || (this.upos[index] === 'PART' && /^['’]s$/.test(lower));
    if (PRONOUNS.has(lower) || DETERMINERS.has(lower)) return true;
    if (this.isPunct(index) || CLAUSE_STOPS.has(lower) || AUXILIARIES.has(lower) || CUE_FORMS.has(lower)) return false;
    return /^[\p{L}\p{N}]/u.test(this.tokens[index].text);
  }

  span(from: number, to: number): Span {
    return { start: this.tokens[from].start, end: this.tokens[to - 1].end };
  }

  /** Whether the token can head a source: a name, a speaking pronoun, or a noun for a person or body. */
  canHeadSource(index: number): boolean {
    const lower = this.lower[index];
    if (SPEAKER_PRONOUNS.has(lower)) return true;
    if (this.upos) {
      const tag = this.upos[index];
      return tag === 'PROPN' || tag === 'NOUN' || lower === 'percent';
    }
    return /^\p{Lu}/u.test(this.tokens[index].text) || SPEAKER_NOUNS.has(lower) || lower === 'percent';
  }

  /** Whether a phrase starting at `index` starts at a clause edge (not in the middle of a clause). */
  startsPhrase(index: number, floor: number): boolean {
    if (index <= floor) return true;
    const previous = index - 1;
    if (this.isPunct(previous) || this.isQuoteMark(previous) || PHRASE_OPENERS.has(this.lower[previous])) return true;
    return this.upos !== null && (this.upos[previous] === 'SCONJ' || this.upos[previous] === 'ADV' || this.upos[previous] === 'CCONJ');
  }
}

/** The noun phrase that ends at `end` (inclusive), scanning left but not before `floor`. */
function nounPhraseEndingAt(view: DocumentView, end: number, floor: number): [number, number] | null {
  if (end < floor || !view.inNounPhrase(end) || NP_INNER.has(view.lower[end])) return null;
  let start = end;
  while (start - 1 >= floor && view.inNounPhrase(start - 1)) start--;
  while (start < end && NP_INNER.has(view.lower[start])) start++;
  // A relative pronoun or "that" opening the phrase belongs to the clause, not the source.
  if (start === end && CLAUSE_STOPS.has(view.lower[start]) && view.lower[start] !== 'who') return null;
  if (!view.canHeadSource(end) || !view.startsPhrase(start, floor)) return null;
  return [start, end + 1];
}

/** The noun phrase that starts at `start`, scanning right but not past `ceiling` (exclusive). */
function nounPhraseStartingAt(view: DocumentView, start: number, ceiling: number): [number, number] | null {
  if (start >= ceiling || !view.inNounPhrase(start) || NP_INNER.has(view.lower[start])) return null;
  let end = start + 1;
  while (end < ceiling && view.inNounPhrase(end)) end++;
  while (end > start + 1 && NP_INNER.has(view.lower[end - 1])) end--;
  let head = end - 1;
  // "the head of the ministry": the head noun is before "of".
  for (let index = start; index < end; index++) if (view.lower[index] === 'of' || view.lower[index] === 'for') { head = index - 1; break; }
  if (head < start || !view.canHeadSource(head)) return null;
  return [start, end];
}

/** Extends a cue leftwards over auxiliaries ("has learned") and returns [cueStart, sourceEnd). */
function cueWithAuxiliaries(view: DocumentView, cue: number, floor: number): [number, number] {
  let cueStart = cue;
  while (cueStart - 1 >= floor && AUXILIARIES.has(view.lower[cueStart - 1])) cueStart--;
  let sourceEnd = cueStart;
  while (sourceEnd - 1 >= floor && CUE_ADVERBS.has(view.lower[sourceEnd - 1])) sourceEnd--;
  return [cueStart, sourceEnd];
}

/**
 * A source with an apposition or relative clause between it and its cue:
 * "Carter's press secretary, Peter Cook, told …", "Chris Cox, who runs the lobby, says …".
 */
function appositiveSourceBefore(view: DocumentView, cueStart: number, floor: number): [number, number] | null {
  const comma = cueStart - 1;
  if (comma <= floor || view.lower[comma] !== ',') return null;
  for (let open = comma - 1; open > floor && open >= comma - 25; open--) {
    if (view.lower[open] !== ',') continue;
    const head = nounPhraseEndingAt(view, open - 1, floor);
    if (!head) return null;
    const inner = view.lower[open + 1];
    const appositive = nounPhraseStartingAt(view, open + 1, comma);
    const isRelative = inner === 'who' || inner === 'which';
    const isAge = /^\d+$/.test(inner) && open + 2 === comma;
    if (isRelative || isAge || (appositive && appositive[1] >= comma - 1)) return [head[0], comma];
    return null;
  }
  return null;
}

export interface CueMatch {
  cue: [number, number];
  source: [number, number] | null;
  /** Where the clause after the cue starts (after "that" / the addressee), or -1. */
  contentFrom: number;
  inverted: boolean;
  /** Too little evidence to stand alone as indirect speech; may still name the speaker of a quote. */
  weak?: boolean;
  /** An interview's turn ("A (NAME): …"): the speaker's words run to the end of the paragraph. */
  turn?: boolean;
}

/** Participles that hand a document's words to whoever put it out ("figures released by the ministry"). */
const PUBLISHED_BY = new Set(['released', 'published', 'issued', 'compiled', 'provided', 'posted']);

/** Reads the source and cue around a cue verb at `index` within [from, to). */
function readCue(view: DocumentView, index: number, from: number, to: number): CueMatch | null {
  const lemma = view.cueLemma(index);
  if (!lemma) return null;
  if (lemma === 'according') {
    if (view.lower[index + 1] !== 'to') return null;
    const source = nounPhraseStartingAt(view, index + 2, to);
    if (!source) return null;
    // "according to figures released by the ministry": whoever put the figures out is the source.
    const publisher = PUBLISHED_BY.has(view.lower[source[1]] ?? '') && view.lower[source[1] + 1] === 'by' ? nounPhraseStartingAt(view, source[1] + 2, to) : null;
    return { cue: [index, index + 2], source: publisher ? [source[0], publisher[1]] : source, contentFrom: -1, inverted: true };
  }
  let [cueStart, beforeAdverbs] = cueWithAuxiliaries(view, index, from);
  // "declined to say", "went on to say": the cue starts at the governing verb.
  if (view.lower[cueStart - 1] === 'to' && cueStart - 2 >= from && !view.inNounPhrase(cueStart - 2)) {
    [cueStart, beforeAdverbs] = cueWithAuxiliaries(view, cueStart - 2, from);
  }
  let source = nounPhraseEndingAt(view, beforeAdverbs - 1, from) ?? appositiveSourceBefore(view, beforeAdverbs, from);
  let inverted = false;
  // "…,” said the minister" / ", said Jane Doe."
  if (!source && (beforeAdverbs === from || view.isPunct(beforeAdverbs - 1))) {
    const right = nounPhraseStartingAt(view, index + 1, to);
    if (right) {
      source = right;
      inverted = true;
    } else if (view.lower[index].endsWith('ing') && beforeAdverbs > from) {
      // "…, saying …": the speaker is the subject at the start of the sentence.
      source = nounPhraseStartingAt(view, from, beforeAdverbs);
    }
  }
  const contentFrom = inverted ? -1 : clauseAfterCue(view, index + 1, to, lemma === 'tell' || lemma === 'brief');
  if (WEAK_CUES.has(lemma) && contentFrom < 0) return null;
  return { cue: [cueStart, index + 1], source, contentFrom, inverted };
}

/**
 * Where the clause a cue introduces starts (token index), or -1: after "that" ("told Reuters on
 * Tuesday that …"), after an addressee ("told reporters the talks …"), or right after the cue.
 */
export function clauseAfterCue(view: DocumentView, cueEnd: number, to: number, takesAddressee: boolean): number {
  let next = cueEnd;
  const limit = Math.min(to, cueEnd + 8);
  let scan = next;
  // A verb before any "that" means the clause has begun without one ("said 40 people were hurt and that …").
  while (scan < limit && !view.isPunct(scan) && view.lower[scan] !== 'that' && !(view.upos && scan > cueEnd && (view.upos[scan] === 'VERB' || view.upos[scan] === 'AUX'))) scan++;
  if (scan < limit && view.lower[scan] === 'that' && !determinerThat(view, scan, to)) next = scan + 1;
  else if (takesAddressee) {
    const addressee = nounPhraseStartingAt(view, cueEnd, to);
    next = addressee ? addressee[1] : cueEnd;
  }
  if (next < to && !view.isPunct(next) && !view.isQuoteMark(next)) return next;
  if (next + 1 < to && (view.lower[next] === ':' || view.lower[next] === ',') && view.isQuoteMark(next + 1)) return next + 1;
  return -1;
}

/** "rejected that proposal on Monday": a "that" the parse reads as a determiner, with no verb after it in its clause, opens a noun phrase, not a clause. */
function determinerThat(view: DocumentView, at: number, to: number): boolean {
  if (!view.upos || !view.deprel || (view.upos[at] !== 'DET' && view.deprel[at] !== 'det')) return false;
  for (let index = at + 1; index < to && !view.isPunct(index); index++) if (view.upos[index] === 'VERB' || view.upos[index] === 'AUX') return false;
  return true;
}

/** Index of the last token of the sentence range before its final punctuation and closing quotes. */
function contentEnd(view: DocumentView, from: number, to: number): number {
  let end = to;
  while (end > from && (SENTENCE_END.has(view.tokens[end - 1].text) || view.isQuoteMark(end - 1))) end--;
  // 'relations were “back on track.”': a quotation opened inside the content closes with it.
  let marks = 0;
  for (let index = from; index < end; index++) if (view.isQuoteMark(index)) marks++;
  if (marks % 2 === 1) {
    for (let index = end; index < to; index++) if (view.isQuoteMark(index)) return index + 1;
  }
  return end;
}

/** Pairs quotation marks inside one block into [openIndex, closeIndex] token pairs (outermost only). */
function quotePairs(view: DocumentView, from: number, to: number): [number, number][] {
  const pairs: [number, number][] = [];
  let open = -1;
  for (let index = from; index < to; index++) {
    const text = view.tokens[index].text;
    if (open < 0) {
      const isOpener = text === '“' || text === '«' || text === '„' || text === '``' || (text === '"' && (index + 1 < to && !/^\s/.test(view.context.text[view.tokens[index].end] ?? ' ')));
      if (isOpener) open = index;
    } else if (text === '”' || text === '»' || text === "''" || (text === '"' && index > open)) {
      if (index > open + 1) pairs.push([open, index]);
      open = -1;
    }
  }
  return pairs;
}

function sentencesOfBlocks(context: AnalysisContext): Sentenceish[][] {
  const byBlock: Sentenceish[][] = context.structure.blocks.map(() => []);
  for (const sentence of context.structure.sentences) {
    if (sentence.tokenEnd > sentence.tokenStart) byBlock[sentence.block].push({ from: sentence.tokenStart, to: sentence.tokenEnd });
  }
  return byBlock;
}

function sentenceHolding(sentences: readonly Sentenceish[], token: number): Sentenceish | undefined {
  return sentences.find((sentence) => sentence.from <= token && token < sentence.to);
}

/** Finds the cue of a direct quote: right before it, just after it, or earlier in its sentence. */
function cueAroundQuote(view: DocumentView, matches: readonly CueMatch[], sentences: readonly Sentenceish[], open: number, close: number): CueMatch | null {
  const before = sentenceHolding(sentences, open);
  let after = sentenceHolding(sentences, close);
  // "“… now?” Clinton said." — when the quote ends its sentence, its cue may open the next one.
  if (after && close + 1 >= after.to) {
    const next = sentences.find((sentence) => sentence.from === after?.to);
    if (next) after = { from: after.from, to: next.to };
  }
  const withSource = matches.filter((match) => match.source !== null);
  // A cue right before the quote wins: "Obama said “…”", "she told reporters: “…”".
  const adjacent = withSource.find((match) => before && match.cue[1] <= open && match.cue[1] >= open - 3 && match.cue[0] >= before.from);
  if (adjacent) return adjacent;
  const following = withSource.find((match) => after && match.cue[0] > close && match.cue[0] <= close + 8 && match.cue[1] <= after.to && !betweenHasBreak(view, close + 1, Math.min(match.cue[0], match.source?.[0] ?? match.cue[0])));
  if (following) return following;
  const earlier = withSource.filter((match) => before && match.cue[1] <= open && match.cue[0] >= before.from && match.cue[0] >= open - 12);
  return earlier.length ? earlier[earlier.length - 1] : null;
}

/** Whether a quote mark or sentence end lies in [from, to). */
function betweenHasBreak(view: DocumentView, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (view.isQuoteMark(index) || SENTENCE_END.has(view.tokens[index].text)) return true;
  return false;
}

/** Whether a quote is a whole utterance (direct) or a fragment inside someone's sentence (partial). */
function quoteKind(view: DocumentView, sentences: readonly Sentenceish[], open: number, close: number): QuoteKind {
  const sentence = sentenceHolding(sentences, open);
  if (!sentence) return 'direct';
  const startsUtterance = open === sentence.from || view.lower[open - 1] === ':' || view.lower[open - 1] === ',';
  const words = close - open - 1;
  const closesSentence = close + 1 >= sentence.to || view.tokens[close - 1].text === ',' || SENTENCE_END.has(view.tokens[close - 1].text);
  return startsUtterance || (words >= 6 && closesSentence) ? 'direct' : 'partial';
}

/** Finds every cue (with its source and the start of the clause it introduces) in one sentence. */
export type CueFinder = (view: DocumentView, sentence: Sentenceish) => CueMatch[];

/** The hand-written cue finder: the cue-verb lexicon and noun-phrase rules. */
export const ruleCueFinder: CueFinder = (view, sentence) => {
  const matches: CueMatch[] = [];
  const label = speakerLabel(view, sentence);
  if (label) matches.push(label);
  for (let index = sentence.from; index < sentence.to; index++) {
    const signature = dashSignature(view, index, sentence.to);
    if (signature) {
      matches.push(signature);
      index = signature.source ? signature.source[1] - 1 : index;
      continue;
    }
    const match = readCue(view, index, sentence.from, sentence.to);
    if (!match) continue;
    matches.push(match);
    index = match.cue[1] - 1;
  }
  return matches;
};

const DASHES = new Set(['―', '—', '–', '-', '--']);

/** A capitalised name of one to five words starting at `from` (initials and particles allowed), as [from, end). */
function capitalisedName(view: DocumentView, from: number, to: number): [number, number] | null {
  let end = from;
  while (end < to && end - from < 5 && (/^\p{Lu}/u.test(view.tokens[end].text) || (end > from && /^(?:de|da|van|von|al|bin|del|la|\.)$/i.test(view.tokens[end].text)))) end++;
  return end > from ? [from, end] : null;
}

/** An interview's turn letters: Q for the interviewer, A for the guest. */
const TURN_LETTERS = new Set(['Q', 'A']);

/** "Q (NAME):" or "A (NAME):" at `from`: the name's span and the colon's index. */
function namedTurn(view: DocumentView, from: number, to: number): { name: [number, number]; colon: number } | null {
  if (!TURN_LETTERS.has(view.tokens[from]?.text ?? '') || view.tokens[from + 1]?.text !== '(') return null;
  const name = capitalisedName(view, from + 2, Math.min(to, from + 7));
  if (!name || view.tokens[name[1]]?.text !== ')' || view.tokens[name[1] + 1]?.text !== ':') return null;
  return { name, colon: name[1] + 1 };
}

/**
 * An interview's turn opening a sentence: "Q (HARUTYUNYAN): …" names who asks, "A (GALSTYAN): …" who
 * answers, and a later bare "Q:" or "A:" is the same person's turn again. Undefined when the sentence
 * opens no turn; null for a bare letter with no named turn before it (no speaker is known, and "Q" is none).
 */
function interviewTurn(view: DocumentView, from: number, to: number): CueMatch | null | undefined {
  const letter = view.tokens[from]?.text ?? '';
  if (!TURN_LETTERS.has(letter)) return undefined;
  const named = namedTurn(view, from, to);
  if (named) return { cue: [named.colon, named.colon + 1], source: named.name, contentFrom: named.colon + 1, inverted: false, turn: true };
  if (view.tokens[from + 1]?.text !== ':') return undefined;
  for (let index = from - 1; index >= 0; index--) {
    if (view.tokens[index].text !== letter || (index > 0 && view.tokens[index - 1].sentence === view.tokens[index].sentence)) continue;
    const earlier = namedTurn(view, index, view.tokens.length);
    if (earlier) return { cue: [from + 1, from + 2], source: earlier.name, contentFrom: from + 2, inverted: false, turn: true };
  }
  return null;
}

/** The sentence's cues, with an interview's turn label in place of any cue read on its letters. */
function withInterviewTurn(view: DocumentView, sentence: Sentenceish, matches: CueMatch[]): CueMatch[] {
  let from = sentence.from;
  while (from < sentence.to && view.isQuoteMark(from)) from++;
  const turn = interviewTurn(view, from, sentence.to);
  if (!turn) return matches;
  return [turn, ...matches.filter((match) => match.cue[0] >= turn.cue[1] && (!match.source || match.source[0] >= turn.cue[1]))];
}

/** A transcript's speaker label opening a sentence: "PENCE: Well, …", "Mr Lavrov: …". */
function speakerLabel(view: DocumentView, sentence: Sentenceish): CueMatch | null {
  let from = sentence.from;
  while (from < sentence.to && view.isQuoteMark(from)) from++;
  const structure = view.context.structure;
  const block = structure.blocks[structure.sentences[view.tokens[sentence.from].sentence].block];
  if (block.kind !== 'paragraph' || DETERMINERS.has(view.lower[from])) return null;
  const name = capitalisedName(view, from, Math.min(sentence.to, from + 5));
  if (!name || view.lower[name[1]] !== ':' || namesNoSpeaker(view, name)) return null;
  return { cue: [name[1], name[1] + 1], source: name, contentFrom: name[1] + 1, inverted: false };
}

/** Does the source span only hold a word that names no speaker ("Sunday", "Verdict")? */
export function namesNoSpeaker(view: DocumentView, source: [number, number]): boolean {
  return NOT_SPEAKER_LABELS.test(view.lower.slice(source[0], source[1]).join(' '));
}

/** Labels that open a line but name no speaker: the days of a timeline, a fact-check's headings ("Verdict: False"); not months, which may be names ("May"). */
const NOT_SPEAKER_LABELS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|update|updated|note|editor's note|correction|verdict|claim|claim \d+|rating|our ruling|ruling|summary|context|background|analysis|the facts|facts|fact|timeline|key dates|what's next|what next|methodology|the bottom line|bottom line|how we checked|why it matters|what we know|what happened|read more|see also)$/;

/** A signature after a quote: "…” ― Jane Doe" or "…” — Jane Doe, a voter". */
function dashSignature(view: DocumentView, index: number, to: number): CueMatch | null {
  if (!DASHES.has(view.tokens[index].text) || index === 0 || !view.isQuoteMark(index - 1)) return null;
  const name = capitalisedName(view, index + 1, to);
  return name ? { cue: [index, index + 1], source: name, contentFrom: -1, inverted: true } : null;
}


/** Is there a verb in [from, to)? Without tags, assume so. */
function hasVerb(view: DocumentView, from: number, to: number): boolean {
  if (!view.upos) return true;
  for (let index = from; index < to; index++) if (view.upos[index] === 'VERB' || view.upos[index] === 'AUX') return true;
  return false;
}

/**
 * The tail from `from` to `end` is a verbless phrase up to a comma, then nothing, a phrase opening
 * with a preposition or a participle ("said on Friday, speaking on condition of anonymity").
 */
function circumstantialTail(view: DocumentView, from: number, end: number): boolean {
  let comma = from;
  while (comma < end && view.lower[comma] !== ',') comma++;
  if (hasVerb(view, from, comma)) return false;
  return comma + 1 >= end || view.upos?.[comma + 1] === 'ADP' || view.xpos?.[comma + 1] === 'VBG';
}

/**
 * ", and he accused …", ", and it has rejected …": a pronoun and a verb in the narrative past or
 * present perfect tell what the speaker did next, not what was said (reported speech shifts to
 * "would", "had", "was").
 */
function narratorsNextAct(view: DocumentView, at: number): boolean {
  if (!view.xpos || !/^(he|she|it|they)$/.test(view.lower[at] ?? '')) return false;
  let verb = at + 1;
  if (CUE_ADVERBS.has(view.lower[verb] ?? '') && view.lower[verb] !== 'not') verb++;
  if (view.xpos[verb] === 'VBD' && !AUXILIARIES.has(view.lower[verb])) return true;
  return /^(has|have)$/.test(view.lower[verb] ?? '') && view.xpos[verb + 1] === 'VBN';
}

/**
 * Where the narrator takes the sentence back inside reported content: at ", while …", ", whereas …",
 * ", but …", ", though …", a comment on the claim (", a charge Moscow denies"), the speaker's next
 * act (", and he accused …") or a semicolon ("called for retaliation, while a deputy urged …"
 * reports two people), else `end`.
 */
const NARRATOR_OPENERS = /^(while|whereas|though|although|but)$/;
const NARRATOR_COMMENTS = /^(charge|claim|accusation|allegation|assertion|move|step|position|view|stance|reference)$/;

/** Modals that shift a reported clause; a simple past joined to such a clause by "and" does not share them. */
const REPORTED_MODALS: ReadonlySet<string> = new Set(['would', 'will', 'could', 'can', 'might', 'may', 'should', 'must']);

/**
 * "said it was deeply concerned and offered to mediate", "said it would attend and urged …": a verb
 * in the simple past joined by "and" (no subject or auxiliary of its own) to a reported clause that is
 * a state ("was concerned") or a modal ("would attend") is the speaker's next act, whatever clause the
 * parser hung it on: a shared "was" or "would" would leave it a participle or a base form.
 */
function narratorsCoordinatedAct(view: DocumentView, and: number, from: number, end: number): boolean {
  const { head, deprel, xpos } = view;
  if (!head || !deprel || !xpos) return false;
  const verb = and + 1;
  if (verb >= end || !/^VB[DN]$/.test(xpos[verb]) || deprel[verb] !== 'conj') return false;
  // The reported clause is the word before "and" that hangs outside the content (on the cue); the verb joins it or the cue.
  let clause = -1;
  for (let index = from; index < and; index++) if (head[index] < from || head[index] >= end) clause = index;
  if (clause < 0 || (head[verb] !== clause && head[verb] >= from && head[verb] < end)) return false;
  let stateOrModal = false;
  for (let index = from; index < end; index++) {
    if (head[index] === verb && /^(nsubj|aux)/.test(deprel[index])) return false;
    if (head[index] === clause && (deprel[index] === 'cop' || (deprel[index] === 'aux' && REPORTED_MODALS.has(view.lower[index])))) stateOrModal = true;
  }
  return stateOrModal;
}

function narratorBreak(view: DocumentView, from: number, end: number): number {
  for (let index = from + 1; index < end; index++) {
    if (view.lower[index] === 'and' && narratorsCoordinatedAct(view, index, from, end)) return view.lower[index - 1] === ',' ? index - 1 : index;
    if (view.lower[index] === ';' || (view.lower[index] === ',' && NARRATOR_OPENERS.test(view.lower[index + 1] ?? ''))) return index;
    if (view.lower[index] === ',' && view.lower[index + 1] === 'and' && narratorsNextAct(view, index + 2)) return index;
    // "…, referring to the accord": the narrator says what the words were about.
    if (view.lower[index] === ',' && view.lower[index + 1] === 'referring') return index;
    // "…, according to the state news agency": who relayed the words, not part of them.
    if (view.lower[index] === ',' && view.lower[index + 1] === 'according' && view.lower[index + 2] === 'to') return index;
    // "…, a charge Moscow has only partly acknowledged": the narrator's comment on what was said.
    if (view.lower[index] === ',' && /^(a|an)$/.test(view.lower[index + 1] ?? '') && NARRATOR_COMMENTS.test(view.lower[index + 2] ?? '')) return index;
  }
  return end;
}

/** The content of an indirect attribution: the clause after the cue, or the clause before "…, X said". */
function indirectContent(view: DocumentView, match: CueMatch, sentence: Sentenceish): Span | null {
  const lead = Math.min(match.cue[0], match.source?.[0] ?? match.cue[0]);
  const trail = Math.max(match.cue[1], match.source?.[1] ?? match.cue[1]);
  if (match.contentFrom >= 0) {
    const end = narratorBreak(view, match.contentFrom, contentEnd(view, match.contentFrom, sentence.to));
    // "Talks failed, a spokesman said on Monday": a short verbless tail after the cue is no content
    // when a clause and a comma come before the source; that clause is (handled below).
    const shortTail = end - match.contentFrom <= 4 && !hasVerb(view, match.contentFrom, sentence.to);
    const afterClause = lead > sentence.from + 1 && view.lower[lead - 1] === ',' && hasVerb(view, sentence.from, lead - 1);
    // "…, the Kremlin said on Friday, in what would be his first visit": a verbless prepositional
    // phrase after the cue, then only another one, a participle or the end, is a circumstance of the
    // saying, not what was said ("pledged in 2000 it would …", "said in a report, and …" go on with content).
    const circumstance = view.upos !== null && view.upos[match.contentFrom] === 'ADP' && circumstantialTail(view, match.contentFrom, end);
    if (!((shortTail || circumstance) && afterClause)) return end > match.contentFrom ? view.span(match.contentFrom, end) : null;
  }
  // "According to X, CONTENT." / "X said: CONTENT"
  if (lead <= sentence.from + 1 && (match.inverted || view.lower[trail] === ':')) {
    let start = trail;
    while (start < sentence.to && view.isPunct(start)) start++;
    const stop = contentEnd(view, start, sentence.to);
    return stop > start ? view.span(start, stop) : null;
  }
  // Postposed: "CONTENT, X said."
  let end = lead;
  while (end > sentence.from && (view.isPunct(end - 1) || view.isQuoteMark(end - 1))) end--;
  if (end > sentence.from && view.lower[lead - 1] === ',') return view.span(sentence.from, end);
  // Otherwise the rest of the sentence after the cue ("called for a prompt signature"), never opening on punctuation.
  let from = trail;
  while (from < sentence.to && view.isPunct(from)) from++;
  const stop = contentEnd(view, from, sentence.to);
  return stop > from ? view.span(from, stop) : null;
}

/** Cues that judge or name rather than report a clause ("accused Baku of “deliberately dismantling …”", "described it as “unlawful”"). */
const JUDGING_CUES: ReadonlySet<string> = new Set(['accuse', 'blame', 'call', 'describe', 'term', 'label', 'brand', 'dub', 'praise', 'criticise', 'criticize', 'condemn', 'denounce']);

function cueLemma(view: DocumentView, index: number): string {
  return view.lemma?.[index] ?? CUE_FORMS.get(view.lower[index]) ?? view.lower[index];
}

/** Words of stance that report words even before a bare noun phrase ("criticised the decision", "called for talks", "pressed for a rapid conclusion", "a supporter of"). */
const STANCE_LEMMAS: ReadonlySet<string> = new Set([
  ...CUE_LEMMAS, 'call', 'criticise', 'criticize', 'condemn', 'welcome', 'praise', 'reject', 'dismiss', 'blame', 'propose', 'threaten',
  'comment', 'express', 'voice', 'denounce', 'applaud', 'hail', 'decry', 'slam', 'cite', 'mention', 'speak', 'endorse', 'plead',
  'address', 'advocate', 'oppose', 'support', 'supporter', 'issue', 'ignore', 'rule', 'case', 'press', 'push', 'seek', 'appeal', 'lobby',
]);

/**
 * "raised household tariffs by 9%", "signed a memorandum", "apologized to President Aliyev in October":
 * a cue the model found on a verb of doing, followed by no clause, reports an act, not words.
 */
function actOnly(view: DocumentView, match: CueMatch, content: Span): boolean {
  const [from, to] = tokensWithin(view.tokens, content.start, content.end);
  // "denied the allegation", "welcomed the verdict": an answer to an earlier act, which says no words of its own.
  if (to - from <= 3 && /^(the|this|that|these|those)$/.test(view.lower[from]) && isActNoun(cueLemma(view, to - 1).replace(/s$/, ''))) return true;
  // "pledged about 200 million dollars", "promised 5 million dollars": a sum promised is an act, not words.
  if (!hasVerb(view, from, to) && cueHolds(view, match, PLEDGING_CUES) && amountOpens(view, from, to)) return true;
  return !cueHolds(view, match, STANCE_LEMMAS) && !hasVerb(view, from, to);
}

/** Does a word of the cue have one of these lemmas ("pledged about": "pledge")? */
function cueHolds(view: DocumentView, match: CueMatch, lemmas: ReadonlySet<string>): boolean {
  for (let index = match.cue[0]; index < match.cue[1]; index++) if (lemmas.has(cueLemma(view, index))) return true;
  return false;
}

/** Cues that promise or give things: before a sum, they report an act (a sum announced or estimated may still be a claim). */
const PLEDGING_CUES: ReadonlySet<string> = new Set(['pledge', 'promise', 'offer', 'donate', 'give', 'provide', 'allocate', 'commit', 'earmark']);

/** Does a number or a currency sign come within the first four words of [from, to)? */
function amountOpens(view: DocumentView, from: number, to: number): boolean {
  for (let index = from; index < Math.min(to, from + 4); index++) {
    if (view.upos?.[index] === 'NUM' || /^[$€£¥]|^\d/.test(view.lower[index])) return true;
  }
  return false;
}

/** "has written to the OSCE", "apologised to Aliyev on Thursday": whom the words went to, with no clause of what they said. */
function addresseeOnly(view: DocumentView, content: Span): boolean {
  const [from, to] = tokensWithin(view.tokens, content.start, content.end);
  return (view.lower[from] === 'to' || view.lower[from - 1] === 'to') && !hasVerb(view, from, to);
}

/** Words that withhold a speech ("did not say", "never commented", "said nothing"). */
const NEGATIONS: ReadonlySet<string> = new Set(['not', "n't", 'never', 'nothing']);

/** Verbs the cue model sometimes takes for speech that report no words. */
const NOT_SPEECH_CUES: ReadonlySet<string> = new Set(['thank', 'refer', 'uphold', 'overturn']);

/** "did not say", "has not responded", "never commented", "said nothing": a negation in, right before or right after the cue. */
function negatedCue(view: DocumentView, start: number, end: number): boolean {
  // In the cue, or "nothing" right after it ("said nothing about the border").
  for (let index = start; index < end; index++) if (NEGATIONS.has(view.lower[index])) return true;
  if (view.lower[end] === 'nothing') return true;
  for (let index = start - 1; index >= Math.max(0, start - 3); index--) {
    if (NEGATIONS.has(view.lower[index])) return true;
    if (!/^(did|does|do|has|have|had|was|were|is|yet|so|far|also|still)$/.test(view.lower[index])) return false;
  }
  return false;
}

/** What a speaker declines or refuses to do when saying nothing ("declined to comment"). */
const NO_COMMENT = new Set(['comment', 'say', 'elaborate', 'confirm', 'discuss', 'disclose', 'speculate', 'answer', 'specify', 'respond']);

/**
 * Cues that report no speech: the anonymity formula of a source ("a diplomat who asked not to be
 * named said …", whose cue is "said"), a reporter's question told as a fronted participle
 * ("Asked whether she would go, Kallas said …": the answer is the speech, not the question), thanks,
 * references, agreements to act and declining to comment.
 */
function reportsNoSpeech(view: DocumentView, match: CueMatch): boolean {
  const [start, end] = match.cue;
  if (end - start <= 2 && silentAsking(view.lower, end - 1)) return true;
  const lemma = view.lemma?.[end - 1];
  // "thanked him", "referring to the route", "upheld a sentence": no words reported.
  for (let index = start; index < end; index++) if (NOT_SPEECH_CUES.has(view.lemma?.[index] ?? '')) return true;
  // "did not say how", "did not respond to a request for comment": a speech withheld reports no words (a negated
  // cue with a clause after it still may: "did not say that talks had failed" leaves them to the reader).
  if (negatedCue(view, start, end)) {
    let stop = end;
    while (stop < Math.min(view.tokens.length, end + 8) && view.tokens[stop].sentence === view.tokens[start].sentence) stop++;
    if (!hasVerb(view, end, stop)) return true;
  }
  // "declined to comment", "refused to say when": no words reported.
  for (let index = start; index < end; index++) {
    const refusal = view.lemma?.[index] === 'decline' || view.lemma?.[index] === 'refuse';
    if (refusal && view.lower[index + 1] === 'to' && NO_COMMENT.has(view.lower[index + 2] ?? '')) return true;
  }
  // "agreed (on Wednesday) to meet again": a commitment to act, not words reported.
  if (lemma === 'agree') {
    for (let index = end; index < Math.min(end + 6, view.tokens.length) && view.lower[index] !== 'that'; index++) {
      if (view.lower[index] === 'to' && view.xpos?.[index + 1] === 'VB') return true;
    }
  }
  return false;
}

/**
 * The cues that report speech. A cue after an anonymity formula whose source is its relative
 * pronoun speaks for that pronoun's antecedent ("A senior EU diplomat who asked not to be named
 * said …": "said" has the diplomat as its source).
 */
function withoutSilentCues(view: DocumentView, matches: CueMatch[], floor: number): CueMatch[] {
  const kept = matches.filter((match) => !reportsNoSpeech(view, match));
  for (const silent of matches) {
    if (kept.includes(silent) || !silent.source || !/^(who|which|that)$/.test(view.lower[silent.source[0]])) continue;
    const antecedent = nounPhraseEndingAt(view, silent.source[0] - 1, floor);
    const speech = kept.find((match) => match.cue[0] > silent.cue[1] && match.cue[0] - silent.cue[1] <= 6 && (!match.source || match.source[0] >= silent.cue[0]));
    if (!antecedent || !speech) continue;
    kept[kept.indexOf(speech)] = { ...speech, source: antecedent, weak: false };
  }
  return kept;
}

/** Words that open what was said after a passive cue's agent. */
const PASSIVE_CONTENT_OPENERS = new Set(['of', 'that', 'to', 'over', 'for', 'about']);

/**
 * "Armenia has been accused by Baku of concealing …": a passive cue's "by" phrase is who spoke, and
 * what was said follows it; the passive's subject is only whom it was said of.
 */
function withPassiveAgent(view: DocumentView, match: CueMatch, ceiling: number): CueMatch {
  const [start, end] = match.cue;
  const passive = view.xpos?.[end - 1] === 'VBN' && view.lower.slice(start, end - 1).some((word) => /^(been|was|were|is|are|be|being)$/.test(word));
  const by = match.contentFrom >= 0 ? match.contentFrom : end;
  if (!passive || view.lower[by] !== 'by') return match;
  const agent = nounPhraseStartingAt(view, by + 1, ceiling);
  // What was said opens after the agent ("… by Baku of concealing", "told by officials that …").
  if (!agent || !PASSIVE_CONTENT_OPENERS.has(view.lower[agent[1]] ?? '')) return match;
  return { ...match, source: agent, contentFrom: agent[1] };
}

/** Verbs of saying after "quoted X as …". */
const QUOTED_AS = /^(saying|telling|stating|warning|adding|describing|calling)$/;

/**
 * "Armenpress quoted Grigoryan as saying that …": the person quoted is the speaker, and the words
 * follow "as saying"; the outlet only relays them.
 */
function withQuotedSpeaker(view: DocumentView, match: CueMatch, ceiling: number): CueMatch {
  const [start, end] = match.cue;
  if (view.lemma?.[end - 1] !== 'quote' || end - start > 2) return match;
  const speaker = nounPhraseStartingAt(view, match.contentFrom >= 0 ? match.contentFrom : end, ceiling);
  if (!speaker || view.lower[speaker[1]] !== 'as' || !QUOTED_AS.test(view.lower[speaker[1] + 1] ?? '')) return match;
  const after = speaker[1] + 2;
  return { ...match, source: speaker, contentFrom: view.lower[after] === 'that' ? after + 1 : after };
}

/** All attribution relations in a document, in text order. */
export function findAttributions(context: AnalysisContext, findCues: CueFinder = ruleCueFinder): Attribution[] {
  const view = new DocumentView(context);
  const found: Attribution[] = [];
  for (const sentences of sentencesOfBlocks(context)) {
    if (sentences.length === 0) continue;
    const ceiling = sentences[sentences.length - 1].to;
    const cues = sentences
      .flatMap((sentence) => withInterviewTurn(view, sentence, findCues(view, sentence)))
      .filter((match) => !match.source || !namesNoSpeaker(view, match.source))
      .map((match) => withQuotedSpeaker(view, withPassiveAgent(view, match, ceiling), ceiling));
    const matches = withoutSilentCues(view, cues, sentences[0].from);
    const claimed = new Set<CueMatch>();
    const quoted = quotePairs(view, sentences[0].from, sentences[sentences.length - 1].to);
    let previous: { source: Span; cue: Span | null } | null = null;
    // Direct, partial and scare quotes.
    for (const [open, close] of quoted) {
      let kind = quoteKind(view, sentences, open, close);
      let match = cueAroundQuote(view, matches, sentences, open, close);
      let confidence = 0.85;
      // A quote inside someone's indirect attribution ("accused police of “torture”") is theirs, even
      // when the sentence ends by naming who reported it ("X said the route would be “a graveyard”,
      // according to Tasnim").
      const sentence = sentenceHolding(sentences, open);
      const inner = matches.filter((m) => m.source && sentence && m.cue[0] >= sentence.from && m.cue[1] <= open);
      const speechBefore = inner.filter((m) => view.lower[m.cue[0]] !== 'according');
      const reportedBy = match !== null && view.lower[match.cue[0]] === 'according' && match.cue[0] > close;
      // A fragment quoted inside a reported clause ("said the ministers “made real progress” on the text")
      // leaves the cue free: the whole clause is the speaker's claim, reported below as indirect (a quoted
      // noun phrase after a verb of stance, "criticised the “emotional response”", stays the claim itself).
      const reportedClause = kind === 'partial' && match !== null && match.cue[1] <= open && hasVerb(view, match.cue[1], close) && !JUDGING_CUES.has(cueLemma(view, match.cue[0]));
      // "thanked Orsi for his “tireless efforts” and said no concessions had been made": a phrase quoted before a cue
      // that reports a clause of its own is that speaker's, and leaves the cue to its clause.
      const ownClauseAfter = kind === 'partial' && match !== null && match.cue[0] > close && match.contentFrom >= 0 && sentence !== undefined && hasVerb(view, match.contentFrom, sentence.to);
      if (match && !reportedClause && !ownClauseAfter) claimed.add(match);
      if (match && reportedBy && kind !== 'direct' && speechBefore.length) {
        match = speechBefore[speechBefore.length - 1];
        confidence = 0.7;
      } else if (!match && inner.length) {
        match = inner[inner.length - 1];
        kind = 'partial';
        confidence = 0.7;
      }
      let source = match?.source ? view.span(match.source[0], match.source[1]) : null;
      let cue = match ? view.span(match.cue[0], match.cue[1]) : null;
      // A quote that follows another one in the same paragraph continues its speaker.
      if (!source && previous && kind === 'direct') {
        source = previous.source;
        cue = previous.cue;
        confidence = 0.6;
      }
      if (!match && !source) confidence = 0.5;
      if (source) previous = { source, cue };
      // "“This is a step,” he said": the comma before the closing mark is the sentence's, not the speaker's words.
      const last = close - 1 > open + 1 && view.lower[close - 1] === ',' ? close - 1 : close;
      found.push({ kind, content: view.span(open + 1, last), cue, source, confidence });
    }
    // Indirect speech: "X said (that) …", "…, X said", "according to X, …".
    const insideQuote = (token: number): boolean => quoted.some(([open, close]) => open < token && token < close);
    for (const match of matches) {
      if (claimed.has(match) || !match.source || match.weak || insideQuote(match.cue[0])) continue;
      let sentence = sentenceHolding(sentences, match.cue[0]);
      // A speaker label split off as its own sentence ("OKONJO:") introduces the next one.
      if (sentence && match.contentFrom >= sentence.to) sentence = sentences.find((next) => next.from === match.contentFrom);
      // An interview's turn is the whole paragraph after its label.
      if (sentence && match.turn) sentence = { ...sentence, to: sentences[sentences.length - 1].to };
      const content = sentence ? indirectContent(view, match, sentence) : null;
      if (!content || (!match.turn && (actOnly(view, match, content) || addresseeOnly(view, content)))) continue;
      found.push({
        kind: 'indirect',
        content,
        cue: view.span(match.cue[0], match.cue[1]),
        source: view.span(match.source[0], match.source[1]),
        confidence: 0.7,
      });
    }
  }
  return separateSameSpeaker(view, withoutFragmentsOfClaims(found)).sort((a, b) => a.content.start - b.content.start);
}

/** A partial quote inside the indirect claim its own cue reports is that claim's verbatim words, not a second claim. */
function withoutFragmentsOfClaims(found: Attribution[]): Attribution[] {
  return found.filter((quote) => quote.kind !== 'partial' || !quote.cue || !found.some((claim) =>
    claim.kind === 'indirect' && claim.cue?.start === quote.cue?.start && claim.content.start <= quote.content.start && quote.content.end <= claim.content.end));
}

/**
 * One speaker's two attributions joined by "and": "urged Azerbaijan to reverse the move and said
 * Russia would …" is two, and the first stops before "and said". (A cue nested without "and" stays:
 * PolNeAR counts "said the delivery was expected" as two attributions too.)
 */
function separateSameSpeaker(view: DocumentView, found: Attribution[]): Attribution[] {
  for (const outer of found) {
    for (const inner of found) {
      if (inner === outer || !inner.cue || !outer.source || !inner.source) continue;
      if (inner.source.start !== outer.source.start || inner.source.end !== outer.source.end) continue;
      if (inner.cue.start < outer.content.start || inner.cue.end > outer.content.end) continue;
      const [cueFrom] = tokensWithin(view.tokens, inner.cue.start, inner.cue.end);
      if (view.lower[cueFrom - 1] !== 'and' || cueFrom - 1 <= tokensWithin(view.tokens, outer.content.start, outer.content.end)[0]) continue;
      let stop = cueFrom - 1;
      while (view.isPunct(stop - 1)) stop--;
      outer.content = { start: outer.content.start, end: view.tokens[stop - 1].end };
    }
  }
  return found;
}

function textSpan(text: string, span: Span): TextSpan {
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end) };
}

/** Resolves a source span to the id of the entity mentioned there, or null. */
export type SpeakerResolver = (source: Span) => string | null;

/** The contract's quotes: every attribution with its speaker resolved to an entity where one is mentioned. */
export function extractQuotes(context: AnalysisContext, resolveSpeaker: SpeakerResolver, findCues: CueFinder = ruleCueFinder): Quote[] {
  return findAttributions(context, findCues).map((attribution, index) => {
    return {
      id: `qt${index + 1}`,
      ...textSpan(context.text, attribution.content),
      kind: attribution.kind,
      speaker: attribution.source ? resolveSpeaker(attribution.source) : null,
      source: attribution.source ? textSpan(context.text, attribution.source) : null,
      cue: attribution.cue ? textSpan(context.text, attribution.cue) : null,
      provenance: { method: 'rule', confidence: attribution.confidence },
    };
  });
}

/**
 * The attributions as PolNeAR-style relations, where a token plays one role in one attribution:
 * quotes that share a cue ("“…,” she said, “…”") become one relation whose content covers them
 * all, and a source span already given to an earlier relation is not repeated ("he said, adding …"
 * keeps "he" once). For scoring against PolNeAR; the quotes keep one speaker each.
 */
export function univocalRelations(attributions: readonly Attribution[]): Attribution[] {
  const sameSpan = (a: Span | null, b: Span | null): boolean => a !== null && b !== null && a.start === b.start && a.end === b.end;
  const relations: Attribution[] = [];
  for (const attribution of attributions) {
    const sharing = attribution.cue ? relations.find((relation) => sameSpan(relation.cue, attribution.cue)) : undefined;
    if (!sharing) {
      const repeated = relations.some((relation) => sameSpan(relation.source, attribution.source));
      relations.push({ ...attribution, source: repeated ? null : attribution.source });
      continue;
    }
    sharing.content = { start: Math.min(sharing.content.start, attribution.content.start), end: Math.max(sharing.content.end, attribution.content.end) };
  }
  return relations;
}
