/**
 * Turns name spans into mentions of entities. A KB match decides the entity: a person (actor from
 * the office held on the publication date), a country, an IGO, a medium or a company. Capitals and
 * seats of power are read as their government when they act ("Baku accused …": metonym, AZEGOV)
 * and as places when something happens in or at them ("talks in Baku", "the Baku office").
 * Demonyms become demonym mentions of their country, or a people (NORP) when used as a plural
 * noun ("ethnic Armenians"). A country or demonym before a sector noun makes an actor description
 * ("Russian police" → RUSCOP, "a senior U.S. official" → USAGOV). Unknown names get a type from
 * the NER model, a title before them, or their last word; lone surnames join a person named in full.
 */
import type { Actor, EntityType, MentionKind } from '../../contract/types.js';
import type { KbEntry, KbMatch, KnowledgeBase } from '../../knowledge/types.js';
import { actorCode } from '../../knowledge/index.js';
import { capitaliseWords } from '../../knowledge/normalise.js';
import { actorFrom, entityTypeOf } from './actors.js';
import type { EntityBuilder, EntityDraft, MentionRecord } from './builder.js';
import { genderOfName, isTitleWord, looksLikePersonalName, remitStart, type NameSpan } from './names.js';
import { governingPreposition, isCapitalised, isSubject, subjectVerb, type TokenView } from './view.js';
import {
  HONORIFIC_GENDER,
  LOCATIVE_PREPOSITIONS,
  TOWN_PART_NOUNS,
  NOT_NAMES,
  PLACE_MODIFIED_NOUNS,
  SPEECH_VERBS,
  TITLE_HEADS,
  TITLE_MODIFIERS,
  TYPE_BY_LAST_WORD,
  type PronounGender,
} from './words.js';

export interface Stage {
  view: TokenView;
  kb: KnowledgeBase;
  date: string | null;
  builder: EntityBuilder;
  /** The article's outlet (header or metadata), whose name is a news organisation wherever it appears. */
  outlet: string | null;
}

const SECTOR_PHRASE_MAX = 3;
const DESCRIPTION_PREMODIFIERS = new Set(['senior', 'top', 'high-ranking', 'former', 'local', 'regional']);
/** Singular nouns for one person ("official", "businessman", "journalist", "diplomat"). */
export const PERSON_NOUN = /^(official|source|envoy|aide|diplomat|judge|chief|head|leader|national|citizen|soldier|officer|minister|lawmaker|legislator|deputy|parliamentarian|senator|mp|prosecutor|commander|negotiator|mediator|prisoner|worker|farmer|teacher|student|militant|fighter|guerrilla|rebel|representative|adviser|advisor|ambassador|governor|mayor|\w+(man|woman|person|ist))$/;
/** Collective nouns of a sector that are singular in form ("police", "the army"). */
export const COLLECTIVE_SECTOR_NOUNS = new Set(['police', 'military', 'army', 'navy', 'government', 'administration', 'authorities', 'junta', 'ministry', 'media', 'parliament', 'court', 'opposition', 'leadership', 'cabinet', 'judiciary', 'press', 'coast guard', 'guard', 'intelligence', 'security']);
/** Words that end an actor noun phrase (verbs of saying, auxiliaries, function words, numbers). */
export const NOT_IN_NOUN_PHRASE = /^(said|says|told|added|has|have|had|is|are|was|were|will|would|can|could|may|might|did|does|do|one|two|three|that|which|who|of|in|on|at|for|to|with|from|by|as|and|or|but|the|a|an|outside|inside|near|during|after|before|against|over|across|into|about)$/;
const SEAT_BUILDINGS = /\b(house|kremlin|palace|elysee|élysée|pentagon|street|hall|building|office|room|wing)\b/i;

/** Does a verb have a speech verb as its conjunct ("thanked … and said")? Scans the few tokens after it. */
function saysToo(view: TokenView, language: NonNullable<TokenView['language']>, verb: number): boolean {
  for (let k = verb + 1; k < Math.min(view.words.length, verb + 40); k++) {
    if (language.head[k] === verb && language.deprel[k] === 'conj' && SPEECH_VERBS.has(view.lower[k])) return true;
  }
  return false;
}

export function mentionRecord(stage: Stage, draft: EntityDraft, kind: MentionKind, tokenStart: number, tokenEnd: number, plural = false): MentionRecord {
  const { view } = stage;
  const start = view.tokens[tokenStart].start;
  const end = view.wordEnd[tokenEnd - 1];
  const language = view.language;
  // "Putin said", or an apposition closing before its verb ("Grigoryan's spokeswoman, Nune Petrosyan, said").
  const verbAt = view.words[tokenEnd] === ',' && view.words[tokenStart - 1] === ',' ? tokenEnd + 1 : tokenEnd;
  // "…, according to Laurence Broers, an associate fellow": a person an account is credited to speaks too.
  const creditedPerson = draft.type === 'PERSON' && view.lower[tokenStart - 2] === 'according' && view.lower[tokenStart - 1] === 'to';
  let speaker = (verbAt < view.words.length && SPEECH_VERBS.has(view.lower[verbAt])) || creditedPerson;
  if (language) {
    const verb = subjectVerb(language, tokenStart, tokenEnd);
    if (verb >= 0 && SPEECH_VERBS.has(view.lower[verb])) speaker = true;
    // "Zelenskiy thanked Azerbaijan … and said …": a speech verb joined to the subject's own verb.
    else if (verb >= 0 && saysToo(view, language, verb)) speaker = true;
  }
  return { draft, kind, start, end, tokenStart, tokenEnd, subject: isSubject(view, tokenStart, tokenEnd), speaker, quoted: view.insideQuote[tokenStart], plural };
}

/** The match that fits the NER type best (PER → person, LOC → places, ORG → organisations), else the KB's first. */
function pickMatch(span: NameSpan): KbMatch | null {
  if (span.matches.length === 0) return null;
  const wanted: Record<string, KbEntry['kind'][]> = {
    PER: ['person'],
    LOC: ['country', 'region', 'place'],
    GPE: ['country', 'place'],
    ORG: ['igo', 'media', 'company', 'org', 'country'],
  };
  const kinds = span.nerType ? wanted[span.nerType] : undefined;
  if (kinds) {
    const fitting = span.matches.find((m) => kinds.includes(m.entry.kind));
    if (fitting) return fitting;
    if (span.nerType === 'PER') return null;
  }
  // A bare place entry (a city, an imported gazetteer name) yields to a country, IGO or person of the same name.
  return span.matches.find((m) => m.entry.kind !== 'place') ?? span.matches[0];
}

export function kbDraft(stage: Stage, match: KbMatch): EntityDraft {
  const entry = match.entry;
  return stage.builder.draft(`kb:${entry.id}`, () => ({
    name: entry.name,
    type: entityTypeOf(entry),
    actor: actorCode({ ...match, via: 'name', sector: entry.sector }, stage.date, stage.kb),
    roles: match.office ? [{ title: match.office.title, of: match.office.of }] : [],
    kbId: entry.id,
    provenance: { method: 'kb', confidence: 0.9 },
  }));
}

