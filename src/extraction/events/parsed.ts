/**
 * Event coding over a UD dependency parse: finds verb and noun triggers in the lexicon, reads their
 * source and target actors from the tree (nsubj/obj/obl/nmod, passive agents, "between A and B",
 * relative and participial clauses, shared subjects of coordinated verbs, joint subjects as one
 * list) and collects modality, hedge, attribution, time and place from the predicate's clause.
 */
import type { Entity, EventStatus, TimeExpression } from '../../contract/types.js';
import { PLACE_TYPES } from '../entities/actors.js';
import type { Sentence } from '../../text/types.js';
import { tokensWithin } from '../../text/index.js';
import { SPEECH_VERBS, STATIVE_PARTICIPLES, VEHICLE_NOUNS, asksNoAct, nounCode, verbCode, verbTakesNoun } from '../lexicon/index.js';
import { stateActPlace } from './authority.js';
import { lastTokenOfSentence, quotedApart, type DocumentView, type Frame, type Parse } from './document.js';
import { AIMING_VERBS, ATTACK_NOUNS, MILITARY_WORDS } from './force.js';
import {
  CONDITION_MARKS,
  DEMAND_GOVERNORS,
  DENY_GOVERNORS,
  HEDGE_ADVERBS,
  HEDGE_REPORT_VERBS,
  HEDGE_SOURCES,
  HOPE_GOVERNORS,
  PLAN_GOVERNORS,
  applyAuxiliary,
  applyGovernor,
  decideStatus,
  emptyCues,
  negatedAlternative,
  NEGATORS,
  type ModalityCues,
} from './modality.js';


/** Relations that open a new clause: actor search does not cross them. */
const CLAUSE_BOUNDARY = new Set(['acl:relcl', 'advcl', 'parataxis', 'ccomp', 'csubj', 'punct', 'cc', 'mark', 'discourse', 'vocative', 'dep', 'list']);
const TARGET_CASES = ['between', 'with', 'against', 'to', 'on', 'into', 'toward', 'towards', 'upon', 'from', 'over', 'at', 'for', 'of'];
/** What a government summons an envoy to do itself: protest, complain, express concern, hand over a note. */
const PROTEST_ERRANDS = new Set(['protest', 'lodge', 'complain', 'express', 'convey', 'deliver', 'hand', 'voice']);
/**
 * "summoned the ambassador to lodge a protest": the errand is the summoner's own (a purpose, not an
 * order to the envoy), whether the parse hangs the infinitive on the verb or on its object. Returns
 * the summoning verb, or null.
 */
export function summoningVerb(view: DocumentView, parse: Parse, verb: number): number | null {
  if (!PROTEST_ERRANDS.has(view.lemma[verb]) || !parse.children[verb].some((child) => view.lower[child] === 'to')) return null;
  const head = parse.head[verb];
  if (head < 0) return null;
  if (view.lemma[head] === 'summon') return head;
  const above = parse.head[head];
  return above >= 0 && view.lemma[above] === 'summon' && parse.deprel[head] === 'obj' ? above : null;
}

/** Verbs of getting in touch, whose infinitive is the subject's purpose ("telephoned X to express support"). */
const CONTACT_VERBS = new Set(['telephone', 'phone', 'call', 'ring', 'contact', 'visit', 'meet', 'write', 'email', 'message', 'host', 'receive']);
/** Verbs whose object is a topic: discussed, debated, considered. */
export const TOPIC_VERBS: ReadonlySet<string> = new Set(['discuss', 'debate', 'consider', 'review', 'examine']);
/** Verbs that describe or judge an act rather than perform it. */
const JUDGING_VERBS = new Set(['call', 'describe', 'term', 'label', 'dub', 'brand', 'consider', 'regard', 'view', 'see', 'report', 'witness', 'watch', 'mention', 'investigate', 'blame', 'deny', 'dismiss', 'refute', 'confirm']);
const PLACE_CASES = new Set(['in', 'at', 'near', 'inside', 'outside', 'across', 'throughout', 'through', 'via', 'along']);
/** Prepositions of what a clause reacts to ("protested against the arrests", "quarrelled over the ban"). */
const REACTED_TO = new Set(['against', 'over']);
/** Prepositions that set an act as the time frame of a clause ("during raids", "amid clashes"). */
const DURING_CASES = new Set(['during', 'amid', 'amidst']);
/** Prepositions that set an act before the clause ("after the arrests", "following the raid"). */
const AFTER_CASES = new Set(['after', 'following', 'since']);
/** Roots of reactions told as nouns whose "from" names who reacted (demands, criticism, refusals, threats, protests). */
const REACTION_ROOTS = new Set(['10', '11', '12', '13', '14']);
/** Prepositions of an oblique that gives what a clause is about ("informed of the arrest", "asked about the raid"). */
const TOPIC_OF_CLAUSE = new Set(['of', 'about', 'regarding', 'concerning']);
/** Subordinators after which a present tense tells of the future ("before it signs", "once the troops withdraw", and "as soon as"). */
const AHEAD_MARKS = new Set(['before', 'until', 'till', 'once']);

/** Verbs of staying away from an event ("skipped the summit"). */
const STAYED_AWAY = new Set(['skip', 'miss', 'boycott', 'snub', 'shun']);

/** A present tense, active or passive ("signs", "is signed"). */
function presentTense(view: DocumentView, parse: Parse, verb: number): boolean {
  if (parse.xpos[verb] === 'VBZ' || parse.xpos[verb] === 'VBP') return true;
  return parse.xpos[verb] === 'VBN' && parse.children[verb].some((child) => parse.deprel[child] === 'aux:pass' && /^(is|are|am)$/.test(view.lower[child]));
}
/** Prepositions that give a meeting's topic ("talks on the border"). */
const TOPIC_CASES: ReadonlySet<string> = new Set(['on', 'about', 'over', 'regarding', 'concerning']);
/** Participles naming who helped an act come about without taking part in it ("U.S.-brokered"). */
const BROKERING_VERBS = new Set(['broker', 'mediate', 'back', 'sponsor', 'facilitate', 'host', 'support', 'propose']);
/** Verbs whose subject undergoes what happens to it ("died during raids"). */
const SUFFERING_VERBS = new Set(['die', 'perish', 'suffer', 'drown', 'disappear', 'vanish', 'flee']);
const RELATIVE_PRONOUNS = new Set(['which', 'who', 'that', 'whom']);
/** Roots whose infinitive complement is part of the act itself ("threatened to attack", "refused to deploy"). */
const ABSORBING_ROOTS = new Set(['03', '12', '13']);
/** Verbs of deciding: "decided to allow", "voted to impose" code the decided act, not the decision. */
const DECISION_VERBS = new Set(['decide', 'vote', 'opt', 'choose', 'resolve']);
/** Roots whose complement is a demanded act of its own. */
const DEMANDING_ROOTS = new Set(['02', '10']);
/**
 * Roots where a place named in the clause stands in for a missing target: force aims at places ("shelled positions near
 * Tacna"); an arrest, a protest or a promise in Lima is not done to Lima, whose place is only where it happened.
 */
const PLACE_TARGET_ROOTS = new Set(['15', '18', '19', '20']);
/** Relations a predicate verb can plausibly bear; anything else is a parse error around it. */
const VERB_RELATIONS = new Set(['root', 'conj', 'xcomp', 'ccomp', 'advcl', 'acl', 'parataxis', 'csubj']);

function childrenWith(parse: Parse, node: number, relations: (relation: string) => boolean): number[] {
  return parse.children[node].filter((child) => relations(parse.deprel[child]));
}

/** "the corridor, with or without Russia": a phrase that leaves someone out names no party. */
function leftOut(view: DocumentView, parse: Parse, node: number): boolean {
  return parse.children[node].some((child) => parse.deprel[child] === 'case' && view.lower[child] === 'without');
}

export function caseOf(view: DocumentView, parse: Parse, node: number): string | null {
  const marker = parse.children[node].find((child) => parse.deprel[child] === 'case' || parse.deprel[child] === 'mark');
  return marker === undefined ? null : view.lemma[marker];
}

