/**
 * A learned finder of attribution cues and sources, trained on PolNeAR, in two stages.
 *
 * 1. A greedy left-to-right averaged-perceptron tagger (the shared learner in
 *    src/language/perceptron.ts) labels each token O, B/I-SRC or B/I-CUE from its words, lemmas,
 *    part-of-speech tags, dependencies (relation, the head's lemma, the kind of subject a verb
 *    governs), named entities, the cue-verb lexicon, quotation-mark context and the previous labels.
 *    Each cue is paired with the source its verb governs (subject, or "by X"), else the nearest.
 * 2. The hand-written rules add their pairs where the tagger found no cue, and a relation filter (a
 *    binary perceptron over features of the whole pair, the tagger's own scores among them) marks
 *    the doubtful pairs weak: they may still name a quote's speaker but are not reported as
 *    indirect speech on their own. It is trained on pairs proposed in text the tagger did not see.
 *
 * Why learned: what counts as an attribution in news (PolNeAR's "called for", "seemed",
 * "endorsed", "according to a poll") is a long tail that a verb list misses; the rules stay for
 * content spans, which a token tagger cannot delimit well.
 *
 * Train: `storyline train attribution --data ../shared/corpora/polnear/train --out models/attribution.bin.gz`
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { AveragedPerceptron, hashFeature, hashString } from '../language/perceptron.js';
import { readModelFile, writeModelFile } from '../language/model-file.js';
import { seededRandom, shuffled } from '../language/random.js';
import type { TrainOptions, Trainer } from '../language/trainers.js';
import type { LanguageAnnotation } from '../language/types.js';
import type { TextStructure } from '../text/types.js';
import type { Span } from '../contract/types.js';
import { structureText } from '../text/index.js';
import { normaliseText } from '../input/normalise.js';
import { resourcePath } from '../paths.js';
import type { AnalysisContext } from './types.js';
import type { CueFinder, CueMatch, Sentenceish } from './quotes.js';
import { CUE_FORMS, DocumentView, clauseAfterCue, namesNoSpeaker, ruleCueFinder } from './quotes.js';

const LABELS = ['O', 'B-SRC', 'I-SRC', 'B-CUE', 'I-CUE'] as const;
const O = 0;
const B_SRC = 1;
const I_SRC = 2;
const B_CUE = 3;
const I_CUE = 4;
const MAX_FEATURES = 48;
/**
 * Added to the source and cue labels' scores when decoding: the tagger is trained on data where O
 * dominates and under-predicts both, and the relation filter takes back the doubtful pairs. Chosen
 * on PolNeAR dev with the filter (an earlier model of this design): source F1 0.768 at 20/10, 0.771
 * at 30/15, 0.769 at 25/10 (0.744 with one margin of 10 for both and no filter).
 */
const SOURCE_MARGIN = 20;
const CUE_MARGIN = 10;

export const DEFAULT_ATTRIBUTION_MODEL = resourcePath('models', 'attribution.bin.gz');

export interface AttributionModel {
  /** The token tagger (O, B/I-SRC, B/I-CUE). */
  perceptron: AveragedPerceptron;
  /** Keeps a cue–source pair as indirect speech or marks it weak; null keeps every pair. */
  relationFilter: AveragedPerceptron | null;
}

function shapeOf(text: string): number {
  if (/^\p{Lu}+$/u.test(text)) return 1;
  if (/^\p{Lu}/u.test(text)) return 2;
  if (/^\p{Ll}/u.test(text)) return 3;
  if (/^\d/.test(text)) return 4;
  return 5;
}

/** Per-sentence token facts computed once before tagging. */
interface SentenceFacts {
  words: number[];
  tags: number[];
  cueIds: number[];
  inQuote: boolean[];
  /** Dependency relation, the head's cue lemma (0 if the head is no cue), clausal-child flag. */
  relations: number[];
  headCues: number[];
  clausal: boolean[];
  /** The NER model's IOB2 tag of each token. */
  named: number[];
  /** Lemma of each token, and of its head (NONE for a root): "nsubj of unleash" generalises past the cue lexicon. */
  lemmas: number[];
  headLemmas: number[];
  /** Relation of the head to its own head, and whether the token governs a subject. */
  headRelations: number[];
  hasSubject: boolean[];
  /** Hashes of each token's own spelling and of its last three letters, and its shape class. */
  spellings: number[];
  suffixes: number[];
  shapes: number[];
  /**
   * 1 for the words of a quoted passage of at least QUOTED_MIN_TOKENS tokens (both marks in the
   * sentence). PolNeAR labels every token once, so a quotation's words are its content and cannot
   * also be another attribution's source or cue: the tagger labels them O without scoring them.
   * Short quoted words (scare quotes, titles) are still scored.
   */
  quotedContent: Uint8Array;
}

