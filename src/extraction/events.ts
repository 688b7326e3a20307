/**
 * Events: CAMEO/PLOVER-coded events with actors, modality, hedge, attribution, time and place, each
 * pointing at its trigger words and evidence span. Uses the dependency parse when the language
 * stage ran and a shallow clause analysis otherwise; writes the contract's `EventOut` records.
 */
import type { EventOut, EventStatus, Quote, TimeExpression } from '../contract/types.js';
import { codeFacts, guessLemma, isIrregularPastForm, nounCode } from './lexicon/index.js';
import type { AnalysisContext } from './types.js';
import { tokensWithin } from '../text/index.js';
import { buildDocumentView } from './events/document.js';
import type { DocumentView, EventInputs, Frame, Parse } from './events/document.js';
import { TOPIC_VERBS, addressedDoers, askedOfAddressees, caseOf, contactPurpose, framesFromParse, isInformative, isReducedRelative, isTownEntity, isVenueName, possessorSuffered, reactedToEvent, sufferedDuring, summoningVerb } from './events/parsed.js';
import { framesShallow } from './events/shallow.js';
import { causedByNature, forceCode } from './events/force.js';
import { withInferredAuthority } from './events/authority.js';
import { ANSWERED_EVENT_CONFIDENCE, withAnsweredParties, type ToldEvent } from './events/answers.js';

export type { EventInputs };

/** Block kinds whose sentences can state events (headings, bylines and boilerplate do not). */
const NARRATIVE_BLOCKS = new Set(['paragraph', 'dateline']);

