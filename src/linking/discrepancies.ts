/**
 * Where the articles disagree, or one article with itself. Each discrepancy names its kind, says in
 * a plain sentence what differs and lists the competing claims with their spans:
 * - `date`, `place`, `actor`, `modality`: reports of one merged event that differ across documents;
 * - `number`: quantities of the same thing (same unit, matching context) given differently;
 * - `internal`: a 'last met' / 'most recent meeting' claim dated before another meeting of the same
 *   actors that the same text reports, or one text counting the same thing differently;
 * - `speaker`: the same quoted words given to different speakers by different articles.
 */
import type { Analysis, EventStatus, Quantity, TimeExpression } from '../contract/types.js';
import type { Claim, Discrepancy, StoryQuote } from '../contract/story.js';
import type { EventCluster, EventMention } from './events.js';
import { SYMMETRIC_FAMILIES, timesCompatible } from './events.js';
import { containment, quoteWords, SAME_QUOTE } from './quotes.js';

function claimAt(analysis: Analysis, span: { start: number; end: number }, value: string | number | null): Claim {
  return { document: analysis.document.id, start: span.start, end: span.end, text: analysis.document.text.slice(span.start, span.end), value };
}

function timeSpan(mention: EventMention): { start: number; end: number } {
  const time = mention.analysis.times.find((candidate) => candidate.id === mention.event.when.time);
  return time ?? mention.event.evidence;
}

/** How far after an event's evidence its venue's name may stand. */
const PLACE_REACH = 40;

function placeSpan(mention: EventMention): { start: number; end: number } {
  const local = mention.analysis.entities.find((entity) => entity.id === mention.event.where.entity);
  const evidence = mention.event.evidence;
  const inside = local?.mentions.find((m) => m.start >= evidence.start && m.end <= evidence.end);
  // A venue just after the evidence clause ("… met X | in Bern on Monday").
  const text = mention.analysis.document.text;
  const after = local?.mentions.find((m) => m.start >= evidence.end && m.start - evidence.end <= PLACE_REACH && !/[.!?;]/.test(text.slice(evidence.end, m.start)));
  // Else its mention in the evidence's sentence ("…, 12 November, at the Berkaber checkpoint in Tavush province"),
  // or the words of a place named without an entity ("at the Margara crossing").
  const sentence = mention.analysis.sentences.find((candidate) => candidate.start <= evidence.start && evidence.start < candidate.end);
  const inSentence = sentence ? local?.mentions.find((m) => m.start >= sentence.start && m.end <= sentence.end) : undefined;
  const name = mention.event.where.name;
  const at = name && sentence ? text.indexOf(name, sentence.start) : -1;
  const named = at >= 0 && sentence && at + (name?.length ?? 0) <= sentence.end ? { start: at, end: at + (name?.length ?? 0) } : undefined;
  return inside ?? after ?? inSentence ?? named ?? evidence;
}

/** One claim per distinct value, only when at least two documents say different things. */
function distinctClaims(mentions: readonly EventMention[], valueOf: (m: EventMention) => string | null, spanOf: (m: EventMention) => { start: number; end: number }): Claim[] {
  const byValue = new Map<string, EventMention>();
  for (const mention of mentions) {
    const value = valueOf(mention);
    if (value !== null && !byValue.has(value)) byValue.set(value, mention);
  }
  const documents = new Set([...byValue.values()].map((mention) => mention.documentIndex));
  if (byValue.size < 2 || documents.size < 2) return [];
  return [...byValue].map(([value, mention]) => claimAt(mention.analysis, spanOf(mention), value));
}

/** Modality classes: what a report commits to about whether the event happens. */
function modalityClass(status: EventStatus): 'asserted' | 'uncertain' | 'negated' | 'demanded' {
  if (status === 'possible' || status === 'hypothetical' || status === 'hoped') return 'uncertain';
  if (status === 'negated' || status === 'denied') return 'negated';
  if (status === 'demanded') return 'demanded';
  return 'asserted';
}

