/**
 * The event lexicon's query side: CAMEO code facts (name, Goldstein, quad, PLOVER), trigger lookup
 * (our curated patterns first, PETRARCH-derived verb facts second) and a small lemmatiser for when
 * no language model is loaded. Also the CAMEO coding conventions for modality (a stated intention to
 * cooperate is coded 03x, a refusal 12x, a conditional threat 13x), used by consumers that want
 * classic CAMEO codes.
 */
import { CAMEO_TABLE } from './cameo-table.js';
import { EVENT_NOUNS, LIGHT_VERBS, SPEECH_VERBS, STATIVE_PARTICIPLES, VEHICLE_NOUNS, VERB_PATTERNS } from './patterns.js';
import { IRREGULAR_VERB_FORMS, VERB_BLOCK, VERB_DEFAULT_CODES, VERB_OBJECT_BLOCKS } from './petrarch-verbs.js';

export { SPEECH_VERBS, STATIVE_PARTICIPLES, VEHICLE_NOUNS };

export interface CodeFacts {
  code: string;
  root: string;
  name: string;
  goldstein: number;
  quad: number | null;
  plover: string | null;
  ploverMode: string | null;
}

/** Facts about a CAMEO code (falls back to its root when the exact code is unknown). */
export function codeFacts(code: string): CodeFacts {
  const row = CAMEO_TABLE[code] ?? CAMEO_TABLE[code.slice(0, 3)] ?? CAMEO_TABLE[code.slice(0, 2)];
  const root = code.slice(0, 2);
  return {
    code,
    root,
    name: row?.[0] ?? 'unknown',
    goldstein: row?.[1] ?? 0,
    quad: row?.[2] ?? null,
    plover: row?.[3] ?? null,
    ploverMode: row?.[4] ?? null,
  };
}

interface Pattern {
  companions: string[];
  code: string;
}

function compile(lines: readonly string[]): Map<string, Pattern[]> {
  const table = new Map<string, Pattern[]>();
  for (const line of lines) {
    const [words, code] = line.split('=').map((part) => part.trim());
    const [lemma, ...companions] = words.split(/\s+/);
    const list = table.get(lemma) ?? [];
    list.push({ companions, code });
    table.set(lemma, list);
  }
  for (const list of table.values()) list.sort((a, b) => b.companions.length - a.companions.length);
  return table;
}

const verbPatterns = compile(VERB_PATTERNS);
const nounPatterns = compile(EVENT_NOUNS);

/**
 * The generated PETRARCH tables as Maps: they are looked up with arbitrary words from articles, and
 * a plain object would answer "constructor" or "__proto__" with an inherited property.
 */
const defaultCodes = new Map(Object.entries(VERB_DEFAULT_CODES));
const verbBlocks = new Map(Object.entries(VERB_BLOCK));
const objectBlocks = VERB_OBJECT_BLOCKS.map((block) => new Map(Object.entries(block)));
const irregularForms = new Map(Object.entries(IRREGULAR_VERB_FORMS));
/** Every lemma the lexicon knows as a trigger or a speech verb, in one set for a single look-up. */
const lexiconWords = new Set<string>([...verbPatterns.keys(), ...nounPatterns.keys(), ...defaultCodes.keys(), ...SPEECH_VERBS]);

/** PETRARCH verbs too vague to code on their own ("go", "take", "face" …). */
const VAGUE_VERBS = new Set([
  'go', 'take', 'lead', 'leave', 'face', 'die', 'plan', 'expect', 'seek', 'help', 'see', 'want', 'need', 'hope', 'think', 'believe', 'work', 'play',
  'pay', 'come', 'get', 'show', 'keep', 'try', 'follow', 'mark', 'include', 'result', 'remain', 'become', 'look', 'find', 'know', 'call', 'ask',
  'hold', 'put', 'set', 'bring', 'send', 'move', 'turn', 'run', 'use', 'draw', 'raise', 'report', 'serve', 'live', 'stand', 'fall', 'rise', 'drop',
  'aim', 'spark', 'prove', 'deserve', 'link', 'position', 'seem', 'appear', 'vie', 'highlight', 'underscore', 'dent', 'spook', 'start', 'end',
  'engage', 'relate', 'fail', 'accord', 'force', 'surround', 'head', 'release', 'free', 'assert', 'reassert', 'fill', 'establish', 'open', 'reach', 'produce', 'focus', 'target', 'resolve', 'rule', 'down', 'make', 'do', 'have', 'be', 'let', 'mean', 'cause', 'lead', 'feature', 'coincide', 'centre', 'center',
  // "plan to appeal (the ruling)" is a court matter; an appeal to or for someone is coded by the curated patterns.
  'appeal',
  // "everyone who values a free press" praises no one.
  'value',
  // "give an interview", "delivered a speech": only the curated patterns with what is handed over code them.
  'give', 'deliver',
  // "remove a reference from the preamble", "would not bind future governments", "hoped Baku would reconsider": no political act by themselves.
  'remove', 'bind', 'reconsider',
  // "will not be hurt by a phase-out", "had learned to live under sanctions", "the constitution contains claims".
  'hurt', 'learn', 'contain',
  // "denied interfering": meddling has no CAMEO code of its own (PETRARCH's default, aid, is wrong).
  'interfere',
  // "deepened the rift", "widened the gap": only deepening ties or cooperation (curated) is an act.
  'deepen', 'widen',
  // "we consider these proceedings politically motivated", "we have heard promises before": opinions, no consultation.
  'consider', 'hear',
  // "the petrol travelled by rail", "Georgia benefits as a transit country", "the agency that oversees such centres",
  // "how much Russia is willing to tolerate": no act toward anyone ("travel to" is a visit, curated).
  'travel', 'benefit', 'oversee', 'tolerate',
  // "amendments tabled by the opposition" proposes them (British usage); PETRARCH's default reads the American "postpone".
  'table',
]);

