/**
 * Time expressions (TIMEX3-style DATE, TIME, DURATION, SET) with normalised values.
 *
 * Steps: precompiled rules find candidates (rules.ts); the longest non-overlapping ones are kept;
 * a clock time next to a date becomes one TIME; modifier words to the left join the span
 * ("early July" START, "the end of the year" END, "mid-2024" MID, "about two weeks" APPROX);
 * then every expression is resolved in text order (resolve.ts).
 *
 * Modifiers on durations follow TimeML: "more than", "over" give MORE_THAN, "at least"
 * EQUAL_OR_MORE, "less than", "under", "nearly", "almost" LESS_THAN, "up to", "no more than", "at
 * most" EQUAL_OR_LESS; "about", "around", "roughly", "some", "an estimated" give APPROX. On a point
 * counted from now ("more than 20 years ago") they place the date: earlier than that point is
 * BEFORE, later AFTER.
 *
 * Narrative anchoring: each resolved calendar date (a day, a month or a year) up to the
 * publication day becomes the narrative time (a later one is a plan, not the story's time). Expressions whose words point back into the story ("days later", "two days
 * later", "the next day", "the following week", "that month", "the same day", "at the time",
 * "the previous year", "that Tuesday") resolve against that narrative time and are marked
 * `anchor: 'narrative'`. Everything else relative ("yesterday", "last month", a bare "Tuesday")
 * resolves against the publication date (`anchor: 'publication'`); explicit dates are `absolute`.
 * A bare clock time ("at 10 p.m.") is placed on the narrative day when the story is at a known day.
 * Without a narrative time, narrative expressions fall back to the publication date.
 */
import type { TimeExpression, TimeMod } from '../contract/types.js';
import type { AnalysisContext } from './types.js';
import { formatDay, parseIsoDate, type CalendarDate } from './times/calendar.js';
import { resolveTime, narrativeTimeOf, type NarrativeTime, type ResolutionEnv } from './times/resolve.js';
import { matchTimeExpressions, type TimeMatch, type TimeParse } from './times/rules.js';
import { clauseTense } from './times/tense.js';

const POSITION_PREFIX =
  /(?:\b(?:the\s+)?(?:very\s+)?(?<pos>early|late|mid|earlier|later)\s+|\b(?:the\s+)?(?<edge>beginning|start|end|middle|close)\s+of\s+|\b(?<mid>mid)-)$/i;
const APPROX_PREFIX =
  /\b(?<cue>about|around|approximately|roughly|some|nearly|almost|an estimated|close to|more than|over|less than|under|fewer than|at least|up to|no more than|at most|just over|just under|well over|more or less)\s+$/i;

const PREFIX_WINDOW = 24;

interface Selected extends TimeMatch {
  mod: TimeMod | null;
}

const cache = new WeakMap<AnalysisContext, TimeExpression[]>();

/**
 * "the start of the month" after "on Monday, July 14": a coarser time holding the story's day does
 * not move the story off that day ("hours later" still counts from the 14th).
 */
function coarserAround(next: NarrativeTime, current: NarrativeTime | null): boolean {
  if (!current || RANK[next.precision] >= RANK[current.precision]) return false;
  if (next.date.year !== current.date.year) return false;
  return next.precision === 'year' || next.date.month === current.date.month;
}

const RANK: Readonly<Record<NarrativeTime['precision'], number>> = { year: 0, month: 1, day: 2 };