/** Discrepancies among the reports of one merged event. */
export function eventDiscrepancies(cluster: EventCluster, storyEventId: string, label: string): Discrepancy[] {
  const found: Discrepancy[] = [];
  const mentions = cluster.mentions;
  if (new Set(mentions.map((mention) => mention.documentIndex)).size < 2) return found;

  const dated = mentions.filter((mention) => mention.time !== null);
  // Only the values that clash with another one: "March" is compatible with both "March 10" and "March 11".
  const allDates = distinctClaims(dated, (mention) => mention.time, timeSpan);
  const dateClaims = allDates.filter((a) => allDates.some((b) => !timesCompatible(String(a.value), String(b.value))));
  if (dateClaims.length > 1) found.push({ kind: 'date', note: `The reports of "${label}" give different dates: ${dateClaims.map((claim) => claim.value).join(' vs ')}.`, event: storyEventId, claims: dateClaims });

  // Countries first; within one country, two different towns ("Geneva" vs "Bern"). Buildings and
  // regions are left out: "the White House" and "Washington" do not disagree.
  let placeClaims = distinctClaims(mentions, (mention) => mention.place?.country ?? null, placeSpan);
  if (placeClaims.length === 0) {
    const towns = mentions.filter((mention) => mention.place?.town && mention.place.name);
    const townKey = (mention: EventMention): string | null => mention.place?.entity ?? mention.place?.name?.toLowerCase() ?? null;
    const townClaims = distinctClaims(towns, townKey, placeSpan);
    const named = [...new Set(towns.map((mention) => (mention.place?.name ?? '').toLowerCase()))];
    if (!named.some((a, i) => named.some((b, j) => i !== j && (a.includes(b) || b.includes(a))))) placeClaims = townClaims;
  }
  if (placeClaims.length > 0) {
    const names = placeClaims.map((claim) => claim.text);
    found.push({ kind: 'place', note: `The reports of "${label}" place it differently: ${names.join(' vs ')}.`, event: storyEventId, claims: placeClaims });
  }

  if (!mentions.some((mention) => mention.families.some((family) => SYMMETRIC_FAMILIES.has(family)))) {
    const withSources = mentions.filter((mention) => mention.sourceKeys.size > 0);
    // Compared per distinct set of source actors (few), not per pair of reports (many).
    const bySources = new Map<string, { keys: Set<string>; documents: Set<number> }>();
    for (const mention of withSources) {
      const signature = [...mention.sourceKeys].sort().join('+');
      const entry = bySources.get(signature) ?? { keys: mention.sourceKeys, documents: new Set<number>() };
      entry.documents.add(mention.documentIndex);
      bySources.set(signature, entry);
    }
    const signatures = [...bySources.values()];
    const disjoint = signatures.some((a) =>
      signatures.some((b) => a !== b && ![...a.keys].some((key) => b.keys.has(key)) && [...a.documents].some((document) => !b.documents.has(document) || b.documents.size > 1)),
    );
    if (disjoint) {
      const actorClaims = distinctClaims(withSources, (mention) => [...mention.sourceKeys].sort().join('+'), (mention) => mention.event.evidence);
      if (actorClaims.length > 0) {
        found.push({ kind: 'actor', note: `The reports of "${label}" name different actors behind it: ${actorClaims.map((claim) => claim.value).join(' vs ')}.`, event: storyEventId, claims: actorClaims });
      }
    }
  }

  // "met for about five hours" and "spent three hours together": how long the one event lasted.
  const durations = mentions.flatMap((mention) => {
    const amount = durationOfEvent(mention);
    return amount ? [{ mention, amount }] : [];
  });
  const clashingDurations = durations.filter((a) => durations.some((b) => !compatibleAmounts(a.amount, b.amount, true)));
  if (new Set(clashingDurations.map(({ mention }) => mention.documentIndex)).size > 1) {
    const byReading = new Map<string, Claim>();
    for (const { mention, amount } of clashingDurations) {
      const value = reading(amount, true);
      if (!byReading.has(value)) byReading.set(value, claimAt(mention.analysis, amount, value));
    }
    const claims = [...byReading.values()];
    found.push({ kind: 'number', note: `The reports of "${label}" give different durations: ${claims.map((claim) => claim.value).join(' vs ')}.`, event: storyEventId, claims });
  }

  const classes = new Set(mentions.map((mention) => modalityClass(mention.event.status)));
  if (classes.has('asserted') && (classes.has('uncertain') || classes.has('negated'))) {
    const modalityClaims = distinctClaims(mentions, (mention) => mention.event.status, (mention) => mention.event.evidence);
    if (modalityClaims.length > 0) {
      found.push({
        kind: 'modality',
        note: `The reports disagree on whether "${label}" happens: ${modalityClaims.map((claim) => claim.value).join(' vs ')}.`,
        event: storyEventId,
        claims: modalityClaims,
      });
    }
  }
  return found;
}

