/**
 * Modality, hedging and attribution cues, as word lists and small pure decisions shared by the
 * parse-based and the shallow event analysers: which auxiliaries make an event planned or possible,
 * which governing predicates make it demanded, denied, negated or hypothetical, and which words
 * hedge a report ("reportedly", "widely reported", "is said to").
 */
import type { EventStatus } from '../../contract/types.js';

export const NEGATORS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without']);
export const FUTURE_AUX = new Set(['will', 'shall', "'ll", 'wo']);
export const POSSIBLE_AUX = new Set(['may', 'might', 'could', 'can', 'ca']);
/** "is due to", "plans to", "is set to", "ordered … to be expelled" …: the governed act lies ahead. */
export const PLAN_GOVERNORS = new Set(['due', 'set', 'schedule', 'plan', 'intend', 'expect', 'prepare', 'aim', 'going', 'go', 'poise', 'ready', 'willing', 'seek', 'want', 'try', 'attempt', 'decide', 'vow', 'pledge', 'promise', 'agree', 'offer', 'threaten', 'propose', 'invite', 'order', 'instruct']);
/** "hopes to sign", "hoped Baku would reconsider", "in the hope that": wished for, not planned. */
export const HOPE_GOVERNORS = new Set(['hope', 'wish', 'hopeful', 'pray']);
/** "may result in", "could lead to": possibility predicates. */
export const POSSIBLE_GOVERNORS = new Set(['possible', 'likely', 'unlikely', 'potential', 'potentially', 'possibly', 'perhaps', 'maybe', 'probably']);
export const DEMAND_GOVERNORS = new Set(['demand', 'call', 'urge', 'press', 'ask', 'insist', 'appeal', 'push', 'pressure', 'request', 'require', 'force']);
export const DENY_GOVERNORS = new Set(['deny', 'dismiss', 'refute', 'reject']);
export const NEGATING_GOVERNORS = new Set(['fail', 'refuse', 'decline', 'avoid', 'stop', 'cease']);
export const ONGOING_GOVERNORS = new Set(['continue', 'keep', 'remain', 'ongoing', 'still']);
export const CONDITION_MARKS = new Set(['if', 'unless', 'whether']);
export const HEDGE_ADVERBS = new Set(['reportedly', 'allegedly', 'apparently', 'purportedly', 'supposedly', 'reputedly', 'seemingly', 'ostensibly']);
/** Report verbs that hedge when passive and governing an infinitive: "was reported to have", "is said to". */
export const HEDGE_REPORT_VERBS = new Set(['report', 'say', 'believe', 'allege', 'suspect', 'think', 'rumour', 'rumor', 'understand', 'claim', 'know']);
/** Nouns that make "according to …" a hedge rather than an attribution to someone named. */
export const HEDGE_SOURCES = new Set(['report', 'reports', 'media', 'source', 'sources', 'rumour', 'rumours', 'rumors', 'witnesses']);

/** Words that end the reach of a negation back along the words: punctuation and clause openers. */
const NEGATION_BARRIERS = /^([,;:.!?]|and|but|that|which|who|while|because|although|though)$/;

/**
 * "has not accepted responsibility or paid compensation", "did not sign nor ratify it": an act right
 * after "or"/"nor" falls under a negation a few words before it in the same clause. Read along the
 * words, since parsers often take such a participle for an adjective.
 */
export function negatedAlternative(lower: readonly string[], trigger: number): boolean {
  if (lower[trigger - 1] !== 'or' && lower[trigger - 1] !== 'nor') return false;
  for (let index = trigger - 2; index >= Math.max(0, trigger - 10); index--) {
    if (NEGATION_BARRIERS.test(lower[index])) return false;
    if (lower[index] === 'not' || lower[index] === "n't" || lower[index] === 'never') return true;
  }
  return false;
}

/** What the analysers collect around a predicate before deciding its status. */
export interface ModalityCues {
  negated: boolean;
  denied: boolean;
  demanded: boolean;
  hoped: boolean;
  conditional: boolean;
  future: boolean;
  /** "would" outside reported speech. */
  wouldHypothetical: boolean;
  possible: boolean;
  ongoing: boolean;
}

export function emptyCues(): ModalityCues {
  return { negated: false, denied: false, demanded: false, hoped: false, conditional: false, future: false, wouldHypothetical: false, possible: false, ongoing: false };
}

/** Status by precedence: denial, then negation ("will not accept … if …" is a refusal), condition, demand, hope, possibility, plan. */
export function decideStatus(cues: ModalityCues): EventStatus {
  if (cues.denied) return 'denied';
  if (cues.negated) return 'negated';
  if (cues.conditional) return 'hypothetical';
  if (cues.demanded) return 'demanded';
  if (cues.hoped) return 'hoped';
  if (cues.possible) return 'possible';
  if (cues.wouldHypothetical) return 'hypothetical';
  if (cues.future) return 'planned';
  if (cues.ongoing) return 'ongoing';
  return 'occurred';
}

/** Applies one governing word (lemma) met on the way up from a predicate to the cues. */
export function applyGovernor(cues: ModalityCues, lemma: string): void {
  if (DEMAND_GOVERNORS.has(lemma)) cues.demanded = true;
  else if (DENY_GOVERNORS.has(lemma)) cues.denied = true;
  else if (NEGATING_GOVERNORS.has(lemma)) cues.negated = true;
  else if (HOPE_GOVERNORS.has(lemma)) cues.hoped = true;
  else if (PLAN_GOVERNORS.has(lemma)) cues.future = true;
  else if (POSSIBLE_GOVERNORS.has(lemma)) cues.possible = true;
  else if (ONGOING_GOVERNORS.has(lemma)) cues.ongoing = true;
}

/** Applies an auxiliary or adverb attached to the predicate. `reported` is true inside reported speech. */
export function applyAuxiliary(cues: ModalityCues, word: string, reported: boolean): void {
  if (NEGATORS.has(word)) cues.negated = true;
  else if (FUTURE_AUX.has(word)) cues.future = true;
  else if (word === 'would') {
    // In news "would" mostly reports a stated plan ("Iraq said it would allow …"); a condition makes it hypothetical.
    if (reported || !cues.conditional) cues.future = true;
    else cues.wouldHypothetical = true;
  } else if (POSSIBLE_AUX.has(word) || POSSIBLE_GOVERNORS.has(word)) cues.possible = true;
  else if (word === 'must' || word === 'should') cues.demanded = true;
}

/** Sentence-level hedge phrases for text without a parse (and for multiword hedges with one). */
const HEDGE_PHRASES: readonly RegExp[] = [
  /\b(?:widely |reportedly |allegedly )?(?:reported|said|believed|alleged|rumou?red|thought|understood|claimed) to\b/i,
  /\baccording to (?:media |unconfirmed |local |press |news )?(?:reports?|sources|media|witnesses|rumou?rs)\b/i,
  /\b(?:reportedly|allegedly|apparently|purportedly|supposedly|reputedly)\b/i,
  /\bit is (?:understood|believed|thought|reported|alleged) that\b/i,
];

/** The hedge phrase of a text span, trimmed to its core words ("widely reported"), or null. */
export function findHedge(text: string): { text: string; index: number } | null {
  for (const pattern of HEDGE_PHRASES) {
    const match = pattern.exec(text);
    if (match) return { text: match[0].replace(/ to$| that$/i, '').replace(/^(?:is|was|were|are|it is) /i, ''), index: match.index };
  }
  return null;
}