const QUOTED_MIN_TOKENS = 5;

const CLAUSAL = new Set(['ccomp', 'parataxis', 'xcomp']);

const NONE = hashString('<none>');
const SENTENCE_START = hashString('<s>');
const SENTENCE_END = hashString('</s>');

function sentenceFacts(view: DocumentView, sentence: Sentenceish): SentenceFacts {
  const length = sentence.to - sentence.from;
  const words: number[] = [];
  const tags: number[] = [];
  const cueIds: number[] = [];
  const inQuote: boolean[] = [];
  const relations: number[] = [];
  const named: number[] = [];
  const nerTags = view.context.language?.ner ?? null;
  const headCues: number[] = [];
  const clausal: boolean[] = new Array<boolean>(length).fill(false);
  const hasSubject: boolean[] = new Array<boolean>(length).fill(false);
  const lemmas: number[] = [];
  const headLemmas: number[] = [];
  const headRelations: number[] = [];
  const spellings: number[] = [];
  const suffixes: number[] = [];
  const shapes: number[] = [];
  for (let index = sentence.from; index < sentence.to; index++) {
    const text = view.tokens[index].text;
    spellings.push(hashString(text));
    suffixes.push(hashString(text.slice(-3).toLowerCase()));
    shapes.push(shapeOf(text));
  }
  for (let index = sentence.from; index < sentence.to; index++) lemmas.push(view.lemma ? hashString(view.lemma[index].toLowerCase()) : NONE);
  for (let index = sentence.from; index < sentence.to; index++) relations.push(view.deprel ? hashString(view.deprel[index]) : NONE);
  let quoteOpen = false;
  let quoteStart = -1;
  const quotedContent = new Uint8Array(length);
  for (let index = sentence.from; index < sentence.to; index++) {
    const head = view.head ? view.head[index] : -1;
    const headInside = head >= sentence.from && head < sentence.to;
    headLemmas.push(headInside ? lemmas[head - sentence.from] : NONE);
    headRelations.push(headInside ? relations[head - sentence.from] : NONE);
    if (headInside && view.deprel?.[index].startsWith('nsubj')) hasSubject[head - sentence.from] = true;
    named.push(nerTags ? hashString(nerTags[index]) : NONE);
    const headCue = head >= 0 ? CUE_FORMS.get(view.lower[head]) : undefined;
    headCues.push(headCue ? hashString(headCue) : 0);
    if (headInside && view.deprel && CLAUSAL.has(view.deprel[index])) clausal[head - sentence.from] = true;
    const lower = view.lower[index];
    words.push(hashString(lower));
    tags.push(view.upos ? hashString(view.upos[index]) : NONE);
    const cue = CUE_FORMS.get(lower);
    cueIds.push(cue ? hashString(cue) : 0);
    if (view.isQuoteMark(index)) {
      quoteOpen = !quoteOpen;
      if (quoteOpen) quoteStart = index;
      else if (index - quoteStart - 1 >= QUOTED_MIN_TOKENS) quotedContent.fill(1, quoteStart + 1 - sentence.from, index - sentence.from);
    }
    inQuote.push(quoteOpen);
  }
  return { words, tags, cueIds, inQuote, relations, headCues, clausal, named, lemmas, headLemmas, headRelations, hasSubject, spellings, suffixes, shapes, quotedContent };
}