/** Companion test: a word matches when any of the given lemmas/forms equals it (or starts it, for short stems). */
function hasCompanion(words: ReadonlySet<string>, companion: string): boolean {
  if (words.has(companion)) return true;
  for (const word of words) if (word.startsWith(companion) && word.length <= companion.length + 3) return true;
  return false;
}

function bestPattern(patterns: Pattern[] | undefined, words: ReadonlySet<string>): string | null {
  for (const pattern of patterns ?? []) {
    if (pattern.companions.every((companion) => hasCompanion(words, companion))) return pattern.code;
  }
  return null;
}

/** Objects that make a verb an idiom of manner, no act: "struck a sharper tone", "struck a chord". */
const MANNER_OBJECTS = ['tone', 'chord'];

/** The code of a curated pattern that names a sense with no event ("wound up = none"). */
const NO_EVENT = 'none';

/**
 * The CAMEO code of a verb given the lemmas/forms of words around it, or null when it is no event
 * verb; `curated` is false when only the PETRARCH-derived facts knew it. A verb of saying codes
 * only through a curated pattern with a companion ("recalled its ambassador", not "recalled that").
 */
export function verbCode(lemma: string, companions: ReadonlySet<string>): { code: string; curated: boolean } | null {
  if (MANNER_OBJECTS.some((word) => companions.has(word))) return null;
  if (SPEECH_VERBS.has(lemma)) {
    const sense = bestPattern(verbPatterns.get(lemma)?.filter((pattern) => pattern.companions.length > 0), companions);
    return sense && sense !== NO_EVENT ? { code: sense, curated: true } : null;
  }
  const curated = bestPattern(verbPatterns.get(lemma), companions);
  // "wound up the group" (wind up): a curated sense that codes nothing.
  if (curated === NO_EVENT) return null;
  if (curated) return { code: curated, curated: true };
  if (VAGUE_VERBS.has(lemma) || LIGHT_VERBS.has(lemma)) return null;
  const fallback = defaultCodes.get(lemma);
  if (!fallback || fallback.startsWith('01')) return null;
  const block = verbBlocks.get(lemma);
  const objects = block === undefined ? undefined : objectBlocks[block];
  if (objects) {
    for (const word of companions) {
      const code = objects.get(word);
      if (code) return { code, curated: false };
    }
  }
  return { code: fallback, curated: false };
}

/** The CAMEO code of an event noun, or null. */
export function nounCode(lemma: string, companions: ReadonlySet<string>): string | null {
  return bestPattern(nounPatterns.get(lemma), companions);
}

/** True when a curated pattern of this verb mentions the noun as a companion ("sign" + "agreement"). */
export function verbTakesNoun(verbLemma: string, nounLemma: string): boolean {
  return (verbPatterns.get(verbLemma) ?? []).some((pattern) => pattern.companions.includes(nounLemma));
}

/** Candidate lemmas of a form by inflection rules, most specific first. */
function lemmaCandidates(lower: string): string[] {
  const out: string[] = [];
  const strip = (suffix: string, add = ''): void => {
    if (lower.endsWith(suffix) && lower.length > suffix.length + 2) out.push(lower.slice(0, -suffix.length) + add);
  };
  strip('ies', 'y');
  strip('ied', 'y');
  if (/([^aeiou])\1(ed|ing)$/.test(lower)) out.push(lower.replace(/([^aeiou])\1(ed|ing)$/, '$1'));
  strip('ed');
  strip('d');
  strip('ing');
  strip('ing', 'e');
  strip('es');
  strip('s');
  return out;
}

/** True when the lexicon knows the lemma as a trigger or a speech verb. */
export function isLexiconWord(lemma: string): boolean {
  return lexiconWords.has(lemma);
}

/** True for an irregular past form ("undertook", "fought", "struck"): a verb even where a tagger calls it a noun. */
export function isIrregularPastForm(form: string): boolean {
  const lemma = irregularForms.get(form);
  return lemma !== undefined && lemma !== form && !/(s|ing)$/.test(form);
}

