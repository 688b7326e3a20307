/**
 * Event coding without a parse: a shallow clause analysis for when the language models are not
 * loaded. Within a clause, the entity group before a lexicon trigger is its source and the first
 * group after it its target (swapped for "was …ed by"); modality and attribution come from the
 * words around the trigger. Cruder than the parse-based coder, but it never needs a model.
 */
import type { Sentence } from '../../text/types.js';
import { SPEECH_VERBS, STATIVE_PARTICIPLES, VEHICLE_NOUNS, isLexiconWord, asksNoAct, nounCode, verbCode } from '../lexicon/index.js';
import { quotedApart, type DocumentView, type Frame } from './document.js';
import { isVenueName, receivesAThing } from './parsed.js';
import { AIMING_VERBS } from './force.js';
import { PLACE_TYPES } from '../entities/actors.js';
import { CONDITION_MARKS, applyAuxiliary, applyGovernor, decideStatus, emptyCues, findHedge, negatedAlternative } from './modality.js';

const CLAUSE_WORDS = new Set([';', ':', 'that', 'which', 'who', 'when', 'while', 'but', 'after', 'before', 'because', 'although', 'whereas', '—', '–']);
const RELATIVE_WORDS = new Set(['which', 'who']);
const TITLE_WORDS = new Set(['president', 'leader', 'minister', 'prime', 'foreign', 'defence', 'defense', 'chief', 'head', 'secretary', 'general', 'king', 'emir', 'premier', 'chancellor', 'envoy', 'ambassador', 'spokesman', 'spokeswoman', 'official', 'officials', 'commander']);
const GROUP_JOINERS = new Set(['and', ',', '&', 'or']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'these', "'s", '’s', 'new', 'first', 'latest', 'fresh', 'no', 'any']);
const NOUN_CONTEXT = new Set(['of', 'for', 'in', 'on', 'at', 'by', 'with', 'against', 'from', 'into']);
const VERB_CONTEXT = new Set(['to', 'will', 'would', 'may', 'might', 'could', 'can', 'must', 'should', 'has', 'have', 'had', 'did', 'does', 'do', 'not', "n't", 'also', 'then', 'later']);
const PASSIVE_AUX = new Set(['was', 'were', 'been', 'be', 'being', 'is', 'are']);
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near']);
/** Counts written in words, before an elliptical passive ("three killed"). */
const COUNT_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'dozens', 'hundreds', 'thousands', 'scores']);
/** Prepositions of a way ("through Georgia", "via Turkey", "across the region"). */
const PATH_PREPOSITIONS = new Set(['through', 'via', 'across']);
/** Posts abroad, whose place names their host ("an embassy in Tehran"). */
const DIPLOMATIC_POSTS = new Set(['embassy', 'embassies', 'consulate', 'consulates', 'mission', 'office', 'representation']);
/** Roots of acts of force, which land on a place ("shelled villages in Tavush"). */
const FORCE_ROOTS = new Set(['18', '19', '20']);

interface Occurrence {
  id: string;
  from: number;
  to: number;
}

/** Runs of tokens mentioning the same entity, in text order. */
function occurrences(view: DocumentView, sentence: Sentence): Occurrence[] {
  const out: Occurrence[] = [];
  for (let index = sentence.tokenStart; index < sentence.tokenEnd; index++) {
    const id = view.entityOfToken[index];
    if (!id) continue;
    const last = out[out.length - 1];
    if (last && last.id === id && last.to === index) last.to = index + 1;
    else if (last && out.length > 1 && out[out.length - 2].id === id && out[out.length - 2].to === last.from && last.to === index) {
      // A name inside a longer mention ("the leaders of the two former Soviet republics") is part of it.
      out.pop();
      out[out.length - 1].to = index + 1;
    } else out.push({ id, from: index, to: index + 1 });
  }
  return out;
}