/** The government (or another sector) of a country, the entity that metonyms and descriptions share. */
export function sectorDraft(stage: Stage, country: KbEntry, sector: string, name?: string): EntityDraft {
  const actor = actorFrom(country.country ?? country.code, sector)!;
  return stage.builder.draft(`actor:${actor.code}`, () => ({
    name: name ?? (sector === 'GOV' ? `Government of ${country.name}` : `${country.name} (${sector})`),
    type: 'ORG',
    actor,
    kbId: country.id,
    provenance: { method: 'kb', confidence: 0.8 },
  }));
}

/** Head nouns of a public body that issues its own statements ("Ministry of Foreign Affairs of …", "Embassy of …"). */
const ISSUER_HEADS = new Set(['ministry', 'office', 'embassy', 'presidency', 'administration', 'government', 'secretariat', 'mission', 'parliament', 'service']);

/** A per-document fact, found once per document (its token view) and remembered. */
function perDocument<T>(find: (stage: Stage) => T): (stage: Stage) => T {
  const found = new WeakMap<TokenView, T>();
  return (stage) => {
    if (found.has(stage.view)) return found.get(stage.view) as T;
    const value = find(stage);
    found.set(stage.view, value);
    return value;
  };
}

/**
 * The public body that issued the text, when its outlet is one ("Ministry of Foreign Affairs of the
 * Republic of Armenia" → ARMGOV; a known organisation that is no news outlet → its actor): a
 * press release speaks as "we" and "the Ministry". Null for news outlets and unknown publishers.
 */
export const issuerDraft = perDocument(findIssuer);

function findIssuer(stage: Stage): EntityDraft | null {
  const { kb, outlet } = stage;
  if (!outlet) return null;
  const whole = kb.lookup(outlet, stage.date)[0];
  if (whole) return whole.entry.kind === 'media' || whole.entry.kind === 'company' || whole.entry.kind === 'place' ? null : kbDraft(stage, whole);
  const words = outlet.split(/\s+/);
  if (!ISSUER_HEADS.has(words[0].toLowerCase())) return null;
  for (let from = 1; from < words.length; from++) {
    const length = kb.longestMatch(words, from);
    if (length === 0) continue;
    const country = kb.lookup(words.slice(from, from + length).join(' '), stage.date).find((match) => match.entry.kind === 'country');
    if (!country) continue;
    const sector = primarySector(kb.sectorOf(words.slice(0, from).join(' ').toLowerCase().replace(/\s+of(\s+the)?$/, '')) ?? 'GOV', false);
    return sectorDraft(stage, country.entry, sector, outlet);
  }
  return null;
}

/** Nouns after a party's name ("the Hayastan bloc", "the Civil Contract party"). */
const PARTY_NOUNS = new Set(['bloc', 'party', 'alliance', 'faction', 'coalition', 'movement']);

/**
 * Names the text gives to parties: a name between "opposition"/"ruling" and a party noun ("the
 * opposition Hayastan (Armenia) bloc", "the ruling Civil Contract party"), or one ending in a party
 * noun ("the opposition Armenia Alliance"). Each is an organisation of
 * its country (the KB's for the name, else the story's home country) in the opposition or government.
 */
function partyNames(stage: Stage, spans: readonly NameSpan[]): Map<string, EntityDraft> {
  const { view } = stage;
  const parties = new Map<string, EntityDraft>();
  for (const span of spans) {
    const before = view.lower[span.tokenStart - 1] ?? '';
    if (before !== 'opposition' && before !== 'ruling') continue;
    let after = span.tokenEnd;
    // "Hayastan (Armenia) bloc": past a bracketed gloss.
    if (view.words[after] === '(') while (after < view.words.length && view.words[after] !== ')' && after - span.tokenEnd < 6) after++;
    if (view.words[after] === ')') after++;
    // A party the KB knows keeps its entry; a name the KB gives a country or a place ("Hayastan" is Armenia's own name) is the party's here.
    // The party noun after the name, or ending it ("the opposition Armenia Alliance").
    const partyNoun = PARTY_NOUNS.has(view.lower[after] ?? '') || PARTY_NOUNS.has(view.lower[span.tokenEnd - 1] ?? '');
    if (!partyNoun || span.matches.some((match) => match.entry.kind !== 'country' && match.entry.kind !== 'place')) continue;
    const country = span.matches.find((match) => match.entry.country)?.entry.country ?? homeCountry(stage);
    const actor = actorFrom(country, before === 'ruling' ? 'GOV' : 'OPP');
    parties.set(span.text.toLowerCase(), stage.builder.draft(`party:${span.text.toLowerCase()}`, () => ({
      name: span.text,
      type: 'ORG',
      actor,
      kbId: null,
      provenance: { method: 'rule', confidence: 0.7 },
    })));
  }
  return parties;
}

/** Sectors of a state's own bodies, which every country has one of. */
const STATE_BODY_SECTORS = new Set(['LEG', 'GOV', 'JUD', 'MIL', 'COP']);