function featuresAt(view: DocumentView, sentence: Sentenceish, facts: SentenceFacts, i: number, prev: number, prev2: number, out: Int32Array): number {
  const n = facts.words.length;
  const word = (k: number): number => (k >= 0 && k < n ? facts.words[k] : NONE);
  const tag = (k: number): number => (k >= 0 && k < n ? facts.tags[k] : NONE);
  let count = 0;
  const add = (template: number, a: number, b = 0, c = 0): void => {
    out[count++] = hashFeature(template, a, b, c);
  };
  add(1, 0);
  add(2, word(i));
  add(3, word(i - 1));
  add(4, word(i + 1));
  add(5, word(i - 2));
  add(6, word(i + 2));
  add(7, tag(i));
  add(8, tag(i - 1), tag(i));
  add(9, tag(i), tag(i + 1));
  add(10, facts.shapes[i]);
  add(11, facts.suffixes[i]);
  add(12, prev);
  add(13, prev, prev2);
  add(14, prev, word(i));
  add(15, prev, tag(i));
  add(16, facts.cueIds[i]);
  add(17, i > 0 ? facts.cueIds[i - 1] : 0, facts.cueIds[i]);
  add(18, facts.inQuote[i] ? 1 : 0, tag(i));
  // Distance to the nearest cue word on each side (0 = none within 6).
  let right = 0;
  for (let k = i + 1; k < Math.min(n, i + 7); k++) if (facts.cueIds[k]) { right = k - i; break; }
  let left = 0;
  for (let k = i - 1; k >= Math.max(0, i - 6); k--) if (facts.cueIds[k]) { left = i - k; break; }
  add(19, right, tag(i));
  add(20, left, tag(i));
  add(21, right, prev);
  add(22, i === 0 ? 1 : i < 4 ? 2 : 3, tag(i));
  const before = i > 0 ? facts.spellings[i - 1] : SENTENCE_START;
  const after = i + 1 < n ? facts.spellings[i + 1] : SENTENCE_END;
  add(23, view.isQuoteMark(sentence.from + i) ? 1 : 0, before, after);
  add(24, word(i), tag(i + 1));
  add(25, word(i - 1), word(i));
  add(26, word(i), word(i + 1));
  add(27, facts.relations[i], facts.headCues[i]);
  add(28, facts.relations[i], tag(i));
  add(29, facts.clausal[i] ? 1 : 0, facts.cueIds[i]);
  add(30, facts.clausal[i] ? 1 : 0, tag(i), facts.relations[i]);
  add(31, word(i), facts.relations[i]);
  const named = (k: number): number => (k >= 0 && k < n ? facts.named[k] : NONE);
  add(32, named(i), prev);
  add(33, named(i), right);
  add(34, named(i - 1), named(i), named(i + 1));
  add(35, named(i), facts.relations[i], facts.headCues[i]);
  add(36, facts.lemmas[i]);
  add(37, facts.lemmas[i], facts.clausal[i] ? 1 : 0, facts.hasSubject[i] ? 1 : 0);
  add(38, facts.relations[i], facts.headLemmas[i]);
  add(39, facts.relations[i], facts.headLemmas[i], prev);
  add(40, facts.relations[i], facts.headRelations[i], tag(i));
  return count;
}

function allowed(label: number, prev: number): boolean {
  if (label === I_SRC) return prev === B_SRC || prev === I_SRC;
  if (label === I_CUE) return prev === B_CUE || prev === I_CUE;
  return true;
}

/**
 * Verbs outside the cue lexicon get no push away from O: the margin is for sources and known cues
 * (on PolNeAR dev it otherwise turns ordinary verbs — "boarded", "uses" — into cues).
 */
function marginWithheld(view: DocumentView, index: number, cueId: number): boolean {
  return cueId === 0 && view.upos !== null && (view.upos[index] === 'VERB' || view.upos[index] === 'AUX');
}

/** A sentence's labels, and how far each token's best cue and source scores lie above O (before the margins). */
interface Tagging {
  labels: number[];
  cueScores: Float32Array;
  sourceScores: Float32Array;
}

/** Labels one sentence greedily. */
function tagSentence(tagger: AveragedPerceptron, view: DocumentView, sentence: Sentenceish): Tagging {
  const facts = sentenceFacts(view, sentence);
  const features = new Int32Array(MAX_FEATURES);
  const scores = new Float32Array(LABELS.length);
  const labels: number[] = [];
  const cueScores = new Float32Array(facts.words.length);
  const sourceScores = new Float32Array(facts.words.length);
  for (let i = 0; i < facts.words.length; i++) {
    if (facts.quotedContent[i]) {
      labels.push(O);
      cueScores[i] = -100;
      sourceScores[i] = -100;
      continue;
    }
    const prev = i > 0 ? labels[i - 1] : -1;
    const prev2 = i > 1 ? labels[i - 2] : -1;
    const count = featuresAt(view, sentence, facts, i, prev, prev2, features);
    tagger.score(features, count, scores);
    cueScores[i] = Math.max(scores[B_CUE], allowed(I_CUE, prev) ? scores[I_CUE] : -Infinity) - scores[O];
    sourceScores[i] = Math.max(scores[B_SRC], allowed(I_SRC, prev) ? scores[I_SRC] : -Infinity) - scores[O];
    if (!marginWithheld(view, sentence.from + i, facts.cueIds[i])) {
      scores[B_SRC] += SOURCE_MARGIN;
      scores[I_SRC] += SOURCE_MARGIN;
      scores[B_CUE] += CUE_MARGIN;
      scores[I_CUE] += CUE_MARGIN;
    }
    // A cue does not run on over punctuation ("will resume next week, a senior official said").
    const punctuation = view.isPunct(sentence.from + i);
    labels.push(AveragedPerceptron.argmax(scores, LABELS.length, (label) => allowed(label, prev) && !(punctuation && label === I_CUE)));
  }
  return { labels, cueScores, sourceScores };
}

