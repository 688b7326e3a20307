/**
 * Responses to an earlier act: "Chile accused Peru of spying. Peru's Foreign Ministry rejected the
 * accusation." The rejection names no counterpart, but "the accusation" points back at the accusing
 * event, whose doer is the one rejected. An act of answering (reject, deny, welcome, condemn …)
 * whose object is a definite noun for a kind of act ("the accusation", "the demand", "the
 * agreement", "this decision") and which has no target of its own takes as targets the parties of
 * the latest earlier event of that kind within a few sentences: its doers for an accusation, a
 * demand, a proposal or a decision, and all its parties for an agreement. An accusation or a claim
 * may also be an act someone only reported ("Baku said Armenian units had opened fire"): its speaker. A refusal or
 * acceptance with no object at all ("Uruguay demanded the release of its fishermen. Chile refused") answers the demand
 * or proposal of the sentence before. The event says which event it answers (`target_inferred`), and with what confidence.
 */
import type { DocumentView, Frame } from './document.js';

/** Confidence of a counterpart taken from the event an act answers. */
export const ANSWERED_EVENT_CONFIDENCE = 0.6;

/** Sentences back within which "the accusation" finds its accusing event. */
const SENTENCES_BACK = 3;

/** Verbs that answer an earlier act (the rejection, denial, welcome or criticism of it). */
const ANSWERING_VERBS: ReadonlySet<string> = new Set([
  'reject', 'deny', 'dismiss', 'refute', 'rebuff', 'dispute', 'contest', 'welcome', 'praise', 'hail', 'applaud', 'endorse', 'support', 'back',
  'criticise', 'criticize', 'condemn', 'denounce', 'slam', 'decry', 'deplore', 'protest', 'accept', 'ignore', 'defy', 'challenge', 'appeal',
]);

/** What an answered act was, by the noun that refers back to it, and which earlier events can be it. */
interface ActKind {
  /** CAMEO code prefixes of the events the noun can refer back to. */
  codes: readonly string[];
  /** Whether all the parties of that event are answered (an agreement), or only its doers. */
  allParties: boolean;
  /** Whether an act someone only reported ("X said Y opened fire") is a claim of that speaker's. */
  claims?: boolean;
}

const SAID: ActKind = { codes: ['01', '11', '12', '13'], allParties: false, claims: true };
const ACCUSED: ActKind = { codes: ['11'], allParties: false, claims: true };
const DEMANDED: ActKind = { codes: ['10', '02'], allParties: false };
const PROPOSED: ActKind = { codes: ['03', '02'], allParties: false };
const AGREED: ActKind = { codes: ['057', '03'], allParties: true };
const DECIDED: ActKind = { codes: ['07', '08', '1', '2'], allParties: false };
const PUNISHED: ActKind = { codes: ['17'], allParties: false };
const SANCTIONED: ActKind = { codes: ['16', '17'], allParties: false };
const ATTACKED: ActKind = { codes: ['18', '19', '20'], allParties: false };
const THREATENED: ActKind = { codes: ['13'], allParties: false };

const ACT_NOUNS: ReadonlyMap<string, ActKind> = new Map([
  ...['accusation', 'allegation', 'charge'].map((noun) => [noun, ACCUSED] as const),
  ...['claim', 'criticism', 'remark', 'comment', 'statement', 'assertion', 'suggestion'].map((noun) => [noun, SAID] as const),
  ...['demand', 'call', 'ultimatum', 'request', 'appeal'].map((noun) => [noun, DEMANDED] as const),
  ...['proposal', 'offer', 'plan', 'initiative', 'invitation'].map((noun) => [noun, PROPOSED] as const),
  ...['agreement', 'deal', 'accord', 'treaty', 'ceasefire', 'truce', 'pact', 'memorandum'].map((noun) => [noun, AGREED] as const),
  ...['decision', 'move', 'step', 'measure'].map((noun) => [noun, DECIDED] as const),
  ...['verdict', 'ruling', 'sentence', 'arrest', 'detention', 'expulsion', 'ban', 'crackdown'].map((noun) => [noun, PUNISHED] as const),
  ...['sanction', 'suspension'].map((noun) => [noun, SANCTIONED] as const),
  ...['attack', 'strike', 'raid', 'shelling', 'bombing', 'killing', 'assault'].map((noun) => [noun, ATTACKED] as const),
  ...['threat', 'warning'].map((noun) => [noun, THREATENED] as const),
]);