/** Words that say a meeting was the latest one ("last met", "their most recent meeting"). */
const LATEST_CLAIM = /\b(?:last|most recently|most recent|latest)\s+(?:\w+\s+)?$/i;

function isLatestMeetingClaim(mention: EventMention): boolean {
  if (!mention.families.includes('r04') || mention.time === null) return false;
  const text = mention.analysis.document.text;
  const before = text.slice(Math.max(0, mention.event.trigger.start - 30), mention.event.trigger.start);
  return LATEST_CLAIM.test(before);
}

function laterThan(a: string, b: string): boolean {
  const length = Math.min(a.length, b.length);
  return a.slice(0, length) > b.slice(0, length);
}

/** A text saying two actors last met at one time while reporting a later meeting of theirs. */
export function internalDiscrepancies(mentions: readonly EventMention[]): Discrepancy[] {
  const found: Discrepancy[] = [];
  const byDocument = new Map<number, EventMention[]>();
  for (const mention of mentions) {
    const list = byDocument.get(mention.documentIndex);
    if (list) list.push(mention);
    else byDocument.set(mention.documentIndex, [mention]);
  }
  for (const documentMentions of byDocument.values()) {
    const meetings = documentMentions.filter((mention) => mention.families.includes('r04') && mention.time !== null && mention.event.status === 'occurred');
    for (const claim of documentMentions.filter(isLatestMeetingClaim)) {
      const later = meetings.find((other) => {
        if (other === claim || !laterThan(other.time!, claim.time!)) return false;
        let shared = 0;
        for (const key of claim.actorKeys) if (other.actorKeys.has(key)) shared++;
        return shared >= Math.min(2, claim.actorKeys.size, other.actorKeys.size) && shared > 0;
      });
      if (!later) continue;
      const analysis = claim.analysis;
      found.push({
        kind: 'internal',
        note: `The text says the last meeting was in ${claim.time}, but it also reports a later meeting (${later.time}).`,
        event: null,
        claims: [claimAt(analysis, claim.event.evidence, claim.time), claimAt(analysis, later.event.evidence, later.time)],
      });
    }
  }
  return found;
}

const STOP_WORDS = new Set(
  'the a an of in on at to for from by with and or but as that this these those it its their his her was were is are be been has have had will would said says than more less about some who which when where after before over under into during since while between also not no'.split(' '),
);

/** Crude stems of the content words of a text, for comparing contexts. */
function contextStems(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 2 && !STOP_WORDS.has(word))
      .map((word) => word.slice(0, 5)),
  );
}