function spansOf(labels: readonly number[], begin: number, inside: number, offset: number): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== begin) continue;
    let end = i + 1;
    while (end < labels.length && labels[end] === inside) end++;
    spans.push([offset + i, offset + end]);
  }
  return spans;
}

/**
 * "said about 40 people were hurt": a cue the tagger ran on into the reported clause ends where that
 * clause begins (a word whose way up to the cue verb passes through the verb's complement).
 */
function withoutReportedWords(view: DocumentView, cue: [number, number]): [number, number] {
  if (!view.head || !view.deprel || !view.upos) return cue;
  const verb = view.upos.slice(cue[0], cue[1]).indexOf('VERB');
  if (verb < 0) return cue;
  const cueVerb = cue[0] + verb;
  for (let index = cueVerb + 1; index < cue[1]; index++) {
    for (let node = index, guard = 0; node >= 0 && guard < 8; guard++, node = view.head[node]) {
      if (view.head[node] === cueVerb) {
        if (view.deprel[node] === 'ccomp') return [cue[0], index];
        break;
      }
    }
  }
  return cue;
}

/** Relations by which a source hangs on its cue verb: its subject, or the agent of a passive ("by X"). */
const SOURCE_RELATIONS = new Set(['nsubj', 'nsubj:pass', 'obl', 'obl:agent']);

/** Whether a token of the source span is the subject (or passive agent) of a token of the cue span. */
function subjectOfCue(view: DocumentView, source: [number, number], cue: [number, number]): boolean {
  if (!view.head || !view.deprel) return false;
  for (let index = source[0]; index < source[1]; index++) {
    const head = view.head[index];
    if (head >= cue[0] && head < cue[1] && SOURCE_RELATIONS.has(view.deprel[index])) return true;
  }
  return false;
}

/**
 * "…beside Trump, who called the deal historic and said …": a cue verb in a relative clause (or
 * joined by "and" to its verb) whose subject is the relative pronoun has that pronoun as its
 * source (as PolNeAR marks it; the speaker is its antecedent, see `speakerAt`) when the tagger
 * found no source or one running over the pronoun. So does a source span the tagger ran on over
 * ", who …" up to the cue with no comma closing the relative clause, however the parse hung it.
 */
function relativeSource(view: DocumentView, source: [number, number] | null, cue: [number, number], floor: number): [number, number] | null {
  const { head, deprel } = view;
  const relative = (index: number): boolean => view.lower[index] === 'who' || view.lower[index] === 'which';
  if (head && deprel) {
    let verb = cue[1] - 1;
    while (deprel[verb] === 'conj' && head[verb] >= floor && head[verb] < verb) verb = head[verb];
    if (deprel[verb] === 'acl:relcl') {
      for (let index = floor; index < verb; index++) {
        if (head[index] !== verb || deprel[index] !== 'nsubj' || !relative(index)) continue;
        // Where the tagger found the antecedent itself ("Trump"), that source stands.
        if (!source || (source[0] <= index && index < source[1])) return [index, index + 1];
      }
    }
  }
  // "Cox, who runs the lobby, said": a comma closes the relative clause before the cue, and the name speaks.
  if (source && source[1] <= cue[0]) {
    for (let index = source[0] + 1; index < source[1]; index++) {
      if (!relative(index) || view.lower[index - 1] !== ',') continue;
      return view.lower.slice(index + 1, cue[0]).includes(',') ? source : [index, index + 1];
    }
  }
  return source;
}

/**
 * "… after four months in custody, their lawyer said": a source span the tagger ran on over a
 * comma is the noun phrase after it when that opens with a determiner or possessive and has no verb,
 * and what comes before the comma names no one.
 */
function afterLastComma(view: DocumentView, source: [number, number] | null): [number, number] | null {
  if (!source) return source;
  let comma = -1;
  for (let index = source[0]; index < source[1]; index++) if (view.lower[index] === ',') comma = index;
  if (comma < 0 || comma + 1 >= source[1] || !/^(the|a|an|his|her|their|its|our|one|two|three|several|some)$/.test(view.lower[comma + 1])) return source;
  for (let index = comma + 1; index < source[1]; index++) if (view.upos && (view.upos[index] === 'VERB' || view.upos[index] === 'AUX')) return source;
  // "Jane Roe, a senior official," is a name with its apposition: the whole stays.
  for (let index = source[0]; index < comma; index++) if (!view.upos || view.upos[index] === 'PROPN' || view.upos[index] === 'PRON') return source;
  return [comma + 1, source[1]];
}

