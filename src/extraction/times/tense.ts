/**
 * The grammatical tense of the clause around a time expression, used to pick the direction of an
 * underspecified date ("will meet on Friday" → the coming Friday, "met on Friday" → the past one).
 * A small lexicon of cue words decides (will, 'll, plan words; was, had, said, irregular past forms,
 * -ed verbs; is, says); with a language annotation the POS tags confirm past forms (VBD, VBN) and
 * add unknown verbs. The cue nearest to the expression within its sentence wins.
 */
import type { LanguageAnnotation } from '../../language/types.js';
import type { TextStructure } from '../../text/types.js';

export type Tense = 'past' | 'present' | 'future';

/** Always future: modal "will", and words of plans and schedules ("scheduled", "expected"). */
const FUTURE_CUES = new Set(['will', "'ll", 'shall', 'would', 'tomorrow', 'upcoming', 'planning', 'scheduled', 'slated', 'expected', 'expects', 'intends', 'until', 'effective']);
/** Adjectives of schedules that make what they govern lie ahead ("due in the spring"). */
const SCHEDULED_PREDICATES = new Set(['due', 'scheduled', 'slated', 'upcoming']);
/** Future only when followed by "to"/"for": "due to", "set to", "going to". */
const FUTURE_BEFORE_TO = new Set(['due', 'set', 'going', 'likely', 'poised', 'plan', 'plans']);
/** Verbs whose object is asked to do something later: the infinitive they govern lies ahead of them. */
const INVITING_VERBS = new Set(['invite', 'urge', 'ask', 'encourage', 'request', 'press', 'order', 'instruct', 'persuade']);
/** Verbs whose subjunctive clause ("demanded that Chile withdraw") is something still to be done. */
const DEMANDING_VERBS = new Set(['demand', 'insist', 'urge', 'ask', 'request', 'order', 'propose', 'recommend', 'require']);
const BE_FORMS = new Set(['is', 'are', 'am', 'be', 'been', 'being', 'was', 'were', "'s", "'re"]);
const PRESENT_CUES = new Set(['is', 'are', 'am', 'says', 'say', 'remains', 'remain', 'begins', 'starts', 'takes', 'comes']);
const PAST_CUES = new Set([
  'was', 'were', 'had', 'did', 'has', 'have', 'said', 'told', 'met', 'went', 'came', 'took', 'made', 'gave', 'held',
  'saw', 'began', 'became', 'left', 'led', 'won', 'lost', 'fell', 'rose', 'sold', 'bought', 'paid',
  'struck', 'spoke', 'wrote', 'broke', 'sent', 'kept', 'found', 'thought', 'brought', 'felt', 'ran',
  'got', 'knew', 'grew', 'drew', 'flew', 'chose', 'fought', 'sought', 'built', 'spent', 'stood',
  'heard', 'meant', 'ago', 'shot', 'hit', 'put', 'cut', 'set', 'let', 'quit', 'beat', 'fled', 'slid',
  'swore', 'wore', 'tore', 'threw', 'ate', 'sat', 'lay', 'laid', 'hung', 'stole', 'froze', 'woke', 'broadcast',
]);
/** Words ending in -ed that are not past-tense verbs. */
const NOT_PAST_ED = new Set(['need', 'speed', 'indeed', 'hundred', 'proceed', 'exceed', 'succeed', 'breed', 'united', 'based', 'related', 'alleged', 'armed', 'skilled', 'detailed', 'limited', 'advanced', 'embed', 'sacred', 'wicked', 'naked', 'rugged', 'kindred', 'hatred']);

