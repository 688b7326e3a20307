/**
 * A read-only view of one analysed document for the event coder: per-token lemmas (from the
 * language model or guessed), the dependency tree as child lists when a parse exists, and which
 * entity each token belongs to. Built once per document; every lookup is O(1).
 */
import type { Entity, EventStatus, Quote, TimeExpression } from '../../contract/types.js';
import { tokensWithin, type Token } from '../../text/index.js';
import type { AnalysisContext } from '../types.js';
import { guessLemma, isLexiconWord } from '../lexicon/index.js';

export interface EventInputs {
  entities: Entity[];
  times: TimeExpression[];
  quotes: Quote[];
}

export interface DocumentView {
  text: string;
  tokens: Token[];
  lemma: string[];
  lower: string[];
  /** Null when no parse is available. */
  parse: { upos: string[]; xpos: string[]; head: Int32Array; deprel: string[]; children: number[][] } | null;
  /** Entity id per token (the innermost mention covering it), or null. */
  entityOfToken: (string | null)[];
  entityById: Map<string, Entity>;
  /** Time expression per token, or null. */
  timeOfToken: (TimeExpression | null)[];
  quotes: Quote[];
  /** Each dateline block ("LIMA (AFP) –", or a roundup's "YEREVAN —") by start offset, with the first place it names. */
  datelines: { start: number; end: number; place: string | null }[];
  /** Start offsets of the document's blocks, in order. */
  blockStarts: number[];
}

/** The dependency tree of a document with a parse. */
export type Parse = NonNullable<DocumentView['parse']>;

/** First-person words that stand for whoever is quoted saying them. */
const FIRST_PERSON = new Set(['i', 'me', 'my', 'we', 'us', 'our']);

/**
 * "“We will not sign under pressure,” Bayramov said": inside a direct quotation "we" and "I" are
 * its speaker, so the act's party is the speaker (and through them their government's actor).
 */
function speakersOfFirstPerson(tokens: Token[], lower: string[], quotes: Quote[], entityOfToken: (string | null)[]): void {
  for (const quote of quotes) {
    if (quote.kind !== 'direct' || quote.speaker === null) continue;
    const [from, to] = tokensWithin(tokens, quote.start, quote.end);
    for (let index = from; index < to; index++) {
      if (entityOfToken[index] === null && FIRST_PERSON.has(lower[index])) entityOfToken[index] = quote.speaker;
    }
  }
}

/**
 * "the Chilean and Peruvian governments": the common noun ending a group's mention is also the end of
 * its last member's ("Peruvian governments"), but as the phrase's head it stands for the whole group.
 */
function sharedHeadsToGroups(tokens: Token[], entities: readonly Entity[], entityOfToken: (string | null)[]): void {
  for (const group of entities) {
    if (!group.members || group.members.length < 2) continue;
    for (const mention of group.mentions) {
      const [from, to] = tokensWithin(tokens, mention.start, mention.end);
      const head = to - 1;
      const owner = entityOfToken[head];
      if (head > from && owner && group.members.includes(owner) && /^[a-z]/.test(tokens[head].text)) entityOfToken[head] = group.id;
    }
  }
}

/** The dateline blocks of a document, each with the first town, region or country it names. */
function datelinePlaces(ctx: AnalysisContext, entities: readonly Entity[]): DocumentView['datelines'] {
  const places = entities.filter((entity) => entity.type === 'GPE' || entity.type === 'LOC');
  return ctx.structure.blocks
    .filter((block) => block.kind === 'dateline')
    .map((block) => {
      let first: { id: string; start: number } | null = null;
      for (const entity of places) {
        for (const mention of entity.mentions) {
          if (mention.start >= block.start && mention.end <= block.end && (!first || mention.start < first.start)) first = { id: entity.id, start: mention.start };
        }
      }
      return { start: block.start, end: block.end, place: first?.id ?? null };
    });
}