/** The tagger's cues, each paired with the source its verb governs, else the nearest source. */
function taggedMatches(tagger: AveragedPerceptron, view: DocumentView, sentence: Sentenceish, labels = tagSentence(tagger, view, sentence).labels): CueMatch[] {
  const sources = spansOf(labels, B_SRC, I_SRC, sentence.from);
  const cues = spansOf(labels, B_CUE, I_CUE, sentence.from).map((cue) => withoutReportedWords(view, cue));
  return cues.map((cue): CueMatch => {
    const left = sources.filter((source) => source[1] <= cue[0] && source[1] >= cue[0] - 20);
    const right = sources.filter((source) => source[0] >= cue[1] && source[0] <= cue[1] + 8);
    const source = afterLastComma(view, relativeSource(view, sources.find((candidate) => subjectOfCue(view, candidate, cue)) ?? (left.length ? left[left.length - 1] : right.length ? right[0] : null), cue, sentence.from));
    const inverted = source !== null && source[0] >= cue[1];
    const lastWord = view.lower[cue[1] - 1];
    const contentFrom = inverted ? -1 : clauseAfterCue(view, cue[1], sentence.to, CUE_FORMS.get(lastWord) === 'tell');
    return { cue, source, contentFrom, inverted };
  });
}

/** The tagger alone as a cue finder (no rules, no filter). */
export function modelCueFinder(model: AttributionModel): CueFinder {
  return (view, sentence) => taggedMatches(model.perceptron, view, sentence);
}

export function loadAttributionModel(file = DEFAULT_ATTRIBUTION_MODEL): AttributionModel | null {
  if (!existsSync(file)) return null;
  const { blobs } = readModelFile<{ labels: string[] }>(file);
  return { perceptron: AveragedPerceptron.deserialize(blobs[0]), relationFilter: blobs[1] ? AveragedPerceptron.deserialize(blobs[1]) : null };
}

/** A cue–source pair found in a sentence, and whether the tagger (rather than a rule) found it. */
interface Candidate {
  match: CueMatch;
  fromModel: boolean;
  /** The tagger's scores above O at the last token of the cue and the first of the source. */
  cueScore: number;
  sourceScore: number;
}

/**
 * Rules first, then the model: the hand-written patterns are precise on the canonical forms
 * ("X said that …", "according to X", "…,” he added"); the tagger adds the long tail where its cue
 * does not overlap a rule's.
 */
function candidateMatches(tagger: AveragedPerceptron, view: DocumentView, sentence: Sentenceish): Candidate[] {
  // "according to X" has one reading, which the rules get right; the tagger's pairing can stray.
  const tagging = tagSentence(tagger, view, sentence);
  const candidate = (match: CueMatch, fromModel: boolean): Candidate => ({
    match,
    fromModel,
    cueScore: tagging.cueScores[match.cue[1] - 1 - sentence.from],
    sourceScore: match.source ? tagging.sourceScores[match.source[0] - sentence.from] : -100,
  });
  const candidates = taggedMatches(tagger, view, sentence, tagging.labels)
    .filter((match) => match.source !== null && view.lower[match.cue[0]] !== 'according' && !namesNoSpeaker(view, match.source))
    .map((match) => candidate(match, true));
  const overlapsModel = (match: CueMatch): boolean =>
    candidates.some(({ match: found }) => found.cue[0] < match.cue[1] && match.cue[0] < found.cue[1]);
  for (const match of ruleCueFinder(view, sentence)) if (!overlapsModel(match)) candidates.push(candidate(match, false));
  return candidates.sort((a, b) => a.match.cue[0] - b.match.cue[0]);
}

const RELATION_FEATURES = 40;
/** Filter scores (keep minus drop) below this mark a pair as weak; chosen on PolNeAR dev. */
const RELATION_THRESHOLD = 0;

/**
 * Features of a whole cue–source pair for the relation filter: what the cue is (lemmas, length,
 * lexicon, who found it), what the source is (entity type, pronoun, part of speech), how they hang
 * together (subject of the cue, distance, side) and whether the cue governs a clause.
 */