const WORD = /[A-Za-z]+(?:'[a-z]+)?|'ll/g;
const SENTENCE_END = new Set(['.', '!', '?', '\n']);

/** The tense that governs the text around [start, end), or null when no cue is found. */
export function clauseTense(
  text: string,
  structure: TextStructure,
  language: LanguageAnnotation | null,
  start: number,
  end: number,
): Tense | null {
  const tagged = language !== null && structure.tokens.length === language.xpos.length;
  // "halt the exercise by Friday", "demanded the withdrawal by Friday": a deadline lies ahead, unless the
  // sentence tells of what had or had not happened by then ("the toll had risen to 40 by Tuesday", "did not respond by Monday").
  if (/\b(by|until|till)\s+$/.test(text.slice(Math.max(0, start - 7), start))) {
    const [sentenceStart] = sentenceBounds(text, structure, start, end);
    if (!/\b(had|did)\b/i.test(text.slice(sentenceStart, start))) return 'future';
  }
  const governed = tagged ? governingVerbTense(structure, language, start, end) : null;
  // Undecided on purpose: the nearer occurrence is meant (see `governingVerbTense`).
  if (governed === NEAREST) return null;
  if (governed) return governed;
  const [sentenceStart, sentenceEnd] = sentenceBounds(text, structure, start, end);
  const tagAt = tagged ? (position: number): string | null => tagOfTokenAt(structure, language, position) : null;
  return tenseFromWords(text, sentenceStart, sentenceEnd, start, end, tagAt);
}

/** A decision that the clause's tense does not apply: the nearer occurrence of a named time is meant. */
const NEAREST = 'nearest';

const FUTURE_AUXILIARIES = new Set(['will', 'shall', "'ll", 'wo']);
const POSSIBILITY_AUXILIARIES = new Set(['could', 'may', 'might', 'can']);
/** Verbs of commitment whose infinitive comes after them ("agreed to meet", "vowed to retaliate"). */
const COMMITMENT_VERBS = new Set(['agree', 'decide', 'promise', 'pledge', 'vow', 'undertake', 'resolve']);
const PERFECT_AUXILIARIES = new Set(['has', 'have', "'ve", 'had']);

/**
 * The tense of the verb that governs the expression in the dependency parse: climb from the
 * expression's tokens to the first verb, then read its auxiliaries ("will host" → future, "has
 * met" → past, "is meeting" → present) or its own tag (VBD → past, VBZ/VBP → present); an
 * infinitive completing a verb of plans lies ahead. Returns
 * null when the parse offers no verb or no decision, so the cue-word reading decides.
 */
function governingVerbTense(structure: TextStructure, language: LanguageAnnotation, start: number, end: number): Tense | typeof NEAREST | null {
  const tokens = structure.tokens;
  let index = tokenIndexAt(structure, start);
  if (index < 0) return null;
  // The expression's own head: the token whose head lies outside the expression.
  while (index + 1 < tokens.length && tokens[index + 1].start < end && language.head[index] >= 0 && tokens[language.head[index]].start < end && tokens[language.head[index]].start >= start) index++;
  // "Under the August agreement, a consortium will …", "after the Oct. 23 slaying": a date naming a
  // known happening says nothing of the clause's tense; it is one already told of (past, within the
  // usual tolerance: "the December summit" written in November is this December's).
  const described = language.head[index];
  if (described >= 0 && /^(compound|amod|nmod:poss)$/.test(language.deprel[index]) && language.upos[described] === 'NOUN') return 'past';
  for (let steps = 0, at = language.head[index]; at >= 0 && steps < 6; steps++, at = language.head[at]) {
    // "Elections are due in the spring": a predicate of schedules points ahead.
    if (language.upos[at] === 'ADJ' && SCHEDULED_PREDICATES.has(tokens[at].text.toLowerCase())) return 'future';
    if (language.upos[at] !== 'VERB' && language.upos[at] !== 'AUX') continue;
    const auxiliaries: string[] = [];
    for (let child = Math.max(0, at - 6); child < at; child++) {
      if (language.head[child] === at && (language.deprel[child] === 'aux' || language.deprel[child] === 'aux:pass')) auxiliaries.push(tokens[child].text.toLowerCase());
    }
    // A verb of plans and schedules points ahead whatever its tense ("expected a rally on Tuesday"),
    // except from a past already behind the story ("had been scheduled for October"): the nearer occurrence.
    if (FUTURE_CUES.has(tokens[at].text.toLowerCase())) return auxiliaries.includes('had') ? NEAREST : 'future';
    if (auxiliaries.some((aux) => FUTURE_AUXILIARIES.has(aux))) return 'future';
    if (auxiliaries.some((aux) => aux === 'was' || aux === 'were' || aux === 'had' || aux === 'did')) return 'past';
    if (auxiliaries.some((aux) => PERFECT_AUXILIARIES.has(aux))) return 'past';
    // "a visit which could take place in the autumn": what may yet happen lies ahead.
    if (auxiliaries.some((aux) => POSSIBILITY_AUXILIARIES.has(aux))) return 'future';
    const tag = language.xpos[at];
    if (tag === 'VBD') return 'past';
    if (auxiliaries.length === 0 && (tag === 'VBZ' || tag === 'VBP')) return 'present';
    // An infinitive has no tense of its own: a verb of plans it completes points ahead ("is expected to attend … on Thursday",
    // "plans to visit … on Friday"), unless told in the past ("planned to leave on Thursday" is left to the cue words).
    if (tag === 'VB' && auxiliaries.length === 0 && language.deprel[at] === 'xcomp') {
      const governor = language.head[at];
      const word = governor >= 0 ? tokens[governor].text.toLowerCase() : '';
      if (FUTURE_CUES.has(word) || (FUTURE_BEFORE_TO.has(word) && language.xpos[governor] !== 'VBD')) return 'future';
      // "agreed to hold the next meeting in July": what was agreed or promised comes after the agreeing.
      if (governor >= 0 && COMMITMENT_VERBS.has(language.lemma[governor])) return 'future';
    }
    // Whatever the inviting verb's tense, what someone is invited or urged to do comes after
    // ("invited Aliyev to visit in December", also when parsed as an adverbial clause, or as a clause
    // on the person invited).
    let governor = language.head[at];
    if (language.deprel[at] === 'acl' && governor >= 0 && language.deprel[governor] === 'obj') governor = language.head[governor];
    if (tag === 'VB' && auxiliaries.length === 0 && /^(xcomp|advcl|acl)$/.test(language.deprel[at]) && governor >= 0 && INVITING_VERBS.has(language.lemma[governor]) && tokens[at - 1]?.text.toLowerCase() === 'to') return 'future';
    // "demanded that Chile withdraw its troops by Friday": a subjunctive clause of a demand lies ahead of it.
    if (tag === 'VB' && auxiliaries.length === 0 && /^(ccomp|xcomp)$/.test(language.deprel[at]) && governor >= 0 && DEMANDING_VERBS.has(language.lemma[governor])) return 'future';
    return null;
  }
  return null;
}

function tokenIndexAt(structure: TextStructure, position: number): number {
  const tokens = structure.tokens;
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (tokens[mid].end <= position) low = mid + 1;
    else if (tokens[mid].start > position) high = mid - 1;
    else return mid;
  }
  return -1;
}