interface QuantityItem {
  analysis: Analysis;
  quantity: Quantity;
  /** The sentence the count is told in. */
  sentence: { start: number; end: number };
  /** Years of the dates told in the count's sentence ("last year" → "2024"). */
  years: string[];
  /** What befell what is counted (dead, injured, held, freed), when the count says so. */
  state: string | null;
  /** A duration read from a time expression ("three hours"), not a count. */
  duration: boolean;
  /** "the three servicemen": a definite count, which refers back to a count told before. */
  definite: boolean;
  context: Set<string>;
  unitWords: string[];
}

/** States a count of people may be in: the words for each, by stem. */
const STATES: readonly [string, RegExp][] = [
  ['dead', /\b(dead|death|deaths|died|die|dies|killed|kill|killing|bodies)\b/],
  ['injured', /\b(injur\w*|wound\w*|hurt)\b/],
  ['held', /\b(detain\w*|arrest\w*|held|jailed|imprisoned|captive\w*)\b/],
  ['freed', /\b(released|freed|free|pardoned)\b/],
  ['missing', /\b(missing)\b/],
];

/** The state its own words give a count ("injured men"), else the only one its sentence names. */
function stateOf(unitWords: readonly string[], sentence: string): string | null {
  const own = STATES.find(([, words]) => unitWords.some((word) => words.test(word)));
  if (own) return own[0];
  const named = STATES.filter(([, words]) => words.test(sentence.toLowerCase()));
  return named.length === 1 ? named[0][0] : null;
}

/** The sentence that holds a span (the span itself when no sentence does). */
function sentenceHolding(analysis: Analysis, span: { start: number; end: number }): { start: number; end: number } {
  return analysis.sentences.find((candidate) => candidate.start <= span.start && candidate.end >= span.end) ?? span;
}

/** The years of the dates told inside a sentence. */
function yearsIn(analysis: Analysis, sentence: { start: number; end: number }): string[] {
  return analysis.times.filter((time) => time.type === 'DATE' && time.start >= sentence.start && time.end <= sentence.end && /^\d{4}/.test(time.value)).map((time) => time.value.slice(0, 4));
}

function sameSentence(a: QuantityItem, b: QuantityItem): boolean {
  return a.analysis === b.analysis && a.sentence.start === b.sentence.start;
}

/** Head nouns that count the same people ("nine Russian nationals" and "eight Russian citizens", "two soldiers" and "three servicemen"). */
const SAME_COUNT_NOUNS: Readonly<Record<string, string>> = {
  national: 'citizen', person: 'people', individual: 'people', resident: 'inhabitant',
  serviceman: 'soldier', servicemen: 'soldier', prisoner: 'detainee', captive: 'detainee',
};

function unitKey(unit: string): string[] {
  return unit
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length > 0)
    .map((word) => word.replace(/s$/, ''))
    .map((word) => SAME_COUNT_NOUNS[word] ?? word);
}

/**
 * Same thing counted: the same head noun ("soldier"), modifiers that do not contradict ("one
 * Azerbaijani soldier" and "two of its soldiers" may be the same soldiers; "Russian soldiers" and
 * "Ukrainian soldiers" are not), and enough shared context around it.
 */
function sameThing(a: QuantityItem, b: QuantityItem): boolean {
  if (!compatibleThings(a, b)) return false;
  const unitStems = new Set([...a.unitWords, ...b.unitWords].map((word) => word.slice(0, 5)));
  let shared = 0;
  for (const stem of a.context) if (!unitStems.has(stem) && b.context.has(stem)) shared++;
  return a.unitWords.length >= 2 ? shared >= 2 : shared >= 3;
}