/** A sentence opening with a past year moves the story there ("In 2020, …", "On Sept. 27, 2020, …"); a year inside a clause ("approved in 1987") does not. */
const MOVED_TO = /(?:^|[.!?]["”’]?\s+|\n\s*)(?:In|By|During|On)\s+$/;

/** How far (in characters: about two short paragraphs) a story day told before still holds a bare clock time. */
const RECENT_DAY_REACH = 600;

/** Character spans of the bracketed outlet names in the document's datelines ("BAKU, Feb 13 (Caspian Wire) -"). */
function datelineAgencySpans(ctx: AnalysisContext): [number, number][] {
  const spans: [number, number][] = [];
  for (const block of ctx.structure.blocks) {
    if (block.kind !== 'dateline') continue;
    const open = ctx.text.indexOf('(', block.start);
    const close = open >= 0 && open < block.end ? ctx.text.indexOf(')', open) : -1;
    if (close > open && close <= block.end) spans.push([open, close + 1]);
  }
  return spans;
}

/** All time expressions of the document, in text order, with ids "t1", "t2" …. */
export function extractTimes(ctx: AnalysisContext): TimeExpression[] {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const text = ctx.text;
  const selected = attachModifiers(text, mergeClockWithDate(text, selectLongest(matchTimeExpressions(text))));
  const env: ResolutionEnv = { publication: parseIsoDate(ctx.document.published), tense: () => null, narrative: null, recentDay: null, recentYear: null, lastQuarter: null };
  // Where the latest story day was told, for `recentDay`; where the story last moved to a past year, for `recentYear`.
  let lastDay: { date: CalendarDate; end: number } | null = null;
  let lastYear: { year: number; end: number } | null = null;
  const times: TimeExpression[] = [];
  const blockStarts = new Set(ctx.structure.blocks.map((block) => block.start));
  const agencyNames = datelineAgencySpans(ctx);
  for (const match of selected) {
    // "(Yerevan Today)", "(Anka Daily)": the outlet named in a dateline's brackets is no time.
    if (agencyNames.some(([start, end]) => match.start >= start && match.end <= end)) continue;
    env.tense = () => clauseTense(text, ctx.structure, ctx.language, match.start, match.end);
    env.recentDay = lastDay && match.start - lastDay.end <= RECENT_DAY_REACH ? lastDay.date : null;
    env.recentYear = lastYear && match.start - lastYear.end <= RECENT_DAY_REACH ? lastYear.year : null;
    // A live blog's entry stamp ("09:12 — …" opening a block) is a time of the publication day, whatever the entry before said.
    const stamp = match.parse.kind === 'clock' && match.parse.date === null && blockStarts.has(match.start);
    const resolved = resolveTime(match.parse, stamp ? { ...env, narrative: null, recentDay: null } : env);
    const mod = match.mod ?? resolved.mod;
    times.push({
      id: `t${times.length + 1}`,
      start: match.start,
      end: match.end,
      text: text.slice(match.start, match.end),
      type: resolved.type,
      value: resolved.value,
      mod,
      anchor: resolved.anchor,
      provenance: { method: 'rule', confidence: resolved.anchor === 'absolute' ? 0.95 : resolved.anchor === 'publication' ? 0.85 : 0.7 },
    });
    if (resolved.type === 'DATE' || resolved.type === 'TIME') {
      const quarter = /^(\d{4})-Q([1-4])$/.exec(resolved.value);
      if (quarter && match.parse.kind === 'quarter' && match.parse.yearShift === 0) env.lastQuarter = { year: Number(quarter[1]), quarter: Number(quarter[2]) };
      // A date ahead of the publication day is a plan, not the story's time: "hours later" after
      // "the next round is on December 12" still counts from the reported past.
      const ahead = env.publication !== null && resolved.value.slice(0, 10) > formatDay(env.publication);
      const narrative = establishesNarrative(match.parse, resolved.anchor) && !ahead ? narrativeTimeOf(resolved.value) : null;
      if (narrative && !coarserAround(narrative, env.narrative)) env.narrative = narrative;
      if (narrative?.precision === 'day') lastDay = { date: narrative.date, end: match.end };
      // "In 2020, …", "In September 2023, …": the story has moved to a past year (a year as a label, "the 2020 war", has not).
      const year = /^(\d{4})(?:-\d{2})?(?:-\d{2})?$/.exec(resolved.value);
      if (year && resolved.anchor === 'absolute' && env.publication && Number(year[1]) < env.publication.year && MOVED_TO.test(text.slice(Math.max(0, match.start - 12), match.start))) {
        lastYear = { year: Number(year[1]), end: match.end };
      } else if (year && lastYear && Number(year[1]) !== lastYear.year) lastYear = null;
    }
  }
  cache.set(ctx, times);
  return times;
}

/**
 * Whether an expression moves the narrative time: calendar dates do, except bare years used as
 * labels ("the 2020 ceasefire") and comparisons such as "a year earlier", which look back from
 * the story without moving it.
 */
function establishesNarrative(parse: TimeParse, anchor: string): boolean {
  if (parse.kind === 'fixed') return anchor === 'absolute' && /^\d{4}-\d{2}/.test(parse.value);
  if (parse.kind === 'shift') return parse.unit === 'day' || parse.unit === 'week';
  return parse.kind !== 'clock';
}

/** Longest match first (earlier rule on ties), dropping anything overlapping a kept match. */
function selectLongest(matches: TimeMatch[]): TimeMatch[] {
  const ordered = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank || a.start - b.start);
  const kept: TimeMatch[] = [];
  for (const match of ordered) {
    if (kept.some((other) => match.start < other.end && other.start < match.end)) continue;
    kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const DATE_KINDS = new Set<TimeParse['kind']>(['monthDay', 'weekday', 'day']);

/** "June 27 at 10:30" and "10:30 on June 27" become one TIME whose date part is the date. */
function mergeClockWithDate(text: string, matches: TimeMatch[]): TimeMatch[] {
  const merged: TimeMatch[] = [];
  for (let i = 0; i < matches.length; i++) {
    const current = matches[i];
    const next = matches[i + 1];
    if (next && current.parse.kind === 'clock' && current.parse.date === null && DATE_KINDS.has(next.parse.kind) && /^\s*,?\s*(?:on\s+)?$/.test(text.slice(current.end, next.start))) {
      merged.push({ start: current.start, end: next.end, rank: current.rank, parse: { ...current.parse, date: next.parse } });
      i++;
    } else if (next && next.parse.kind === 'clock' && next.parse.date === null && DATE_KINDS.has(current.parse.kind) && /^\s*,?\s*(?:at\s+)?$/.test(text.slice(current.end, next.start))) {
      merged.push({ start: current.start, end: next.end, rank: next.rank, parse: { ...next.parse, date: current.parse } });
      i++;
    } else merged.push(current);
  }
  return merged;
}

function positionModOf(word: string): TimeMod | null {
  switch (word.toLowerCase()) {
    case 'early':
    case 'beginning':
    case 'start':
      return 'START';
    case 'late':
    case 'end':
    case 'close':
    case 'year':
      return 'END';
    case 'mid':
    case 'middle':
      return 'MID';
    default:
      return null;
  }
}

/** The TimeML modifier of a duration's cue word ("more than two years" MORE_THAN). */
function approxModOf(cue: string): TimeMod {
  const key = cue.toLowerCase();
  if (/^(?:more than|over|just over|well over)$/.test(key)) return 'MORE_THAN';
  if (key === 'at least') return 'EQUAL_OR_MORE';
  if (/^(?:less than|under|fewer than|nearly|almost|just under)$/.test(key)) return 'LESS_THAN';
  if (/^(?:up to|no more than|at most)$/.test(key)) return 'EQUAL_OR_LESS';
  return 'APPROX';
}

/** A point counted back or forward ("more than 20 years ago"): longer back is earlier, shorter back later. */
function pointModOf(durationMod: TimeMod, direction: number): TimeMod {
  if (durationMod === 'APPROX') return durationMod;
  const longer = durationMod === 'MORE_THAN' || durationMod === 'EQUAL_OR_MORE';
  return longer === direction < 0 ? 'BEFORE' : 'AFTER';
}

/** Widens spans over modifier words on their left and records the modifier. */
function attachModifiers(text: string, matches: TimeMatch[]): Selected[] {
  const result: Selected[] = [];
  let previousEnd = 0;
  for (const match of matches) {
    const windowStart = Math.max(previousEnd, match.start - PREFIX_WINDOW);
    const before = text.slice(windowStart, match.start);
    let start = match.start;
    let mod: TimeMod | null = null;
    const isDuration = match.parse.kind === 'fixed' && match.parse.type === 'DURATION';
    const startsWithThe = /^the\s/i.test(text.slice(match.start, match.start + 4));
    const position = isDuration ? null : POSITION_PREFIX.exec(before);
    if (position?.groups) {
      const word = position.groups.pos ?? position.groups.edge ?? position.groups.mid ?? '';
      const positionMod = positionModOf(word);
      if (word.toLowerCase() === 'earlier' || word.toLowerCase() === 'later') {
        // "earlier this year" keeps the period's value; the words join the span.
        if (match.parse.kind === 'period') start = windowStart + position.index;
      } else if (positionMod) {
        start = windowStart + position.index;
        mod = positionMod;
      }
    }
    if (!position && (isDuration || match.parse.kind === 'shift') && !startsWithThe) {
      const approx = APPROX_PREFIX.exec(before);
      if (approx?.groups) {
        start = windowStart + approx.index;
        mod = approxModOf(approx.groups.cue);
        // "more than 20 years ago" lies before the point 20 years back; "less than a year ago" after it.
        if (match.parse.kind === 'shift') mod = pointModOf(mod, match.parse.direction);
      }
    } else if (!position && match.parse.kind === 'fixed' && match.parse.type === 'DATE') {
      const approx = /\b(?:about|around|approximately|roughly|circa)\s+$/i.exec(before);
      if (approx) {
        start = windowStart + approx.index;
        mod = 'APPROX';
      }
    }
    result.push({ ...match, start, mod });
    previousEnd = match.end;
  }
  return result;
}