function sameActors(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/** One statement of one real-world event yields one frame: drop repeats within a sentence. */
function dedupe(frames: Frame[]): Frame[] {
  const kept: Frame[] = [];
  for (const frame of frames) {
    const repeat = kept.some(
      (other) =>
        other.sentence === frame.sentence &&
        (other.trigger[0] === frame.trigger[0] ||
          (other.code === frame.code && sameActors(other.sources, frame.sources) && sameActors(other.targets, frame.targets))),
    );
    if (!repeat) kept.push(frame);
  }
  return kept;
}

const COORDINATORS = new Set(['and', 'or', 'nor', '&']);

/** True when the actors' mentions in the sentence are joined by a coordinating word (or are not all found there). */
function coordinatedInText(view: DocumentView, ids: string[], trigger: number): boolean {
  const sentence = view.tokens[trigger].sentence;
  let from = trigger;
  while (from > 0 && view.tokens[from - 1].sentence === sentence) from--;
  const positions: number[] = [];
  for (let index = from; index < view.tokens.length && view.tokens[index].sentence === sentence; index++) {
    if (ids.includes(view.entityOfToken[index] ?? '')) positions.push(index);
  }
  const found = new Set(positions.map((index) => view.entityOfToken[index]));
  if (ids.some((id) => !found.has(id))) return true;
  for (let index = positions[0]; index <= positions[positions.length - 1]; index++) if (COORDINATORS.has(view.lower[index])) return true;
  return false;
}

/** A verb after "and" or "but" that the parse conjoins to a verb with its own subject at least five words back ("welcomed …, but warned") or past that verb's object or non-finite complement. */
function sharesConjunctSubject(view: DocumentView, trigger: number): boolean {
  const parse = view.parse;
  if (!parse || parse.deprel[trigger] !== 'conj' || (view.lower[trigger - 1] !== 'and' && view.lower[trigger - 1] !== 'but')) return false;
  const head = parse.head[trigger];
  if (head < 0 || parse.upos[head] !== 'VERB' || !parse.children[head].some((child) => parse.deprel[child] === 'nsubj' && child < head)) return false;
  // Far enough for a reported clause in between, or past the first verb's object or non-finite complement ("pushed them back and detained …":
  // "them" did not detain; "denied targeting civilians and blamed …": the civilians did not blame).
  return trigger - head >= 5 || parse.children[head].some((child) => /^(obj|xcomp)$/.test(parse.deprel[child]) && child < trigger);
}

/**
 * A parser's attachment errors leave some predicates without a source or target: borrow them from
 * the shallow reading of the same trigger (entity before it, entity after it in its clause). Triggers
 * the tagger missed altogether are taken from the shallow reading as they are, unless the parse shows
 * them asked of addressees no actor stands for ("urged both sides to sign": no one known signs).
 */
function withShallowActors(view: DocumentView, frames: Frame[], shallow: Frame[], considered: Set<number>): Frame[] {
  for (const frame of frames) for (const token of [...frame.trigger, frame.anchor]) considered.add(token);
  // Only words the tagger calls verbs, or past forms it mistook ("raided", "undertook"): its nouns ("dressing-downs", "a phone call") stay nouns,
  // and so does a past form with a determiner of its own ("fired a single shot").
  const parse = view.parse;
  const determined = (token: number): boolean => Boolean(parse && parse.upos[token] === 'NOUN' && parse.children[token].some((child) => parse.deprel[child] === 'det'));
  const verbal = (token: number): boolean => Boolean(parse?.xpos[token].startsWith('VB')) || ((/ed$/.test(view.lower[token]) || isIrregularPastForm(view.lower[token])) && !determined(token));
  // "the White House talks", "the Geneva summit": a venue named right before an event noun is where it happened, not who acted.
  const venueBefore = (frame: Frame): boolean => parse?.upos[frame.trigger[0]] === 'NOUN' && frame.trigger[0] > 0 && isVenueName(view, frame.trigger[0] - 1);
  const linear = shallow.map((frame) => (venueBefore(frame) ? { ...frame, sources: frame.sources.filter((id) => id !== view.entityOfToken[frame.trigger[0] - 1]) } : frame));
  const missed = linear.filter((frame) => !frame.trigger.some((token) => considered.has(token)) && verbal(frame.trigger[0]));
  // "Boric promised that Chile would pay", "Lima threatened that Peru would close …": the doer's own side, as the subject of
  // another verb after the trigger, does that verb's act; it is no target the linear reading may lend. (Another side there
  // is the one threatened or promised: "Syria threatened that Israel would pay"; a demand's addressee is read by the parse.)
  const countryOf = (id: string): string | null | undefined => view.entityById.get(id)?.actor?.country;
  const withoutOtherSubjects = (frame: Frame): Frame => {
    if (!parse || ADDRESSING_ROOTS.has(frame.code.slice(0, 2)) || frame.targets.length === 0) return frame;
    const own = new Set(frame.sources.map(countryOf).filter(Boolean));
    const elsewhere = new Set([...subjectsOfOtherVerbs(view, parse, frame.trigger[0])].filter((id) => own.has(countryOf(id))));
    return frame.targets.some((id) => elsewhere.has(id)) ? { ...frame, targets: frame.targets.filter((id) => !elsewhere.has(id)) } : frame;
  };
  const read = [...frames, ...missed].map((original): Frame | null => {
    // A frame only the linear reading found is its own twin.
    const linearOnly = missed.includes(original);
    const frame = linearOnly ? withoutOtherSubjects(original) : original;
    const found = linear.find((other) => other.trigger.includes(frame.trigger[0]));
    const twin = linearOnly ? frame : found && withoutOtherSubjects(found);
    // A state act the parse found no one in: the linear reading stands where it would have been read on its own (a verb).
    if (frame.placedOnly) return frame.placedOnly === 'unread' && twin && verbal(frame.trigger[0]) ? twin : frame;
    // "A and B accused each other": the parse read both sides, whom the linear reading cannot see as targets.
    if (!twin || frame.reciprocal) return frame;
    // "held a summit on Peru's future": the linear reading's name after a topic preposition is what a meeting was about.
    const parties = (ids: string[]): string[] => (frame.code.startsWith('04') ? ids.filter((id) => !topicAfter(view, id, frame.trigger[0])) : ids);
    // Read only linearly although the parse gives it a common-noun subject naming no actor ("In Khankendi, …, workers have
    // demolished …"): whatever stands before the verb is not its doer.
    if (frame === twin && parse && unnamedSubject(view, parse, frame.trigger[0])) return { ...frame, sources: [], targets: parties(frame.targets) };
    // Read only linearly, but the parse shows it asked of someone ("Chile has urged both sides to sign"): the asker does not do it.
    const asked = frame === twin && parse ? askedOfAddressees(view, parse, frame.trigger[0]) : null;
    if (asked) {
      const targets = frame.targets.filter((id) => !asked.sources.includes(id));
      return asked.sources.length + targets.length > 0 ? { ...frame, sources: asked.sources, targets, status: asked.status } : null;
    }
    // A noun event's actors come from its own modifiers or its governing verb, which the linear reading cannot see.
    if (view.parse?.upos[frame.trigger[0]] === 'NOUN' && frame.sources.length > 0) return frame;
    // "their arrests": its owners suffered it; whoever stands before it in the sentence did not do it.
    if (parse && possessorSuffered(view, parse, frame.trigger[0])) return frame;
    // "Iraq was asked to cut output": a passive without its agent has no source; the subject before the verb is its target.
    if (parse && frame.sources.length === 0 && frame.targets.length > 0) {
      const dependents = parse.children[frame.trigger[0]].map((child) => parse.deprel[child]);
      if (dependents.includes('nsubj:pass') && dependents.includes('aux:pass')) return frame;
    }
    // "the citizens detained in X", "a memorandum signed between A and B": the actor before a past
    // participle after its noun is not its doer; the parse's reading stands.
    if (parse && isReducedRelative(view, parse, frame.trigger[0]) && frame.sources.length + frame.targets.length > 0) return frame;
    // "two brothers died during police raids": the subject before the verb suffered the raid, it did not raid;
    // "to protest against the arrests of …": whoever protests did not arrest.
    if (parse && frame.sources.length === 0 && (sufferedDuring(view, parse, frame.trigger[0]) || reactedToEvent(view, parse, frame.trigger[0]))) return frame;
    // "called on Rwanda to withdraw": the addressee does the demanded act, not the nearest actor before it.
    if (parse && frame.sources.length > 0 && (addressedDoers(view, parse, frame.trigger[0]).length > 0 || contactPurpose(view, parse, frame.trigger[0]))) return frame;
    // "In Khankendi, …, workers have demolished …": a common-noun subject the parse found names no
    // actor; the source stays unknown rather than borrowed from a name elsewhere in the clause.
    if (parse && frame.sources.length === 0 && frame.anchor === frame.trigger[0] && unnamedSubject(view, parse, frame.anchor)) {
      return { ...frame, targets: frame.targets.length > 0 ? frame.targets : twin.targets };
    }
    // "X said that … and urged Y to …": a verb joined by "and" to a clause with a subject shares that
    // subject, which the linear reading cannot see past the reported clause in between.
    // "summoned the ambassador to lodge a protest": the parse knows the errand is the summoner's.
    if (parse && frame.sources.length > 0 && (sharesConjunctSubject(view, frame.trigger[0]) || summoningVerb(view, parse, frame.trigger[0]) !== null || relativeClauseAct(view, frame.trigger[0]) || reportedParticiple(parse, frame.trigger[0]))) return frame;
    // The shallow reading keeps "A and B" together where a parse may split the coordination.
    if (frame.unreliable) return { ...frame, sources: twin.sources, targets: twin.targets };
    const widens = twin.sources.length > frame.sources.length && frame.sources.every((id) => twin.sources.includes(id));
    // "…, Vladimir Putin, Azerbaijan's President Aliyev demanded": a parse "coordination" of actors with no "and" between them is a misattached apposition.
    const narrows = twin.sources.length > 0 && twin.sources.length < frame.sources.length && twin.sources.every((id) => frame.sources.includes(id)) && !coordinatedInText(view, frame.sources, frame.trigger[0]);
    // Where the parse and the linear reading name different sources, the linear subject (the actor group
    // before the verb, skipping prepositional phrases) proved the more reliable one with our parser.
    // An actor whose side is known (a country, an IGO) beats one the KB could not place ("the Asians", "West Africans").
    const informative = (ids: string[]): boolean => ids.some((id) => isInformative(view, id));
    const misplaced = frame.sources.length > 0 && twin.sources.length > 0 && !frame.sources.some((id) => twin.sources.includes(id)) && (informative(twin.sources) || !informative(frame.sources)) &&
      !(parse && onlyAdjectiveOf(view, parse, frame.trigger[0], twin.sources, (noun) =>
        parse.children[noun].some((child) => parse.deprel[child] === 'nmod:poss' && frame.sources.includes(view.entityOfToken[child] ?? ''))));
    // The subject position wins: an actor the parse put only among the targets moves to the source.
    const uninformed = !informative(frame.sources) && informative(twin.sources);
    // "waving Russian flags and chanting …": an adjective on another verb's object is no doer of this one.
    const linearSources = parse ? twin.sources.filter((id) => !onlyAdjectiveOf(view, parse, frame.trigger[0], [id], (noun) => parse.deprel[noun] === 'obj')) : twin.sources;
    const sources = frame.sources.length > 0 && !widens && !narrows && !misplaced && !uninformed ? frame.sources : linearSources;
    const kept = frame.targets.filter((id) => !sources.includes(id));
    const others = parties(twin.targets).filter((id) => !sources.includes(id));
    const keptUninformed = !informative(kept) && informative(others);
    // What was discussed is a topic: the linear reading's name after the verb is no party to it.
    if (TOPIC_VERBS.has(view.lemma[frame.trigger[0]])) return { ...frame, sources, targets: kept };
    const targets = kept.length > 0 && !keptUninformed ? kept : others.length > 0 ? others : frame.targets.length > 0 ? frame.targets : parties(twin.targets);
    return { ...frame, sources, targets };
  });
  return read.filter((frame): frame is Frame => frame !== null);
}

/**
 * Is every mention of the entities `ids` before the trigger, in its sentence, only an adjective of a
 * noun that `describes` accepts? "Amnesty International's Peruvian branch welcomed …": Peru only
 * qualifies a noun whose owner the parse read as the doer; "waving Russian flags and chanting …":
 * Russia only qualifies another verb's object. Such an actor of the linear reading does not act.
 */
function onlyAdjectiveOf(view: DocumentView, parse: Parse, trigger: number, ids: readonly string[], describes: (noun: number) => boolean): boolean {
  const sentence = view.tokens[trigger].sentence;
  let found = false;
  for (let index = trigger - 1; index >= 0 && view.tokens[index].sentence === sentence; index--) {
    const id = view.entityOfToken[index];
    if (!id || !ids.includes(id)) continue;
    const noun = parse.head[index];
    if (parse.deprel[index] !== 'amod' || noun < 0 || !describes(noun)) return false;
    found = true;
  }
  return found;
}

/**
 * "Peru said Chilean troops had attacked its positions, killing two soldiers": a participle with no
 * subject of its own, adjunct to a reported clause, is done by that clause's subject, which the parse
 * read; the linear reading would give it the speaker.
 */
function reportedParticiple(parse: Parse, trigger: number): boolean {
  let participle = trigger;
  // "killing two and wounding four": the second participle is joined to the first.
  if (parse.deprel[participle] === 'conj' && parse.xpos[parse.head[participle]] === 'VBG') participle = parse.head[participle];
  if (parse.xpos[participle] !== 'VBG' || parse.children[participle].some((child) => parse.deprel[child].startsWith('nsubj'))) return false;
  let clause = parse.head[participle];
  // ", killing …" hung on the last noun ("attacked with mortars, killing …") still tells what the clause's verb did.
  if (parse.deprel[participle] === 'acl' && parse.upos[participle - 1] === 'PUNCT') {
    for (let guard = 0; clause >= 0 && parse.upos[clause] !== 'VERB' && guard < 4; guard++) clause = parse.head[clause];
  } else if (parse.deprel[participle] !== 'advcl') return false;
  return clause >= 0 && parse.deprel[clause] === 'ccomp' && parse.children[clause].some((child) => parse.deprel[child] === 'nsubj');
}

/**
 * "… in the presence of Lula, who called the deal historic and promised investment": an act of a relative clause (or
 * joined to one) is its antecedent's, which the parse read; the linear reading would give it the main clause's subject.
 */
function relativeClauseAct(view: DocumentView, trigger: number): boolean {
  const parse = view.parse;
  if (!parse) return false;
  // Up the conjuncts (a parser may hang one on a noun of the clause before) to the first verb with a subject.
  for (let node = trigger, guard = 0; node >= 0 && guard < 6; node = parse.head[node], guard++) {
    if (parse.children[node].some((child) => parse.deprel[child].startsWith('nsubj') && /^(who|which)$/.test(view.lower[child]))) return true;
    if (node !== trigger && parse.upos[node] === 'VERB' && parse.deprel[node] !== 'conj') return false;
  }
  return false;
}

/** Roots whose target is whoever is asked or blamed, often the subject of the clause after the verb ("demanded that Chile withdraw"). */
const ADDRESSING_ROOTS: ReadonlySet<string> = new Set(['02', '10', '11']);

/** Tags of words that take a subject: verbs, auxiliaries and predicate adjectives. */
const PREDICATE_TAGS: ReadonlySet<string> = new Set(['VERB', 'AUX', 'ADJ']);

/** Entities named as the subject of a verb after `trigger` in its sentence. */
function subjectsOfOtherVerbs(view: DocumentView, parse: NonNullable<DocumentView['parse']>, trigger: number): Set<string> {
  const ids = new Set<string>();
  const sentence = view.tokens[trigger].sentence;
  for (let index = trigger + 1; index < view.tokens.length && view.tokens[index].sentence === sentence; index++) {
    const head = parse.head[index];
    if (!parse.deprel[index].startsWith('nsubj') || head === trigger || head < 0 || !PREDICATE_TAGS.has(parse.upos[head])) continue;
    const id = view.entityOfToken[index];
    if (id) ids.add(id);
  }
  return ids;
}

/**
 * Whether the parse gives the verb at `node` a common-noun subject that names no actor ("workers have
 * demolished …"); an infinitive's subject is its controller's ("protesters tried to storm …").
 */
function unnamedSubject(view: DocumentView, parse: Parse, node: number): boolean {
  const controller = parse.deprel[node] === 'xcomp' && parse.head[node] >= 0 ? parse.head[node] : node;
  let subject = [node, controller].map((at) => parse.children[at].find((child) => parse.deprel[child] === 'nsubj')).find((found) => found !== undefined);
  // "people who throw stones": a relative pronoun stands for the noun the clause describes (when the clause has no other subject).
  const clause = subject !== undefined ? parse.head[subject] : -1;
  const alone = clause >= 0 && parse.children[clause].filter((child) => parse.deprel[child] === 'nsubj').length === 1;
  if (subject !== undefined && alone && RELATIVE_SUBJECTS.has(view.lower[subject]) && parse.deprel[clause] === 'acl:relcl') subject = parse.head[clause];
  return subject !== undefined && parse.upos[subject] === 'NOUN' && !view.entityOfToken[subject];
}

/** Relative pronouns that can be a clause's subject. */
const RELATIVE_SUBJECTS: ReadonlySet<string> = new Set(['who', 'that', 'which']);

/** Whether the first mention of `id` after the trigger in its sentence follows "on", "about" or "over" (past a determiner). */
function topicAfter(view: DocumentView, id: string, trigger: number): boolean {
  const sentence = view.tokens[trigger].sentence;
  for (let index = trigger + 1; index < view.tokens.length && view.tokens[index].sentence === sentence; index++) {
    if (view.entityOfToken[index] !== id) continue;
    const before = /^(the|a|an)$/.test(view.lower[index - 1]) ? index - 2 : index - 1;
    return /^(on|about|over|regarding|concerning)$/.test(view.lower[before] ?? '');
  }
  return false;
}

/**
 * An actor that is both source and target only through a pronoun ("accused the police of killing them")
 * is a coreference slip, and so is the only source named again as its own target ("Russia warned that
 * Europe would suffer more than Russia"): drop it from the targets. Several sources may act on each
 * other ("the two countries accused each other", marked reciprocal by the parse reading).
 */
function withoutSelfTargets(view: DocumentView, frame: Frame, sentence: { start: number; end: number }): string[] {
  if (frame.reciprocal) return frame.targets;
  return frame.targets.filter((id) => {
    // "The Parties condemned …" read as the pair's members acting on the pair: no target.
    const members = view.entityById.get(id)?.members;
    if (members && members.length > 0 && members.every((member) => frame.sources.includes(member))) return false;
    if (!frame.sources.includes(id)) return true;
    if (frame.sources.length === 1) return false;
    const mentions = view.entityById.get(id)?.mentions.filter((mention) => mention.start >= sentence.start && mention.end <= sentence.end) ?? [];
    return mentions.length > 1 && mentions.every((mention) => mention.kind !== 'pronoun');
  });
}

/**
 * "Rojas said Bolivia would seek … and demanded that Santiago lift …": where the quotes stage ended a
 * speaker's reported words right before "and", a verb with no subject of its own that follows is the
 * speaker's next act, whatever the parser hung it on (here the participle inside the reported clause).
 */
function withSpeakersNextAct(view: DocumentView, frame: Frame): Frame {
  const parse = view.parse;
  const trigger = frame.trigger[0];
  // A finite verb: a participle or gerund after "and" ("gathering information … and passing it") continues the reported clause.
  if (!parse || parse.upos[trigger] !== 'VERB' || !/^VB[DZP]$/.test(parse.xpos[trigger]) || view.lower[trigger - 1] !== 'and' || parse.children[trigger].some((child) => /^nsubj/.test(parse.deprel[child]))) return frame;
  const before = view.tokens[trigger - 1].start;
  const ended = view.quotes.find((quote) => quote.kind === 'indirect' && quote.speaker !== null && quote.cue !== null && quote.cue.end <= quote.start &&
    quote.end <= before && /^[\s,]*$/.test(view.text.slice(quote.end, before)) && view.tokens[trigger].sentence === view.tokens[tokensWithin(view.tokens, quote.cue.start, quote.cue.end)[0]].sentence);
  if (!ended?.speaker || frame.sources.includes(ended.speaker)) return frame;
  // Only a doer borrowed from inside the reported words gives way ("… more Bolivians held in Chilean prisons and demanded"); one named outside them stays.
  const inside = (id: string): boolean => view.entityById.get(id)?.mentions.some((mention) => mention.start >= ended.start && mention.end <= ended.end) ?? false;
  if (!frame.sources.every(inside)) return frame;
  return { ...frame, sources: [ended.speaker], targets: frame.targets.filter((id) => id !== ended.speaker) };
}

/**
 * Who reports an event is not a party to it: in "Quake kills 2,000, a Taliban spokesman said" an
 * actor named only in the words giving the source of the quote that holds the trigger is dropped
 * from the event's sources and targets (the parse sometimes joins it to the clause it reports).
 * Before the words it reports ("TASS said six were charged"), the source's actor is only dropped
 * from the targets, and from the sources when it is a news outlet: a cue there may be a commitment
 * whose speaker does the act ("Baku vowed to retaliate").
 */
function withoutSpeakerActors(view: DocumentView, frame: Frame): Frame {
  const first = view.tokens[frame.trigger[0]];
  const quote = quoteAround(view.quotes, first.start, first.end);
  const source = quote?.source;
  if (!quote || !source) return frame;
  // Before the words it reports, only a cue of saying or reporting (a promise's or refusal's speaker does what follows:
  // "declined to comment when contacted by …", "promised a referendum, which Azerbaijan demands").
  const before = source.start < quote.start;
  if (before && !reportingCue(quote.cue?.text ?? '')) return frame;
  const onlyInSource = (id: string): boolean => {
    const mentions = view.entityById.get(id)?.mentions ?? [];
    const inSource = mentions.some((mention) => mention.start >= source.start && mention.end <= source.end);
    // A speaker who says "we" or "I" in the quote is a party of what they say they do.
    const inContent = mentions.some((mention) => mention.start >= quote.start && mention.end <= quote.end) || speaksInQuote(view, id, quote);
    return inSource && !inContent;
  };
  const droppedSource = (id: string): boolean => onlyInSource(id) && (!before || view.entityById.get(id)?.actor?.sector === 'MED');
  if (!frame.sources.some(droppedSource) && !frame.targets.some(onlyInSource)) return frame;
  return { ...frame, sources: frame.sources.filter((id) => !droppedSource(id)), targets: frame.targets.filter((id) => !onlyInSource(id)) };
}

/** Verbs of cues that only report words: saying, telling, stating, announcing, reporting, claiming, writing, quoting. */
const REPORTING_LEMMAS: ReadonlySet<string> = new Set(['say', 'tell', 'state', 'announce', 'report', 'claim', 'add', 'write', 'quote', 'cite']);

/** Is a cue's text one reporting verb ("said", "citing") or "according to"? */
function reportingCue(cue: string): boolean {
  return /^according to$/i.test(cue) || (!/\s/.test(cue) && REPORTING_LEMMAS.has(guessLemma(cue.toLowerCase())));
}

/** Does the quote's speaker say "we" or "I" in it (a token of the quote stands for them)? */
function speaksInQuote(view: DocumentView, id: string, quote: Quote): boolean {
  const [from, to] = tokensWithin(view.tokens, quote.start, quote.end);
  for (let index = from; index < to; index++) if (view.entityOfToken[index] === id) return true;
  return false;
}

/** The innermost quote holding the span: in "According to the readout, Putin … told Aliyev that Russia would …" the act is in Putin's words. */
function quoteAround(quotes: Quote[], start: number, end: number): Quote | undefined {
  let best: Quote | undefined;
  for (const quote of quotes) {
    if (quote.start <= start && end <= quote.end && (!best || quote.end - quote.start < best.end - best.start)) best = quote;
  }
  return best;
}

function evidenceSpan(view: DocumentView, frame: Frame, sentenceStart: number, sentenceEnd: number): { start: number; end: number } {
  let start = view.tokens[frame.trigger[0]].start;
  let end = view.tokens[frame.trigger[frame.trigger.length - 1]].end;
  for (const id of [...frame.sources, ...frame.targets]) {
    const mentions = view.entityById.get(id)?.mentions.filter((mention) => mention.start >= sentenceStart && mention.end <= sentenceEnd) ?? [];
    const nearest = mentions.sort((a, b) => Math.abs(a.start - start) - Math.abs(b.start - start))[0];
    if (nearest) {
      start = Math.min(start, nearest.start);
      end = Math.max(end, nearest.end);
    }
  }
  return { start, end };
}

/**
 * Actors without the bare country of a more specific actor beside them: "Moldovan President Maia
 * Sandu" names Moldova (the demonym) and Sandu (MDAGOV), and the act is Sandu's; and without a
 * region no actor stands for beside another party.
 */
function withoutQualifyingCountries(view: DocumentView, ids: string[]): string[] {
  const codes = ids.map((entityId) => view.entityById.get(entityId)?.actor?.code ?? null);
  const kept = ids.filter((_, index) => {
    const code = codes[index];
    return !(code && code.length === 3 && codes.some((other) => other && other.length > 3 && other.startsWith(code)));
  });
  // "the EU's special representative for the South Caucasus met …": a region no actor stands for
  // only qualifies the real party beside it.
  const region = (entityId: string): boolean => {
    const entity = view.entityById.get(entityId);
    return entity?.type === 'LOC' && !entity.actor;
  };
  return kept.some((entityId) => !region(entityId)) ? kept.filter((entityId) => !region(entityId)) : kept;
}

/**
 * A document or happening named as an entity ("signed the Joint Declaration") is what an act is about,
 * never a party to it; whoever an act is done "in the presence of" only witnesses it.
 */
function partiesOnly(view: DocumentView, frame: Frame): Frame {
  const witnesses = witnessesAfter(view, frame.trigger[0]);
  const party = (id: string): boolean => view.entityById.get(id)?.type !== 'EVENT';
  const target = (id: string): boolean => party(id) && !witnesses.has(id);
  return frame.sources.every(party) && frame.targets.every(target) ? frame : { ...frame, sources: frame.sources.filter(party), targets: frame.targets.filter(target) };
}

/** Entities named in a phrase "in the presence of …" after token `at` in its sentence: the act at `at` was done before them. */
function witnessesAfter(view: DocumentView, at: number): Set<string> {
  const ids = new Set<string>();
  const sentence = view.tokens[at].sentence;
  for (let index = at + 2; index < view.tokens.length && view.tokens[index].sentence === sentence; index++) {
    if (view.lower[index - 1] !== 'of' || view.lower[index - 2] !== 'presence') continue;
    // The whole phrase after it ("the presence of Brazilian President Lula"), up to a comma.
    for (let word = index; word < index + 6 && view.tokens[word]?.sentence === sentence && !/^[,.;:]$/.test(view.lower[word]); word++) {
      const id = view.entityOfToken[word];
      if (id) ids.add(id);
    }
  }
  return ids;
}

function toEvent(view: DocumentView, frame: Frame, id: string, parsed: boolean, sentenceStart: number, sentenceEnd: number): EventOut {
  const facts = codeFacts(frame.code);
  const first = view.tokens[frame.trigger[0]];
  const last = view.tokens[frame.trigger[frame.trigger.length - 1]];
  // Each code once: "Kremlin spokesman Dmitry Peskov" names two entities with one code.
  const actorCodes = (ids: string[]): string[] => [
    ...new Set(ids.map((entityId) => view.entityById.get(entityId)?.actor?.code).filter((code): code is string => typeof code === 'string')),
  ];
  const sources = withoutQualifyingCountries(view, frame.sources);
  const targets = withoutQualifyingCountries(view, frame.targets);
  // No doer read: the one inferred from the place of a state act, if any (see events/authority.ts).
  const inferred = sources.length === 0 ? frame.inferredSource : undefined;
  const quote = quoteAround(view.quotes, first.start, last.end);
  let attribution: EventOut['attribution'] = frame.attribution ? { speaker: frame.attribution.speaker, cue: frame.attribution.cue, quote: null } : null;
  // "said it was concerned and offered to mediate": where the quotes stage ended that cue's words, what follows is the narrator's.
  const endedBefore = (cue: string): boolean => view.quotes.some((other) => other.cue?.text === cue && other.cue.start >= sentenceStart && other.cue.start < first.start && other.end <= first.start);
  if (!quote && attribution?.cue && endedBefore(attribution.cue)) attribution = null;
  if (quote) {
    // The quotes stage knows the speaker of its own cue best ("Russia's state news agency TASS reported" is TASS).
    const sameCue = attribution !== null && quote.cue !== null && quote.cue.text === attribution.cue && quote.speaker !== null;
    attribution = { speaker: sameCue ? quote.speaker : (attribution?.speaker ?? quote.speaker), cue: attribution?.cue ?? quote.cue?.text ?? null, quote: quote.id };
  }
  const confidence = Math.min(
    0.95,
    0.4 + (frame.curated ? 0.2 : 0) + (parsed ? 0.1 : 0) + (frame.sources.length > 0 ? 0.1 : 0) + (frame.targets.length > 0 ? 0.1 : 0),
  );
  return {
    id,
    trigger: { start: first.start, end: last.end, text: view.text.slice(first.start, last.end) },
    evidence: evidenceSpan(view, frame, sentenceStart, sentenceEnd),
    cameo: facts.code,
    root: facts.root,
    goldstein: facts.goldstein,
    quad: facts.quad,
    plover: facts.plover,
    plover_mode: facts.ploverMode,
    source: sources,
    target: targets,
    source_actors: inferred ? inferred.codes : actorCodes(sources),
    target_actors: actorCodes(targets),
    ...(inferred ? { source_inferred: { from: inferred.from, method: 'rule' as const, confidence: inferred.confidence } } : {}),
    ...(frame.answers ? { target_inferred: { event: frame.answers, method: 'rule' as const, confidence: ANSWERED_EVENT_CONFIDENCE } } : {}),
    when: { time: frame.time?.id ?? null, value: frame.time?.value ?? null, ...(frame.timeCarried ? { carried: true } : {}) },
    where: { entity: frame.place?.entity ?? null, name: frame.place?.name ?? null },
    status: frame.status,
    attribution,
    hedge: frame.hedge,
    confidence: Math.round(confidence * 100) / 100,
    provenance: { method: 'rule', confidence: Math.round(confidence * 100) / 100 },
  };
}

/** Codes the events of a document from its structure, language annotation, entities, times and quotes. */
export function extractEvents(ctx: AnalysisContext, found: EventInputs): EventOut[] {
  const view = buildDocumentView(ctx, found);
  const parsed = view.parse !== null;
  const events: EventOut[] = [];
  const told: ToldEvent[] = [];
  let storyDay: { block: number; time: TimeExpression } | null = null;
  ctx.structure.sentences.forEach((sentence, sentenceIndex) => {
    const block = ctx.structure.blocks[sentence.block];
    if (block && !NARRATIVE_BLOCKS.has(block.kind)) return;
    const shallow = framesShallow(view, sentence, sentenceIndex);
    const considered = new Set<number>();
    const read = parsed ? withShallowActors(view, framesFromParse(view, sentence, sentenceIndex, considered), shallow, considered) : shallow;
    const frames = dedupe(
      read.filter((frame) => !causedByNature(view, frame)).map((frame) => withoutSpeakerActors(view, { ...frame, code: forceCode(view, frame), targets: withoutSelfTargets(view, frame, sentence) })).map((frame) => partiesOnly(view, withSpeakersNextAct(view, frame))),
    );
    frames.sort((a, b) => a.trigger[0] - b.trigger[0]);
    const question = QUESTION_END.test(view.text.slice(sentence.start, sentence.end));
    if (storyDay && storyDay.block !== sentence.block) storyDay = null;
    const timed = hasTime(view, sentence);
    const unclaimed = unclaimedDates(view, sentence, frames);
    const dated: Frame[] = [];
    for (const frame of frames) {
      let read = withAnsweredParties(view, withInferredAuthority(view, withMutualParties(withTenseOfTime(withPlacesAsPlaces(view, frame), ctx.document.published))), told);
      // "Now" dates no act told in the past ("said relations would now improve and thanked Chile").
      if (read.time && /_REF$/.test(read.time.value) && read.status === 'occurred') read = { ...read, time: null };
      if (!unclaimed && storyDay && carriesStoryDay(view, read)) read = { ...read, time: storyDay.time, timeCarried: true };
      dated.push(read);
      const id = `v${events.length + 1}`;
      told.push({ frame: read, id });
      events.push(toEvent(view, question && !presupposed(view, read) ? asked(read) : read, id, parsed, sentence.start, sentence.end));
    }
    // A sentence naming a time sets the paragraph's story day when an act it tells happened on that day,
    // and ends it when an act it tells happened at a time outside that day.
    if (timed) {
      // A day, or a time of a day ("on Wednesday morning", "at 14:05").
      const day = dated.find((frame) => frame.status === 'occurred' && frame.time && !frame.timeCarried && (frame.time.type === 'DATE' || frame.time.type === 'TIME') &&
        /^\d{4}-\d{2}-\d{2}(T|$)/.test(frame.time.value) && frame.time.value.slice(0, 10) <= (ctx.document.published ?? '9999'));
      const current = storyDay?.time.value ?? '';
      if (day?.time) storyDay = { block: sentence.block, time: day.time };
      else if (dated.some((frame) => frame.status === 'occurred' && frame.time && !current.startsWith(frame.time.value))) storyDay = null;
    }
  });
  return events;
}

/**
 * "On Tuesday, Araghchi arrived in Yerevan. The two ministers signed a plan …": an act told in the
 * simple past in a later sentence of the same paragraph that names no time of its own happened on
 * the paragraph's story day; not one told in another tense (the past perfect is background, the
 * present perfect and present are now), shifted by "later" or "earlier", inside quoted words, or
 * with any other status. The event's `when` points at the words that set the day and says it
 * was carried.
 */
function carriesStoryDay(view: DocumentView, frame: Frame): boolean {
  if (frame.time || frame.status !== 'occurred') return false;
  const anchor = frame.anchor;
  const token = view.tokens[anchor];
  // Words quoted verbatim keep their own time frame; a clause reported in the narrator's words ("…, the ministry said") does not.
  if (quoteAround(view.quotes.filter((quote) => quote.kind !== 'indirect'), token.start, token.end)) return false;
  const parse = view.parse;
  if (!parse) return view.lower[anchor - 1] !== 'had';
  const auxiliaries = parse.children[anchor].filter((child) => parse.deprel[child].startsWith('aux') || parse.deprel[child] === 'cop').map((child) => view.lower[child]);
  // Only the simple past tells of that day: not "had signed" (background), "has accused" or "encourage" (now).
  // (A past form with no auxiliary counts whatever tag the tagger chose between VBD and VBN: "who hosted the ceremony".)
  const simplePast = (/^VB[DN]$/.test(parse.xpos[anchor]) || auxiliaries.length > 0) && auxiliaries.every((word) => /^(was|were|did)$/.test(word));
  // "Baku later closed …": an act told as coming after, or before, is on another day.
  const shifted = parse.children[anchor].some((child) => parse.deprel[child] === 'advmod' && SHIFTING_ADVERBS.has(view.lower[child]));
  return (simplePast || parse.upos[anchor] === 'NOUN') && !shifted;
}

/** Adverbs that move an act off the day told before. */
const SHIFTING_ADVERBS: ReadonlySet<string> = new Set(['later', 'afterwards', 'afterward', 'subsequently', 'earlier', 'previously', 'since', 'eventually', 'already']);

/**
 * Whether the sentence names a point in time that none of its acts took: such a time may date an act
 * the reading missed, so the story day does not carry into it. "Now", durations and recurrences date
 * nothing ("relations would now improve"), nor does the time of another act of the sentence ("the
 * ministers will meet next month").
 */
function unclaimedDates(view: DocumentView, sentence: { tokenStart: number; tokenEnd: number }, frames: readonly Frame[]): boolean {
  for (let index = sentence.tokenStart; index < sentence.tokenEnd; index++) {
    const time = view.timeOfToken[index];
    if (!time || time.type === 'DURATION' || time.type === 'SET' || /_REF$/.test(time.value)) continue;
    if (!frames.some((frame) => frame.time?.id === time.id)) return true;
  }
  return false;
}

/** Does the sentence name any time? */
function hasTime(view: DocumentView, sentence: { tokenStart: number; tokenEnd: number }): boolean {
  for (let index = sentence.tokenStart; index < sentence.tokenEnd; index++) if (view.timeOfToken[index]) return true;
  return false;
}

/** A sentence that ends in a question mark (before any closing quotes or brackets). */
const QUESTION_END = /\?[\s"'”’)\]]*$/u;
/** Statuses a question does not assert. */
const ASSERTED: ReadonlySet<EventStatus> = new Set(['occurred', 'ongoing', 'planned']);

/**
 * "Did Baku regret closing the office?", "Would Moscow really prefer no treaty?": an act asked
 * about is not told as done or planned; it is only supposed (hypothetical).
 */
function asked(frame: Frame): Frame {
  return ASSERTED.has(frame.status) ? { ...frame, status: 'hypothetical' } : frame;
}

/** An act a question takes for granted: told as a noun or a gerund ("Did Baku regret closing the office?", "Did the arrests harm ties?"). */
function presupposed(view: DocumentView, frame: Frame): boolean {
  const trigger = frame.trigger[0];
  return view.parse !== null && (view.parse.upos[trigger] === 'NOUN' || view.parse.xpos[trigger] === 'VBG');
}

/** Is the entity a town, village or province (a place below its country that no body governing from it stands for)? */
function isTown(view: DocumentView, id: string): boolean {
  const entity = view.entityById.get(id);
  return entity !== undefined && isTownEntity(entity) && !entity.members;
}

/**
 * A town or province is where an act happens, not who does it: it leaves the sources ("Aktau may
 * spoil the deal" read from "the Aktau crash"); a visit's destination ("travelled to Ankara", "a
 * visit to Yerevan") stays its target, as CAMEO codes a host by its towns, and is also its place
 * when the sentence names no other. Regions ("the West"), sites ("Russia House") and a town owning
 * or naming the doer ("Ankara's district administration") may act. An attack with no known doer has none,
 * though PLOVER's gold records give it the country of the town where it happened.
 */
function withPlacesAsPlaces(view: DocumentView, frame: Frame): Frame {
  const sentence = view.tokens[frame.trigger[0]].sentence;
  // "Ankara's district administration has denied …", "the Cankaya district administration": a town owning or
  // naming the doer stands for its local body; not a town naming an act ("the Aktau crash", "the Washington summit").
  const owner = (id: string): boolean => {
    for (let index = frame.trigger[0] - 1; index >= 0 && view.tokens[index].sentence === sentence; index--) {
      if (view.entityOfToken[index] !== id || view.entityOfToken[index + 1] === id) continue;
      const next = view.tokens[index + 1]?.text ?? '';
      const noun = view.parse ? view.parse.upos[index + 1] === 'NOUN' : /^\p{Ll}+$/u.test(next) && !NON_NOUNS.test(next);
      if (/^['’]s?$/.test(next) || (noun && nounCode(view.lemma[index + 1], new Set()) === null)) return true;
    }
    return false;
  };
  const kept = frame.sources.filter((id) => !isTown(view, id) || owner(id));
  const destination = VISIT_CODES.has(frame.code) && !frame.place ? frame.targets.find((id) => isTown(view, id)) : undefined;
  const entity = destination ? view.entityById.get(destination) : undefined;
  if (kept.length === frame.sources.length && !entity) return frame;
  return { ...frame, sources: kept, place: entity ? { entity: entity.id, name: entity.name } : frame.place };
}

/** Words after a name that are no noun it could qualify (without a parse). */
const NON_NOUNS = /^(on|in|at|of|to|for|from|with|by|near|and|or|but|has|have|had|is|was|were|are|will|would|said|says)$/;

/** Making a visit (042) and hosting one (043). */
const VISIT_CODES = new Set(['042', '043']);

/** Acts two parties do together: meeting, talking, negotiating, cooperating, signing, a ceasefire. */
const MUTUAL_CODES = new Set(['040', '041', '046', '050', '057', '0871']);

/**
 * "An agreement between Azerbaijan and Turkey was signed", "talks between Armenia and Azerbaijan
 * were held": with no doer named, the parties of a mutual act are its source and target (in
 * CAMEO's convention, the first named is the source).
 */
function withMutualParties(frame: Frame): Frame {
  if (frame.sources.length > 0 || frame.targets.length < 2 || !MUTUAL_CODES.has(frame.code)) return frame;
  return { ...frame, sources: frame.targets.slice(0, 1), targets: frame.targets.slice(1) };
}

/**
 * "when they meet at a summit next month": an act told as happening but dated after the
 * publication day is planned; an intent told as expressed keeps its status and leaves the date to
 * the intended act. Only plain dates (year, month, day) are compared, by where they start.
 */
function withTenseOfTime(frame: Frame, published: string | null): Frame {
  const value = frame.time?.value;
  if (frame.status !== 'occurred' || !published || !value || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return frame;
  const starts = value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
  if (starts <= published.slice(0, 10)) return frame;
  // "agreed to meet again in January 2026": the intent (03x) is expressed now; the date is the intended act's.
  if (frame.code.startsWith('03')) return { ...frame, time: null };
  return { ...frame, status: 'planned' };
}
