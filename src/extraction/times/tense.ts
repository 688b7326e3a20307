/**
 * The grammatical tense of the clause around a time expression, used to pick the direction of an
 * underspecified date ("will meet on Friday" → the coming Friday, "met on Friday" → the past one).
 * With a language annotation the POS tags decide (VBD; will/shall and the plan words below; has/have
 * as perfect, i.e. past); without
 * one, a small lexicon of cue words (will, 'll, was, had, said, -ed verbs, irregular past forms)
 * does. The cue nearest to the expression within its sentence wins.
 */
import type { LanguageAnnotation } from '../../language/types.js';
import type { TextStructure } from '../../text/types.js';

export type Tense = 'past' | 'present' | 'future';

/** Always future: modal "will", and words of plans and schedules ("scheduled", "expected"). */
const FUTURE_CUES = new Set(['will', "'ll", 'shall', 'would', 'tomorrow', 'upcoming', 'planning', 'scheduled', 'slated', 'expected', 'expects', 'intends', 'until', 'effective']);
/** Future only when followed by "to"/"for": "due to", "set to", "going to". */
const FUTURE_BEFORE_TO = new Set(['due', 'set', 'going', 'likely', 'poised', 'plan', 'plans']);
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
  const [sentenceStart, sentenceEnd] = sentenceBounds(text, structure, start, end);
  if (language && structure.tokens.length === language.xpos.length) {
    const tagged = tenseFromTags(structure, language, sentenceStart, sentenceEnd, start, end);
    if (tagged) return tagged;
  }
  return tenseFromWords(text, sentenceStart, sentenceEnd, start, end);
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

function tenseFromWords(text: string, from: number, to: number, start: number, end: number): Tense | null {
  const clause = text.slice(from, to);
  let best: Tense | null = null;
  let bestDistance = Infinity;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(clause); match; match = WORD.exec(clause)) {
    const position = from + match.index;
    if (position >= start && position < end) continue;
    const cue = wordTense(match[0].toLowerCase(), clause, match.index);
    if (!cue) continue;
    const distance = (position < start ? start - (position + match[0].length) : position - end) * (cue.guessed ? 2 : 1);
    if (distance < bestDistance) {
      best = cue.tense;
      bestDistance = distance;
    }
  }
  return best;
}

/** The tense a word signals; `guessed` marks the weaker "-ed ending" heuristic. */
function wordTense(word: string, clause: string, index: number): { tense: Tense; guessed: boolean } | null {
  if (FUTURE_CUES.has(word)) return { tense: 'future', guessed: false };
  if (FUTURE_BEFORE_TO.has(word)) {
    const after = clause.slice(index + word.length, index + word.length + 5);
    if (/^\s+(to|for)\b/.test(after)) return { tense: 'future', guessed: false };
  }
  const known = PAST_CUES.has(word);
  if (known || (word.length > 4 && word.endsWith('ed') && !NOT_PAST_ED.has(word))) {
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
  if (PRESENT_CUES.has(word)) return { tense: 'present', guessed: false };
  return null;
}

function tenseFromTags(
  structure: TextStructure,
  language: LanguageAnnotation,
  from: number,
  to: number,
  start: number,
  end: number,
): Tense | null {
  let best: Tense | null = null;
  let bestDistance = Infinity;
  const tokens = structure.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.end <= from) continue;
    if (token.start >= to) break;
    if (token.start >= start && token.end <= end) continue;
    const tag = language.xpos[i];
    const word = token.text.toLowerCase();
    let tense: Tense | null = null;
    if (FUTURE_CUES.has(word) || (tag === 'MD' && word === 'wo')) tense = 'future';
    else if (tag === 'VBD') tense = 'past';
    else if (tag === 'VBZ' || tag === 'VBP') tense = word === 'has' || word === 'have' ? 'past' : 'present';
    if (!tense) continue;
    const distance = token.start < start ? start - token.end : token.start - end;
    if (distance < bestDistance) {
      best = tense;
      bestDistance = distance;
    }
  }
  return best;
}