export function buildDocumentView(ctx: AnalysisContext, found: EventInputs): DocumentView {
  const tokens = ctx.structure.tokens;
  const language = ctx.language && ctx.language.head.length === tokens.length ? ctx.language : null;
  const lower = tokens.map((token) => token.text.toLowerCase());
  // The model's lemma, unless our lexicon knows only the guessed one (a lemmatiser slip such as "raided" → "raide").
  const lemma = language
    ? language.lemma.map((value, index) => {
        const given = (value || lower[index]).toLowerCase();
        if (isLexiconWord(given)) return given;
        const guessed = guessLemma(lower[index]);
        return isLexiconWord(guessed) ? guessed : given;
      })
    : lower.map(guessLemma);
  let parse: DocumentView['parse'] = null;
  if (language) {
    const children: number[][] = tokens.map(() => []);
    language.head.forEach((head, index) => {
      if (head >= 0 && head < tokens.length) children[head].push(index);
    });
    parse = { upos: language.upos, xpos: language.xpos, head: language.head, deprel: language.deprel, children };
  }
  const entityOfToken: (string | null)[] = tokens.map(() => null);
  const spanLength: number[] = tokens.map(() => Infinity);
  for (const entity of found.entities) {
    for (const mention of entity.mentions) {
      const [from, to] = tokensWithin(tokens, mention.start, mention.end);
      const length = mention.end - mention.start;
      for (let index = from; index < to; index++) {
        if (length < spanLength[index]) {
          entityOfToken[index] = entity.id;
          spanLength[index] = length;
        }
      }
    }
  }
  sharedHeadsToGroups(tokens, found.entities, entityOfToken);
  speakersOfFirstPerson(tokens, lower, found.quotes, entityOfToken);
  const timeOfToken: (TimeExpression | null)[] = tokens.map(() => null);
  // Only points in time date an event: "a three-day truce" or "every week" says how long or how often.
  for (const time of found.times) {
    if (time.type !== 'DATE' && time.type !== 'TIME') continue;
    const [from, to] = tokensWithin(tokens, time.start, time.end);
    for (let index = from; index < to; index++) timeOfToken[index] = time;
  }
  return {
    text: ctx.text,
    tokens,
    lemma,
    lower,
    parse,
    entityOfToken,
    entityById: new Map(found.entities.map((entity) => [entity.id, entity])),
    timeOfToken,
    quotes: found.quotes,
    datelines: datelinePlaces(ctx, found.entities),
    blockStarts: ctx.structure.blocks.map((block) => block.start),
  };
}

/** One coded event before it is written out: token positions and resolved entity ids. */
export interface Frame {
  sentence: number;
  /** Token indices of the trigger words (a verb, a noun, or a verb with its particle). */
  trigger: number[];
  /** The predicate carrying tense, modality and attribution (the light verb of "hold talks"). */
  anchor: number;
  code: string;
  curated: boolean;
  sources: string[];
  targets: string[];
  status: EventStatus;
  conditional: boolean;
  hedge: string | null;
  attribution: { speaker: string | null; cue: string } | null;
  time: TimeExpression | null;
  /** Set when `time` is the paragraph's story day carried from an earlier sentence, not said in the act's own. */
  timeCarried?: boolean;
  place: { entity: string | null; name: string } | null;
  /** Set when the parse around the trigger is implausible (a verb attached as an auxiliary …): actors come from the shallow reading. */
  unreliable?: boolean;
  /** Set when the parse shows an armed subject phrase ("troops", "Predator attacks"). */
  armed?: boolean;
  /**
   * Set on a state act the parse found no one in, kept for the place it names: the linear reading's
   * actors replace it when the parse left it unread, never when the parse judged it to name no one ('absorbed').
   */
  placedOnly?: 'absorbed' | 'unread';
  /** No doer named: the authorities of the country of `from` (a place entity) did it (see authority.ts). */
  inferredSource?: { codes: string[]; from: string; confidence: number };
  /** Set when the doers act on one another ("accused each other"): each source is also a target. */
  reciprocal?: boolean;
  /** No counterpart named: the targets were taken from the earlier event (its output id) this act answers (see answers.ts). */
  answers?: string;
}

/** The last token of the sentence holding token `index`. */
export function lastTokenOfSentence(view: DocumentView, index: number): number {
  let last = index;
  while (last + 1 < view.tokens.length && view.tokens[last + 1].sentence === view.tokens[index].sentence) last++;
  return last;
}

/** Is token `index` inside quoted words (direct or partial) that do not hold token `node`? */
export function quotedApart(view: DocumentView, index: number, node: number): boolean {
  const at = view.tokens[index].start;
  const from = view.tokens[node].start;
  return view.quotes.some((quote) => quote.kind !== 'indirect' && quote.start <= at && at < quote.end && !(quote.start <= from && from < quote.end));
}