function relationFeatures(view: DocumentView, sentence: Sentenceish, candidate: Candidate, out: Int32Array): number {
  const { match, fromModel } = candidate;
  const [cueStart, cueEnd] = match.cue;
  const source = match.source ?? match.cue;
  const lemma = (index: number): number => (index >= sentence.from && index < sentence.to ? hashString(view.lemma?.[index].toLowerCase() ?? view.lower[index]) : NONE);
  const tag = (index: number): number => (view.upos && index >= sentence.from && index < sentence.to ? hashString(view.upos[index]) : NONE);
  const relation = (index: number): number => (view.deprel ? hashString(view.deprel[index]) : NONE);
  const nerTags = view.context.language?.ner ?? null;
  let entity = NONE;
  for (let index = source[0]; index < source[1] && nerTags; index++) if (nerTags[index] !== 'O') { entity = hashString(nerTags[index].slice(2)); break; }
  const sourceHead = source[1] - 1;
  const cueLemma = lemma(cueEnd - 1);
  const pronoun = source[1] - source[0] === 1 && /^(he|she|they|we|i|you|it|who)$/.test(view.lower[source[0]]) ? 1 : 0;
  let governsClause = 0;
  let governsObject = 0;
  if (view.head && view.deprel) {
    for (let index = sentence.from; index < sentence.to; index++) {
      const head = view.head[index];
      if (head < cueStart || head >= cueEnd) continue;
      if (CLAUSAL.has(view.deprel[index]) || view.deprel[index] === 'ccomp') governsClause = 1;
      if (view.deprel[index] === 'obj') governsObject = 1;
    }
  }
  const sourceType = entity !== NONE ? entity : pronoun ? 1 : tag(sourceHead);
  const subject = subjectOfCue(view, match.source ?? [0, 0], match.cue) ? 1 : 0;
  const gap = match.inverted ? source[0] - cueEnd : cueStart - source[1];
  const hasQuote = (() => {
    for (let index = sentence.from; index < sentence.to; index++) if (view.isQuoteMark(index)) return 1;
    return 0;
  })();
  let count = 0;
  const add = (template: number, a: number, b = 0, c = 0): void => {
    out[count++] = hashFeature(100 + template, a, b, c);
  };
  add(1, 0);
  add(2, cueLemma);
  add(3, lemma(cueStart), Math.min(cueEnd - cueStart, 5));
  add(4, fromModel ? 1 : 0, CUE_FORMS.has(view.lower[cueEnd - 1]) ? 1 : 0);
  add(5, tag(cueEnd - 1), fromModel ? 1 : 0);
  add(6, match.contentFrom >= 0 ? 1 : 0, match.inverted ? 1 : 0);
  add(7, sourceType);
  add(8, pronoun, subject);
  add(9, Math.min(source[1] - source[0], 6));
  add(10, subject, view.deprel ? relation(sourceHead) : NONE);
  add(11, Math.min(Math.max(gap, -1), 6), match.inverted ? 1 : 0);
  add(12, governsClause, governsObject, fromModel ? 1 : 0);
  add(13, cueLemma, sourceType);
  add(14, cueLemma, governsClause);
  add(15, hasQuote, match.contentFrom >= 0 ? 1 : 0);
  add(16, cueStart === sentence.from ? 1 : 0, tag(cueEnd));
  add(17, hashString(view.lower[cueEnd] ?? '</s>'));
  add(18, hashString(view.lower[source[0] - 1] ?? '<s>'));
  add(19, relation(cueEnd - 1), governsClause);
  add(20, cueLemma, relation(cueEnd - 1));
  add(21, lemma(sourceHead));
  add(22, view.xpos ? hashString(view.xpos[cueEnd - 1]) : NONE, subject);
  add(23, cueLemma, match.contentFrom >= 0 ? 1 : 0, subject);
  const bucket = (score: number): number => Math.round(Math.max(-6, Math.min(6, score / 8)));
  add(24, bucket(candidate.cueScore), fromModel ? 1 : 0);
  add(25, bucket(candidate.sourceScore), fromModel ? 1 : 0);
  add(26, bucket(candidate.cueScore), bucket(candidate.sourceScore));
  return count;
}

/** Whether the relation filter keeps the pair as indirect speech on its own. */
function keepRelation(filter: AveragedPerceptron, view: DocumentView, sentence: Sentenceish, candidate: Candidate): boolean {
  const features = new Int32Array(RELATION_FEATURES);
  const scores = new Float32Array(2);
  filter.score(features, relationFeatures(view, sentence, candidate, features), scores);
  return scores[1] - scores[0] >= RELATION_THRESHOLD;
}

/**
 * Whether the filter judges a pair: the tagger's, and the rules' around a cue verb. The rules'
 * structural pairs — a transcript's speaker label, a signature after a quote, "according to X" —
 * have no verb to doubt and stay (on PolNeAR dev, judging them too: source F1 0.763, not 0.766).
 */
function judged(view: DocumentView, candidate: Candidate): boolean {
  return candidate.fromModel || view.cueLemma(candidate.match.cue[1] - 1) !== null;
}

/** The learned cue finder: the tagger's pairs and the rules', the filter marking the doubtful ones weak. */
export function combinedCueFinder(model: AttributionModel): CueFinder {
  return (view, sentence) =>
    candidateMatches(model.perceptron, view, sentence).map((candidate) => {
      const { relationFilter } = model;
      return relationFilter && judged(view, candidate) && !keepRelation(relationFilter, view, sentence, candidate) ? { ...candidate.match, weak: true } : candidate.match;
    });
}