/** A crude lemma for a word form when no lemmatiser is available ("accused" → "accuse", "talks" → "talk"). */
export function guessLemma(form: string): string {
  const lower = form.toLowerCase();
  if (!/^[a-z]/.test(lower)) return lower;
  const irregular = irregularForms.get(lower);
  if (irregular) return irregular;
  if (isLexiconWord(lower)) return lower;
  const candidates = lemmaCandidates(lower);
  return candidates.find(isLexiconWord) ?? candidates[0] ?? lower;
}

/** Intent codes (03x) for stated plans to cooperate, by the planned act's root. */
const INTENT_BY_ROOT: Readonly<Record<string, string>> = { '03': '030', '04': '036', '05': '032', '06': '031', '07': '033', '08': '035' };
/** Refusal codes (12x) for negated cooperation, by root. */
const REFUSAL_BY_ROOT: Readonly<Record<string, string>> = { '03': '120', '04': '125', '05': '120', '06': '121', '07': '122', '08': '124' };
/** Roots whose announced (not yet done) acts are threats. */
const THREAT_ROOTS = new Set(['14', '15', '17', '18', '19', '20']);
/** An announced or conditional reduction of relations is CAMEO's matching threat ("will withdraw its inspectors" → 136). */
const THREAT_BY_REDUCTION: Readonly<Record<string, string>> = { '160': '131', '161': '1313', '162': '1311', '163': '1312', '164': '134', '165': '135', '166': '136' };

function reductionThreat(code: string): string {
  return THREAT_BY_REDUCTION[code.slice(0, 3)] ?? '131';
}

/**
 * The code a classic CAMEO coder would give an event of this code and modality: a planned,
 * possible or hoped-for cooperative act is an intention (03x), a negated one a refusal (12x), an announced
 * hostile act a threat (138 for force, 130 otherwise, the matching 13x for reduced relations),
 * and any act made conditional ("will withdraw unless …") a threat unless it is cooperative.
 */
export function conventionalCode(code: string, status: string): string {
  const root = code.slice(0, 2);
  const hostileThreat = Number(root) >= 17 ? '138' : '130';
  if (status === 'negated' || status === 'denied') return REFUSAL_BY_ROOT[root] ?? code;
  if (status === 'hypothetical') {
    if (root === '16') return reductionThreat(code);
    if (root === '08' || THREAT_ROOTS.has(root)) return hostileThreat;
    return INTENT_BY_ROOT[root] ?? code;
  }
  if (status === 'planned' || status === 'possible' || status === 'hoped') {
    if (root === '16') return reductionThreat(code);
    if (THREAT_ROOTS.has(root)) return hostileThreat;
    return INTENT_BY_ROOT[root] ?? code;
  }
  return code;
}

/** What follows a verb of asking in an anonymity formula ("who asked not to be named", "declined to be identified"). */
const ANONYMITY = /^(not to be (named|identified|quoted)|to be (named|identified)|to remain anonymous|anonymity)\b/;
const ANONYMITY_VERBS = new Set(['asked', 'asks', 'ask', 'declined', 'declining', 'requested', 'speaking', 'spoke']);
const QUESTION_WORDS = /^(whether|if|about|why|how|what|when|who)$/;

/** The anonymity formula of a source ("a diplomat who asked not to be named said …", "declined to be identified"). */
function anonymityFormula(lower: readonly string[], index: number): boolean {
  return ANONYMITY_VERBS.has(lower[index]) && ANONYMITY.test(lower.slice(index + 1, index + 6).join(' '));
}

/**
 * A verb of asking that reports no speech (lower-cased words, the verb at `index`): the anonymity
 * formula of a source, and a reporter's question told as a fronted participle ("Asked whether she
 * would go, Kallas said …": the answer is the speech, not the question).
 */
export function silentAsking(lower: readonly string[], index: number): boolean {
  if (anonymityFormula(lower, index)) return true;
  const before = index > 0 ? lower[index - 1] : '.';
  const opensClause = /^([,;(.!?"“”'‘’]|--)$/.test(before);
  return lower[index] === 'asked' && opensClause && QUESTION_WORDS.test(lower[index + 1] ?? '');
}

/** Words after which asking is a request ("asked Lima to …", "asked for …", "asked that …"), not a question. */
const REQUEST_MARKERS = /^(to|for|that|[,;:.!?])$/;
const ASKING_REACH = 5;

/**
 * A verb of asking that tells of no act between actors: the anonymity formula, and a question,
 * whoever asks it ("a reporter asked the minister whether …", "asked about the border"): words
 * reported, but no act requested (CAMEO 020 is an appeal).
 */
export function asksNoAct(lower: readonly string[], index: number): boolean {
  if (anonymityFormula(lower, index)) return true;
  if (!/^ask(s|ed|ing)?$/.test(lower[index])) return false;
  for (let k = index + 1; k < Math.min(lower.length, index + 1 + ASKING_REACH); k++) {
    if (QUESTION_WORDS.test(lower[k])) return true;
    if (REQUEST_MARKERS.test(lower[k])) return false;
  }
  return false;
}