/** Nothing in the two counts' words says they count different things (modifiers, years, states, scale). */
function compatibleThings(a: QuantityItem, b: QuantityItem): boolean {
  const modifiersA = a.unitWords.slice(0, -1);
  const modifiersB = b.unitWords.slice(0, -1);
  if (modifiersA.length > 0 && modifiersB.length > 0 && !modifiersA.some((word) => modifiersB.includes(word))) return false;
  // "40 events planned this year" and "12 events … last year": counts of different years are different sets
  // (a day apart is a disagreement to report, not another thing).
  if (a.years.length > 0 && b.years.length > 0 && !a.years.some((year) => b.years.includes(year))) return false;
  // "the seven injured men" and "the deaths of three men": the wounded are not the dead.
  if (a.state !== null && b.state !== null && a.state !== b.state) return false;
  // "talks lasted four hours" and "a deal within a month": lengths that far apart are of different things.
  if (a.duration && b.duration) {
    const [lowA, highA] = interval(a.quantity, true);
    const [lowB, highB] = interval(b.quantity, true);
    if (Math.min(highA, highB) * DURATION_SPREAD < Math.max(lowA, lowB)) return false;
  }
  return true;
}

/**
 * The count a definite one refers back to ("two Azerbaijani soldiers were returned … The three
 * servicemen were taken to hospital"): the latest earlier count of the same text (`earlier`, in
 * text order, with their clusters) that nothing marks as another thing.
 */
function referredCount(earlier: readonly { item: QuantityItem; cluster: QuantityItem[] }[], item: QuantityItem): QuantityItem[] | undefined {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const { item: before, cluster } = earlier[i];
    if (!before.definite && before.quantity.start < item.quantity.start && compatibleThings(before, item)) return cluster;
  }
  return undefined;
}

/** How many times longer one told duration may be than another and still be the same one told differently. */
const DURATION_SPREAD = 10;

/** How far "about" reaches either side of its figure. */
const ABOUT_MARGIN = 0.1;

/** Hours in one of each duration unit, so that "eight hours" and "two days" compare. */
const HOURS_IN: Readonly<Record<string, number>> = { seconds: 1 / 3600, minutes: 1 / 60, hours: 1, days: 24, weeks: 168, months: 730, years: 8766, decades: 87660, centuries: 876600 };
/** Months and years are not all alike (28–31 days, 365–366): "a month" fits "30 days". */
const CALENDAR_UNITS = new Set(['months', 'years', 'decades', 'centuries']);
const CALENDAR_MARGIN = 0.05;

/** The values a quantity allows ("about 5" 4.5–5.5, "more than 20" above 20, "15 to 20" 15–20); a duration's in hours. */
function interval(quantity: Quantity, duration: boolean): [number, number] {
  const scale = duration ? HOURS_IN[quantity.unit ?? ''] ?? 1 : 1;
  const margin = duration && CALENDAR_UNITS.has(quantity.unit ?? '') ? CALENDAR_MARGIN : 0;
  const value = quantity.value * scale;
  const upper = (quantity.value_max ?? quantity.value) * scale;
  switch (quantity.approx) {
    case 'about':
      return [value * (1 - ABOUT_MARGIN - margin), upper * (1 + ABOUT_MARGIN + margin)];
    case 'more_than':
    case 'at_least':
      return [value * (1 - margin), Infinity];
    case 'less_than':
    case 'at_most':
      return [0, upper * (1 + margin)];
    default:
      return [value * (1 - margin), upper * (1 + margin)];
  }
}

/** Can both figures be true of one thing ("about five hours" and "five hours" can; "three" and "two" cannot)? */
function compatibleAmounts(a: Quantity, b: Quantity, duration = false): boolean {
  const [lowA, highA] = interval(a, duration);
  const [lowB, highB] = interval(b, duration);
  return lowA <= highB && lowB <= highA;
}

function reading(quantity: Quantity, duration = false): string {
  const approx = quantity.approx === 'exact' ? '' : `${quantity.approx.replace('_', ' ')} `;
  const range = quantity.value_max ? `–${quantity.value_max}` : '';
  return `${approx}${quantity.value}${range}${duration ? ` ${quantity.unit}` : ''}`;
}