/** The cue finder to use: rules plus the learned tagger from `file` (default: the shipped model), else the rules alone. */
export function attributionCueFinder(file?: string): CueFinder {
  const model = loadAttributionModel(file);
  if (!model && file) throw new Error(`${file}: no such attribution model`);
  return model ? combinedCueFinder(model) : ruleCueFinder;
}

interface TrainingSentence {
  view: DocumentView;
  sentence: Sentenceish;
  gold: number[];
}

/** One PolNeAR document: its labelled sentences and its gold source spans (character offsets). */
interface TrainingDocument {
  sentences: TrainingSentence[];
  sources: Span[];
}

/** The language stage, passed in by the caller (null trains a model for text without it). */
export type Annotate = ((text: string, structure: TextStructure) => LanguageAnnotation) | null;

/** Token labels of one PolNeAR document from its gold Source and Cue spans. */
function goldDocument(text: string, annotation: string, annotate: Annotate): TrainingDocument {
  const structure = structureText(text);
  const language = annotate ? annotate(text, structure) : null;
  const document = { id: '', title: null, outlet: null, agency: null, author: null, url: null, published: null, published_source: null, language: 'en', text };
  const context: AnalysisContext = { document, text, structure, language };
  const view = new DocumentView(context);
  const labels = new Array<number>(structure.tokens.length).fill(O);
  const sources: Span[] = [];
  for (const line of annotation.split('\n')) {
    const match = /^T\d+\t(Source|Cue) ([\d ;]+)\t/.exec(line);
    if (!match) continue;
    const numbers = match[2].split(/[ ;]/).map(Number);
    const start = Math.min(...numbers);
    const end = Math.max(...numbers);
    if (match[1] === 'Source') sources.push({ start, end });
    const [begin, inside] = match[1] === 'Source' ? [B_SRC, I_SRC] : [B_CUE, I_CUE];
    let first = true;
    structure.tokens.forEach((token, index) => {
      if (token.start < end && start < token.end && labels[index] === O) {
        labels[index] = first ? begin : inside;
        first = false;
      }
    });
  }
  const sentences = structure.sentences
    .filter((sentence) => sentence.tokenEnd > sentence.tokenStart)
    .map((sentence) => {
      const gold = labels.slice(sentence.tokenStart, sentence.tokenEnd);
      // A span that starts before the sentence begins with I-: make it B-.
      if (gold[0] === I_SRC) gold[0] = B_SRC;
      if (gold[0] === I_CUE) gold[0] = B_CUE;
      return { view, sentence: { from: sentence.tokenStart, to: sentence.tokenEnd }, gold };
    });
  return { sentences, sources };
}

/** Reads a PolNeAR split directory (text/ and attributions/) into labelled documents. */
function readPolnear(dir: string, annotate: Annotate, limit?: number): TrainingDocument[] {
  const annotations = readdirSync(path.join(dir, 'attributions')).filter((name) => name.endsWith('.ann')).sort();
  const documents: TrainingDocument[] = [];
  for (const file of annotations.slice(0, limit ?? annotations.length)) {
    const textFile = path.join(dir, 'text', `${file.replace(/_[0-9a-f]{4}\.ann$/, '')}.txt`);
    if (!existsSync(textFile)) continue;
    const raw = readFileSync(textFile, 'utf8');
    const text = normaliseText(raw);
    if (text.length !== raw.length) continue;
    documents.push(goldDocument(text, readFileSync(path.join(dir, 'attributions', file), 'utf8'), annotate));
  }
  return documents;
}

/** Trains the token tagger on labelled sentences. */
function trainTagger(sentences: readonly TrainingSentence[], iterations: number, seed: number, log?: (line: string) => void): AveragedPerceptron {
  const perceptron = new AveragedPerceptron(LABELS.length);
  const features = new Int32Array(MAX_FEATURES);
  const scores = new Float32Array(LABELS.length);
  const random = seededRandom(seed);
  for (let iteration = 1; iteration <= iterations; iteration++) {
    let correct = 0;
    let total = 0;
    for (const { view, sentence, gold } of shuffled(sentences, random)) {
      const facts = sentenceFacts(view, sentence);
      for (let i = 0; i < gold.length; i++) {
        // Previous labels are the gold ones while training (teacher forcing): measured better on
        // PolNeAR dev than training on the model's own greedy labels.
        const prev = i > 0 ? gold[i - 1] : -1;
        const prev2 = i > 1 ? gold[i - 2] : -1;
        const count = featuresAt(view, sentence, facts, i, prev, prev2, features);
        perceptron.score(features, count, scores);
        const guess = AveragedPerceptron.argmax(scores, LABELS.length, (label) => allowed(label, prev));
        perceptron.update(features, count, gold[i], guess);
        perceptron.tick();
        if (guess === gold[i]) correct++;
        total++;
      }
    }
    log?.(`attribution: iteration ${iteration}/${iterations}, token accuracy ${((100 * correct) / total).toFixed(2)}% on ${sentences.length} sentences`);
  }
  perceptron.finalize();
  return perceptron;
}