/** Names of groups of people by their last word ("Armenian detainees", "Azerbaijani servicemen"). */
const PEOPLE_HEADS = /\b(detainees|prisoners|captives|hostages|soldiers|servicemen|citizens|nationals|civilians|journalists|men|women|people)$/i;
/** A state's envoys by name or office: expelling them is expelling diplomats (166), not deporting people (174). */
const ENVOY_WORDS = /\b(ambassadors?|envoys?|diplomats?|high commissioners?|consuls?(?: general)?|charg[eé]s? d'affaires|attach[eé]s?)\b/i;

/** Verbs that name a thing in a free relative ("what it called …", "what Lima described as …"). */
const NAMING_VERBS = new Set(['call', 'describe', 'term', 'label', 'dub', 'brand']);

/** Lemmas and forms of a trigger's dependents two levels down: what its patterns may ask for. */
function companionsOf(view: DocumentView, parse: Parse, node: number): Set<string> {
  const words = new Set<string>();
  const add = (index: number): void => {
    words.add(view.lemma[index]);
    words.add(view.lower[index]);
  };
  for (const child of parse.children[node]) {
    const relation = parse.deprel[child];
    // The trigger's own infinitive marker ("plan to appeal") is no companion: "appeal to" means a "to" phrase.
    // A passive's subject is what the act was done to ("citizens were expelled"): it is one.
    if ((relation.startsWith('nsubj') && relation !== 'nsubj:pass') || relation === 'punct' || relation === 'conj' || relation === 'parataxis' || relation === 'advcl' || relation === 'mark') continue;
    // A time is no companion: "called his counterpart on Wednesday" is no "call on".
    if (view.timeOfToken[child]) continue;
    add(child);
    for (const grandchild of parse.children[child]) {
      if (parse.deprel[grandchild] === 'punct') continue;
      // "rejected what it called baseless accusations": the naming verb of a free relative is no companion; what it names is.
      if (view.lower[child] === 'what' && parse.deprel[grandchild] === 'acl:relcl' && NAMING_VERBS.has(view.lemma[grandchild])) {
        for (const named of parse.children[grandchild]) if (parse.deprel[named] === 'obj' || parse.deprel[named] === 'xcomp') add(named);
        continue;
      }
      add(grandchild);
    }
    // "freed four Armenians", "released Ahmadov", "handed them over" (the detainees): people named as
    // what the act was done to count as "people".
    const entity = view.entityById.get(view.entityOfToken[child] ?? '');
    const envoy = entity && (ENVOY_WORDS.test(entity.name) || entity.roles.some((role) => ENVOY_WORDS.test(role.title)));
    const people = entity && (entity.type === 'NORP' || entity.type === 'PERSON' || PEOPLE_HEADS.test(entity.name));
    if (relation === 'obj' || relation === 'nsubj:pass') {
      if (envoy) words.add('diplomat');
      else if (people) words.add('people');
    }
    // "called his Chilean counterpart": calling a person, with nothing said of them ("called him a liar") or asked ("called on …", "called for …"), is phoning.
    if (relation === 'obj' && view.lemma[node] === 'call' && entity?.type === 'PERSON' && !parse.children[node].some((other) => /^(xcomp|ccomp|obl)$/.test(parse.deprel[other]) && !view.timeOfToken[other])) words.add('phone');
  }
  const next = node + 1;
  if (next < view.tokens.length && view.tokens[next].sentence === view.tokens[node].sentence) add(next);
  return words;
}

/** Expands group entities ("the two foes") into their members. */
function expandGroups(view: DocumentView, ids: string[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const members = view.entityById.get(id)?.members;
    for (const member of members && members.length > 0 ? members : [id]) if (!out.includes(member)) out.push(member);
  }
  return out;
}

/** An entity whose actor code says whose side it is on: a country, or an international body. */
export function isInformative(view: DocumentView, id: string): boolean {
  const actor = view.entityById.get(id)?.actor;
  return Boolean(actor && (actor.country || /^(IGO|NGO|IMG)/.test(actor.code)));
}

/** The nearest entity with a country in the modifiers below a phrase ("Lebanon's" in "Lebanon's new President Hrawi"). */
function countryInSubtree(view: DocumentView, parse: Parse, level: number[], skip: string[]): string | null {
  let frontier = level;
  for (let depth = 0; depth < 3 && frontier.length > 0; depth++) {
    frontier = frontier.flatMap((node) => parse.children[node].filter((child) => !CLAUSE_BOUNDARY.has(parse.deprel[child])));
    for (const node of frontier) {
      const id = view.entityOfToken[node];
      if (id && !skip.includes(id) && isInformative(view, id)) return id;
    }
  }
  return null;
}

/**
 * The entities an argument phrase names: the shallowest level of its subtree that mentions any,
 * with coordinated phrases on the same level ("Senior Hungarian and Romanian officials" → both).
 */
export function actorsOf(view: DocumentView, parse: Parse, head: number): string[] {
  if (head < 0) return [];
  let frontier = [head];
  for (let depth = 0; depth < 4 && frontier.length > 0; depth++) {
    const level: number[] = [];
    const appositive = new Set<number>();
    const queue = [...frontier];
    while (queue.length > 0) {
      const node = queue.shift() as number;
      if (level.includes(node)) continue;
      level.push(node);
      for (const child of parse.children[node]) {
        if (parse.deprel[child] !== 'conj' && parse.deprel[child] !== 'appos') continue;
        queue.push(child);
        // A person "in apposition" to a place is a misattached name of the phrase's head ("the representative for the
        // South Caucasus, Magdalena Grono"), not a description of the place.
        const personAfterPlace = view.entityById.get(view.entityOfToken[child] ?? '')?.type === 'PERSON' && PLACE_TYPES.has(view.entityById.get(view.entityOfToken[node] ?? '')?.type ?? '');
        if ((parse.deprel[child] === 'appos' && !personAfterPlace) || appositive.has(node)) appositive.add(child);
      }
    }
    const found: { id: string; modifier: boolean; appositive: boolean; locative?: boolean }[] = [];
    const complemented = level.some((node) => parse.deprel[node].startsWith('nmod') && parse.deprel[node] !== 'nmod:poss' && view.entityOfToken[node] && !PLACE_CASES.has(caseOf(view, parse, node) ?? ''));
    for (const node of level) {
      const id = view.entityOfToken[node];
      const relation = parse.deprel[node];
      // "the Baku office of Sputnik": the owner named by the complement wins over a name used as a modifier (a place "in" it is no owner).
      if (relation === 'compound' && complemented && depth > 0) continue;
      // A place "in"/"at" a thing only locates it when the thing's owner is known ("the agency's office in Baku").
      const locative = relation.startsWith('nmod') && PLACE_CASES.has(caseOf(view, parse, node) ?? '');
      if (id && !found.some((entry) => entry.id === id)) found.push({ id, modifier: relation === 'compound' || relation === 'amod' || relation === 'nmod:poss', appositive: appositive.has(node), locative });
    }
    // "Pakistan, a key U.S. ally, …": an apposition describes an actor already named; it only names one when the head does not.
    if (found.some((entry) => !entry.appositive && isInformative(view, entry.id))) found.splice(0, found.length, ...found.filter((entry) => !entry.appositive));
    // A title without a country ("President Hrawi" unknown to the KB) is completed by the next level ("Lebanon's").
    if (found.length > 0 && !found.some((entry) => isInformative(view, entry.id))) {
      const country = countryInSubtree(view, parse, level, found.map((entry) => entry.id));
      if (country) found.push({ id: country, modifier: true, appositive: false });
    }
    if (found.length > 0) {
      const isPlace = (id: string): boolean => PLACE_TYPES.has(view.entityById.get(id)?.type ?? '');
      const hasCore = found.some((entry) => !isPlace(entry.id));
      const hasKnownCore = found.some((entry) => !isPlace(entry.id) && isInformative(view, entry.id));
      // "the Russia House cultural centre in Baku": the place it is in gives way to whatever else names the thing.
      const named = found.some((entry) => !entry.locative);
      const kept = found.filter((entry) => !(isPlace(entry.id) && found.length > 1 && ((hasCore && entry.modifier) || ((hasKnownCore || named) && entry.locative))));
      return expandGroups(view, kept.map((entry) => entry.id));
    }
    frontier = level.flatMap((node) =>
      parse.children[node].filter((child) => !CLAUSE_BOUNDARY.has(parse.deprel[child]) && parse.deprel[child] !== 'conj' && parse.deprel[child] !== 'det' && !atBuilding(view, parse, child) && !leftOut(view, parse, child)),
    );
  }
  return [];
}


/** Passive when a passive auxiliary is attached, and no object contradicts it (a tagger's slip on "shelled") unless the parse also gives a passive subject. */
function isPassive(view: DocumentView, parse: Parse, verb: number): boolean {
  const children = parse.children[verb];
  // "was handed a note", "were given a warning": a passive of a verb with two objects keeps one.
  if (STATIVE_PARTICIPLES.has(view.lemma[verb])) return false;
  if (children.some((child) => parse.deprel[child] === 'nsubj:pass') && children.some((child) => parse.deprel[child] === 'aux:pass')) return true;
  if (children.some((child) => parse.deprel[child] === 'obj')) return false;
  if (children.some((child) => parse.deprel[child] === 'aux:pass')) return true;
  // "the peace process brokered by the EU": a participle with its agent.
  if (parse.xpos[verb] === 'VBN' && children.some((child) => parse.deprel[child] === 'obl:agent' || (parse.deprel[child].startsWith('obl') && caseOf(view, parse, child) === 'by'))) return true;
  // "has refused" is a perfect, not a passive, whatever relation the parser gave its subject.
  const auxiliaries = children.filter((child) => parse.deprel[child] === 'aux').map((child) => view.lemma[child]);
  if (auxiliaries.includes('have') && !auxiliaries.includes('be')) return false;
  // "Thousands of protesters gathered outside …." read as a participle: a main clause of running text with
  // no auxiliary at all is in the simple past (a headline's "Three killed in blast" has no full stop).
  if (parse.head[verb] < 0 && auxiliaries.length === 0 && view.tokens[lastTokenOfSentence(view, verb)].text === '.') return false;
  return parse.xpos[verb] === 'VBN' && children.some((child) => parse.deprel[child] === 'nsubj:pass' || parse.deprel[child] === 'aux:pass' || (parse.deprel[child] === 'aux' && view.lemma[child] === 'be'));
}

/**
 * "called on Rwanda to withdraw", "urged Peru to leave", "invited Peru to visit": whom a demand or an
 * invitation addresses is to do the asked-for act (the object, or "on"/"upon" someone, before the infinitive), or [] when none is.
 */
export function addressedDoers(view: DocumentView, parse: Parse, verb: number): number[] {
  const head = parse.head[verb];
  const relation = parse.deprel[verb];
  if (head < 0 || !(relation === 'xcomp' || (relation === 'advcl' && askedInfinitive(view, parse, head, verb))) || isPassive(view, parse, head)) return [];
  if (contactPurpose(view, parse, verb)) return [];
  const addressed = (value: string, node: number): boolean => value === 'obj' || value === 'iobj' || (value.startsWith('obl') && ['on', 'upon'].includes(caseOf(view, parse, node) ?? ''));
  return parse.children[head].filter((node) => node < verb && addressed(parse.deprel[node], node));
}

/** Acts done to people, whose possessor is their patient ("their arrests", "the men's trial"). */
const PATIENT_NOUNS: ReadonlySet<string> = new Set([
  'arrest', 'detention', 'release', 'trial', 'sentencing', 'conviction', 'deportation', 'expulsion', 'extradition', 'execution',
  'killing', 'murder', 'abduction', 'kidnapping', 'imprisonment', 'jailing', 'prosecution', 'torture', 'capture', 'detainment',
]);

/**
 * Is `node` the possessor of a patient noun who suffered the act: people or a pronoun for them, with
 * no "of" phrase naming the patient ("Peru's arrest of the journalists" is Peru's act), and no state
 * body ("Moscow's expulsions" are Moscow's)?
 */
function sufferingPossessor(view: DocumentView, parse: Parse, trigger: number, node: number): boolean {
  // "their arrests", and a modifier naming them ("the Sputnik arrests").
  if ((parse.deprel[node] !== 'nmod:poss' && parse.deprel[node] !== 'compound') || !PATIENT_NOUNS.has(view.lemma[trigger])) return false;
  if (parse.children[trigger].some((child) => parse.deprel[child].startsWith('nmod') && caseOf(view, parse, child) === 'of')) return false;
  const entity = view.entityById.get(view.entityOfToken[node] ?? '');
  if (!entity) return parse.upos[node] === 'PRON';
  const code = entity.actor?.code ?? '';
  return entity.type !== 'GPE' && !/(GOV|MIL|COP|JUD|SPY)/.test(code);
}

/** Does the verb open with an infinitive's "to" ("to sign", "to be expelled")? */
function markedTo(view: DocumentView, parse: Parse, verb: number): boolean {
  return parse.children[verb].some((child) => parse.deprel[child] === 'mark' && view.lower[child] === 'to');
}

/** Verbs of ordering whose passive complement is the orderer's own act. */
const ORDERING_VERBS = new Set(['order', 'instruct', 'direct']);

/**
 * "ordered that the two men be deported", "ordered the diplomats to be expelled": a passive with no
 * agent under a verb of ordering, whatever the parser hung it on (the order, or its object); returns
 * the ordering verb, or -1.
 */
function orderingVerb(view: DocumentView, parse: Parse, verb: number): number {
  const head = parse.head[verb];
  if (head < 0 || !parse.children[verb].some((child) => parse.deprel[child] === 'aux:pass')) return -1;
  if (parse.children[verb].some((child) => parse.deprel[child] === 'obl:agent' || caseOf(view, parse, child) === 'by')) return -1;
  if (/^(ccomp|xcomp)$/.test(parse.deprel[verb]) && ORDERING_VERBS.has(view.lemma[head])) return head;
  // "ordered the diplomats to be expelled" with the infinitive read as a clause on the object.
  const infinitive = parse.deprel[verb] === 'acl' && markedTo(view, parse, verb);
  const order = parse.head[head];
  return infinitive && parse.deprel[head] === 'obj' && order >= 0 && ORDERING_VERBS.has(view.lemma[order]) ? order : -1;
}

/** Verbs besides demands whose object is asked or let to do the infinitive after it. */
const ASKING_VERBS: ReadonlySet<string> = new Set(['invite', 'encourage', 'allow', 'permit', 'persuade', 'tell', 'advise', 'let', ...ORDERING_VERBS]);

/** Does a patient noun's possessor name who suffered it ("their arrests")? Its doer then stays unknown. */
export function possessorSuffered(view: DocumentView, parse: Parse, trigger: number): boolean {
  return parse.children[trigger].some((child) => sufferingPossessor(view, parse, trigger, child));
}

/**
 * "Chile has urged both sides to sign": an act only the linear reading found, asked of addressees the
 * parse shows, is done by them (their actors, if any are known) with the status the parse gives it.
 */
export function askedOfAddressees(view: DocumentView, parse: Parse, verb: number): { sources: string[]; status: EventStatus } | null {
  const head = parse.head[verb];
  if (head < 0 || !markedTo(view, parse, verb) || !(DEMAND_GOVERNORS.has(view.lemma[head]) || ASKING_VERBS.has(view.lemma[head]))) return null;
  const addressed = addressedDoers(view, parse, verb);
  if (addressed.length === 0) return null;
  const sources = [...new Set(addressed.flatMap((node) => actorsOf(view, parse, node)))];
  return { sources, status: decideStatus(collectCues(view, parse, verb, verb, false)) };
}

/**
 * "Fidan telephoned Bayramov to express support", "called Aliyev to congratulate him": an infinitive
 * under a verb of getting in touch is the caller's purpose, not the called one's act ("called on X
 * to" is a demand).
 */
export function contactPurpose(view: DocumentView, parse: Parse, verb: number): boolean {
  const head = parse.head[verb];
  const infinitive = parse.deprel[verb] === 'xcomp' || (parse.deprel[verb] === 'advcl' && markedTo(view, parse, verb));
  if (head < 0 || !infinitive || !CONTACT_VERBS.has(view.lemma[head])) return false;
  return !(view.lemma[head] === 'call' && parse.children[head].some((child) => caseOf(view, parse, child) === 'on' || caseOf(view, parse, child) === 'upon'));
}

/**
 * The noun a relative clause describes; for a description set beside a name ("Maria Lopez, a
 * journalist who was shot"), the name it describes.
 */
function relativeAntecedent(view: DocumentView, parse: Parse, clause: number): number {
  const head = parse.head[clause];
  if (!view.entityOfToken[head] && parse.deprel[head] === 'appos' && parse.head[head] >= 0 && view.entityOfToken[parse.head[head]]) return parse.head[head];
  return head;
}

/** Subject phrase heads of a verb, following shared subjects, control, relative and participial clauses. */
function subjectHeads(view: DocumentView, parse: Parse, verb: number, depth = 0): number[] {
  // An active verb's subject mislabelled as passive ("Pakistan … has refused") is still its subject.
  const own = childrenWith(parse, verb, (relation) => relation === 'nsubj' || relation === 'csubj' || (relation === 'nsubj:pass' && !isPassive(view, parse, verb)));
  const relation = parse.deprel[verb];
  const head = parse.head[verb];
  if (own.length > 0) {
    if (relation === 'acl:relcl' && head >= 0 && RELATIVE_PRONOUNS.has(view.lower[own[0]])) return [relativeAntecedent(view, parse, verb)];
    // A relative clause the parser hung on a verb ("in the presence of Trump, who called …"): the pronoun's antecedent is the noun before it.
    if (RELATIVE_PRONOUNS.has(view.lower[own[0]]) && !view.entityOfToken[own[0]]) {
      let before = own[0] - 1;
      while (before >= 0 && parse.upos[before] === 'PUNCT') before--;
      if (before >= 0 && /^(NOUN|PROPN)$/.test(parse.upos[before])) return [before];
    }
    return own;
  }
  if (head < 0 || depth > 4) return [];
  const summoner = summoningVerb(view, parse, verb);
  if (summoner !== null) return subjectHeads(view, parse, summoner, depth + 1);
  // ", detaining three journalists" hung on a noun by the parser is still a participial clause of the main verb.
  if (relation === 'acl' && parse.xpos[verb] === 'VBG' && view.lower[verb - 1] === ',') {
    let clause = head;
    while (clause >= 0 && parse.upos[clause] !== 'VERB') clause = parse.head[clause];
    if (clause >= 0) return subjectHeads(view, parse, clause, depth + 1);
  }
  // "… are guilty of violating …": a clause under a predicate adjective takes that predicate's subject.
  if ((relation === 'acl' || relation === 'advcl') && parse.upos[head] === 'ADJ') return subjectHeads(view, parse, head, depth + 1);
  if (relation === 'acl:relcl' || relation === 'acl') return [head];
  // "accused Minsk of waging …", "blamed the rebels for shelling …": the object did the act.
  if (relation === 'advcl' && parse.xpos[verb] === 'VBG' && parse.children[verb].some((child) => parse.deprel[child] === 'mark' && (view.lower[child] === 'of' || view.lower[child] === 'for'))) {
    const accused = childrenWith(parse, head, (value) => value === 'obj');
    if (accused.length > 0) return accused;
  }
  const controller = addressedDoers(view, parse, verb);
  if (controller.length > 0) return controller;
  if (relation === 'xcomp') {
    const controller = childrenWith(parse, head, (value) => value === 'obj' || value === 'iobj');
    if (controller.length > 0 && parse.deprel[verb] === 'xcomp' && !isPassive(view, parse, head)) return controller;
    // "Peru is said to have shelled …", "X is expected to sign …": the raised subject of the passive.
    const raised = childrenWith(parse, head, (value) => value === 'nsubj:pass');
    if (raised.length > 0) return raised;
    return subjectHeads(view, parse, head, depth + 1);
  }
  if (relation === 'conj' || relation === 'advcl' || relation === 'ccomp') {
    // A verb coordinated onto a noun by the parser still shares the clause's subject.
    let clause = head;
    while (clause >= 0 && parse.upos[clause] !== 'VERB') clause = parse.head[clause];
    return clause >= 0 ? subjectHeads(view, parse, clause, depth + 1) : [];
  }
  return [];
}

/**
 * "the citizens detained in Yekaterinburg": a past participle after its noun is passive; the noun
 * underwent the act. Only when that noun hangs under a predicate of its own (with none, "The leaders
 * … last met in July" parsed as a noun root, the participle is the sentence's verb) and no
 * infinitive follows ("threatened today to hold …" is active, whatever the parse).
 */
export function isReducedRelative(view: DocumentView, parse: Parse, verb: number): boolean {
  // A relative clause without subject or relative pronoun is one too, whatever tense the tagger gave its verb ("the route agreed in Washington").
  const relative = parse.deprel[verb] === 'acl:relcl' && /^VB[DN]$/.test(parse.xpos[verb]) && !parse.children[verb].some((child) => parse.deprel[child].startsWith('nsubj'));
  // "nine Azerbaijanis accused of …" tagged as a past tense: an adnominal past form right after a noun is its participle.
  // Not a clause a conjunction opens ("reports that Russia retaliated").
  const participle = parse.xpos[verb] === 'VBN' || (parse.xpos[verb] === 'VBD' && describedPlural(parse, verb - 1) &&
    !parse.children[verb].some((child) => parse.deprel[child] === 'mark' && /^(that|which|who|whether|if|because|as|when)$/.test(view.lower[child])));
  return (relative || (parse.deprel[verb] === 'acl' && participle)) && !parse.children[verb].some((child) => parse.deprel[child] === 'obj') &&
    underPredicate(parse, parse.head[verb]) && !infinitiveFollows(view, parse, verb);
}

/**
 * A plural noun, or one a number counts, right before a past form that may be its participle ("nine
 * Bolivians accused of …", "activists detained in …"); a singular name there is a relative clause's
 * subject ("an incident Baku blamed on …").
 */
function describedPlural(parse: Parse, node: number): boolean {
  if (node < 0 || !/^(NOUN|PROPN)$/.test(parse.upos[node])) return false;
  return /^NNP?S$/.test(parse.xpos[node]) || parse.children[node].some((child) => parse.deprel[child] === 'nummod');
}

/** An infinitive right after a past form ("threatened today to hold …"). */
function infinitiveFollows(view: DocumentView, parse: Parse, verb: number): boolean {
  for (let index = verb + 1; index <= verb + 3 && index + 1 < parse.upos.length; index++) {
    if (view.lower[index] === 'to' && parse.xpos[index + 1] === 'VB') return true;
  }
  return false;
}

/** Does a noun hang (through nouns and prepositions) under a verb or an auxiliary-led predicate? */
function underPredicate(parse: Parse, noun: number): boolean {
  for (let node = noun, guard = 0; node >= 0 && guard < 12; node = parse.head[node], guard++) {
    if (node !== noun && (parse.upos[node] === 'VERB' || parse.upos[node] === 'AUX' || parse.upos[node] === 'ADJ')) return true;
  }
  return false;
}

/** Argument heads of a verb as [source heads, target heads], voice-aware. */
function verbArguments(view: DocumentView, parse: Parse, verb: number): [number[], number[]] {
  const reducedRelative = isReducedRelative(view, parse, verb);
  if (reducedRelative || isPassive(view, parse, verb)) {
    const own = parse.children[verb].filter(
      (child) => parse.deprel[child] === 'obl:agent' || (parse.deprel[child].startsWith('obl') && caseOf(view, parse, child) === 'by'),
    );
    // "was met at the airport by Prime Minister X": a "by" phrase the parser hung on the place is still the agent.
    const agents = own.length > 0 ? own : parse.children[verb].filter((child) => parse.deprel[child].startsWith('obl')).flatMap((oblique) =>
      parse.children[oblique].filter((node) => parse.deprel[node] === 'nmod' && caseOf(view, parse, node) === 'by' && actorsOf(view, parse, node).length > 0));
    // "a memorandum signed between ExxonMobil and SOCAR": with no agent, the two sides "between" did it together.
    const between = agents.length === 0 ? parse.children[verb].filter((child) => parse.deprel[child].startsWith('obl') && caseOf(view, parse, child) === 'between') : [];
    if (between.length > 0) return [between, []];
    // The noun a participle describes underwent the act only if it, its own modifiers or its parties
    // name an actor ("the Azerbaijani citizens detained", "the ceasefire between A and B, brokered by
    // Moscow"; not "the route through Armenia agreed in …").
    const described = parse.head[verb];
    const ownWords = (relation: string, node: number): boolean =>
      relation === 'amod' || relation === 'compound' || relation === 'nmod:poss' || (relation === 'nmod' && ['between', 'of', 'with'].includes(caseOf(view, parse, node) ?? ''));
    const named = (): boolean => Boolean(view.entityOfToken[described]) || parse.children[described].some((node) => ownWords(parse.deprel[node], node) && actorsOf(view, parse, node).length > 0);
    // "the trial of nine Bolivians accused of …" parsed as a clause: the "subject" right before the participle is the noun it describes.
    const describedAsSubject = childrenWith(parse, verb, (relation) => relation === 'nsubj').filter((node) => node === verb - 1 && describedPlural(parse, node));
    // A passive's subject the parser labelled active ("who was shot": nsubj beside aux:pass) underwent the act all the same.
    const passiveSubjects = childrenWith(parse, verb, (relation) => relation === 'nsubj:pass' || (relation === 'nsubj' && !reducedRelative)).map((node) =>
      parse.deprel[verb] === 'acl:relcl' && RELATIVE_PRONOUNS.has(view.lower[node]) && !view.entityOfToken[node] ? relativeAntecedent(view, parse, verb) : node);
    const patients = reducedRelative ? (named() ? [described] : describedAsSubject) : passiveSubjects;
    return [agents, patients.length > 0 ? patients : obliqueTargets(view, parse, verb)];
  }
  // English puts the subject before an active verb: a "subject" after it (outside quotations, "said Trump") is a misparsed object.
  const inverted = (node: number): boolean => node > verb && parse.head[node] === verb && parse.deprel[node] === 'nsubj' && !isSpeechVerb(view, parse, verb);
  const subjects = [...subjectHeads(view, parse, verb), ...childrenWith(parse, verb, (relation) => relation === 'nsubj:pass')];
  const objects = parse.children[verb].filter((node) => parse.deprel[node] === 'obj' || parse.deprel[node] === 'iobj' || inverted(node));
  return [subjects.filter((node) => !inverted(node)), [...objects, ...obliqueTargets(view, parse, verb)]];
}

/**
 * The parties of the act a brokering participle describes: "in a swap brokered by Ecuador" hung on
 * "released" is between the releaser and the released; the broker is none of them.
 */
function partiesOfBrokeredAct(view: DocumentView, parse: Parse, participle: number, brokers: string[]): string[] {
  const act = parse.head[participle];
  if (act < 0 || !parse.deprel[participle].startsWith('acl') || parse.upos[act] !== 'NOUN') return [];
  const verb = parse.head[act];
  // Only a noun that frames the act itself ("in a swap", "under a deal"), not the act's object ("would spoil any agreement brokered without it").
  if (verb < 0 || parse.upos[verb] !== 'VERB' || !parse.deprel[act].startsWith('obl') || !/^(in|under|as|through)$/.test(caseOf(view, parse, act) ?? '')) return [];
  const [doers, undergoers] = verbArguments(view, parse, verb);
  const parties = [...firstActors(view, parse, doers, brokers), ...firstActors(view, parse, undergoers.filter((node) => node !== act), brokers)];
  return [...new Set(parties)];
}

/** Does "each other" or "one another" complete the verb ("accused each other", "talked with one another")? */
function reciprocalObject(view: DocumentView, parse: Parse, verb: number): boolean {
  // The parser heads the pair on either word ("each" with "other" fixed, or "other" with "each" as its determiner).
  const pairAt = (first: number): boolean => /^(each|one)$/.test(view.lower[first] ?? '') && /^(other|another)$/.test(view.lower[first + 1] ?? '');
  return parse.children[verb].some((node) => /^(obj|iobj|obl)/.test(parse.deprel[node]) && (pairAt(node) || pairAt(node - 1)));
}

/**
 * "at the White House", "in the Kremlin", "an agreement at the State Department": a building, or
 * anything after "at" under a noun, named as where something happened, not who took part.
 */
function atBuilding(view: DocumentView, parse: Parse, node: number): boolean {
  const preposition = caseOf(view, parse, node);
  if (preposition === 'at' && parse.deprel[node].startsWith('nmod')) return true;
  return (preposition === 'at' || preposition === 'in') && view.entityById.get(view.entityOfToken[node] ?? '')?.type === 'FAC';
}

/**
 * Oblique dependents that name a target, in order of preference ("between", "with", "against", "to" …),
 * except buildings where it happened and, unless the verb aims at something, anything after "at"
 * ("signed at the State Department").
 */
function obliqueTargets(view: DocumentView, parse: Parse, node: number): number[] {
  const obliques = parse.children[node].filter((child) => parse.deprel[child].startsWith('obl') || parse.deprel[child].startsWith('nmod'));
  const aiming = AIMING_VERBS.has(view.lemma[node]);
  const ranked: number[] = [];
  for (const preposition of TARGET_CASES) {
    if (preposition === 'at' && !aiming) continue;
    for (const child of obliques) {
      if (caseOf(view, parse, child) === preposition && !ranked.includes(child) && !atBuilding(view, parse, child)) ranked.push(child);
    }
  }
  return ranked;
}

/**
 * A place below country level, a facility or region, or a seat of power named for its government
 * ("Geneva", "Sharm el-Sheikh", "the White House"): named with an event noun, it is where the event was held.
 */
export function isVenueName(view: DocumentView, node: number): boolean {
  const entity = view.entityById.get(view.entityOfToken[node] ?? '');
  if (!entity) return false;
  const at = view.tokens[node].start;
  const mention = entity.mentions.find((candidate) => candidate.start <= at && at < candidate.end);
  if (mention?.kind === 'metonym' && SEAT_BUILDINGS.test(mention.text)) return true;
  // A city or region: a KB place, a capital named as a place, a name the KB does not know; not a country, nor a government named by its seat.
  return entity.type === 'FAC' || entity.type === 'LOC' || isTownEntity(entity);
}

/** A town or province: a GPE that is no country and no body governing from it. */
export function isTownEntity(entity: Entity): boolean {
  return entity.type === 'GPE' && !entity.kb_id?.startsWith('country:') && !entity.actor?.sector;
}

/** Buildings that stand for a government ("the White House", "the Kremlin"). */
const SEAT_BUILDINGS = /\b(house|kremlin|palace|elysee|élysée|pentagon)\b/i;

/** A node's oblique targets; for a meeting (04x), without those that give its topic ("a summit on Gaza's future"). */
function partyObliques(view: DocumentView, parse: Parse, node: number, code: string): number[] {
  const obliques = obliqueTargets(view, parse, node);
  return code.startsWith('04') ? obliques.filter((oblique) => !TOPIC_CASES.has(caseOf(view, parse, oblique) ?? '')) : obliques;
}

function firstActors(view: DocumentView, parse: Parse, heads: number[], exclude: string[]): string[] {
  const out: string[] = [];
  for (const head of heads) {
    const found = actorsOf(view, parse, head).filter((id) => !exclude.includes(id));
    if (found.length > 0 && out.length === 0) out.push(...found);
    else if (found.length > 0 && parse.deprel[head] === parse.deprel[heads[0]] && (parse.deprel[head] === 'obj' || parse.deprel[head] === 'iobj')) {
      for (const id of found) if (!out.includes(id)) out.push(id);
    }
  }
  return out;
}

/**
 * Is `clause` (an adverbial clause of `governor` in the parse) a "to"-infinitive that a demand verb
 * or an invitation governs: "urged them to leave", "called on the authorities to investigate",
 * "called for the chief to step down" (for "call" only with "on"/"upon"/"for", since "called a
 * meeting to discuss" states a purpose), "invited him to visit"?
 */
function askedInfinitive(view: DocumentView, parse: Parse, governor: number, clause: number): boolean {
  const lemma = view.lemma[governor];
  if ((!DEMAND_GOVERNORS.has(lemma) && lemma !== 'invite') || clause < governor) return false;
  if (!markedTo(view, parse, clause)) return false;
  if (lemma !== 'call') return true;
  for (let index = governor + 1; index < clause; index++) if (view.lower[index] === 'on' || view.lower[index] === 'upon' || view.lower[index] === 'for') return true;
  return false;
}

/** Ancestors of a node up to the sentence root, nearest first, with the relation by which each was reached. */
function ancestry(parse: Parse, node: number): { node: number; via: string }[] {
  const chain: { node: number; via: string }[] = [];
  let current = node;
  for (let guard = 0; guard < 30 && parse.head[current] >= 0; guard++) {
    chain.push({ node: parse.head[current], via: parse.deprel[current] });
    current = parse.head[current];
  }
  return chain;
}

/** Predicates that call a claim false, and the nouns for claims they are said of. */
const FALSEHOOD_WORDS = new Set(['untrue', 'false', 'baseless', 'unfounded', 'groundless', 'fabricated', 'fake', 'nonsense', 'absurd', 'lie']);
const CLAIM_NOUNS = new Set(['report', 'claim', 'allegation', 'accusation', 'rumour', 'rumor', 'suggestion', 'assertion', 'story']);

/**
 * "Reports that Moscow had summoned the ambassador are untrue": an act told inside the subject of a
 * sentence that calls it false (or "not true") is denied, wherever the parser hung the that-clause.
 */
function withinFalseClaim(view: DocumentView, parse: Parse, anchor: number): boolean {
  return ancestry(parse, anchor).some(({ node: predicate }) => {
    const negatedTrue = view.lemma[predicate] === 'true' && parse.children[predicate].some((child) => view.lower[child] === 'not' || view.lower[child] === "n't");
    if (!FALSEHOOD_WORDS.has(view.lemma[predicate]) && !negatedTrue) return false;
    const subject = parse.children[predicate].find((child) => parse.deprel[child].startsWith('nsubj') && CLAIM_NOUNS.has(view.lemma[child]));
    return subject !== undefined && subject < anchor && anchor < predicate;
  });
}

/** Verbs that call a claim false when they take it as their object. */
const DENIAL_VERBS = new Set(['deny', 'reject', 'dismiss', 'refute', 'rebut', 'debunk']);

/**
 * "The ministry denied reports that Russia retaliated", read in the words themselves: the tagger
 * often takes "reports" for a verb, and the parse then loses the denial. The clause's "that" right
 * after a claim noun right after a denial verb denies what the clause tells.
 */
function deniedClaimBefore(view: DocumentView, parse: Parse, anchor: number): boolean {
  const sentence = view.tokens[anchor].sentence;
  for (let index = anchor - 1; index >= 2 && view.tokens[index].sentence === sentence && anchor - index <= 8; index--) {
    if (view.lower[index] !== 'that') continue;
    const noun = view.lower[index - 1].replace(/s$/, '');
    if (!CLAIM_NOUNS.has(noun) && !CLAIM_NOUNS.has(view.lemma[index - 1])) return false;
    const verb = index - 2 - (/^(the|these|those|media|press|earlier)$/.test(view.lower[index - 2]) ? 1 : 0);
    const negated = /^(not|n't|never)$/.test(view.lower[verb - 1] ?? '') || parse.children[verb].some((child) => view.lower[child] === 'not' || view.lower[child] === "n't");
    return verb >= 0 && DENIAL_VERBS.has(view.lemma[verb]) && !negated;
  }
  return false;
}

function collectCues(view: DocumentView, parse: Parse, anchor: number, trigger: number, reported: boolean): ModalityCues {
  const cues = emptyCues();
  const local = new Set([anchor, trigger]);
  for (const node of local) {
    for (const child of parse.children[node]) {
      const relation = parse.deprel[child];
      const word = view.lower[child];
      // "Doctors Without Borders warned …": a negator inside a name negates nothing.
      if (view.entityOfToken[child] !== null && NEGATORS.has(word)) continue;
      if (relation.startsWith('aux') || relation === 'advmod' || relation === 'neg') applyAuxiliary(cues, word === "n't" ? 'not' : word, reported);
      if (relation === 'det' && word === 'no') cues.negated = true;
      // "without consulting Chile": an act done without is not done.
      if ((relation === 'mark' || relation === 'case') && word === 'without' && node === anchor) cues.negated = true;
      // "no Peruvian diplomat had attacked", "nobody was charged": no one did it.
      // "threatens no one", "offered no concessions": nothing was done to anyone.
      if ((relation.startsWith('nsubj') || relation === 'obj') && (NO_ONE.has(word) || parse.children[child].some((grand) => parse.deprel[grand] === 'det' && view.lower[grand] === 'no'))) cues.negated = true;
      if (relation === 'amod' && (word === 'ongoing' || word === 'continuing')) cues.ongoing = true;
      if (relation === 'amod' && (word === 'planned' || word === 'proposed' || word === 'upcoming' || word === 'possible' || word === 'potential')) {
        if (word === 'possible' || word === 'potential') cues.possible = true;
        else cues.future = true;
      }
      if (relation === 'mark' && CONDITION_MARKS.has(word) && word !== 'whether') cues.conditional = true;
      // "before it signs a treaty", "until the troops withdraw": a present tense after these tells of what lies ahead.
      const ahead = AHEAD_MARKS.has(word) || (word === 'as' && view.lower[child - 1] === 'soon');
      if (relation === 'mark' && node === anchor && ahead && presentTense(view, parse, anchor)) cues.future = true;
      // "will withdraw unless …": an act made conditional on another.
      if (relation === 'advcl' && parse.children[child].some((grand) => (view.lower[grand] === 'if' || view.lower[grand] === 'unless'))) cues.conditional = true;
      if (relation === 'aux' && (word === 'is' || word === 'are' || word === 'am') && parse.xpos[anchor] === 'VBG') cues.ongoing = true;
    }
  }
  // "skipped the summit", "boycotted the talks": a meeting its would-be party stayed away from.
  const governor = parse.head[trigger];
  if (parse.upos[trigger] === 'NOUN' && governor >= 0 && parse.deprel[trigger] === 'obj' && STAYED_AWAY.has(view.lemma[governor])) cues.negated = true;
  if (parse.xpos[anchor] === 'VBN' && parse.children[anchor].some((child) => parse.deprel[child] === 'aux:pass' && (view.lower[child] === 'is' || view.lower[child] === 'are'))) {
    if (view.lemma[anchor] === 'lock' || view.lemma[anchor] === 'engage' || view.lemma[anchor] === 'involve') cues.ongoing = true;
  }
  // "will withdraw … unless …", "may halt … if …": a condition after the predicate binds it wherever the parser hung the clause
  // ("if" only close by: a far one usually belongs to a later clause).
  const sentenceEnd = view.tokens.findIndex((token, index) => index > anchor && token.sentence !== view.tokens[anchor].sentence);
  for (let index = anchor + 1; index < (sentenceEnd < 0 ? view.tokens.length : sentenceEnd); index++) {
    const nearIf = view.lower[index] === 'if' && index - anchor <= 8 && view.lower[index - 1] !== 'as' && view.lower[index - 1] !== 'even';
    if (view.lower[index] === 'unless' || nearIf) cues.conditional = true;
  }
  // "and plans to resettle …" with "plans" tagged a noun: the word before "to" still governs the act.
  if (view.lower[anchor - 1] === 'to' && anchor >= 2 && parse.upos[anchor - 2] === 'NOUN' && parse.head[anchor - 2] !== anchor && view.tokens[anchor - 2].sentence === view.tokens[anchor].sentence) {
    applyGovernor(cues, view.lemma[anchor - 2]);
  }
  if (withinFalseClaim(view, parse, anchor) || deniedClaimBefore(view, parse, anchor)) cues.denied = true;
  if (negatedAlternative(view.lower, trigger)) cues.negated = true;
  let below = anchor;
  for (const { node, via: relation } of ancestry(parse, anchor)) {
    if (relation === 'advcl' && parse.children[anchor].some((child) => CONDITION_MARKS.has(view.lower[child]))) cues.conditional = true;
    // "invited Peru's president to visit", "urged the government to resign" with the infinitive hung
    // on the object: the act asked of the object.
    // ("ordered the diplomats to be expelled": a passive infinitive, and an order, alike.)
    const infinitive = (parse.xpos[below] === 'VB' && view.lower[below - 1] === 'to') || (view.lower[below - 1] === 'be' && view.lower[below - 2] === 'to');
    if (relation === 'acl' && infinitive && parse.deprel[node] === 'obj' && parse.head[node] >= 0) {
      const asking = view.lemma[parse.head[node]];
      if (DEMAND_GOVERNORS.has(asking) || asking === 'invite' || ORDERING_VERBS.has(asking)) {
        applyGovernor(cues, asking);
        break;
      }
    }
    // "called on the authorities to investigate", "urged them to leave" with the infinitive parsed as
    // an adverbial clause: it is still the demanded act.
    // "is unlikely to offer", "ready to sign" with the infinitive parsed as a clause on the adjective: its complement.
    const adjectiveComplement = relation === 'acl' && parse.upos[node] === 'ADJ' && parse.xpos[below] === 'VB' && view.lower[below - 1] === 'to';
    // "may try to sabotage the corridor by pressuring Armenia": the means shares the act's modality.
    const means = relation === 'advcl' && parse.children[below].some((child) => parse.deprel[child] === 'mark' && view.lower[child] === 'by');
    const via = (relation === 'advcl' && askedInfinitive(view, parse, node, below)) || adjectiveComplement || means ? 'xcomp' : relation;
    const conjunct = below;
    below = node;
    // "asked whether Lima would recall its envoy": a question, which tells the act as no fact (after an
    // indirect object the parser often hangs the question on the verb as an adverbial clause).
    const question = (relation === 'ccomp' || relation === 'advcl') && /^(ask|wonder|question|inquire|enquire)$/.test(view.lemma[node]);
    if (question && parse.children[conjunct].some((child) => parse.deprel[child] === 'mark' && /^(whether|if)$/.test(view.lower[child]))) {
      cues.conditional = true;
      break;
    }
    // "Russia denied the arrests": an event noun a verb of denial takes as its object is denied.
    if (via === 'obj' && conjunct === trigger && parse.upos[trigger] === 'NOUN' && DENY_GOVERNORS.has(view.lemma[node])) {
      cues.denied = true;
      break;
    }
    if (via !== 'xcomp' && via !== 'ccomp' && via !== 'csubj') {
      // An infinitive conjunct shares its first conjunct's governor: "urged them to extend the truce and
      // (to) return"; a finite one is a clause of its own ("denied starting the clashes and accused India").
      if (via === 'conj' && parse.xpos[conjunct] !== 'VB') break;
      // A prepositional phrase ends the governance: "declined to comment on reports that X offered …"
      // says nothing of whether X offered, while "denied reports that X offered …" does.
      if (via === 'advcl' || via === 'acl:relcl' || via === 'parataxis' || via.startsWith('obl') || via.startsWith('nmod')) break;
      continue;
    }
    const lemma = view.lemma[node];
    if (SPEECH_VERBS.has(lemma) && lemma !== 'admit' && lemma !== 'acknowledge') {
      if (parse.children[node].some((child) => view.lower[child] === 'not' || view.lower[child] === "n't")) cues.denied = true;
      break;
    }
    if (lemma === 'be' && via === 'xcomp') cues.future = true;
    // "did not deny that it shelled the post": a denial withheld denies nothing, and negates nothing below it.
    if (DENY_GOVERNORS.has(lemma) && parse.children[node].some((child) => /^(not|n't|never)$/.test(view.lower[child]))) break;
    applyGovernor(cues, lemma);
    for (const child of parse.children[node]) {
      const relation = parse.deprel[child];
      if (relation.startsWith('aux') || relation === 'advmod') {
        const word = view.lower[child];
        // "has yet to be signed", "is yet to reply": not so far.
        if (word === 'not' || word === "n't" || word === 'never' || (word === 'yet' && via === 'xcomp' && (lemma === 'have' || lemma === 'be'))) cues.negated = true;
        else if (word === 'will' || word === 'would' || word === 'shall') cues.future = true;
        else if (word === 'may' || word === 'might' || word === 'could') cues.possible = true;
      }
      if (relation === 'mark' && (view.lower[child] === 'if' || view.lower[child] === 'unless')) cues.conditional = true;
    }
  }
  if (!cues.demanded && demandedInLine(view, parse, anchor)) cues.demanded = true;
  return cues;
}

/**
 * "has called for the head of the church, Catholicos Garegin II, to step down": an infinitive after
 * a demand verb with no finite verb between them is the demanded act, wherever the parse hung it
 * (here on the apposition).
 */
function demandedInLine(view: DocumentView, parse: Parse, anchor: number): boolean {
  if (parse.xpos[anchor] !== 'VB' || view.lower[anchor - 1] !== 'to') return false;
  const sentence = view.tokens[anchor].sentence;
  for (let index = anchor - 2; index >= Math.max(0, anchor - 14) && view.tokens[index].sentence === sentence; index--) {
    if (/^VB[DZP]$/.test(parse.xpos[index]) || view.lower[index] === ';') return false;
    if (parse.upos[index] === 'VERB' && DEMAND_GOVERNORS.has(view.lemma[index])) return true;
  }
  return false;
}

function spanText(view: DocumentView, from: number, to: number): string {
  return view.text.slice(view.tokens[from].start, view.tokens[to].end);
}

function findHedgeInTree(view: DocumentView, parse: Parse, anchor: number): string | null {
  const path = [anchor, ...ancestry(parse, anchor).map((step) => step.node)];
  for (let index = 0; index < path.length; index++) {
    const node = path[index];
    for (const child of parse.children[node]) {
      const relation = parse.deprel[child];
      if (relation === 'advmod' && HEDGE_ADVERBS.has(view.lower[child])) return view.tokens[child].text;
      if (relation.startsWith('obl') && caseOf(view, parse, child) === 'accord' && HEDGE_SOURCES.has(view.lower[child])) {
        return spanText(view, Math.min(child, ...parse.children[child].filter((grand) => parse.deprel[grand] !== 'punct')), child);
      }
      if (relation.startsWith('obl') && view.lower[child - 1] === 'to' && view.lower[child - 2] === 'according' && HEDGE_SOURCES.has(view.lower[child])) {
        return spanText(view, child - 2, child);
      }
    }
    if (index > 0 && HEDGE_REPORT_VERBS.has(view.lemma[node]) && isPassive(view, parse, node)) {
      const modifier = parse.children[node].find((child) => parse.deprel[child] === 'advmod' && child === node - 1);
      return spanText(view, modifier ?? node, node);
    }
  }
  return null;
}

function isSpeechVerb(view: DocumentView, parse: Parse, node: number): boolean {
  return SPEECH_VERBS.has(view.lemma[node]) && parse.upos[node] === 'VERB';
}

const PREPOSITIONS = new Set(['of', 'in', 'at', 'on', 'for', 'with', 'from', 'to', 'by', 'into', 'near', 'against']);

/** Who speaks through a speech verb: its subject or "by" agent, else the nearest name before it outside a prepositional phrase ("The Red Cross operating in Iraq said"), else right after it ("said Trump"). */
function speakerOfVerb(view: DocumentView, parse: Parse, verb: number): string | null {
  const heads = parse.children[verb].filter((child) => {
    const relation = parse.deprel[child];
    return relation === 'nsubj' || relation === 'obl:agent' || (relation.startsWith('obl') && caseOf(view, parse, child) === 'by');
  });
  // A speech verb joined by "and" to a clause with a subject shares it ("Boric expressed regret and told Jeri that …").
  if (heads.length === 0 && parse.deprel[verb] === 'conj') heads.push(...subjectHeads(view, parse, verb));
  for (const head of heads) {
    const found = actorsOf(view, parse, head);
    if (found.length > 0) return found[0];
  }
  const sentence = view.tokens[verb].sentence;
  for (let index = verb - 1; index >= Math.max(0, verb - 8) && view.tokens[index].sentence === sentence; index--) {
    const id = view.entityOfToken[index];
    if (!id) continue;
    let start = index;
    while (start > 0 && view.entityOfToken[start - 1] === id) start--;
    if (!PREPOSITIONS.has(view.lower[start - 1] ?? '')) return id;
    index = start;
  }
  // "said Trump"; but after "told", "assured", "informed" comes whom the words were for.
  if (ADDRESSING_SPEECH.has(view.lemma[verb])) return null;
  const next = verb + 1 < view.tokens.length && view.tokens[verb + 1].sentence === sentence ? view.entityOfToken[verb + 1] : null;
  return next;
}

/** Verbs of saying whose object is the one addressed. */
const ADDRESSING_SPEECH: ReadonlySet<string> = new Set(['tell', 'inform', 'assure', 'brief', 'remind', 'notify', 'reassure']);

function findAttribution(view: DocumentView, parse: Parse, anchor: number): Frame['attribution'] {
  const speakerOf = (verb: number): string | null => speakerOfVerb(view, parse, verb);
  const steps = ancestry(parse, anchor);
  const path = [anchor, ...steps.map((step) => step.node)];
  for (let index = 0; index < path.length; index++) {
    const node = path[index];
    // "The council declared X the winner, but her rival refused … and accused …": a clause joined to a speech verb is a
    // second act beside it, not what it reports.
    if (index > 0 && isSpeechVerb(view, parse, node)) return steps[index - 1].via === 'conj' ? null : { speaker: speakerOf(node), cue: view.tokens[node].text };
    for (const child of parse.children[node]) {
      const relation = parse.deprel[child];
      if ((relation === 'parataxis' || relation === 'advcl') && isSpeechVerb(view, parse, child)) {
        return { speaker: speakerOf(child), cue: view.tokens[child].text };
      }
      if (relation.startsWith('obl') && (caseOf(view, parse, child) === 'accord' || (view.lower[child - 1] === 'to' && view.lower[child - 2] === 'according'))) {
        const found = actorsOf(view, parse, child);
        if (found.length > 0) return { speaker: found[0], cue: 'according to' };
      }
    }
  }
  return null;
}

/** The clause head of a token: the nearest ancestor-or-self that is a verb or heads a clause. */
function clauseHead(parse: Parse, node: number): number {
  let current = node;
  for (let guard = 0; guard < 30; guard++) {
    const relation = parse.deprel[current];
    if (parse.upos[current] === 'VERB' || relation === 'root' || CLAUSE_BOUNDARY.has(relation) || relation === 'xcomp' || relation === 'acl') return current;
    if (parse.head[current] < 0) return current;
    current = parse.head[current];
  }
  return current;
}

/** Governors whose complement happens after them (plans, demands, hopes), so it does not date them. */
const FORWARD_GOVERNORS = [PLAN_GOVERNORS, DEMAND_GOVERNORS, HOPE_GOVERNORS];

/** Auxiliaries that put an act before the sentence's own time ("had exploded") or after it ("would pay"). */
const OFFSET_AUXILIARIES = new Set(['had', 'will', 'would', 'could', 'may', 'might', 'should', 'must', 'can', 'shall']);

/** Subordinators of a clause that places another happening before the act or after it. */
const TEMPORAL_BOUNDS = new Set(['since', 'until', 'till', 'before']);

/**
 * The time of an event: one attached to its own clause; else one attached to a clause it hangs on
 * as an adverbial, conjunct or complement of the same act ("crashed last December, killing 38" dates
 * the killing), or to a non-finite clause under its own ("banned it from operating in February"),
 * unless that clause is planned or asked for and so comes later ("invited him to visit in December");
 * else one elsewhere in the sentence. Never one from a relative clause about a noun ("the deal,
 * which runs until next year, was signed"), from quoted words the event is not part of ("welcomed it
 * as 'heat for next winter'") or describing a noun ("support during the 2020 war"); and no sentence
 * time for an act its own auxiliary places before or after it ("acknowledged on Thursday that
 * missiles had exploded", "said on Monday it would pay").
 */
/** Verbs that set a deadline for someone else's act ("demanded …", "gave them until …", "urged … by Friday"). */
const DEADLINE_SETTERS: ReadonlySet<string> = new Set(['demand', 'urge', 'ask', 'order', 'call', 'give', 'set', 'warn', 'threaten', 'insist', 'tell', 'instruct', 'request', 'press']);

function findTime(view: DocumentView, parse: Parse, nodes: number[], sentence: Sentence): TimeExpression | null {
  const own = new Set(nodes.map((node) => clauseHead(parse, node)));
  for (const node of nodes) own.add(node);
  const governing = new Set<number>();
  let offsetReport = false;
  for (const node of nodes) {
    let clause = clauseHead(parse, node);
    for (let guard = 0; guard < 10; guard++) {
      const relation = parse.deprel[clause].split(':')[0];
      if (parse.children[clause].some((child) => parse.deprel[child] === 'aux' && OFFSET_AUXILIARIES.has(view.lower[child]))) offsetReport = true;
      if ((relation !== 'advcl' && relation !== 'conj' && relation !== 'xcomp') || parse.deprel[clause].endsWith(':relcl') || parse.head[clause] < 0) break;
      clause = clauseHead(parse, parse.head[clause]);
      governing.add(clause);
    }
  }
  // "had banned the bureau from operating in February": a non-finite clause under the act's own
  // clause is part of the act's telling, its time the act's unless the act has one of its own.
  // "invited Aliyev to visit in December", "agreed to meet next month": what is planned or asked
  // comes later than the asking, so its time is no time of the act (not even the sentence's).
  const nonFiniteUnderOwn = (clause: number): 'dates' | 'later' | null => {
    let node = clause;
    let later = false;
    for (let guard = 0; guard < 6; guard++) {
      const relation = parse.deprel[node].split(':')[0];
      if ((relation !== 'xcomp' && relation !== 'advcl') || !/^(VBG|VB)$/.test(parse.xpos[node]) || parse.head[node] < 0) return null;
      later ||= FORWARD_GOVERNORS.some((words) => words.has(view.lemma[parse.head[node]]));
      node = clauseHead(parse, parse.head[node]);
      if (own.has(node)) return later ? 'later' : 'dates';
    }
    return null;
  };
  // "X, who is expected to attend a summit on Thursday, called for …": a time anywhere inside a relative clause describes its noun.
  const insideRelative = (clause: number): boolean => {
    for (let node = clause, guard = 0; node >= 0 && guard < 6 && !own.has(node); guard++, node = parse.head[node]) {
      if (parse.deprel[node].endsWith(':relcl') || parse.deprel[node] === 'acl') return true;
    }
    return false;
  };
  // "their first meeting since relations plunged in the summer", "before he was detained in June": a
  // clause that sets a point the act comes after or before dates that other happening. ("After X died
  // in June, Baku suspended …" keeps June: what follows is told as following soon.)
  const relativeToOther = (clause: number): boolean => {
    for (let node = clause, guard = 0; node >= 0 && guard < 6 && !own.has(node); guard++, node = parse.head[node]) {
      if (parse.deprel[node].startsWith('advcl') && parse.children[node].some((child) => parse.deprel[child] === 'mark' && TEMPORAL_BOUNDS.has(view.lower[child]))) return true;
    }
    return false;
  };
  // "agreed that technical teams will meet next week": a time inside the act's own complement clause dates what is said, not the saying.
  const insideOwnComplement = (clause: number): boolean => {
    for (let node = clause, guard = 0; node >= 0 && guard < 6; guard++, node = parse.head[node]) {
      if (own.has(parse.head[node])) return parse.deprel[node] === 'ccomp' && !own.has(node);
    }
    return false;
  };
  let governed: TimeExpression | null = null;
  let sentenceTime: TimeExpression | null = null;
  for (let index = sentence.tokenStart; index < sentence.tokenEnd; index++) {
    const time = view.timeOfToken[index];
    if (!time) continue;
    // "support during the 2020 war": a time inside an argument's noun phrase describes that noun, not
    // the act (unless the noun is the act, "Sunday's election", the noun a participle describes, "the
    // 2020 ceasefire, brokered by Moscow", or an adverbial of its own, "during his 2024 campaign").
    const head = parse.head[index];
    const describedByNode = nodes.some((node) => parse.deprel[node].startsWith('acl') && parse.head[node] === head);
    if (head >= 0 && !nodes.includes(head) && !describedByNode && !view.timeOfToken[head] && parse.upos[head] === 'NOUN' &&
      /^(nummod|amod|compound|nmod:poss)$/.test(parse.deprel[index]) && !/^(obl|advmod)/.test(parse.deprel[head])) continue;
    const clause = clauseHead(parse, parse.head[index] >= 0 ? parse.head[index] : index);
    // "demanded the withdrawal … by the end of the month": a deadline dates what must be done by then,
    // not the demand that sets it, nor another act of the sentence.
    let first = index;
    while (first > sentence.tokenStart && view.timeOfToken[first - 1] === time) first--;
    if (view.lower[first - 1] === 'by' && (!own.has(clause) || nodes.some((node) => DEADLINE_SETTERS.has(view.lemma[node])))) continue;
    if (own.has(clause) || nodes.includes(parse.head[index])) return time;
    if (relativeToOther(clause)) continue;
    const underOwn = nonFiniteUnderOwn(clause);
    if (underOwn === 'later') continue;
    if (governing.has(clause) || underOwn === 'dates') governed ??= time;
    if (insideRelative(clause) || insideOwnComplement(clause) || quotedApart(view, index, nodes[0])) continue;
    if (!sentenceTime || (sentenceTime.type !== 'DATE' && time.type === 'DATE')) sentenceTime = time;
  }
  return governed ?? (offsetReport ? null : sentenceTime);
}

/** Nouns for the people an act is done with or to ("welcomed both leaders in the Oval Office"): a venue the parser hangs on them is the act's. */
const PARTY_NOUNS: ReadonlySet<string> = new Set(['leader', 'minister', 'president', 'counterpart', 'delegation', 'official', 'diplomat', 'envoy', 'guest', 'visitor']);

function findPlace(view: DocumentView, parse: Parse, nodes: number[]): Frame['place'] {
  for (const node of nodes) {
    for (const child of parse.children[node]) {
      const relation = parse.deprel[child];
      if (!relation.startsWith('obl') && !relation.startsWith('nmod')) continue;
      const preposition = caseOf(view, parse, child);
      if (!preposition || !PLACE_CASES.has(preposition)) continue;
      const id = view.entityOfToken[child] ?? actorsOf(view, parse, child).find((found) => !onlyInsideClause(view, parse, child, found)) ?? null;
      const entity = id ? view.entityById.get(id) : undefined;
      if (entity && PLACE_TYPES.has(entity.type)) return { entity: entity.id, name: entity.name };
      if (!entity && parse.upos[child] === 'PROPN' && !view.timeOfToken[child]) {
        const from = Math.min(child, ...parse.children[child].filter((grand) => parse.deprel[grand] === 'compound' || parse.deprel[grand] === 'flat'));
        return { entity: null, name: spanText(view, from, child) };
      }
    }
  }
  // "met his counterpart Jeyhun Bayramov in Bern", "held talks with X in Geneva": the parser often
  // hangs the venue on the person met (or on the document signed); a town named "in" them is where the act took place.
  const isPerson = (node: number): boolean => view.entityById.get(view.entityOfToken[node] ?? '')?.type === 'PERSON';
  for (const node of nodes) {
    // The act's arguments, and the people of "talks with X" under them.
    const argumentsOf = parse.children[node].filter((child) => /^(obj|obl|iobj)/.test(parse.deprel[child]));
    for (const argument of [...argumentsOf]) {
      argumentsOf.push(...parse.children[argument].filter((child) => parse.deprel[child].startsWith('nmod') && caseOf(view, parse, child) === 'with'));
    }
    for (const argument of argumentsOf) {
      // The person, or a noun naming them in apposition ("his counterpart Jeyhun Bayramov"), or the
      // document signed ("initialled the treaty in Arica").
      const named = parse.children[argument].filter((child) => parse.deprel[child] === 'appos' && isPerson(child));
      if (!isPerson(argument) && named.length === 0 && !AGREEMENT_NOUNS.has(view.lemma[argument]) && !PARTY_NOUNS.has(view.lemma[argument])) continue;
      for (const child of [argument, ...named].flatMap((holder) => parse.children[holder])) {
        if (!/^(nmod|flat)/.test(parse.deprel[child]) || !VENUE_CASES.has(caseOf(view, parse, child) ?? '')) continue;
        const entity = view.entityById.get(view.entityOfToken[child] ?? '');
        if (entity?.type === 'GPE' || entity?.type === 'FAC') return { entity: entity.id, name: entity.name };
      }
    }
  }
  // "A court in Sumgait sentenced …", "police in Yekaterinburg detained …": a body placed in a town acts there.
  for (const node of nodes) {
    for (const subject of parse.children[node].filter((child) => parse.deprel[child] === 'nsubj')) {
      for (const child of parse.children[subject]) {
        if (parse.deprel[child] !== 'nmod' || !VENUE_CASES.has(caseOf(view, parse, child) ?? '') || !isVenueName(view, child)) continue;
        const entity = view.entityById.get(view.entityOfToken[child] ?? '');
        if (entity?.type === 'GPE') return { entity: entity.id, name: entity.name };
      }
    }
  }
  return null;
}

/** "in a swap brokered by Ecuador": is every token of `id` under `phrase` reached only through a clause on it (a participle, a relative)? */
function onlyInsideClause(view: DocumentView, parse: Parse, phrase: number, id: string): boolean {
  let seen = false;
  const tokens = (view.entityById.get(id)?.mentions ?? []).flatMap((mention) => {
    const [from, to] = tokensWithin(view.tokens, mention.start, mention.end);
    return Array.from({ length: to - from }, (_, offset) => from + offset);
  });
  for (const index of tokens) {
    if (view.entityOfToken[index] !== id) continue;
    let node = index;
    let clause = false;
    while (node >= 0 && node !== phrase) {
      if (/^(acl|advcl|ccomp|xcomp)/.test(parse.deprel[node])) clause = true;
      node = parse.head[node];
    }
    if (node !== phrase) continue;
    if (!clause) return false;
    seen = true;
  }
  return seen;
}

/**
 * "brokered a ceasefire in Bishkek", "shelled positions near Ganja": a town the parser hung on the
 * act's object or oblique, or on a phrase of theirs, is where it happened. Read only for an act already found with its parties:
 * such a town never stands in for a missing party.
 */
function objectPlace(view: DocumentView, parse: Parse, nodes: number[]): Frame['place'] {
  for (const node of nodes) {
    // "discussed the situation in Gaza": what is talked about is no place of the talking.
    if (TOPIC_VERBS.has(view.lemma[node])) continue;
    // The argument's own phrases, and theirs ("gathering intelligence on military facilities near Ganja").
    // Not a phrase that names another happening as a point in time ("after the meeting … in Gabala").
    const holders = parse.children[node].filter((child) => /^(obj|obl)/.test(parse.deprel[child]) && !TIME_POINT_CASES.has(caseOf(view, parse, child) ?? ''));
    // (Only through common nouns: "the ambassador of Peru in Santiago" places the post, not the act.)
    for (const holder of [...holders]) holders.push(...parse.children[holder].filter((child) => parse.deprel[child].startsWith('nmod') && !view.entityOfToken[child]));
    for (const holder of holders) {
      for (const child of parse.children[holder]) {
        if (!parse.deprel[child].startsWith('nmod') || !OBJECT_PLACE_CASES.has(caseOf(view, parse, child) ?? '')) continue;
        // "in Arequipa province": the town named by the modifier of a word for a place (not "in the Syunik route").
        const entity = view.entityById.get(view.entityOfToken[child] ?? (PLACE_HEADS.has(view.lemma[child]) ? actorsOf(view, parse, child)[0] : undefined) ?? '');
        if (entity && isTownEntity(entity)) return { entity: entity.id, name: entity.name };
      }
    }
  }
  return null;
}

/** Prepositions of a venue hung on the person an act involves. */
const VENUE_CASES = new Set(['in', 'at']);
/** Words for a place that a town's name may modify ("Tavush province", "the Lachin district"). */
const PLACE_HEADS = new Set(['province', 'region', 'district', 'city', 'town', 'village', 'oblast', 'county', 'municipality']);

/** Subjects that say no one did the act. */
const NO_ONE = new Set(['nobody', 'none', 'noone']);

/** Prepositions that set an act against another happening in time. */
const TIME_POINT_CASES = new Set(['after', 'before', 'since', 'until', 'following', 'ahead', 'prior']);
/** Prepositions of a town hung on an act's object that place the act. */
const OBJECT_PLACE_CASES = new Set(['in', 'at', 'near', 'outside']);
/** Documents whose signing place the parser hangs on them. */
const AGREEMENT_NOUNS = new Set(['treaty', 'agreement', 'accord', 'deal', 'pact', 'memorandum', 'declaration', 'protocol', 'charter', 'regulation', 'document']);

/** An armed subject phrase in the parse: "troops", "US Predator attacks", "Russian air defences". */
function armedSubject(view: DocumentView, parse: Parse, heads: number[]): boolean {
  return heads.some((head) => [head, ...parse.children[head]].some((node) => MILITARY_WORDS.has(view.lower[node]) || ATTACK_NOUNS.has(view.lemma[node])));
}

/** Concessions, demands, accusations, refusals and threats always have an addressee. */
const ADDRESSEE_ROOTS = new Set(['08', '10', '11', '12', '13']);

/** "In a clash with his Russian counterpart, X demanded …": a with/against phrase under the clause's obliques. */
function addresseeInClause(view: DocumentView, parse: Parse, anchor: number, sources: string[]): string[] {
  for (const oblique of childrenWith(parse, anchor, (relation) => relation.startsWith('obl'))) {
    for (const nested of [oblique, ...parse.children[oblique]]) {
      const preposition = caseOf(view, parse, nested);
      if (preposition !== 'with' && preposition !== 'against') continue;
      const found = actorsOf(view, parse, nested).filter((id) => !sources.includes(id));
      if (found.length > 0) return found;
    }
  }
  return [];
}

interface Candidate {
  trigger: number;
  code: string;
  curated: boolean;
  noun: boolean;
}

/** Codes every predicate of one sentence; `considered` collects every token the parse judged (coded, absorbed or merged). */
export function framesFromParse(view: DocumentView, sentence: Sentence, sentenceIndex: number, considered: Set<number>): Frame[] {
  const parse = view.parse as Parse;
  const candidates = new Map<number, Candidate>();
  for (let index = sentence.tokenStart; index < sentence.tokenEnd; index++) {
    const upos = parse.upos[index];
    // A word inside a name, or a participle used as an adjective ("forced displacement"), names no act.
    if (view.entityOfToken[index] && (upos !== 'VERB' || /^[A-Z]/.test(view.tokens[index].text))) continue;
    // Nor does a capitalised word inside a title-case run ("a formal Peace Signing Ceremony").
    const capitalised = (at: number): boolean => at >= sentence.tokenStart && at < sentence.tokenEnd && /^\p{Lu}\p{Ll}/u.test(view.tokens[at].text);
    if (index > sentence.tokenStart && capitalised(index) && capitalised(index - 1) && capitalised(index + 1)) {
      considered.add(index);
      continue;
    }
    if (parse.deprel[index] === 'amod') {
      // Truly attributive ("over forced displacement"): after a determiner or preposition, before a noun.
      // So is a word tagged as an adjective before its noun ("supporting armed groups").
      if ((['DET', 'ADP', 'ADJ'].includes(parse.upos[index - 1] ?? '') || parse.xpos[index] === 'JJ') && parse.upos[index + 1] === 'NOUN') considered.add(index);
      continue;
    }
    if (upos === 'VERB' || (parse.xpos[index].startsWith('VB') && upos !== 'AUX')) {
      if (asksNoAct(view.lower, index)) {
        considered.add(index);
        continue;
      }
      const coded = verbCode(view.lemma[index], companionsOf(view, parse, index));
      if (coded && receivesAThing(view, parse, index, coded.code)) {
        // "welcomed the constructive atmosphere": welcoming a thing approves it; "received a letter" is no event.
        if (view.lemma[index] === 'welcome') candidates.set(index, { trigger: index, code: '051', curated: true, noun: false });
        else considered.add(index);
      } else if (coded) candidates.set(index, { trigger: index, code: coded.code, curated: coded.curated, noun: false });
    } else if (upos === 'NOUN' || upos === 'PROPN') {
      // "respond to any attack": a noun under "any" names a kind of act, not one that happens.
      if (parse.children[index].some((child) => parse.deprel[child] === 'det' && view.lower[child] === 'any')) continue;
      const code = nounCode(view.lemma[index], companionsOf(view, parse, index));
      if (code) candidates.set(index, { trigger: index, code, curated: true, noun: true });
    }
  }
  const frames: Frame[] = [];
  for (const candidate of candidates.values()) {
    const frame = frameOf(view, parse, candidate, candidates, sentence, sentenceIndex);
    if (frame) considered.add(candidate.trigger);
    if (frame && frame !== 'absorbed') frames.push(frame);
  }
  frames.push(...demandsInSpeech(view, parse, sentence, sentenceIndex));
  return frames;
}

/** Whom a host receives: people or a body of them ("received the delegation", "received Armenia's minister"). */
const RECEIVED_PEOPLE = new Set(['delegation', 'envoy', 'guest', 'visitor', 'counterpart', 'leader', 'minister', 'president', 'official', 'ambassador', 'diplomat', 'team', 'king', 'queen', 'prince', 'pope', 'chancellor', 'premier']);

/** "will receive exclusive rights", "received a letter", "welcomed the atmosphere": receiving or welcoming a thing is no reception of a visitor (043). */
export function receivesAThing(view: DocumentView, parse: Parse, trigger: number, code: string): boolean {
  if (code !== '043' || (view.lemma[trigger] !== 'receive' && view.lemma[trigger] !== 'welcome')) return false;
  // The parsed object, else (when the parse hung the verb elsewhere: "received life sentences") the first noun after it.
  // "The accord was welcomed by Santiago": the passive's subject is what was received.
  let object = parse.children[trigger].find((child) => parse.deprel[child] === 'obj' || parse.deprel[child] === 'nsubj:pass');
  for (let index = trigger + 1; object === undefined && index <= trigger + 3 && index < view.tokens.length && view.tokens[index].sentence === view.tokens[trigger].sentence; index++) {
    if (parse.upos[index] === 'NOUN' && parse.upos[index + 1] !== 'NOUN') object = index;
    else if (!/^(DET|ADJ|NOUN|NUM)$/.test(parse.upos[index])) break;
  }
  // "We welcome it", "welcomed this": a thing, unless the pronoun stands for an actor.
  if (object !== undefined && /^(it|this|that)$/.test(view.lower[object])) return !view.entityOfToken[object];
  return object !== undefined && parse.upos[object] === 'NOUN' && !view.entityOfToken[object] && !RECEIVED_PEOPLE.has(view.lemma[object]);
}

/**
 * A subject that is a common noun naming no actor ("the detainees were suspected", "the involvement
 * of outside powers could undermine …"): nobody known did it.
 */
function unknownSubject(view: DocumentView, parse: Parse, trigger: number): boolean {
  const children = parse.children[trigger];
  const passive = children.find((child) => parse.deprel[child] === 'nsubj:pass');
  if (passive !== undefined && children.some((child) => parse.deprel[child] === 'aux:pass')) return parse.upos[passive] === 'NOUN' && !view.entityOfToken[passive];
  // Active, only a singular noun: a thing or a deed ("the move", "the involvement of …"); plural people ("protesters rioted") act.
  const subject = children.find((child) => parse.deprel[child] === 'nsubj');
  return subject !== undefined && parse.xpos[subject] === 'NN' && !view.entityOfToken[subject];
}

/** The verb of the clause a noun event frames ("killed two men during raids" → "killed"), or -1. */
function duringClauseVerb(view: DocumentView, parse: Parse, trigger: number): number {
  const head = parse.head[trigger];
  const relation = parse.deprel[trigger];
  // "had not been informed of the arrest", "spoke about the raid": what the clause is about is no act of its subject;
  // nor what it reacts to ("to protest against the arrests", "clashed over the ban").
  // Nor, for an act done to people, what it came after ("Moscow protested after the Sputnik arrests").
  const preposition = caseOf(view, parse, trigger) ?? '';
  const sequel = AFTER_CASES.has(preposition) && PATIENT_NOUNS.has(view.lemma[trigger]);
  if (relation.startsWith('obl')) return TOPIC_OF_CLAUSE.has(preposition) || REACTED_TO.has(preposition) || sequel ? -1 : head;
  return relation.startsWith('nmod') && DURING_CASES.has(caseOf(view, parse, trigger) ?? '') && head >= 0 ? parse.head[head] : -1;
}

/** A noun event a clause reacts to or is about ("protest against the arrests", "informed of the raid"): the clause's actors did not do it. */
export function reactedToEvent(view: DocumentView, parse: Parse, trigger: number): boolean {
  const preposition = caseOf(view, parse, trigger) ?? '';
  return parse.upos[trigger] === 'NOUN' && /^(obl|nmod)/.test(parse.deprel[trigger]) && (REACTED_TO.has(preposition) || TOPIC_OF_CLAUSE.has(preposition));
}

/** A noun event during which the clause's subject underwent something ("died during raids", "were detained during raids"): that subject did not do it. */
export function sufferedDuring(view: DocumentView, parse: Parse, trigger: number): boolean {
  const clauseVerb = duringClauseVerb(view, parse, trigger);
  if (clauseVerb < 0 || parse.upos[clauseVerb] !== 'VERB' || !DURING_CASES.has(caseOf(view, parse, trigger) ?? '')) return false;
  return SUFFERING_VERBS.has(view.lemma[clauseVerb]) || isPassive(view, parse, clauseVerb);
}

function frameOf(
  view: DocumentView,
  parse: Parse,
  candidate: Candidate,
  candidates: Map<number, Candidate>,
  sentence: Sentence,
  sentenceIndex: number,
): Frame | 'absorbed' | null {
  const { trigger } = candidate;
  const head = parse.head[trigger];
  const governor = head >= 0 ? candidates.get(head) : undefined;
  const relation = parse.deprel[trigger];
  // A complement that the governing event already codes ("threatened to attack", "agreed to cooperate").
  if (!candidate.noun && governor && !governor.noun && relation === 'xcomp' && ABSORBING_ROOTS.has(governor.code.slice(0, 2)) && !DECISION_VERBS.has(view.lemma[head])) return 'absorbed';
  if (!candidate.noun && DECISION_VERBS.has(view.lemma[trigger]) && parse.children[trigger].some((child) => parse.deprel[child] === 'xcomp' && candidates.has(child))) return 'absorbed';
  let anchor = trigger;
  let sourceHeads: number[];
  let targetHeads: number[];
  const triggerTokens = [trigger];
  if (candidate.noun) {
    if (governor && !governor.noun && (verbTakesNoun(view.lemma[head], view.lemma[trigger]) || relation === 'obj')) return 'absorbed';
    const nounTargets = partyObliques(view, parse, trigger, candidate.code);
    // "launched an offensive", "announced a suspension": the verb's subject did the act. A verb that
    // describes or judges the act ("called the arrests unfriendly", "reported the attack") names no doer.
    // A participle describing a noun ("the attention surrounding the talks") performs nothing.
    const governorIsLight = head >= 0 && !governor && parse.upos[head] === 'VERB' && (relation === 'obj' || relation === 'nsubj:pass') && !JUDGING_VERBS.has(view.lemma[head]) &&
      !parse.deprel[head].startsWith('acl');
    if (governorIsLight) {
      anchor = head;
      [sourceHeads, targetHeads] = verbArguments(view, parse, head);
      targetHeads = [...nounTargets, ...targetHeads.filter((node) => node !== trigger)];
    } else {
      sourceHeads = parse.children[trigger].filter((child) => {
        const dependency = parse.deprel[child];
        // "a U.S.-brokered ceasefire", "a Qatari-mediated deal": the broker is no party to the act.
        if (dependency === 'amod' && BROKERING_VERBS.has(view.lemma[child])) return false;
        // "the Sharm el-Sheikh summit", "the Geneva talks": a place naming the event is where it was held.
        if (dependency === 'compound' && isVenueName(view, child)) return false;
        return dependency === 'nmod:poss' || dependency === 'amod' || dependency === 'compound' || (dependency.startsWith('nmod') && caseOf(view, parse, child) === 'by');
      });
      targetHeads = nounTargets.filter((node) => caseOf(view, parse, node) !== 'by');
      // "their arrests", "the men's trial": people owning an act done to people suffered it.
      const sufferers = sourceHeads.filter((node) => sufferingPossessor(view, parse, trigger, node));
      sourceHeads = sourceHeads.filter((node) => !sufferers.includes(node));
      targetHeads = [...targetHeads, ...sufferers];
      // "killed two men during raids": an act the clause happened during is the clause subject's, even
      // where the parse hung "during raids" on the object.
      const clauseVerb = duringClauseVerb(view, parse, trigger);
      // "blamed Russia for the downing", "accused Peru of the attack": whoever is blamed did the act.
      const blamed = governor?.code.startsWith('11') && /^(obl|nmod)/.test(relation) && /^(for|of)$/.test(caseOf(view, parse, trigger) ?? '')
        ? childrenWith(parse, head, (value) => value === 'obj').filter((node) => actorsOf(view, parse, node).length > 0)
        : [];
      if (blamed.length > 0 && sourceHeads.every((node) => actorsOf(view, parse, node).length === 0)) sourceHeads = blamed;
      else if (sourceHeads.every((node) => actorsOf(view, parse, node).length === 0) && clauseVerb >= 0 && parse.upos[clauseVerb] === 'VERB') {
        // "two brothers died during police raids", "were detained during raids": the subject suffered the act.
        if (sufferedDuring(view, parse, trigger)) targetHeads = [...targetHeads, ...subjectHeads(view, parse, clauseVerb)];
        else sourceHeads = subjectHeads(view, parse, clauseVerb);
        anchor = clauseVerb;
      }
    }
    // "drew a strong protest from Baku", "criticism from Moscow": who reacts is named after "from".
    if (REACTION_ROOTS.has(candidate.code.slice(0, 2)) && sourceHeads.every((node) => actorsOf(view, parse, node).length === 0)) {
      const from = targetHeads.filter((node) => caseOf(view, parse, node) === 'from');
      sourceHeads = [...sourceHeads, ...from];
      targetHeads = targetHeads.filter((node) => !from.includes(node));
    }
  } else {
    [sourceHeads, targetHeads] = verbArguments(view, parse, trigger);
    // "the plane was flying to Grozny", "the first freight train arrived in Armenia": a vehicle travels, nobody visits.
    if (candidate.code.startsWith('042') && sourceHeads.some((node) => VEHICLE_NOUNS.has(view.lemma[node]))) return 'absorbed';
    // "discussed a pipeline to Nakhchivan", "the situation in Gaza": what was discussed is a topic, not a party ("with" names those).
    if (TOPIC_VERBS.has(view.lemma[trigger])) targetHeads = targetHeads.filter((node) => parse.deprel[node] !== 'obj');
    // "held a summit on Peru's future": the meeting noun's parties are its own phrases that are no topic ("a summit with Peru").
    if (candidate.code.startsWith('04')) {
      targetHeads = targetHeads.flatMap((node) =>
        parse.deprel[node] === 'obj' && nounCode(view.lemma[node], companionsOf(view, parse, node))?.startsWith('04') ? partyObliques(view, parse, node, candidate.code) : [node],
      );
    }
    // "shoot down", "call off": a particle joins the trigger only when the lexicon knows the pair ("kidnapped up to 16" is no verb+particle).
    const particle = parse.children[trigger].find((child) => parse.deprel[child] === 'compound:prt' && verbTakesNoun(view.lemma[trigger], view.lemma[child]));
    if (particle !== undefined) triggerTokens.push(particle);
    if (targetHeads.length === 0 || targetHeads.every((node) => actorsOf(view, parse, node).length === 0)) {
      // "demanded that the US cancel …", "offered to hand over to Britain …": the complement names the target.
      for (const complement of childrenWith(parse, trigger, (value) => value === 'ccomp' || value === 'xcomp')) {
        const root = candidate.code.slice(0, 2);
        if (DEMANDING_ROOTS.has(root) || root === '11') targetHeads.push(...subjectHeads(view, parse, complement).filter((node) => node !== sourceHeads[0]));
        const [, complementTargets] = verbArguments(view, parse, complement);
        targetHeads.push(...complementTargets);
      }
    }
  }
  // "talks between Lima and Quito", "since fighting between the army and the rebels spread": an act with no doer of its
  // own (a noun with no actor among its doer phrases, a verb with no subject) done between two sides is theirs, on each other.
  const between = targetHeads.filter((node) => caseOf(view, parse, node) === 'between');
  const doerless = candidate.noun ? sourceHeads.every((node) => actorsOf(view, parse, node).length === 0) : !parse.children[trigger].some((child) => /^nsubj/.test(parse.deprel[child]));
  const mutual = between.length > 0 && doerless;
  if (mutual) [sourceHeads, targetHeads] = [between, targetHeads.filter((node) => !between.includes(node))];
  let sources = firstActors(view, parse, sourceHeads, []);
  // "The court ordered that the two men be deported": an ordered passive with no agent is the orderer's act.
  const order = sources.length === 0 ? orderingVerb(view, parse, trigger) : -1;
  if (order >= 0) sources = firstActors(view, parse, subjectHeads(view, parse, order), []);
  // Prefer a target other than the source; the same actor only when nothing else is named ("Turkey will allow Turkish refugees").
  let targets = firstActors(view, parse, targetHeads, sources);
  if (targets.length === 0) targets = firstActors(view, parse, targetHeads, []);
  if (targets.length === 0 && ADDRESSEE_ROOTS.has(candidate.code.slice(0, 2))) targets = addresseeInClause(view, parse, anchor, sources);
  // "Lima and Santiago blamed each other": several doers (a group's members, see actorsOf) act on one another.
  // "released eight Peruvians in a swap brokered by Ecuador": the broker of an act mediates between that act's parties.
  if (targets.length === 0 && !candidate.noun && candidate.code.startsWith('045')) targets = partiesOfBrokeredAct(view, parse, trigger, sources);
  const reciprocal = targets.length === 0 && sources.length >= 2 && (mutual || reciprocalObject(view, parse, anchor));
  if (reciprocal) targets = [...sources];
  const predicate = anchor === trigger ? [trigger] : [anchor, trigger];
  const place = findPlace(view, parse, predicate);
  // Where the act happened, also from a town on its object, which never stands in for a party (see objectPlace).
  const located = place ?? objectPlace(view, parse, predicate);
  const code = candidate.code;
  // The place stands in for an unnamed target ("shelled positions near Kharkiv"), but not for the
  // uncoded subject of an agentless passive ("1,240 people were injured in Herat": nobody acted).
  const agentlessPassive = sources.length === 0 && ((isPassive(view, parse, trigger) && childrenWith(parse, trigger, (value) => value === 'nsubj:pass').length > 0) || isReducedRelative(view, parse, trigger));
  // A building is where words and deals happen ("signed at the Itamaraty"); only force aims at one.
  // Where an agreement is signed is a venue too ("initialled the treaty in Arica"), never a party.
  const venue = (view.entityById.get(place?.entity ?? '')?.type === 'FAC' && code < '14') || code.startsWith('057');
  if (code.startsWith('057') && place?.entity) targets = targets.filter((id) => id !== place.entity);
  if (targets.length === 0 && place?.entity && PLACE_TARGET_ROOTS.has(code.slice(0, 2)) && !sources.includes(place.entity) && !agentlessPassive && !venue) targets = [place.entity];
  // A participle describing a noun that names no one ("the route agreed in Washington"): judged, nobody to code.
  // A reduced relative, or a subject that names no actor ("the detainees were suspected of fraud"): no one known takes part,
  // and the linear reading must not borrow the actors around it.
  // "Both men were detained in Baku": a state act told with no one named is kept for where it happened, whose authorities did it.
  let placedOnly: Frame['placedOnly'];
  if (sources.length === 0 && targets.length === 0) {
    const absorbed = !candidate.noun && (isReducedRelative(view, parse, trigger) || unknownSubject(view, parse, trigger));
    if (stateActPlace(view, code, trigger, located) === null) return absorbed ? 'absorbed' : null;
    placedOnly = absorbed ? 'absorbed' : 'unread';
  }
  const reportedBy = findAttribution(view, parse, anchor);
  const cues = collectCues(view, parse, anchor, trigger, reportedBy !== null);
  if (governor && DEMANDING_ROOTS.has(governor.code.slice(0, 2)) && (relation === 'xcomp' || relation === 'ccomp')) cues.demanded = true;
  return {
    sentence: sentenceIndex,
    trigger: triggerTokens.sort((a, b) => a - b),
    anchor,
    code,
    curated: candidate.curated,
    sources,
    targets,
    status: decideStatus(cues),
    conditional: cues.conditional,
    hedge: findHedgeInTree(view, parse, anchor),
    attribution: reportedBy,
    time: findTime(view, parse, predicate, sentence),
    place: located,
    unreliable: !candidate.noun && !VERB_RELATIONS.has(relation.split(':')[0]),
    armed: armedSubject(view, parse, sourceHeads),
    ...(placedOnly ? { placedOnly } : {}),
    ...(reciprocal ? { reciprocal } : {}),
  };
}

/** "X said Y must do Z": a demand by X on Y, coded as its own event on the speech verb. */
function demandsInSpeech(view: DocumentView, parse: Parse, sentence: Sentence, sentenceIndex: number): Frame[] {
  const frames: Frame[] = [];
  for (let complement = sentence.tokenStart; complement < sentence.tokenEnd; complement++) {
    const obligation = parse.children[complement].some((child) => parse.deprel[child] === 'aux' && (view.lower[child] === 'must' || view.lower[child] === 'should'));
    if (!obligation) continue;
    // The speech verb above the obliged act, however the parser attached the clause; else the one before it.
    let index = parse.head[complement];
    while (index >= 0 && !isSpeechVerb(view, parse, index)) index = parse.head[index];
    for (let back = complement - 1; index < 0 && back >= sentence.tokenStart; back--) if (isSpeechVerb(view, parse, back)) index = back;
    if (index < 0) continue;
    const subjects = firstActors(view, parse, subjectHeads(view, parse, index), []);
    const speaker = subjects.length > 0 ? null : speakerOfVerb(view, parse, index);
    const sources = speaker ? [speaker] : subjects;
    const parsed = firstActors(view, parse, childrenWith(parse, complement, (relation) => relation === 'nsubj'), sources);
    // "said US and British forces must …": every actor between the speech verb and the modal is obliged, however the parser split them.
    const modal = parse.children[complement].find((child) => parse.deprel[child] === 'aux' && (view.lower[child] === 'must' || view.lower[child] === 'should')) as number;
    const between: string[] = [];
    for (let token = index + 1; token < modal && parse.upos[token] !== 'VERB'; token++) {
      const id = view.entityOfToken[token];
      if (id !== null && !sources.includes(id) && !between.includes(id)) between.push(id);
    }
    const targets = parsed.length > 0 && parsed.every((id) => between.includes(id)) ? between : parsed;
    if (sources.length === 0 || targets.length === 0) continue;
    frames.push({
      sentence: sentenceIndex,
      trigger: [index],
      anchor: index,
      code: '100',
      curated: true,
      sources,
      targets,
      status: 'occurred',
      conditional: false,
      hedge: findHedgeInTree(view, parse, index),
      attribution: null,
      time: findTime(view, parse, [index], sentence),
      place: null,
    });
  }
  return frames;
}