/** ISO 8601 duration units, by letter, outside and inside the time part ("P3M" months, "PT3M" minutes). */
const DATE_UNITS: Readonly<Record<string, string>> = { Y: 'years', M: 'months', W: 'weeks', D: 'days', DE: 'decades', CE: 'centuries' };
const CLOCK_UNITS: Readonly<Record<string, string>> = { H: 'hours', M: 'minutes', S: 'seconds' };
const DURATION = /^P(T?)(\d+(?:\.\d+)?)(DE|CE|[YMWDHS])$/;
const APPROX_OF_MOD: Readonly<Partial<Record<string, Quantity['approx']>>> = {
  APPROX: 'about', MORE_THAN: 'more_than', EQUAL_OR_MORE: 'at_least', LESS_THAN: 'less_than', EQUAL_OR_LESS: 'at_most',
};

/**
 * A duration of one unit ("three hours" PT3H, "within 60 days" P60D) as an amount of that unit, so
 * that "a three-hour meeting" and "talked for two hours" compare like counts; units are brought to
 * hours when compared ("eight hours" vs "two days"; "a month" fits "30 days").
 */
function durationAmount(time: TimeExpression): Quantity | null {
  if (time.type !== 'DURATION') return null;
  const parts = DURATION.exec(time.value);
  if (!parts) return null;
  const unit = parts[1] ? CLOCK_UNITS[parts[3]] : DATE_UNITS[parts[3]];
  if (!unit) return null;
  const approx = (time.mod && APPROX_OF_MOD[time.mod]) ?? 'exact';
  return { id: time.id, start: time.start, end: time.end, text: time.text, value: Number(parts[2]), value_max: null, approx, unit, of: null, provenance: time.provenance };
}

/** The duration said of an event: the one nearest its trigger in the trigger's sentence. */
function durationOfEvent(mention: EventMention): Quantity | null {
  const { analysis, event } = mention;
  const sentence = sentenceHolding(analysis, event.trigger);
  let best: Quantity | null = null;
  let bestDistance = Infinity;
  for (const time of analysis.times) {
    if (time.start < sentence.start || time.end > sentence.end) continue;
    const amount = durationAmount(time);
    const distance = Math.abs(time.start - event.trigger.start);
    if (amount && distance < bestDistance) {
      best = amount;
      bestDistance = distance;
    }
  }
  return best;
}

/** The counts of an analysis and its durations, each an amount of a unit. */
function amounts(analysis: Analysis): { quantity: Quantity; duration: boolean }[] {
  const durations = analysis.times.map(durationAmount).filter((amount): amount is Quantity => amount !== null);
  return [...analysis.quantities.map((quantity) => ({ quantity, duration: false })), ...durations.map((quantity) => ({ quantity, duration: true }))];
}

/**
 * Quantities of the same thing given differently by different documents, and by one document in
 * two places. Quantities are grouped by the unit's head noun, then clustered against each
 * cluster's first member (near-linear: clusters stay few).
 */