/** The group of occurrences joined by "and"/"," around the given one. */
function groupAround(view: DocumentView, list: Occurrence[], at: number): string[] {
  let first = at;
  let last = at;
  // Joined by "and" or commas, or a demonym and a name across a title ("Bulgarian President Todor Zhivkov").
  const joined = (left: Occurrence, right: Occurrence): boolean => {
    if (right.from - left.to > 2) return false;
    for (let index = left.to; index < right.from; index++) if (!GROUP_JOINERS.has(view.lower[index]) && !TITLE_WORDS.has(view.lower[index])) return false;
    return true;
  };
  while (first > 0 && joined(list[first - 1], list[first])) first--;
  while (last + 1 < list.length && joined(list[last], list[last + 1])) last++;
  const ids: string[] = [];
  const members = list.slice(first, last + 1);
  // "Libyan leader Muammar Gaddafi": a name without an actor takes the demonym just before its title.
  const before = list[first - 1];
  const titleBetween = (from: number, to: number): boolean => to > from && view.lower.slice(from, to).every((word) => TITLE_WORDS.has(word));
  if (before && !view.entityById.get(list[first].id)?.actor && list[first].from - before.to <= 2 && titleBetween(before.to, list[first].from)) members.unshift(before);
  for (const occurrence of members) {
    const members = view.entityById.get(occurrence.id)?.members;
    for (const id of members && members.length > 0 ? members : [occurrence.id]) if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

const APPOSITION_OPENERS = new Set(['a', 'an', 'the']);

/** Words an apposition may hold before the name inside it ("an adviser to Supreme Leader"). */
const APPOSITION_REACH = 7;

/** "X, a key ally of Y, has …": Y sits in an apposition to X (commas on both sides, before the verb) and is not the subject. */
function inApposition(view: DocumentView, list: Occurrence[], occurrence: Occurrence, verb: number): boolean {
  let open = occurrence.from - 1;
  while (open >= 0 && view.lower[open] !== ',' && occurrence.from - open <= APPOSITION_REACH) open--;
  if (open < 0 || view.lower[open] !== ',' || !APPOSITION_OPENERS.has(view.lower[open + 1])) return false;
  if (!list.some((other) => other !== occurrence && other.to === open)) return false;
  for (let close = occurrence.to; close < verb; close++) if (view.lower[close] === ',') return true;
  return false;
}

/**
 * The first token after the last verb of saying before `trigger` ("Mujahid said | 1,240 people were
 * injured"), else the sentence start. When a personal pronoun stands between them ("the leaders said
 * on Wednesday they would meet …"), it usually is the speaker, so the speaker stays in reach.
 */
function afterSpeech(view: DocumentView, sentence: Sentence, trigger: number): number {
  for (let index = trigger - 1; index > sentence.tokenStart; index--) {
    if (!SPEECH_VERBS.has(view.lemma[index]) || view.lower[index] === view.lemma[index] || view.entityOfToken[index]) continue;
    for (let word = index + 1; word < trigger; word++) if (/^(he|she|they|we)$/.test(view.lower[word])) return sentence.tokenStart;
    // "told Reuters the group would …": whom the speaker told is not in the reported clause.
    let floor = index + 1;
    const addressee = view.lemma[index] === 'tell' ? view.entityOfToken[floor] : null;
    if (addressee) while (floor < trigger && view.entityOfToken[floor] === addressee) floor++;
    return floor;
  }
  return sentence.tokenStart;
}

function clauseBounds(view: DocumentView, sentence: Sentence, trigger: number): [number, number] {
  const floor = afterSpeech(view, sentence, trigger);
  let from = trigger;
  while (from > floor && !CLAUSE_WORDS.has(view.lower[from - 1])) from--;
  let to = trigger + 1;
  while (to < sentence.tokenEnd && !CLAUSE_WORDS.has(view.lower[to]) && view.lower[to] !== ',') to++;
  return [from, to];
}

function isPlace(view: DocumentView, id: string): boolean {
  return PLACE_TYPES.has(view.entityById.get(id)?.type ?? '');
}

/** Demands, accusations, refusals and threats always have an addressee: the nearest other actor of the sentence. */
const ADDRESSEE_ROOTS = new Set(['10', '11', '12', '13']);

/** Words that open an adverbial clause with a subject of its own ("…, while Russia argued …"). */
const CONTRASTING_CLAUSE_OPENERS = new Set(['while', 'whereas', 'although', 'though', 'because', 'but']);

function nearestOther(view: DocumentView, list: Occurrence[], index: number, sources: string[]): string[] {
  const sourceStarts = list.filter((occurrence) => sources.includes(occurrence.id)).map((occurrence) => occurrence.from);
  const modifiesSource = (occurrence: Occurrence): boolean => sourceStarts.some((start) => start >= occurrence.to && start - occurrence.to <= 3);
  // The subject of another clause acts there; it is not addressed here.
  const opensOtherClause = (occurrence: Occurrence): boolean => CONTRASTING_CLAUSE_OPENERS.has(view.lower[occurrence.from - 1] ?? '');
  const others = list.filter((occurrence) => {
    const type = view.entityById.get(occurrence.id)?.type;
    // A town after "in", "at" or "from" places someone ("deputies in Yerevan criticised …"); it is not addressed.
    const placing = PLACE_PREPOSITIONS.has(view.lower[occurrence.from - 1] ?? '') && isVenueName(view, occurrence.from);
    return !sources.includes(occurrence.id) && type !== 'LOC' && type !== 'FAC' && !placing && !modifiesSource(occurrence) && !opensOtherClause(occurrence);
  });
  others.sort((a, b) => Math.abs(a.from - index) - Math.abs(b.from - index));
  return others.length > 0 ? [others[0].id] : [];
}

/** The end of the next clause after `to` (one clause word crossed), for complement targets. */
function extendedEnd(view: DocumentView, sentence: Sentence, to: number): number {
  if (to >= sentence.tokenEnd || (view.lower[to] !== 'that' && view.lower[to] !== ':')) return to;
  let end = to + 1;
  while (end < sentence.tokenEnd && !CLAUSE_WORDS.has(view.lower[end]) && view.lower[end] !== ',') end++;
  return end;
}

export function framesShallow(view: DocumentView, sentence: Sentence, sentenceIndex: number): Frame[] {
  const sentenceActors = occurrences(view, sentence);
  const frames: Frame[] = [];
  const sentenceText = view.text.slice(sentence.start, sentence.end);
  const hedge = findHedge(sentenceText);
  const attribution = speechAttribution(view, sentence, sentenceActors);
  const quotedInSentence = view.quotes.some((quote) => quote.kind !== 'indirect' && quote.start < sentence.end && quote.end > sentence.start);
  for (let index = sentence.tokenStart; index < sentence.tokenEnd; index++) {
    if (view.entityOfToken[index]) continue;
    const form = view.tokens[index].text;
    // Only a lemma the lexicon knows can code (nounCode and verbCode return null for any other), so
    // the clause and the companion words are worked out for those alone.
    if (!/^[a-z]/.test(form) || !isLexiconWord(view.lemma[index])) continue;
    const [from, to] = clauseBounds(view, sentence, index);
    const companions = new Set<string>();
    for (let next = index + 1; next < Math.min(sentence.tokenEnd, index + 9); next++) {
      companions.add(view.lemma[next]);
      companions.add(view.lower[next]);
    }
    const previous = index > sentence.tokenStart ? view.lower[index - 1] : '';
    const afterDeterminer = DETERMINERS.has(previous) || NOUN_CONTEXT.has(previous);
    const asNoun = afterDeterminer ? nounCode(view.lemma[index], companions) : null;
    const verbal = !afterDeterminer && !asksNoAct(view.lower, index) ? verbCode(view.lemma[index], companions) : null;
    // Without a tagger, a word only the PETRARCH facts know must look like a finite verb.
    const asVerb = verbal && (verbal.curated || /ed$/.test(form) || VERB_CONTEXT.has(previous)) ? verbal : null;
    let code = asNoun ?? asVerb?.code;
    if (!code) continue;
    // "The plane was flying from Baku to Grozny": a vehicle travels, nobody visits.
    if (code.startsWith('042') && view.lemma.slice(from, index).some((lemma) => VEHICLE_NOUNS.has(lemma))) continue;
    // "received life sentences", "welcomed the atmosphere": no visitor received (see receivesAThing).
    if (!asNoun && view.parse && receivesAThing(view, view.parse, index, code)) {
      if (view.lemma[index] !== 'welcome') continue;
      code = '051';
    }
    // The auxiliary may stand before an adverb: "were also asked", "was reportedly killed".
    const auxiliary = index - 2 >= sentence.tokenStart && /^(also|not|reportedly|allegedly|later|then|already|subsequently|\w+ly)$/.test(previous) ? view.lower[index - 2] : previous;
    // "… and 251 taken hostage", "Three killed in blast": a participle right after a bare count is an elliptical passive.
    const counted = /ed$|en$/.test(view.lower[index]) && (/^\d[\d,.]*$/.test(previous) || COUNT_WORDS.has(previous));
    const passive = !STATIVE_PARTICIPLES.has(view.lemma[index]) && (counted || (/ed$|en$/.test(view.lower[index]) && view.lower[index + 1] === 'by') || (PASSIVE_AUX.has(auxiliary) && (/ed$|en$/.test(view.lower[index]) || (view.lower[index] !== view.lemma[index] && !/ing$|s$/.test(view.lower[index])))) || auxiliary === 'been' || auxiliary === 'being');
    const participle = /ing$/.test(view.lower[index]) && previous === ',';
    // Actors named only inside quoted words the act is not part of label something ("called the vote a 'Russian operation' and urged …").
    const list = quotedInSentence ? sentenceActors.filter((occurrence) => !quotedApart(view, occurrence.from, index)) : sentenceActors;
    const inClauseBefore = list.filter((occurrence) => occurrence.to <= index && (participle ? true : occurrence.from >= from));
    // "X, a key ally of Y, has refused …": with no actor in its own clause the verb takes the sentence's.
    const speechFloor = inClauseBefore.length > 0 ? sentence.tokenStart : afterSpeech(view, sentence, index);
    const before = inClauseBefore.length > 0 ? inClauseBefore : list.filter((occurrence) => occurrence.to <= index && occurrence.from >= speechFloor);
    // A complement clause ("demanded that Y …", "urged Y to …") names the target when the clause itself does not.
    const inClause = list.filter((occurrence) => occurrence.from > index && occurrence.from < to && !before.some((left) => left.id === occurrence.id));
    const after = inClause.length > 0 ? inClause : list.filter((occurrence) => occurrence.from > index && occurrence.from < extendedEnd(view, sentence, to));
    // The subject is the nearest actor not inside a prepositional phrase ("Demonstrators in Baghdad", "Members of X").
    const subjectLike = [...before].reverse().find((occurrence) => !NOUN_CONTEXT.has(view.lower[occurrence.from - 1] ?? '') && !(view.lower[occurrence.from - 2] && NOUN_CONTEXT.has(view.lower[occurrence.from - 2]) && DETERMINERS.has(view.lower[occurrence.from - 1])) && !inApposition(view, list, occurrence, index));
    // ", which accused …": the relative pronoun stands for the actor just before it, prepositional or not.
    const relative = RELATIVE_WORDS.has(view.lower[from - 1] ?? '') ? list.find((occurrence) => occurrence.to <= from - 1 && from - 1 - occurrence.to <= 1) : undefined;
    const nearest = participle ? before[0] : (relative ?? subjectLike ?? before[before.length - 1]);
    // "Hospitals in Herat were overwhelmed": a place after a preposition is where, not what, a passive affects.
    const placeOnly = passive && nearest !== undefined && isPlace(view, nearest.id) && PLACE_PREPOSITIONS.has(view.lower[nearest.from - 1]);
    const left = nearest && !placeOnly ? groupAround(view, list, list.indexOf(nearest)) : [];
    // "the Baku office of Sputnik": a place naming a modifier gives way to the head's own entity.
    // A meeting's "in Lima" is its venue, not its target; so is a building for any act ("signed at the
    // White House"), and anything after "at" unless the verb aims at it ("signed at the State Department").
    const venue = (occurrence: Occurrence): boolean => {
      const preposition = DETERMINERS.has(view.lower[occurrence.from - 1] ?? '') ? view.lower[occurrence.from - 2] : view.lower[occurrence.from - 1];
      // "a route through Syunik", "to meet again in Yerevan": a way or a town is where, not whom; only force lands on a
      // place, and a post abroad on its host ("opened an embassy in Tehran").
      const hosted = DIPLOMATIC_POSTS.has(view.lower[occurrence.from - 2] ?? '');
      if (isVenueName(view, occurrence.from) && !hosted && (PATH_PREPOSITIONS.has(preposition ?? '') || (PLACE_PREPOSITIONS.has(preposition ?? '') && !FORCE_ROOTS.has(code.slice(0, 2))))) return true;
      if (!PLACE_PREPOSITIONS.has(preposition ?? '')) return false;
      if (preposition === 'at' && !AIMING_VERBS.has(view.lemma[index])) return true;
      return view.entityById.get(occurrence.id)?.type === 'FAC' || (code.startsWith('04') && isPlace(view, occurrence.id));
    };
    // A demonym before an event noun names that event's actor ("opposed to French mediation"), not a modifier to skip.
    const modifier = (occurrence: Occurrence): boolean =>
      /^[a-z]/.test(view.tokens[occurrence.to]?.text ?? '') && (isPlace(view, occurrence.id) || view.lower[occurrence.to + 1] === 'of') &&
      !(occurrence.to < sentence.tokenEnd && nounCode(view.lemma[occurrence.to], new Set()) !== null);
    // "with or without Russia": whoever is left out is no party.
    const leftOut = (occurrence: Occurrence): boolean => view.lower[occurrence.from - 1] === 'without';
    const core = after.filter((occurrence) => !venue(occurrence) && !modifier(occurrence) && !leftOut(occurrence));
    const firstRight = core[0] ?? after.find((occurrence) => !venue(occurrence) && !leftOut(occurrence));
    const right = firstRight ? groupAround(view, list, list.indexOf(firstRight)) : [];
    const byAgent = after.find((occurrence) => view.lower[occurrence.from - 1] === 'by');
    // "… kidnapped advisers and exploded bombs": a verb coordinated with the previous one shares its subject.
    const coordinated = !passive && previous === 'and' && !asNoun ? frames[frames.length - 1] : undefined;
    const sources = passive ? (byAgent ? groupAround(view, list, list.indexOf(byAgent)) : []) : coordinated && coordinated.sources.length > 0 ? coordinated.sources : left;
    let targets = (passive ? left : right).filter((id) => !sources.includes(id));
    if (targets.length === 0 && ADDRESSEE_ROOTS.has(code.slice(0, 2))) targets = nearestOther(view, list, index, sources);
    if (sources.length === 0 && targets.length === 0) continue;
    const cues = emptyCues();
    for (let back = Math.max(from, index - 4); back < index; back++) {
      applyAuxiliary(cues, view.lower[back], attribution !== null);
      if (view.lower[back + 1] === 'to' || view.lower[back + 1] === 'that') applyGovernor(cues, view.lemma[back]);
      if (view.lower[back] === 'to' && PASSIVE_AUX.has(view.lower[back - 1] ?? '')) cues.future = true;
      // "has yet to be signed", "is yet to reply": not so far.
      if (view.lower[back] === 'yet' && view.lower[back + 1] === 'to' && /^(has|have|had|is|are|was|were)$/.test(view.lower[back - 1] ?? '')) cues.negated = true;
    }
    for (let back = sentence.tokenStart; back < index; back++) if (CONDITION_MARKS.has(view.lower[back]) && view.lower[back] !== 'whether') cues.conditional = true;
    if (negatedAlternative(view.lower, index)) cues.negated = true;
    let place: Frame['place'] = null;
    for (const occurrence of after) {
      const entity = view.entityById.get(occurrence.id);
      if (entity && PLACE_PREPOSITIONS.has(view.lower[occurrence.from - 1]) && (entity.type === 'GPE' || entity.type === 'LOC' || entity.type === 'FAC')) {
        place = { entity: entity.id, name: entity.name };
        break;
      }
    }
    // The nearest time in the same sentence, either side.
    let time = null;
    for (let near = 0; near < sentence.tokenEnd - sentence.tokenStart && !time; near++) {
      const after = index + near < sentence.tokenEnd ? view.timeOfToken[index + near] : null;
      const before = index - near >= sentence.tokenStart ? view.timeOfToken[index - near] : null;
      time = after ?? before ?? null;
    }
    frames.push({
      sentence: sentenceIndex,
      trigger: [index],
      anchor: index,
      code,
      curated: asNoun !== null || (asVerb?.curated ?? false),
      sources,
      targets,
      status: decideStatus(cues),
      conditional: cues.conditional,
      hedge: hedge ? hedge.text : null,
      attribution: attribution && attribution.token !== index ? { speaker: attribution.speaker, cue: attribution.cue } : null,
      time,
      place,
    });
  }
  return frames;
}

/** "X said …", "…, X said", "according to X": the speaker entity and the cue word of a sentence. */
function speechAttribution(view: DocumentView, sentence: Sentence, list: Occurrence[]): { speaker: string | null; cue: string; token: number } | null {
  for (let index = sentence.tokenStart; index < sentence.tokenEnd; index++) {
    if (view.lower[index] === 'according' && view.lower[index + 1] === 'to') {
      const next = list.find((occurrence) => occurrence.from >= index + 2 && occurrence.from <= index + 5);
      if (next) return { speaker: next.id, cue: 'according to', token: index };
    }
    // Only an inflected form is surely the verb ("said", "announced"), not a noun ("a post", "state-run").
    if (!SPEECH_VERBS.has(view.lemma[index]) || view.entityOfToken[index] || view.lower[index] === view.lemma[index]) continue;
    const left = [...list].reverse().find((occurrence) => occurrence.to <= index && index - occurrence.to <= 4);
    const right = list.find((occurrence) => occurrence.from > index && occurrence.from - index <= 2);
    return { speaker: left?.id ?? right?.id ?? null, cue: view.tokens[index].text, token: index };
  }
  return null;
}