/** The country of a demonym or possessive name right before `span` ("Peruvian", "Peru's"), if any. */
function qualifyingCountry(stage: Stage, previous: NameSpan | undefined, span: NameSpan): KbEntry | null {
  if (!previous) return null;
  const gap = span.tokenStart - previous.tokenEnd;
  if (gap !== 0 && !(gap === 1 && /^['’]s$/.test(stage.view.lower[previous.tokenEnd]))) return null;
  const country = previous.matches.find((match) => match.entry.kind === 'country');
  return country ? country.entry : null;
}

/** A dateline's upper-case place in the case of running text: "GAZA CITY" → "Gaza City". */
function withoutShouting(text: string): string {
  if (!/^[\p{Lu}\s'’.-]+$/u.test(text) || text.replace(/[^\p{L}]/gu, '').length < 4) return text;
  return capitaliseWords(text);
}

/** "Baku" as a place: coded with its country only (AZE, no sector), never as the government. */
function placeDraft(stage: Stage, span: NameSpan, match: KbMatch): EntityDraft {
  const building = match.via === 'metonym' && SEAT_BUILDINGS.test(span.text);
  return townDraft(stage, span.text, match.entry.country ?? match.entry.code ?? null, building ? 'FAC' : 'GPE');
}

/** The one entity of a town (or building) by its name in this document, coded with its country only. */
export function townDraft(stage: Stage, name: string, country: string | null, type: EntityType = 'GPE'): EntityDraft {
  return stage.builder.draft(`place:${name.toLowerCase()}`, () => ({
    name: withoutShouting(name),
    type,
    actor: actorFrom(country, null),
    kbId: null,
    provenance: { method: 'rule', confidence: 0.7 },
  }));
}

/**
 * A seat of power acts ("Baku accused") unless something happens in/at it, it modifies a place noun
 * or it names where the story was filed (a dateline).
 */
function seatIsPlace(view: TokenView, span: NameSpan): boolean {
  if (view.inDateline[span.tokenStart]) return true;
  const preposition = governingPreposition(view, span.tokenStart, span.tokenEnd);
  if (preposition && LOCATIVE_PREPOSITIONS.has(preposition)) return true;
  // "the streets of Yerevan", "the outskirts of Baku".
  if (preposition === 'of' && view.lower[span.tokenStart - 1] === 'of' && TOWN_PART_NOUNS.has(view.lower[span.tokenStart - 2] ?? '')) return true;
  const next = view.lower[span.tokenEnd] ?? '';
  if (PLACE_MODIFIED_NOUNS.has(next) || next.startsWith('-based')) return true;
  // "a London consultancy", "an Ankara court": after an indefinite article the city only describes the noun after it.
  if ((view.lower[span.tokenStart - 1] === 'a' || view.lower[span.tokenStart - 1] === 'an') && /^\p{Ll}/u.test(view.words[span.tokenEnd] ?? '')) return true;
  const language = view.language;
  if (language) {
    const last = span.tokenEnd - 1;
    const head = language.head[last];
    if (language.deprel[last] === 'compound' && head >= 0 && PLACE_MODIFIED_NOUNS.has(view.lower[head])) return true;
    // "in Washington, Almaty, Berlin and Abu Dhabi": a later item of a list of places after a locative preposition.
    let first = span.tokenEnd - 1;
    while (language.deprel[first] === 'flat' && language.head[first] >= span.tokenStart) first = language.head[first];
    for (let guard = 0; language.deprel[first] === 'conj' && language.head[first] >= 0 && guard < 8; guard++) first = language.head[first];
    if (first < span.tokenStart) {
      const listHead = governingPreposition(view, first, first + 1);
      if (listHead && LOCATIVE_PREPOSITIONS.has(listHead)) return true;
    }
  }
  return false;
}

interface SectorPhrase {
  end: number;
  sector: string;
  /** A body of people ("officials", "police", "the ministry"): its sector chain's last code counts. */
  plural: boolean;
  /** Plural in agreement, the antecedent of "they" ("officials", "police"); "the ministry" is an "it". */
  takesThey: boolean;
  singularPerson: boolean;
}

/** Lower-case sector noun phrase right after token `from` ("police", "air defences", "officials"). */
function sectorPhraseAfter(stage: Stage, from: number): SectorPhrase | null {
  const { view, kb } = stage;
  if (from >= view.words.length || view.possessiveMarker[from]) return null;
  const sentence = view.tokens[from].sentence;
  let best: SectorPhrase | null = null;
  for (let end = from + 1; end <= Math.min(view.words.length, from + SECTOR_PHRASE_MAX); end++) {
    const last = end - 1;
    const head = view.lower[last];
    // Lower case, except a first word opening its sentence ("Opposition lawmakers in Yerevan …").
    const opensSentence = last === from && view.sentenceStart[from] === from;
    if (view.tokens[last].sentence !== sentence || !(opensSentence ? /^[A-Za-z][a-z-]*$/ : /^[a-z][a-z-]*$/).test(view.words[last]) || NOT_IN_NOUN_PHRASE.test(head)) break;
    // Participles may modify a sector noun ("armed forces"); a finite verb ends the phrase ("Britain mobilized army reservists").
    // A participle after a noun is a verb ("Police arrested protesters" with "arrested" read as VBN).
    if (view.language && (!/^(NOUN|ADJ|PROPN|VERB)$/.test(view.language.upos[last]) || /^VB[DZP]$/.test(view.language.xpos[last]))) break;
    if (view.language?.upos[last] === 'VERB' && last > from && /^(NOUN|PROPN)$/.test(view.language.upos[last - 1])) break;
    // The head itself must be a sector noun that names people or a body ("police", "officials"),
    // then the whole phrase picks the most specific sector ("foreign ministry").
    const plural = takesThey(head) || COLLECTIVE_SECTOR_NOUNS.has(head);
    const singularPerson = !plural && PERSON_NOUN.test(head);
    // A noun for people may take its sector from the words before it ("opposition leaders"); a thing may not ("police station"),
    // nor informants, whose words say only where they come from ("military sources").
    const peopleOfSector = end - from > 1 && plural && namesPeople(head) && head !== 'sources';
    if (!peopleOfSector && !headIsSectorNoun(kb, view.lower.slice(from, end))) continue;
    const sector = kb.sectorOf(view.lower.slice(from, end).join(' '));
    if (sector) best = { end, sector: primarySector(sector, plural), plural, takesThey: takesThey(head), singularPerson };
  }
  return best;
}

/**
 * The sector of a KB sector chain: its first code ("GOVMIL" → GOV, the defence ministry), except
 * that a plural body of people takes the last ("air defences", "forces" → MIL).
 */
export function primarySector(chain: string, plural: boolean): string {
  return plural && chain.length > 3 ? chain.slice(-3) : chain.slice(0, 3);
}

/**
 * Does the phrase end in a sector noun ("police", "air defences")? Some suffix ending at the last
 * word must be a sector phrase on its own, and not only thanks to its earlier words (the KB's
 * lookup also finds a sector word anywhere in a phrase).
 */
export function headIsSectorNoun(kb: KnowledgeBase, words: string[]): boolean {
  for (let start = words.length - 1; start >= 0; start--) {
    if (!kb.sectorOf(words.slice(start).join(' '))) continue;
    if (start === words.length - 1 || !kb.sectorOf(words.slice(start, -1).join(' '))) return true;
  }
  return false;
}

/**
 * A country/demonym/seat mention followed by a sector noun becomes a description of that sector
 * ("Russian police"); after an IGO it describes the IGO itself ("EU officials"), or one person
 * acting for it ("a senior EU diplomat"). Regions without a
 * country ("Western governments") stay demonyms.
 */
function describe(stage: Stage, span: NameSpan, match: KbMatch): MentionRecord | null {
  const { view } = stage;
  const country = match.entry;
  if (country.kind !== 'igo' && !country.country) return null;
  const phrase = sectorPhraseAfter(stage, view.possessiveMarker[span.tokenEnd] ? span.tokenEnd + 1 : span.tokenEnd);
  if (!phrase) return null;
  // An apposition naming the described thing ("state energy company SOCAR") is left to that name.
  if (phrase.end < view.words.length && view.tokens[phrase.end].sentence === view.tokens[span.tokenStart].sentence && isCapitalised(view.words[phrase.end])) return null;
  let start = span.tokenStart;
  while (start - 1 >= view.sentenceStart[start] && DESCRIPTION_PREMODIFIERS.has(view.lower[start - 1])) start--;
  const text = view.text.slice(view.tokens[start].start, view.wordEnd[phrase.end - 1]);
  const onePerson = phrase.singularPerson && !phrase.plural;
  // "EU officials" speak as the EU; "a senior EU diplomat" is one person acting for it.
  const draft = country.kind === 'igo' && !onePerson
    ? kbDraft(stage, match)
    : onePerson
    ? stage.builder.draft(`described:${view.tokens[start].start}`, () => ({
        name: text,
        type: 'PERSON',
        actor: country.kind === 'igo' ? kbDraft(stage, match).actor : actorFrom(country.country ?? country.code, phrase.sector),
        kbId: null,
        provenance: { method: 'rule', confidence: 0.7 },
      }))
    : sectorDraft(stage, country, phrase.sector, phrase.sector === 'GOV' ? undefined : text);
  return mentionRecord(stage, draft, 'description', start, phrase.end, phrase.takesThey);
}

/**
 * "Hungarian and Romanian officials", "French and Egyptian warships": the first demonym shares the
 * second one's sector noun. Gives the first country's description and a group of both.
 */
function sharedDescription(stage: Stage, spans: NameSpan[], index: number, match: KbMatch): MentionRecord[] | null {
  const { view } = stage;
  const span = spans[index];
  const next = spans[index + 1];
  if (!next || view.lower[span.tokenEnd] !== 'and' || next.tokenStart !== span.tokenEnd + 1) return null;
  const nextMatch = pickMatch(next);
  if (nextMatch?.via !== 'demonym' || !match.entry.country) return null;
  const second = describe(stage, next, nextMatch);
  if (!second || !second.plural || !second.draft.actor?.sector) return null;
  const first = mentionRecord(stage, sectorDraft(stage, match.entry, second.draft.actor.sector), 'description', span.tokenStart, span.tokenEnd, true);
  const members = [first.draft, second.draft];
  const group = stage.builder.draft(`group:${members.map((m) => m.key).sort().join('|')}`, () => ({
    name: view.text.slice(first.start, second.end),
    type: 'OTHER',
    actor: null,
    members,
    kbId: null,
    provenance: { method: 'rule', confidence: 0.6 },
  }));
  return [first, mentionRecord(stage, group, 'group', span.tokenStart, second.tokenEnd, true)];
}

/** A people named by a plural demonym ("ethnic Armenians", "Azerbaijanis"). */
function peopleDraft(stage: Stage, country: KbEntry, name: string): EntityDraft {
  return stage.builder.draft(`people:${country.id}`, () => ({
    name,
    type: 'NORP',
    actor: actorFrom(country.country ?? country.code, null),
    kbId: country.id,
    provenance: { method: 'kb', confidence: 0.8 },
  }));
}

function isPluralDemonym(view: TokenView, span: NameSpan): boolean {
  const word = view.words[span.tokenEnd - 1];
  return /[^s]s$/.test(word) || view.lower[span.tokenStart - 1] === 'ethnic';
}

/**
 * "Bosnian Serbs", "Iraqi Kurds", "Turkish Kurd refugees": an unknown name opened by a country's
 * demonym and naming people (a plural, or followed by a plural noun) is a people of that country.
 */
function qualifiedPeople(stage: Stage, span: NameSpan): KbMatch | null {
  const { view } = stage;
  if (span.tokenEnd - span.tokenStart > 3) return null;
  const rest = view.lower.slice(span.tokenStart + 1, span.tokenEnd);
  if (rest.some((word) => isTitleWord(word) || NOT_NAMES.has(word))) return null;
  const next = span.tokenEnd < view.words.length && view.tokens[span.tokenEnd].sentence === view.tokens[span.tokenStart].sentence ? view.words[span.tokenEnd] : '';
  // "Bosnian Serb refugees", but not "the Armenian Apostolic Church has …": the next word must be a plural noun, not a verb.
  const nextIsNoun = view.language ? view.language.upos[span.tokenEnd] === 'NOUN' : !/^(has|was|is|does|says)$/.test(next);
  const plural = /[^s]s$/.test(view.words[span.tokenEnd - 1]) || (/^[a-z]+[^s]s$/.test(next) && nextIsNoun);
  if (!plural) return null;
  const first = stage.kb.lookup(view.words[span.tokenStart], stage.date).find((m) => m.via === 'demonym' && m.entry.kind === 'country');
  return first ?? null;
}

/** Singular demonym of a plural surface form ("Armenians" → "Armenian"), when the KB knows it. */
function demonymOfPlural(stage: Stage, word: string): KbMatch | null {
  if (!/[^s]s$/.test(word)) return null;
  return stage.kb.lookup(word.slice(0, -1), stage.date).find((m) => m.via === 'demonym') ?? null;
}

/**
 * The actor of an unknown organisation or place from the words of its own name or right around
 * it: a country or demonym inside ("Latvian Constitutional Court" → LVA, "United Bus Company of
 * Tehran" → IRN) or a possessor before it ("Ivory Coast’s Supreme Court"); the sector from the
 * name's head noun when the KB knows it ("Court" → JUD).
 */
function ownActor(stage: Stage, span: NameSpan): Actor | null {
  const { view, kb, date } = stage;
  let country: string | null = null;
  const countryAt = (from: number, limit: number): string | null => {
    const length = kb.longestMatch(view.words.slice(from, limit), 0);
    if (length === 0) return null;
    const match = kb.lookup(view.words.slice(from, from + length).join(' '), date).find((m) => m.entry.kind === 'country' || (m.entry.kind === 'place' && m.entry.country));
    return match?.entry.country ?? null;
  };
  for (let k = span.tokenStart; k < span.tokenEnd && !country; k++) if (isCapitalised(view.words[k])) country = countryAt(k, span.tokenEnd);
  if (!country && span.tokenStart >= 2 && view.possessiveMarker[span.tokenStart - 1]) {
    for (let k = Math.max(view.sentenceStart[span.tokenStart], span.tokenStart - 4); k < span.tokenStart - 1 && !country; k++) {
      if (kb.longestMatch(view.words.slice(k, span.tokenStart - 1), 0) === span.tokenStart - 1 - k) country = countryAt(k, span.tokenStart - 1);
    }
  }
  // The head noun comes before "of" ("Ministry of Culture" is a ministry).
  const words = view.lower.slice(span.tokenStart, span.tokenEnd);
  const headWords = words.includes('of') ? words.slice(0, words.indexOf('of')) : words;
  const sector = headIsSectorNoun(kb, headWords) ? kb.sectorOf(headWords.join(' ')) : null;
  // "the Interior Ministry said" in a story datelined TBILISI: a state body named without its country is the dateline's.
  // "the Ministry of Foreign Affairs of Turkey": the country follows the name.
  if (!country && view.lower[span.tokenEnd] === 'of') {
    const from = view.lower[span.tokenEnd + 1] === 'the' ? span.tokenEnd + 2 : span.tokenEnd + 1;
    if (from < view.words.length && isCapitalised(view.words[from])) country = countryAt(from, Math.min(view.words.length, from + 4));
  }
  // "In Moscow, Foreign Ministry spokeswoman Maria Zakharova said": the body of the official named after it, or of the capital its sentence opens in.
  if (!country && sector && STATE_SECTORS.has(sector.slice(0, 3))) country = officialAfter(stage, span.tokenEnd) ?? openingCapital(stage, span.tokenStart);
  if (!country && sector && STATE_SECTORS.has(sector.slice(0, 3))) country = homeCountry(stage);
  return actorFrom(country, country ? sector : null);
}

/** The country of a known person named right after an office's title words ("… spokeswoman Maria Zakharova"), or null. */
function officialAfter(stage: Stage, from: number): string | null {
  const { view, kb, date } = stage;
  let k = from;
  while (k < from + 3 && k < view.words.length && /^\p{Ll}/u.test(view.words[k]) && isTitleWord(view.lower[k])) k++;
  if (k === from || k >= view.words.length || !isCapitalised(view.words[k])) return null;
  const length = kb.longestMatch(view.words.slice(k, Math.min(view.words.length, k + 4)), 0);
  if (length === 0) return null;
  return kb.lookup(view.words.slice(k, k + length).join(' '), date).find((match) => match.entry.kind === 'person' && match.entry.country)?.entry.country ?? null;
}

/** The country whose capital the sentence opens in ("In Moscow, …"), or null. */
function openingCapital(stage: Stage, at: number): string | null {
  const { view, kb, date } = stage;
  const start = view.sentenceStart[at];
  if (view.lower[start] !== 'in' || start + 2 >= at || view.words[start + 2] !== ',') return null;
  return kb.lookup(view.words[start + 1], date).find((match) => match.via === 'capital')?.entry.country ?? null;
}

/** A sector noun that is the antecedent of "they": an -s plural ("officials") or "police"; "the ministry", "the army" are an "it". */
export function takesThey(head: string): boolean {
  return /[^s]s$/.test(head) || head === 'police';
}

/** Sectors of the state, whose bodies a story names without their country when they are the dateline country's. */
export const STATE_SECTORS: ReadonlySet<string> = new Set(['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'SPY']);

/** Sectors of a country's own people, whom a story names without their country when they are the dateline's. */
const DOMESTIC_SECTORS: ReadonlySet<string> = new Set(['OPP', 'CVL']);

/** Does a plural head noun name people ("protesters", "officials", "police", "troops"), not things ("villages")? */
function namesPeople(head: string): boolean {
  return /^(police|troops|forces|people|civilians|refugees)$/.test(head) || PERSON_NOUN.test(head.replace(/ies$/, 'y').replace(/s$/, '')) || /(ers|ors|ants|ents|ians|ees)$/.test(head);
}

/**
 * "Opposition lawmakers in Yerevan", "protesters in Tbilisi", "a diplomat in Baku", "a military court
 * in Baku": a plural sector phrase (or one person after "a", or a body after an article) that no
 * country qualifies, placed by "in"/"from" and a named
 * place, is that sector of the place's country (so the people, not the place, act in the sentence);
 * unplaced protesters or civilians belong to the dateline's country.
 */
export function describePlacedSectorPhrases(stage: Stage, named: readonly MentionRecord[]): MentionRecord[] {
  const { view, kb } = stage;
  const byStart = new Map(named.map((record) => [record.tokenStart, record]));
  const covered = new Uint8Array(view.words.length);
  for (const record of named) covered.fill(1, record.tokenStart, record.tokenEnd);
  const found: MentionRecord[] = [];
  // Cheap gate before the KB look-ups: a phrase needs a noun for people or a body within its reach,
  // placed by "in"/"from" right after it or itself a domestic crowd ("protesters").
  const domesticWords = new Map<string, boolean>();
  const domestic = (word: string): boolean => {
    let known = domesticWords.get(word);
    if (known === undefined) {
      const chain = kb.sectorOf(word) ?? '';
      known = [...DOMESTIC_SECTORS].some((sector) => chain.endsWith(sector));
      domesticWords.set(word, known);
    }
    return known;
  };
  const headAt = (j: number): boolean => j < view.words.length && (!view.language || view.language.upos[j] === 'NOUN' || view.language.upos[j] === 'PROPN') &&
    (takesThey(view.lower[j]) || COLLECTIVE_SECTOR_NOUNS.has(view.lower[j]) || PERSON_NOUN.test(view.lower[j])) &&
    (/^(in|from)$/.test(view.lower[j + 1] ?? '') || domestic(view.lower[j]));
  for (let k = 0; k < view.words.length; k++) {
    if (!headAt(k) && !headAt(k + 1) && !headAt(k + 2)) continue;
    // Not inside a name or after an owner ("its own citizens"), and opening with a noun or adjective ("release protesters" is a verb's object).
    const owned = (at: number): boolean => at >= 0 && (view.possessiveMarker[at] || /^(its|their|his|her|our|my|your)$/.test(view.lower[at]));
    if (covered[k] || view.ignored[k] || (k > 0 && covered[k - 1]) || owned(k - 1) || (view.lower[k - 1] === 'own' && owned(k - 2))) continue;
    if (view.language && !/^(NOUN|ADJ|PROPN)$/.test(view.language.upos[k])) continue;
    const phrase = sectorPhraseAfter(stage, k);
    // A body of people ("protesters"), one person after "a" ("a diplomat in Baku"), or a body after
    // an article ("a military court in Baku").
    const article = k > 0 && /^(a|an|the)$/.test(view.lower[k - 1]);
    const person = phrase !== null && phrase.singularPerson && article && view.lower[k - 1] !== 'the';
    const body = phrase !== null && phrase.plural && !phrase.takesThey && article;
    if (!phrase || !(phrase.takesThey || person || body) || !(body || namesPeople(view.lower[phrase.end - 1]))) continue;
    const from = person || body ? k - 1 : k;
    const placed = phrase.end < view.words.length && /^(in|from)$/.test(view.lower[phrase.end]);
    // Placed, only as the subject ("told reporters in Yerevan" or "villages in Tavush were affected" name no actor);
    // unplaced, a domestic crowd of the story's dateline ("police detained 200 protesters" in a TBILISI story).
    let placeCountry: string | null | undefined;
    const place = placed ? byStart.get(view.lower[phrase.end + 1] === 'the' ? phrase.end + 2 : phrase.end + 1) : undefined;
    // The subject test reads past the place too ("… that police in Yekaterinburg had detained …").
    // A domestic crowd is placed wherever it stands ("fired tear gas at protesters in Lima", "met farmers in La Paz").
    if (placed && (isSubject(view, from, phrase.end) || (place !== undefined && isSubject(view, from, place.tokenEnd)) || DOMESTIC_SECTORS.has(phrase.sector))) {
      placeCountry = place?.draft.type === 'GPE' ? place.draft.actor?.country : undefined;
    } else if (!placed && !body && phrase.takesThey && DOMESTIC_SECTORS.has(phrase.sector)) {
      placeCountry = datelineCountry(stage) ?? settingCountry(stage, named);
    }
    const country = placeCountry ? kb.get(`country:${placeCountry}`) : undefined;
    if (!country || country.kind !== 'country') continue;
    const text = view.text.slice(view.tokens[from].start, view.wordEnd[phrase.end - 1]);
    const draft = person
      ? stage.builder.draft(`described:${view.tokens[from].start}`, () => ({
          name: text,
          type: 'PERSON',
          actor: actorFrom(country.code, phrase.sector),
          kbId: null,
          provenance: { method: 'rule', confidence: 0.6 },
        }))
      : sectorDraft(stage, country, phrase.sector, phrase.sector === 'GOV' ? undefined : text);
    found.push(mentionRecord(stage, draft, 'description', from, phrase.end, phrase.takesThey));
    k = phrase.end - 1;
  }
  return found;
}

/**
 * The country a story opens in, when it has no dateline: the first town named in its first sentence
 * ("Thousands marched through central Yerevan on Sunday …"), else the one country every actor of
 * that sentence belongs to ("Bolivia's president Luis Arce spoke on Monday … Parliament approved").
 * Its police, protesters and crowds are that country's unless their own sentence places them elsewhere.
 */
export function settingCountry(stage: Stage, records: readonly MentionRecord[]): string | null {
  const { view } = stage;
  const first = records.find((record) => !view.inDateline[record.tokenStart] && !view.inHeading[record.tokenStart]);
  if (!first) return null;
  const sentence = view.tokens[first.tokenStart].sentence;
  const lead = records.filter((record) => view.tokens[record.tokenStart].sentence === sentence);
  const town = lead.find((record) => record.draft.type === 'GPE' && record.kind === 'name' &&
    !record.draft.kbId?.startsWith('country:') && !record.draft.actor?.sector && Boolean(record.draft.actor?.country));
  if (town) return town.draft.actor?.country ?? null;
  const countries = new Set(lead.map((record) => record.draft.actor?.country ?? null));
  const [only] = countries;
  return countries.size === 1 && only && /^[A-Z]{3}$/.test(only) ? only : null;
}

/** State bodies a town's name may qualify ("a Baku court", "Yerevan police", "Lima prosecutors"). */
const TOWN_BODY_NOUNS: ReadonlySet<string> = new Set(['court', 'courts', 'police', 'prosecutor', 'prosecutors', 'judge', 'judges', 'authorities', 'officials']);

/**
 * "A Baku court fined …", "Yerevan police said …": a state body a town's name qualifies is that
 * body of the town's country; the town stays a place (its own mention), the body noun gets the actor.
 */
export function describeTownBodies(stage: Stage, named: readonly MentionRecord[]): MentionRecord[] {
  const { view, kb } = stage;
  const found: MentionRecord[] = [];
  for (const record of named) {
    const draft = record.draft;
    const noun = record.tokenEnd;
    if (draft.type !== 'GPE' || record.kind !== 'name' || draft.kbId?.startsWith('country:') || draft.actor?.sector || !draft.actor?.country) continue;
    if (noun >= view.words.length || !TOWN_BODY_NOUNS.has(view.words[noun]) || view.tokens[noun].sentence !== view.tokens[record.tokenStart].sentence) continue;
    // "the Baku court's ruling" is still the court; "Baku police chief" names a person, left to titles.
    if (view.language && view.language.upos[noun + 1] === 'NOUN' && !view.possessiveMarker[noun + 1]) continue;
    const country = kb.get(`country:${draft.actor.country}`);
    const chain = kb.sectorOf(view.lower[noun]);
    if (country?.kind !== 'country' || !chain) continue;
    const sector = primarySector(chain, true);
    found.push(mentionRecord(stage, sectorDraft(stage, country, sector), 'description', noun, noun + 1, takesThey(view.lower[noun])));
  }
  return found;
}

/**
 * The country a state body or an official named without one belongs to: the issuing body's, in a
 * press release ("our delegation led by Deputy Foreign Minister …"), else the dateline's.
 */
export function homeCountry(stage: Stage): string | null {
  return issuerDraft(stage)?.actor?.country ?? datelineCountry(stage);
}

/** The country of the place in the article's dateline ("TBILISI, Oct 5 -"), or null; looked up once per document. */
export const datelineCountry = perDocument(findDatelineCountry);

function findDatelineCountry(stage: Stage): string | null {
  const { view, kb, date } = stage;
  for (let k = 0; k < view.words.length && k < 40; k++) {
    if (!view.inDateline[k] || !isCapitalised(view.words[k])) continue;
    const length = kb.longestMatch(view.words.slice(k, k + 4), 0);
    if (length === 0) continue;
    const name = view.words.slice(k, k + length).join(' ');
    const match = kb.lookup(name, date).find((m) => m.entry.kind === 'country' || (m.entry.kind === 'place' && m.entry.country)) ??
      kb.lookup(name.charAt(0) + name.slice(1).toLowerCase(), date).find((m) => m.entry.kind === 'country' || (m.entry.kind === 'place' && m.entry.country));
    if (match?.entry.country) return speaksOfOtherCountriesOnly(stage, match.entry.country) ? null : match.entry.country;
  }
  return null;
}

/**
 * Does the story (outside the dateline) name countries, their people or places, but never the
 * dateline's own? A correspondent filing from LONDON about Baku says nothing British by the
 * dateline alone; a local story that names no country at all is the dateline's.
 */
function speaksOfOtherCountriesOnly(stage: Stage, country: string): boolean {
  const { view, kb, date } = stage;
  let other = false;
  for (let k = 0; k < view.words.length; k++) {
    if (view.inDateline[k] || view.ignored[k] || !isCapitalised(view.words[k])) continue;
    const length = kb.longestMatch(view.words, k);
    if (length === 0) continue;
    const countries = kb.lookup(view.words.slice(k, k + length).join(' '), date).map((m) => m.entry.country).filter((code) => code);
    if (countries.includes(country)) return false;
    if (countries.length > 0) other = true;
    k += length - 1;
  }
  return other;
}

const surnameIndexes = new WeakMap<KnowledgeBase, Map<string, KbEntry[]>>();

/** KB people by the last word of their name, built once per knowledge base. */
function surnameIndex(kb: KnowledgeBase): Map<string, KbEntry[]> {
  let index = surnameIndexes.get(kb);
  if (!index) {
    index = new Map();
    for (const entry of kb.entries('person')) {
      const surname = entry.name.split(/\s+/).pop()!.toLowerCase();
      const list = index.get(surname) ?? [];
      list.push(entry);
      index.set(surname, list);
    }
    surnameIndexes.set(kb, index);
  }
  return index;
}

/**
 * "President Mugabe", "Kagame said": a bare surname is a KB person when exactly one person of
 * that surname holds an office on the date, or, after a title, when the surname is unique and the
 * person once held an office of that title ("Deputy Secretary Landau" is not Israel's Uzi Landau).
 */
function kbPersonBySurname(stage: Stage, surname: string, title: string | null): KbMatch | null {
  const candidates = surnameIndex(stage.kb).get(surname.toLowerCase()) ?? [];
  const matches = candidates.map((entry) => stage.kb.lookup(entry.name, stage.date).find((m) => m.entry === entry)).filter((m): m is KbMatch => m !== undefined);
  const inOffice = matches.filter((m) => m.office);
  if (inOffice.length === 1) return inOffice[0];
  const titled = title !== null && matches.length === 1 && (matches[0].entry.offices ?? []).some((office) => office.title.toLowerCase().includes(title));
  return titled ? matches[0] : null;
}

/** "Hillary Rodham Clinton", "George W. Bush": the KB person named by the first and last words. */
function withoutMiddleName(stage: Stage, span: NameSpan): KbMatch | null {
  if (span.tokenEnd - span.tokenStart !== 3) return null;
  const { view } = stage;
  const name = `${view.words[span.tokenStart]} ${view.words[span.tokenEnd - 1]}`;
  return stage.kb.lookup(name, stage.date).find((m) => m.entry.kind === 'person') ?? null;
}

/** The type of a name nothing else explains, from its last word and length. */
function guessType(view: TokenView, span: NameSpan, titled: boolean): EntityType {
  if (titled) return 'PERSON';
  // The name in a dateline's brackets is the news agency ("KHARTOUM (Example Wire) -").
  if (view.inDateline[span.tokenStart] && view.words[span.tokenStart - 1] === '(') return 'ORG';
  const lastWordType = span.tokenEnd - span.tokenStart > 1 ? TYPE_BY_LAST_WORD.get(view.lower[span.tokenEnd - 1]) : undefined;
  if (lastWordType && lastWordType !== 'GPE') return lastWordType;
  if (looksLikePersonalName(view.words.slice(span.tokenStart, span.tokenEnd))) return 'PERSON';
  // "Huseyn and Ziyaddin Safarov": a first name sharing the surname of the name after "and".
  if (span.tokenEnd - span.tokenStart === 1 && view.lower[span.tokenEnd] === 'and' && looksLikePersonalName(view.words.slice(span.tokenEnd + 1, span.tokenEnd + 3))) return 'PERSON';
  if (span.nerType) {
    const byNer: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'GPE', GPE: 'GPE', NORP: 'NORP', FAC: 'FAC', EVENT: 'EVENT' };
    const type = byNer[span.nerType];
    if (type) return type;
  }
  if (titled) return 'PERSON';
  const last = view.lower[span.tokenEnd - 1];
  const byWord = TYPE_BY_LAST_WORD.get(last);
  if (byWord) return byWord;
  const preposition = governingPreposition(view, span.tokenStart, span.tokenEnd);
  if (preposition && LOCATIVE_PREPOSITIONS.has(preposition) && span.tokenEnd - span.tokenStart === 1) return 'GPE';
  if (preposition === 'of' && /^(city|region|town|province|village)$/.test(view.lower[span.tokenStart - 2] ?? '')) return 'GPE';
  const words = view.words.slice(span.tokenStart, span.tokenEnd);
  const personLike = words.length >= 2 && words.length <= 3 && words.every((w) => /^(\p{Lu}[\p{L}'’]*\p{Ll}[\p{L}'’]*(-\p{Lu}?\p{Ll}+)?|\p{Lu}\.)$/u.test(w));
  const calendar = view.lower.slice(span.tokenStart, span.tokenEnd).some((word) => NOT_NAMES.has(word));
  if (personLike && !calendar && !/^(in|on|at|near|into)$/.test(preposition ?? '')) return 'PERSON';
  if (SPEECH_VERBS.has(view.lower[span.tokenEnd] ?? '')) return 'PERSON';
  return 'OTHER';
}

function titledBefore(view: TokenView, tokenStart: number): boolean {
  return titleBefore(view, tokenStart) !== null;
}

/** The title word right before a name ("Deputy Secretary Landau" → "secretary"), or null. */
function titleBefore(view: TokenView, tokenStart: number): string | null {
  let k = tokenStart - 1;
  if (k >= 0 && view.words[k] === ',') k--;
  // "Special Envoy for normalisation Serdar Kilic": past the title's remit.
  const remit = remitStart(view, tokenStart, view.sentenceStart[tokenStart]);
  if (remit !== null) k = remit - 1;
  if (k < view.sentenceStart[tokenStart]) return null;
  const word = view.lower[k];
  if (TITLE_HEADS.has(word)) return word;
  const part = word.split('-').find((piece) => TITLE_HEADS.has(piece));
  if (part) return part;
  return TITLE_MODIFIERS.has(word) && TITLE_HEADS.has(view.lower[k + 1]) ? view.lower[k + 1] : null;
}

function honorificGender(view: TokenView, tokenStart: number) {
  return tokenStart > 0 ? HONORIFIC_GENDER.get(view.lower[tokenStart - 1]) ?? null : null;
}

/** Is an unknown single word worth keeping as a name (the case heuristics are weak for one word)? */
function keepSingleUnknown(view: TokenView, span: NameSpan, type: EntityType, titled: boolean): boolean {
  if (span.source !== 'case' || span.tokenEnd - span.tokenStart > 1) return true;
  if (view.language || titled) return true;
  if (view.insideQuote[span.tokenStart]) return false;
  return type === 'GPE' || type === 'PERSON';
}

/** Initials of a name's capitalised words: "Rapid Support Forces" → "RSF", "World Health Organization" → "WHO". */
function initialsOf(text: string): string {
  return text
    .split(/[\s-]+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('');
}

/**
 * Acronyms that abbreviate a longer name written earlier in the document ("the Rapid Support
 * Forces … the RSF"): the document's own expansion outranks the knowledge base, where the same
 * letters may stand for something else (RSF is also Reporters Without Borders).
 */
function acronymExpansions(spans: NameSpan[]): Map<NameSpan, NameSpan> {
  const byInitials = new Map<string, NameSpan>();
  const expansions = new Map<NameSpan, NameSpan>();
  for (const span of spans) {
    if (span.tokenEnd - span.tokenStart === 1 && /^\p{Lu}{2,6}$/u.test(span.text)) {
      const expansion = byInitials.get(span.text);
      if (expansion) expansions.set(span, expansion);
      continue;
    }
    const initials = initialsOf(span.text);
    if (initials.length >= 2 && span.tokenEnd - span.tokenStart >= 2) byInitials.set(initials, span);
  }
  return expansions;
}

/** Names of bodies that both an IGO and many states have ("the Security Council"). */
const NATIONAL_BODY_NAMES = new Set(['security council', 'national security council']);

/** Is the name owned by a country: "Armenia's …" or "the Armenian …" right before it? */
function ownedByCountry(stage: Stage, span: NameSpan): boolean {
  const { view, kb, date } = stage;
  const isCountry = (word: string): boolean => kb.lookup(word, date).some((match) => match.entry.kind === 'country');
  if (span.tokenStart >= 2 && view.possessiveMarker[span.tokenStart - 1]) return isCountry(view.words[span.tokenStart - 2]);
  return span.tokenStart >= 1 && isCountry(view.words[span.tokenStart - 1]);
}

/**
 * Resolves every name span to a mention record (not yet added to the builder, so that descriptions
 * can still replace demonym and country mentions).
 */
export function resolveNames(stage: Stage, spans: NameSpan[]): MentionRecord[] {
  const { view, builder } = stage;
  const records: MentionRecord[] = [];
  const surnames = new Map<string, EntityDraft>();
  const deferred: NameSpan[] = [];

  const addPerson = (draft: EntityDraft, span: NameSpan) => {
    const words = view.lower.slice(span.tokenStart, span.tokenEnd);
    const fullWords = draft.name.toLowerCase().split(/\s+/);
    // The first person registered under a word keeps it (KB people come first).
    for (const word of new Set([...words, fullWords[fullWords.length - 1]])) {
      if ((words.length > 1 || word === fullWords[fullWords.length - 1]) && !surnames.has(word)) surnames.set(word, draft);
    }
    draft.gender ??= honorificGender(view, span.tokenStart) ?? (draft.type === 'PERSON' ? genderOfName(draft.name) : null);
    records.push(mentionRecord(stage, draft, 'name', span.tokenStart, span.tokenEnd));
  };

  const expansions = acronymExpansions(spans);
  /** An acronym takes the entity of the name it abbreviates, once that name has its record. */
  const linkAcronym = (span: NameSpan): boolean => {
    const expansion = expansions.get(span);
    const named = expansion && records.find((record) => record.tokenStart === expansion.tokenStart && record.tokenEnd === expansion.tokenEnd);
    if (!named) return false;
    records.push(mentionRecord(stage, named.draft, 'name', span.tokenStart, span.tokenEnd));
    return true;
  };

  /** Countries named so far by a longer name, with that name's words ("democratic republic of congo"). */
  const namedCountries: { words: Set<string>; match: KbMatch }[] = [];
  /** "Congo" after "Democratic Republic of Congo" is that country, not the other Congo the KB gives the bare word. */
  const shortForm = (span: NameSpan, match: KbMatch | null): KbMatch | null => {
    if (match?.entry.kind !== 'country' || match.via === 'demonym' || span.tokenEnd - span.tokenStart !== 1) return match;
    const earlier = namedCountries.find((named) => named.words.has(view.lower[span.tokenStart]) && named.match.entry !== match.entry);
    return earlier ? { ...earlier.match, via: 'alias' } : match;
  };

  const parties = partyNames(stage, spans);
  for (const [index, span] of spans.entries()) {
    // "the opposition Hayastan bloc": a party's name, whatever else the KB knows by it, here and after.
    const party = parties.get(span.text.toLowerCase());
    if (party) {
      records.push(mentionRecord(stage, party, 'name', span.tokenStart, span.tokenEnd));
      continue;
    }
    if (expansions.has(span)) {
      if (!linkAcronym(span)) deferred.push(span);
      continue;
    }
    // A dateline names where the story was filed: a city, not the body seated there ("BRUSSELS" is Belgium's capital, not the EU).
    const filedFrom = view.inDateline[span.tokenStart] ? span.matches.find((m) => m.via === 'capital' || m.entry.kind === 'place') : undefined;
    const match = filedFrom ?? shortForm(span, pickMatch(span));
    // "Armenia's Security Council": a country's own body of a name an IGO also bears is that country's.
    if (match?.entry.kind === 'igo' && NATIONAL_BODY_NAMES.has(span.text.toLowerCase()) && ownedByCountry(stage, span)) {
      deferred.push(span);
      continue;
    }
    if (match?.entry.kind === 'country' && match.via !== 'demonym' && span.tokenEnd - span.tokenStart > 1) namedCountries.push({ words: new Set(view.lower.slice(span.tokenStart, span.tokenEnd)), match });
    if (!match) {
      const people = span.tokenEnd - span.tokenStart === 1 ? demonymOfPlural(stage, view.words[span.tokenStart]) : qualifiedPeople(stage, span);
      if (people) {
        records.push(mentionRecord(stage, peopleDraft(stage, people.entry, span.text), 'name', span.tokenStart, span.tokenEnd, true));
        continue;
      }
      deferred.push(span);
      continue;
    }
    const entry = match.entry;
    if (match.via === 'demonym') {
      const description = describe(stage, span, match);
      const shared = description ? null : sharedDescription(stage, spans, index, match);
      if (description) records.push(description);
      else if (shared) records.push(...shared);
      else if (isPluralDemonym(view, span)) records.push(mentionRecord(stage, peopleDraft(stage, entry, span.text), 'name', span.tokenStart, span.tokenEnd, true));
      else records.push(mentionRecord(stage, kbDraft(stage, match), 'demonym', span.tokenStart, span.tokenEnd));
      continue;
    }
    if (entry.kind === 'person') {
      addPerson(kbDraft(stage, match), span);
      continue;
    }
    const seat = (match.via === 'capital' || match.via === 'metonym') && entry.kind === 'country';
    const describable = entry.kind === 'country' || entry.kind === 'igo' || match.via === 'metonym' || match.via === 'capital';
    const description = describable && !(seat && seatIsPlace(view, span)) ? describe(stage, span, match) : null;
    if (description) {
      records.push(description);
      continue;
    }
    if (seat) {
      if (seatIsPlace(view, span)) records.push(mentionRecord(stage, placeDraft(stage, span, match), 'name', span.tokenStart, span.tokenEnd));
      else records.push(mentionRecord(stage, sectorDraft(stage, entry, match.sector ?? 'GOV'), 'metonym', span.tokenStart, span.tokenEnd));
      continue;
    }
    // "the Peruvian Congress", "Chile's Congress": another country's body of the name the KB files
    // under one country (Congress is the US legislature) is that country's body of the same sector.
    const owner = entry.kind === 'org' && entry.sector && STATE_BODY_SECTORS.has(entry.sector) ? qualifyingCountry(stage, spans[index - 1], span) : null;
    if (owner && owner.id !== `country:${entry.country}`) {
      records.push(mentionRecord(stage, sectorDraft(stage, owner, entry.sector as string, `${span.text} of ${owner.name}`), 'name', span.tokenStart, span.tokenEnd));
      continue;
    }
    records.push(mentionRecord(stage, kbDraft(stage, match), 'name', span.tokenStart, span.tokenEnd));
  }

  // Unknown names: surnames of people named in full first, then a new entity with a guessed type.
  for (const span of deferred) {
    if (expansions.has(span) && linkAcronym(span)) continue;
    // "Mohamed bin Zayed Al Nahyan": a family name opened by an Arabic particle right after a person's name continues it.
    const person = records.find((record) => record.tokenEnd === span.tokenStart && record.kind === 'name' && record.draft.type === 'PERSON');
    if (person && /^(al|el|bin|ibn|abu)$/i.test(view.words[span.tokenStart].replace(/-.*$/, ''))) {
      records.splice(records.indexOf(person), 1, mentionRecord(stage, person.draft, 'name', person.tokenStart, span.tokenEnd));
      continue;
    }
    const titled = titledBefore(view, span.tokenStart);
    const single = span.tokenEnd - span.tokenStart === 1;
    const known = single ? surnames.get(view.lower[span.tokenStart]) : undefined;
    if (known) {
      records.push(mentionRecord(stage, known, 'name', span.tokenStart, span.tokenEnd));
      continue;
    }
    const byKbSurname = single ? kbPersonBySurname(stage, view.words[span.tokenStart], titleBefore(view, span.tokenStart)) : withoutMiddleName(stage, span);
    if (byKbSurname) {
      addPerson(kbDraft(stage, byKbSurname), span);
      continue;
    }
    if (span.weak) continue;
    // A press release's "the Ministry" is the ministry that issued it.
    const issuer = issuerDraft(stage);
    if (issuer && single && view.lower[span.tokenStart - 1] === 'the' && view.lower[span.tokenEnd] !== 'of' && stage.outlet?.toLowerCase().startsWith(view.lower[span.tokenStart])) {
      records.push(mentionRecord(stage, issuer, 'description', span.tokenStart, span.tokenEnd));
      continue;
    }
    // The article's own outlet is a news organisation; the place in its name is no country of it ("Brussels Brief").
    const outlet = stage.outlet !== null && span.text.toLowerCase() === stage.outlet.toLowerCase();
    const type = outlet ? 'ORG' : guessType(view, span, titled);
    if (!outlet && !keepSingleUnknown(view, span, type, titled)) continue;
    const actor = type === 'PERSON' || outlet ? null : ownActor(stage, span);
    // "Azerbaijan's Foreign Ministry" and "Russia's Foreign Ministry" are two bodies of one name.
    const key = `name:${span.text.toLowerCase()}${actor?.country ? `@${actor.country}` : ''}`;
    const draft = builder.draft(key, () => ({
      name: span.text,
      type,
      actor,
      kbId: null,
      provenance: span.source === 'ner' ? { method: 'model', confidence: span.confidence } : { method: 'rule', confidence: titled ? 0.7 : 0.5 },
    }));
    if (type === 'PERSON') addPerson(draft, span);
    else records.push(mentionRecord(stage, draft, 'name', span.tokenStart, span.tokenEnd));
  }
  return records.sort((a, b) => a.start - b.start);
}