/** The POS tag of the token starting at a character position, if there is one. */
function tagOfTokenAt(structure: TextStructure, language: LanguageAnnotation, position: number): string | null {
  const tokens = structure.tokens;
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (tokens[mid].start < position) low = mid + 1;
    else if (tokens[mid].start > position) high = mid - 1;
    else return language.xpos[mid];
  }
  return null;
}

function sentenceBounds(text: string, structure: TextStructure, start: number, end: number): [number, number] {
  const sentences = structure.sentences;
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const sentence = sentences[mid];
    if (sentence.end <= start) low = mid + 1;
    else if (sentence.start > start) high = mid - 1;
    else return [sentence.start, Math.max(sentence.end, end)];
  }
  // No sentence split available: fall back to the nearest sentence punctuation or line break.
  let left = start;
  while (left > 0 && !SENTENCE_END.has(text[left - 1])) left--;
  let right = end;
  while (right < text.length && !SENTENCE_END.has(text[right])) right++;
  return [left, right];
}

function tenseFromWords(
  text: string,
  from: number,
  to: number,
  start: number,
  end: number,
  tagAt: ((position: number) => string | null) | null,
): Tense | null {
  const clause = text.slice(from, to);
  let best: Tense | null = null;
  let bestDistance = Infinity;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(clause); match; match = WORD.exec(clause)) {
    const position = from + match.index;
    if (position >= start && position < end) continue;
    const cue = wordTense(match[0].toLowerCase(), clause, match.index, tagAt ? tagAt(position) : null);
    if (!cue) continue;
    const distance = (position < start ? start - (position + match[0].length) : position - end) * (cue.guessed ? 2 : 1);
    if (distance < bestDistance) {
      best = cue.tense;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The tense a word signals; `guessed` marks the weaker "-ed ending" heuristic. With a POS tag,
 * past forms count only when tagged as verbs (VBD, or VBN) and unknown verbs are read from their tag.
 */
function wordTense(word: string, clause: string, index: number, tag: string | null): { tense: Tense; guessed: boolean } | null {
  if (FUTURE_CUES.has(word)) return { tense: 'future', guessed: false };
  if (FUTURE_BEFORE_TO.has(word)) {
    const after = clause.slice(index + word.length, index + word.length + 5);
    if (/^\s+(to|for)\b/.test(after)) return { tense: 'future', guessed: false };
  }
  if (tag === 'VBD') return { tense: 'past', guessed: false };
  const known = PAST_CUES.has(word);
  const pastForm = known || (word.length > 4 && word.endsWith('ed') && !NOT_PAST_ED.has(word));
  if (pastForm && tag !== null && tag !== 'VBN' && word !== 'has' && word !== 'have' && word !== 'ago') return null;
  if (pastForm) {
    // A participle after a form of "be" ("is heard", "was held") takes the auxiliary's tense;
    // after a bare "be" ("will be paid") the modal further left decides.
    const previous = /([A-Za-z']+)\s+$/.exec(clause.slice(Math.max(0, index - 12), index));
    if (previous && BE_FORMS.has(previous[1].toLowerCase())) {
      const aux = previous[1].toLowerCase();
      if (aux === 'be' || aux === 'being') return null;
      return { tense: aux === 'was' || aux === 'were' || aux === 'been' ? 'past' : 'present', guessed: false };
    }
    return { tense: 'past', guessed: !known };
  }
  if (PRESENT_CUES.has(word) || tag === 'VBZ' || tag === 'VBP') return { tense: 'present', guessed: false };
  return null;
}