export function numberDiscrepancies(analyses: readonly Analysis[]): Discrepancy[] {
  const byUnit = new Map<string, QuantityItem[][]>();
  for (const analysis of analyses) {
    // This text's counts so far per key, for a definite count to find what it refers back to.
    const told = new Map<string, { item: QuantityItem; cluster: QuantityItem[] }[]>();
    for (const { quantity, duration } of amounts(analysis)) {
      if (!quantity.unit) continue;
      const unitWords = unitKey(quantity.unit);
      if (unitWords.length === 0) continue;
      const sentence = sentenceHolding(analysis, quantity);
      const words = analysis.document.text.slice(sentence.start, sentence.end);
      const definite = !duration && quantity.approx === 'exact' && /\bthe\s+$/i.test(analysis.document.text.slice(Math.max(0, quantity.start - 5), quantity.start));
      const item: QuantityItem = { analysis, quantity, duration, definite, sentence, unitWords, context: contextStems(words), years: yearsIn(analysis, sentence), state: stateOf(unitWords, words) };
      // Durations compare across their units; counts by what they count.
      const key = duration ? 'duration' : unitWords[unitWords.length - 1];
      const clusters = byUnit.get(key) ?? [];
      byUnit.set(key, clusters);
      // Two counts of one sentence are two things ("scrapped 40 events … staged only 12 last year").
      const earlier = told.get(key) ?? [];
      told.set(key, earlier);
      let home = (item.definite ? referredCount(earlier, item) : undefined) ?? clusters.find((cluster) => sameThing(cluster[0], item) && !cluster.some((member) => sameSentence(member, item)));
      if (home) home.push(item);
      else clusters.push((home = [item]));
      earlier.push({ item, cluster: home });
    }
  }
  const found: Discrepancy[] = [];
  for (const clusters of byUnit.values()) {
    for (const cluster of clusters) {
      const byReading = new Map<string, QuantityItem>();
      for (const item of cluster) if (!byReading.has(reading(item.quantity, item.duration))) byReading.set(reading(item.quantity, item.duration), item);
      // Counts worded differently disagree ("more than 100,000" vs "an estimated 100,000": how sure
      // is each?); durations only when no length fits both ("up to 20 years" fits "15 to 20 years").
      const readings = [...byReading.values()];
      const clashing = readings.filter((a) => readings.some((b) => a !== b && (!a.duration || !compatibleAmounts(a.quantity, b.quantity, true))));
      if (clashing.length < 2) continue;
      // A text at odds with itself says so on its own, whatever the other texts count.
      const byDocument = new Map<string, QuantityItem[]>();
      for (const item of cluster) byDocument.set(item.analysis.document.id, [...(byDocument.get(item.analysis.document.id) ?? []), item]);
      for (const items of byDocument.values()) if (items.length > 1) found.push(...selfContradictions(items));
      if (new Set(clashing.map((item) => item.analysis.document.id)).size < 2) continue;
      const claims = clashing.map((item) => claimAt(item.analysis, item.quantity, reading(item.quantity, item.duration)));
      const what = cluster[0].duration ? 'give a duration' : `count ${cluster[0].quantity.unit}`;
      // "about 40" vs "40", "more than 100,000" vs "an estimated 100,000": reported, but as a weaker
      // difference, since one figure could hold for both.
      const hedged = clashing.every((a) => clashing.every((b) => compatibleAmounts(a.quantity, b.quantity)));
      found.push({
        kind: 'number',
        note: `The articles ${what} differently: ${claims.map((claim) => claim.value).join(' vs ')}${hedged ? ' (the figures may agree; they differ in how sure they are)' : ''}.`,
        event: null,
        claims,
        ...(hedged ? { hedged: true as const } : {}),
      });
    }
  }
  return found;
}

/** Content stems two sentences of one text must share before their counts of one thing can contradict. */
const SELF_CONTRADICTION_CONTEXT = 4;

/**
 * One text counting the same thing twice, differently, in sentences about the same happening
 * ("eight Russian citizens were detained …" and later "the nine detained Russian citizens"): an
 * internal discrepancy. Stricter than across texts (more shared context), since one text often
 * counts a thing at two moments.
 */
function selfContradictions(cluster: readonly QuantityItem[]): Discrepancy[] {
  // Shares and sums of money differ within a text as a matter of course ("38% for, 41% against").
  const unit = cluster[0].quantity.unit ?? '';
  if (unit === 'percent' || /^[A-Z]{3}$/.test(unit)) return [];
  for (let i = 0; i < cluster.length; i++) {
    for (let j = i + 1; j < cluster.length; j++) {
      const [a, b] = [cluster[i], cluster[j]];
      if (sameSentence(a, b) || reading(a.quantity) === reading(b.quantity) || (a.duration && compatibleAmounts(a.quantity, b.quantity, true)) || a.quantity.of !== null || b.quantity.of !== null) continue;
      let shared = 0;
      for (const stem of a.context) if (b.context.has(stem)) shared++;
      // "The three servicemen" after "two soldiers" refers back to them (the latest plain count before it), whatever else the sentences share.
      const refersBack = b.definite && !a.definite && !cluster.some((other) => !other.definite && other.quantity.start > a.quantity.start && other.quantity.start < b.quantity.start);
      if (shared < SELF_CONTRADICTION_CONTEXT && !refersBack) continue;
      const claims = [a, b].map((item) => claimAt(item.analysis, item.quantity, reading(item.quantity, item.duration)));
      return [{ kind: 'internal', note: `The text counts ${a.quantity.unit} differently: ${claims.map((claim) => claim.value).join(' vs ')}.`, event: null, claims }];
    }
  }
  return [];
}