interface FilterExample {
  features: Int32Array;
  count: number;
  keep: boolean;
}

/** The candidate pairs a tagger finds in documents it was not trained on, labelled by whether the source is a gold one. */
function filterExamples(tagger: AveragedPerceptron, documents: readonly TrainingDocument[]): FilterExample[] {
  const examples: FilterExample[] = [];
  for (const { sentences, sources } of documents) {
    for (const { view, sentence } of sentences) {
      for (const candidate of candidateMatches(tagger, view, sentence)) {
        if (!candidate.match.source) continue;
        const span = view.span(candidate.match.source[0], candidate.match.source[1]);
        const features = new Int32Array(RELATION_FEATURES);
        const count = relationFeatures(view, sentence, candidate, features);
        examples.push({ features, count, keep: sources.some((gold) => gold.start < span.end && span.start < gold.end) });
      }
    }
  }
  return examples;
}

/**
 * Trains the relation filter on pairs the tagger finds in unseen text: two taggers, each trained
 * on half the documents, propose pairs in the other half (a tagger run on its own training text
 * is right far more often than on new text, and the filter would learn to trust it).
 */
function trainRelationFilter(documents: readonly TrainingDocument[], iterations: number, seed: number, log?: (line: string) => void): AveragedPerceptron {
  const examples: FilterExample[] = [];
  for (const fold of [0, 1]) {
    const trainOn = documents.filter((_, index) => index % 2 !== fold).flatMap((document) => document.sentences);
    const tagger = trainTagger(trainOn, iterations, seed);
    examples.push(...filterExamples(tagger, documents.filter((_, index) => index % 2 === fold)));
  }
  const filter = new AveragedPerceptron(2);
  const scores = new Float32Array(2);
  const random = seededRandom(seed);
  for (let iteration = 1; iteration <= iterations; iteration++) {
    let correct = 0;
    for (const { features, count, keep } of shuffled(examples, random)) {
      filter.score(features, count, scores);
      const guess = scores[1] > scores[0] ? 1 : 0;
      filter.update(features, count, keep ? 1 : 0, guess);
      filter.tick();
      if (guess === (keep ? 1 : 0)) correct++;
    }
    log?.(`attribution filter: iteration ${iteration}/${iterations}, accuracy ${((100 * correct) / examples.length).toFixed(2)}% on ${examples.length} pairs`);
  }
  filter.finalize();
  return filter;
}

/** Trains the tagger and (unless `filter` is false) the relation filter on a PolNeAR split; deterministic given the seed. */
export function trainAttributionModel(options: { data: string; annotate: Annotate; iterations?: number; seed?: number; limit?: number; filter?: boolean; log?: (line: string) => void }): AttributionModel {
  const documents = readPolnear(options.data, options.annotate, options.limit);
  const iterations = options.iterations ?? 8;
  const seed = options.seed ?? 1;
  const perceptron = trainTagger(documents.flatMap((document) => document.sentences), iterations, seed, options.log);
  const relationFilter = options.filter === false ? null : trainRelationFilter(documents, iterations, seed, options.log);
  return { perceptron, relationFilter };
}

/** Weights smaller than this are left out of the saved model: a smaller table is faster to score (PolNeAR dev source F1 0.765 at 0.5, 0.766 at 0.001). */
const PRUNE_BELOW = 0.5;

export function saveAttributionModel(model: AttributionModel, file: string): void {
  const blobs = [model.perceptron.serialize(PRUNE_BELOW), ...(model.relationFilter ? [model.relationFilter.serialize(PRUNE_BELOW)] : [])];
  writeModelFile(file, { meta: { labels: [...LABELS] }, blobs });
}

/** The `storyline train attribution` trainer, given the language stage to tag its training text with. */
export function attributionTrainer(annotate: Annotate): Trainer {
  return {
    name: 'attribution',
    summary: 'quote/attribution cue and source tagger, and a filter of its pairs, from a PolNeAR split directory (text/ + attributions/)',
    async train(options: TrainOptions) {
      const model = trainAttributionModel({ data: options.data, annotate, iterations: options.iterations, seed: options.seed, limit: options.limit, log: options.log });
      saveAttributionModel(model, options.out);
      options.log?.(`attribution: wrote ${options.out}`);
    },
  };
}