/** Whether a noun (lemma) names a kind of act another act can answer ("accusation", "agreement", "attack"). */
export function isActNoun(lemma: string): boolean {
  return ACT_NOUNS.has(lemma);
}

/** Determiners that make the noun point back at a known act ("the", "this", "that", "these", "such"). */
const DEFINITE = /^(the|this|that|these|those|such)$/;

/** An earlier event as it was told: its frame and its output id. */
export interface ToldEvent {
  frame: Frame;
  id: string;
}

/** Verbs that answer a demand or a proposal with no object at all ("Uruguay demanded … Chile refused, saying …"). */
const BARE_ANSWERING_VERBS: ReadonlySet<string> = new Set(['refuse', 'reject', 'decline', 'comply', 'agree', 'accept', 'relent']);
/** What a bare answer answers: the demand or proposal of the sentence before, at most. */
const ASKED: ActKind = { codes: ['10', '02', '03'], allParties: false };
const BARE_SENTENCES_BACK = 1;

/** The kind of act the answering verb's object refers back to, and how many sentences back it may be; or null. */
function answeredKind(view: DocumentView, frame: Frame): { kind: ActKind; back: number } | null {
  const parse = view.parse;
  const trigger = frame.trigger[0];
  if (!parse || frame.trigger.length !== 1) return null;
  // "Chile refused, saying …": no object, clause or infinitive; what was refused was asked just before.
  const bare = !parse.children[trigger].some((child) => /^(obj|nsubj:pass|ccomp|xcomp|obl|iobj)/.test(parse.deprel[child]));
  if (bare && BARE_ANSWERING_VERBS.has(view.lemma[trigger])) return { kind: ASKED, back: BARE_SENTENCES_BACK };
  if (!ANSWERING_VERBS.has(view.lemma[trigger])) return null;
  const object = parse.children[trigger].find((child) => parse.deprel[child] === 'obj' || parse.deprel[child] === 'nsubj:pass');
  if (object === undefined || parse.upos[object] !== 'NOUN' || view.entityOfToken[object]) return null;
  const kind = ACT_NOUNS.get(view.lemma[object]);
  if (!kind) return null;
  // "the accusation", "this decision", "Chile's accusation" (its owner is the counterpart, read elsewhere).
  const definite = parse.children[object].some((child) => parse.deprel[child] === 'det' && DEFINITE.test(view.lower[child]));
  return definite ? { kind, back: SENTENCES_BACK } : null;
}

/** The frame with the parties of the earlier act it answers as targets, when it names none of its own. */
export function withAnsweredParties(view: DocumentView, frame: Frame, told: readonly ToldEvent[]): Frame {
  if (frame.targets.length > 0) return frame;
  const answered = answeredKind(view, frame);
  if (!answered) return frame;
  const { kind, back } = answered;
  const own = new Set(frame.sources);
  for (let index = told.length - 1; index >= 0; index--) {
    const earlier = told[index].frame;
    if (frame.sentence - earlier.sentence > back) break;
    if (earlier.trigger[0] >= frame.trigger[0]) continue;
    // "Baku said Armenian units had opened fire. Yerevan rejected the accusation": the claim is the speaker's.
    const claimant = kind.claims && earlier.attribution?.speaker && !own.has(earlier.attribution.speaker) ? earlier.attribution.speaker : null;
    if (!kind.codes.some((prefix) => earlier.code.startsWith(prefix))) {
      if (claimant) return { ...frame, targets: [claimant], answers: told[index].id };
      continue;
    }
    const parties = (kind.allParties ? [...earlier.sources, ...earlier.targets] : earlier.sources).filter((id) => !own.has(id));
    // One's own earlier act is no counterpart ("Chile proposed talks … Chile then withdrew the proposal").
    if (parties.length === 0 || earlier.sources.some((id) => own.has(id))) continue;
    return { ...frame, targets: [...new Set(parties)], answers: told[index].id };
  }
  return frame;
}