/** Quoted words long enough that two articles repeating them quote one utterance. */
const MIN_SHARED_QUOTE_WORDS = 4;

/**
 * "Who said it" disagreements: a direct or partial quote that another article gives, nearly word
 * for word, to another speaker. One discrepancy per pair of story quotes.
 */
export function speakerDiscrepancies(quotes: readonly StoryQuote[], analyses: readonly Analysis[]): Discrepancy[] {
  const byId = new Map(analyses.map((analysis) => [analysis.document.id, analysis]));
  const quoted = quotes
    .filter((quote) => quote.speaker !== null && quote.reports.some((report) => report.kind !== 'indirect'))
    .map((quote) => {
      const report = quote.reports.find((candidate) => candidate.kind !== 'indirect')!;
      return { quote, report, words: quoteWords(report.text) };
    })
    .filter((item) => item.words.size >= MIN_SHARED_QUOTE_WORDS);
  // Candidates through an inverted index: a quote that holds at least SAME_QUOTE of a smaller one's
  // words holds one of that smaller quote's (1 − SAME_QUOTE)·n + 1 longest words.
  const postings = new Map<string, number[]>();
  quoted.forEach((item, index) => {
    for (const word of item.words) postings.set(word, [...(postings.get(word) ?? []), index]);
  });
  const found: Discrepancy[] = [];
  for (let i = 0; i < quoted.length; i++) {
    const a = quoted[i];
    const probes = [...a.words].sort((x, y) => y.length - x.length).slice(0, Math.floor((1 - SAME_QUOTE) * a.words.size) + 1);
    const candidates = new Set(probes.flatMap((word) => postings.get(word) ?? []));
    for (const j of candidates) {
      const b = quoted[j];
      // Each pair once, from its smaller side (the lower index on a tie).
      if (b.words.size < a.words.size || (b.words.size === a.words.size && j <= i)) continue;
      if (a.quote.speaker === b.quote.speaker || a.report.document === b.report.document) continue;
      if (containment(a.words, b.words) < SAME_QUOTE) continue;
      const claims = [a, b].map(({ quote, report }) => claimAt(byId.get(report.document)!, report, quote.speaker_name));
      found.push({ kind: 'speaker', note: `The same words are quoted from different speakers: ${claims.map((claim) => claim.value).join(' vs ')}.`, event: null, claims });
    }
  }
  return found;
}

/**
 * Each disagreement once: a discrepancy whose claims an earlier one already holds (a duration
 * found on a merged event and again among the counts of the texts) is dropped.
 */
export function withoutRepeatedClaims(discrepancies: readonly Discrepancy[]): Discrepancy[] {
  const kept: Discrepancy[] = [];
  const keysOf = (discrepancy: Discrepancy): string[] => discrepancy.claims.map((claim) => `${claim.document}:${claim.start}:${claim.end}`);
  for (const discrepancy of discrepancies) {
    const keys = keysOf(discrepancy);
    if (kept.some((earlier) => earlier.kind === discrepancy.kind && keys.every((key) => keysOf(earlier).includes(key)))) continue;
    kept.push(discrepancy);
  }
  return kept;
}

