/**
 * Resolution of a recognised time expression (`TimeParse`) to a TIMEX3 type, value and anchor,
 * given the publication date, the tense of its clause and the narrative reference time.
 *
 * Direction rules for underspecified dates:
 * - weekdays: past tense → the most recent such day on or before publication; future tense → the
 *   next one on or after it; no tense → the nearer of the two (ties go to the past);
 *   "last"/"next" force the direction; "that"/"the following"/"the previous" use the narrative time.
 * - bare months, month–day dates and seasons: past tense → the latest occurrence not after
 *   publication; future tense → the next occurrence not before it; otherwise the publication year.
 * - financial reporting: "the quarter", "a year earlier" and "the year-ago quarter" follow the last
 *   quarter mentioned (TimeBank convention), since that is what such text compares.
 * Without a publication date, publication-relative values keep X placeholders ("XXXX-WXX-5").
 */
import type { TimeAnchor, TimeMod, TimeType } from '../../contract/types.js';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  formatDay,
  formatMonth,
  formatWeek,
  formatYear,
  isoWeekday,
  quarterOf,
  type CalendarDate,
} from './calendar.js';
import { SEASON_ORDER, seasonOfMonth, type TimeUnit } from './lexicon.js';
import type { Relation, TimeParse } from './rules.js';
import type { Tense } from './tense.js';

export type Precision = 'day' | 'month' | 'year';

/** The time a narrative has moved to: the latest explicit date mentioned so far. */
export interface NarrativeTime {
  date: CalendarDate;
  precision: Precision;
}

export interface ResolutionEnv {
  publication: CalendarDate | null;
  tense: () => Tense | null;
  narrative: NarrativeTime | null;
  /**
   * The story's latest day told shortly before, kept when a background month or year has since
   * become the narrative time ("late on Tuesday … since they met in August … at 11:30 p.m.").
   */
  recentDay: CalendarDate | null;
  /**
   * A past year the story moved to shortly before ("In 2020, a war broke out … a truce signed on
   * 10 November"): a day and month told without a year in the past belong to it.
   */
  recentYear: number | null;
  lastQuarter: { year: number; quarter: number } | null;
}

export interface Resolved {
  type: TimeType;
  value: string;
  mod: TimeMod | null;
  anchor: TimeAnchor;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function resolveTime(parse: TimeParse, env: ResolutionEnv): Resolved {
  const dct = env.publication;
  switch (parse.kind) {
    case 'fixed': {
      const relative = /_REF$/.test(parse.value);
      return { type: parse.type, value: parse.value, mod: parse.mod, anchor: relative ? 'publication' : 'absolute' };
    }
    case 'monthDay': {
      if (parse.year !== null) return date(formatDay({ year: parse.year, month: parse.month, day: parse.day }), 'absolute');
      if (!dct) return date(`XXXX-${pad2(parse.month)}-${pad2(parse.day)}`, 'publication');
      if (parse.yearOffset !== undefined) return date(formatDay({ year: dct.year + parse.yearOffset, month: parse.month, day: parse.day }), 'publication');
      const tense = parse.relation === 'last' ? 'past' : parse.relation === 'next' ? 'future' : env.tense();
      if (env.recentYear !== null && parse.relation === null && tense !== 'future') {
        return date(formatDay({ year: env.recentYear, month: parse.month, day: parse.day }), 'narrative');
      }
      return date(formatDay({ year: yearForDay(dct, parse.month, parse.day, tense), month: parse.month, day: parse.day }), 'publication');
    }
    case 'dayOfMonth': {
      if (!dct) return date(`XXXX-XX-${pad2(parse.day)}`, 'publication');
      return date(formatDay(monthOfDay(dct, parse.day, env.tense())), 'publication');
    }
    case 'nthWeekday': {
      if (parse.year !== null) return date(formatDay(nthWeekday(parse.year, parse.month, parse.weekday, parse.n)), 'absolute');
      if (!dct) return date(`XXXX-${pad2(parse.month)}`, 'publication');
      const thisYear = nthWeekday(dct.year, parse.month, parse.weekday, parse.n);
      const year = yearForDay(dct, thisYear.month, thisYear.day, env.tense());
      return date(formatDay(nthWeekday(year, parse.month, parse.weekday, parse.n)), 'publication');
    }
    case 'month': {
      if (parse.year !== null) return date(formatMonth(parse.year, parse.month), 'absolute');
      // "May of that year": the story's year.
      if (env.narrative && parse.relation === 'narrative-same') return date(formatMonth(env.narrative.date.year, parse.month), 'narrative');
      // "the previous September", "the following March": counted from the story's time when it has one.
      if (env.narrative && (parse.relation === 'narrative-previous' || parse.relation === 'narrative-next')) {
        const { month, year } = env.narrative.date;
        const shifted = parse.relation === 'narrative-previous' ? (parse.month < month ? year : year - 1) : parse.month > month ? year : year + 1;
        return date(formatMonth(shifted, parse.month), 'narrative');
      }
      if (!dct) return date(`XXXX-${pad2(parse.month)}`, 'publication');
      // "On Sept. 27, 2020, … By early November …": a month after a sentence opening in a past year is of that year.
      if (env.recentYear !== null && parse.relation === null && env.tense() !== 'future') return date(formatMonth(env.recentYear, parse.month), 'narrative');
      return date(formatMonth(yearForCycle(dct.month, parse.month, dct.year, parse.relation, env.tense(), 12), parse.month), 'publication');
    }
    case 'monthOfYear':
      if (!dct) return date(`XXXX-${pad2(parse.month)}`, 'publication');
      return date(formatMonth(dct.year + parse.yearOffset, parse.month), 'publication');
    case 'weekday':
      return resolveWeekday(parse.weekday, parse.relation, parse.part, env);
    case 'season': {
      if (parse.year !== null) return date(`${formatYear(parse.year)}-${parse.season}`, 'absolute');
      // "That autumn", "the following spring": the story's season, counted from the story's time when it has one.
      if (env.narrative && (parse.relation === 'narrative-same' || parse.relation === 'narrative-previous' || parse.relation === 'narrative-next')) {
        const { month, year } = env.narrative.date;
        if (parse.relation === 'narrative-same') return date(`${formatYear(year)}-${parse.season}`, 'narrative');
        // Seasons counted in order (four a year, winter first); a December story time opens the winter
        // that leads into the next year's seasons ("… in December 2024. The following spring" is 2025).
        const story = month === 12 ? (year + 1) * 4 : year * 4 + SEASON_ORDER.indexOf(seasonOfMonth(month));
        let told = Math.floor(story / 4) * 4 + SEASON_ORDER.indexOf(parse.season);
        if (parse.relation === 'narrative-next' && told <= story) told += 4;
        if (parse.relation === 'narrative-previous' && told >= story) told -= 4;
        return date(`${formatYear(Math.floor(told / 4))}-${parse.season}`, 'narrative');
      }
      // Only a past year told before ("In 1988, … That autumn"): that year, the one after or the one before.
      if (env.recentYear !== null && (parse.relation === 'narrative-same' || parse.relation === 'narrative-previous' || parse.relation === 'narrative-next')) {
        const shift = parse.relation === 'narrative-next' ? 1 : parse.relation === 'narrative-previous' ? -1 : 0;
        return date(`${formatYear(env.recentYear + shift)}-${parse.season}`, 'narrative');
      }
      if (!dct) return date(`XXXX-${parse.season}`, 'publication');
      if (env.recentYear !== null && parse.relation === null && env.tense() !== 'future') return date(`${formatYear(env.recentYear)}-${parse.season}`, 'narrative');
      const current = SEASON_ORDER.indexOf(seasonOfMonth(dct.month));
      const year = yearForCycle(current, SEASON_ORDER.indexOf(parse.season), dct.year, parse.relation, env.tense(), 0);
      return date(`${formatYear(year)}-${parse.season}`, 'publication');
    }
    case 'quarter':
      return resolveQuarter(parse, env);
    case 'half': {
      if (parse.year !== null) return date(`${formatYear(parse.year + parse.yearShift)}-H${parse.half}`, 'absolute');
      if (!dct) return date(`XXXX-H${parse.half}`, 'publication');
      const inFuture = parse.half === 2 && dct.month <= 6;
      const year = dct.year + parse.yearShift - (inFuture && env.tense() === 'past' ? 1 : 0);
      return date(`${formatYear(year)}-H${parse.half}`, 'publication');
    }
    case 'day': {
      const value = dct ? formatDay(addDays(dct, parse.offset)) : 'XXXX-XX-XX';
      return { type: parse.part ? 'TIME' : 'DATE', value: value + (parse.part ?? ''), mod: null, anchor: 'publication' };
    }
    case 'period': {
      const resolved = resolvePeriod(parse.unit, parse.relation, parse.offset, env);
      return parse.mod ? { ...resolved, mod: parse.mod } : resolved;
    }
    case 'shift':
      return resolveShift(parse.count, parse.unit, parse.direction, parse.narrative, env);
    case 'narrative':
      if (env.narrative) return { type: 'DATE', value: formatAt(env.narrative.date, env.narrative.precision), mod: null, anchor: 'narrative' };
      return { type: 'DATE', value: 'PAST_REF', mod: null, anchor: 'publication' };
    case 'clock': {
      // A bare clock time belongs to the day the story is at: the narrative day (or the day told just
      // before a background month), else publication.
      const dayAt = env.narrative?.precision === 'day' ? env.narrative.date : env.recentDay;
      const storyDay = dayAt ? date(formatDay(dayAt), 'narrative') : null;
      const day = parse.date ? resolveTime(parse.date, env) : storyDay ?? (dct ? date(formatDay(dct), 'publication') : date('XXXX-XX-XX', 'publication'));
      const dayValue = /^[\dX]{4}-[\dX]{2}-[\dX]{2}$/.test(day.value.slice(0, 10)) ? day.value.slice(0, 10) : 'XXXX-XX-XX';
      return { type: 'TIME', value: `${dayValue}T${pad2(parse.hour)}:${pad2(parse.minute)}`, mod: null, anchor: day.anchor };
    }
  }
}

/** The n-th given weekday of a month (Thanksgiving: the 4th Thursday of November). */
function nthWeekday(year: number, month: number, weekday: number, n: number): CalendarDate {
  const first = { year, month, day: 1 };
  return addDays(first, ((weekday - isoWeekday(first) + 7) % 7) + 7 * (n - 1));
}

function date(value: string, anchor: TimeAnchor): Resolved {
  return { type: 'DATE', value, mod: null, anchor };
}

function formatAt(day: CalendarDate, precision: Precision): string {
  if (precision === 'day') return formatDay(day);
  if (precision === 'month') return formatMonth(day.year, day.month);
  return formatYear(day.year);
}

/** The year of a cyclic position (month or season index) given the publication's position. */
function yearForCycle(current: number, target: number, year: number, relation: Relation, tense: Tense | null, cycleLength: number): number {
  // "last June" written in October is this year's; "last February" written in March means a year back.
  if (relation === 'last') return target < current - (cycleLength === 12 ? 1 : 0) ? year : year - 1;
  if (relation === 'next') return target > current ? year : year + 1;
  if (relation === 'this') return year;
  // One month of tolerance in the past, as for days: "the slated visit in September" (August) stays this year.
  if (tense === 'past') return target <= current + 1 ? year : year - 1;
  if (tense === 'future') return target >= current ? year : year + 1;
  // No tense: the nearer occurrence ("in January" written in November is the coming one).
  if (cycleLength && target - current > cycleLength / 2) return year - 1;
  if (cycleLength && current - target > cycleLength / 2) return year + 1;
  return year;
}

const DAYS_OF_TOLERANCE = 45;

function yearForDay(dct: CalendarDate, month: number, day: number, tense: Tense | null): number {
  const sameYear = { year: dct.year, month, day };
  const diff = daysBetween(dct, sameYear);
  // Tense alone does not move a date that is within a few weeks of publication (deadlines, reports).
  if (tense === 'past') return diff <= DAYS_OF_TOLERANCE ? dct.year : dct.year - 1;
  if (tense === 'future') return diff >= -DAYS_OF_TOLERANCE ? dct.year : dct.year + 1;
  if (diff > 250) return dct.year - 1;
  if (diff < -250) return dct.year + 1;
  return dct.year;
}

/**
 * "On the 12th" from a publication date: this month's 12th, or the one before it for a past event
 * after today's date (the one after it for a future event before today's); without a tense, the
 * nearest of the three.
 */
function monthOfDay(dct: CalendarDate, day: number, tense: Tense | null): CalendarDate {
  const inMonth = (offset: number): CalendarDate | null => {
    const month = addMonths({ ...dct, day: 1 }, offset);
    return day <= daysInMonth(month.year, month.month) ? { ...month, day } : null;
  };
  const candidates = [inMonth(-1), inMonth(0), inMonth(1)].filter((candidate): candidate is CalendarDate => candidate !== null);
  const fitting = candidates.filter((candidate) => {
    const diff = daysBetween(dct, candidate);
    return tense === 'past' ? diff <= 0 : tense === 'future' ? diff >= 0 : true;
  });
  const pool = fitting.length > 0 ? fitting : candidates;
  return pool.reduce((best, candidate) => (Math.abs(daysBetween(dct, candidate)) < Math.abs(daysBetween(dct, best)) ? candidate : best));
}

function resolveWeekday(weekday: number, relation: Relation, part: string | null, env: ResolutionEnv): Resolved {
  const narrativeRelation = relation === 'narrative-next' || relation === 'narrative-previous' || relation === 'narrative-same';
  const useNarrative = narrativeRelation && env.narrative !== null && env.narrative.precision === 'day';
  const base = useNarrative ? env.narrative!.date : env.publication;
  const type: TimeType = part ? 'TIME' : 'DATE';
  if (!base) return { type, value: `XXXX-WXX-${weekday}${part ?? ''}`, mod: null, anchor: 'publication' };
  const back = (isoWeekday(base) - weekday + 7) % 7;
  const forward = (weekday - isoWeekday(base) + 7) % 7;
  let offset: number;
  if (relation === 'last' || relation === 'narrative-previous') offset = -(back || 7);
  else if (relation === 'next' || relation === 'narrative-next') offset = forward || 7;
  else {
    const tense = env.tense();
    if (tense === 'past') offset = -back;
    else if (tense === 'future') offset = forward;
    else offset = back <= forward ? -back : forward;
  }
  return { type, value: formatDay(addDays(base, offset)) + (part ?? ''), mod: null, anchor: useNarrative ? 'narrative' : 'publication' };
}

function resolveQuarter(parse: Extract<TimeParse, { kind: 'quarter' }>, env: ResolutionEnv): Resolved {
  const dct = env.publication;
  const label = (year: number, quarter: number): string => `${formatYear(year)}-Q${quarter}`;
  if (parse.quarter !== null && parse.year !== null) return date(label(parse.year + parse.yearShift, parse.quarter), 'absolute');
  if (!dct) return date(`XXXX-Q${parse.quarter ?? 'X'}`, 'publication');
  const current = quarterOf(dct.month);
  if (parse.quarter !== null) {
    let year = dct.year + parse.yearShift;
    if (parse.yearShift === 0 && env.tense() === 'past' && parse.quarter > current) year -= 1;
    if (parse.relation === 'last' && parse.quarter >= current) year -= 1;
    return date(label(year, parse.quarter), 'publication');
  }
  if (parse.year !== null) return date(label(parse.year + parse.yearShift, env.lastQuarter?.quarter ?? current), 'narrative');
  const previous = current === 1 ? { year: dct.year - 1, quarter: 4 } : { year: dct.year, quarter: current - 1 };
  let target: { year: number; quarter: number };
  if (parse.relation === 'this') target = { year: dct.year, quarter: current };
  else if (parse.relation === 'next') target = current === 4 ? { year: dct.year + 1, quarter: 1 } : { year: dct.year, quarter: current + 1 };
  else if (parse.relation === 'last' && parse.yearShift === 0 && !env.lastQuarter) target = previous;
  else target = env.lastQuarter ?? previous;
  return date(label(target.year + parse.yearShift, target.quarter), env.lastQuarter ? 'narrative' : 'publication');
}

const PRECISION_OF_UNIT: Record<string, Precision> = { day: 'day', week: 'day', weekend: 'day', month: 'month', quarter: 'month', year: 'year', decade: 'year', century: 'year' };
const PRECISION_RANK: Record<Precision, number> = { day: 0, month: 1, year: 2 };

function periodValue(base: CalendarDate, unit: TimeUnit | 'weekend', offset: number): string {
  switch (unit) {
    case 'day':
      return formatDay(addDays(base, offset));
    case 'week':
      return formatWeek(addDays(base, 7 * offset));
    case 'weekend':
      return `${formatWeek(addDays(base, 7 * offset))}-WE`;
    case 'month':
      return formatMonth(addMonths(base, offset).year, addMonths(base, offset).month);
    case 'quarter': {
      const shifted = addMonths(base, 3 * offset);
      return `${formatYear(shifted.year)}-Q${quarterOf(shifted.month)}`;
    }
    case 'decade':
      return String(Math.floor(base.year / 10) + offset);
    case 'century':
      return String(Math.floor(base.year / 100) + offset).padStart(2, '0');
    default:
      return formatYear(base.year + offset);
  }
}

function placeholder(unit: TimeUnit | 'weekend'): string {
  if (unit === 'week') return 'XXXX-WXX';
  if (unit === 'weekend') return 'XXXX-WXX-WE';
  if (unit === 'month') return 'XXXX-XX';
  if (unit === 'day' || unit === 'hour' || unit === 'minute' || unit === 'second') return 'XXXX-XX-XX';
  if (unit === 'quarter') return 'XXXX-QX';
  return 'XXXX';
}

function resolvePeriod(unit: TimeUnit | 'weekend', relation: Relation, offset: number, env: ResolutionEnv): Resolved {
  const narrativeRelation = relation === 'narrative-next' || relation === 'narrative-previous' || relation === 'narrative-same';
  if (narrativeRelation && env.narrative) {
    const { date: base, precision } = env.narrative;
    const needed = PRECISION_OF_UNIT[unit] ?? 'day';
    if (PRECISION_RANK[needed] < PRECISION_RANK[precision]) {
      // "the next day" after "in March": only the coarser narrative time is known.
      const mod: TimeMod | null = offset > 0 ? 'AFTER' : offset < 0 ? 'BEFORE' : null;
      return { type: 'DATE', value: formatAt(base, precision), mod, anchor: 'narrative' };
    }
    return { type: 'DATE', value: periodValue(base, unit, offset), mod: null, anchor: 'narrative' };
  }
  if (!env.publication) return date(placeholder(unit), 'publication');
  if (unit === 'weekend') return date(weekendValue(env.publication, relation, offset, env.tense()), 'publication');
  return date(periodValue(env.publication, unit, offset), 'publication');
}

/** The weekend meant by "this/last/next weekend" or "the weekend": early in the week and in the
 * past tense it is the one just gone; otherwise the coming one. */
function weekendValue(dct: CalendarDate, relation: Relation, offset: number, tense: Tense | null): string {
  const weekday = isoWeekday(dct);
  const lastSunday = addDays(dct, weekday === 7 ? 0 : -weekday);
  let saturday: CalendarDate;
  if (offset < 0) saturday = addDays(lastSunday, weekday >= 6 ? -8 : -1);
  else if (offset > 0) saturday = addDays(lastSunday, weekday >= 6 ? 13 : 6);
  else if (weekday >= 6) saturday = addDays(lastSunday, weekday === 7 ? -1 : 6);
  else if (tense === 'past' || (tense !== 'future' && relation === null && weekday <= 3)) saturday = addDays(lastSunday, -1);
  else saturday = addDays(lastSunday, 6);
  return `${formatWeek(saturday)}-WE`;
}

function resolveShift(count: number | null, unit: TimeUnit, direction: -1 | 1, narrative: boolean, env: ResolutionEnv): Resolved {
  // "In 2013 he co-founded the party, and he entered parliament four years later": counted from the year the story moved to.
  if (narrative && unit === 'year' && count !== null && env.recentYear !== null) return date(formatYear(env.recentYear + Math.round(count) * direction), 'narrative');
  const fromNarrative = narrative && env.narrative !== null;
  const anchor: TimeAnchor = fromNarrative ? 'narrative' : 'publication';
  const base = fromNarrative ? env.narrative!.date : env.publication;
  if (count === null) {
    if (!fromNarrative) return date(direction < 0 ? 'PAST_REF' : 'FUTURE_REF', 'publication');
    // "days later": after the narrative time, by an unknown amount.
    return { type: 'DATE', value: formatAt(env.narrative!.date, env.narrative!.precision), mod: direction > 0 ? 'AFTER' : 'BEFORE', anchor };
  }
  if (unit === 'year' && count === 1 && env.lastQuarter) {
    const reported = env.publication ? completedQuarter(env.publication) : env.lastQuarter;
    return date(`${formatYear(reported.year - 1)}-Q${reported.quarter}`, 'narrative');
  }
  if (!base) return date(placeholder(unit), 'publication');
  // "two days later" after "last year": only the coarser narrative time is known, as for "the next day" (resolvePeriod).
  if (fromNarrative && PRECISION_RANK[PRECISION_OF_UNIT[unit] ?? 'day'] < PRECISION_RANK[env.narrative!.precision]) {
    return { type: 'DATE', value: formatAt(base, env.narrative!.precision), mod: direction > 0 ? 'AFTER' : 'BEFORE', anchor };
  }
  const steps = Math.round(count) * direction;
  switch (unit) {
    case 'second':
    case 'minute':
    case 'hour':
    case 'day':
      return date(unit === 'day' ? formatDay(addDays(base, steps)) : formatDay(base), anchor);
    case 'week':
      return date(formatWeek(addDays(base, 7 * steps)), anchor);
    case 'month': {
      const shifted = addMonths(base, steps);
      return date(formatMonth(shifted.year, shifted.month), anchor);
    }
    case 'quarter':
      return date(periodValue(base, 'quarter', steps), anchor);
    case 'decade':
      return date(formatYear(base.year + 10 * steps), anchor);
    case 'century':
      return date(formatYear(base.year + 100 * steps), anchor);
    default:
      return date(formatYear(base.year + steps), anchor);
  }
}

/** The last quarter that had ended by the given day. */
function completedQuarter(day: CalendarDate): { year: number; quarter: number } {
  const current = quarterOf(day.month);
  return current === 1 ? { year: day.year - 1, quarter: 4 } : { year: day.year, quarter: current - 1 };
}

/** The narrative time a resolved value establishes, if it names a calendar day, month or year (a night: the morning after). */
export function narrativeTimeOf(value: string): NarrativeTime | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T|$)/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  // "overnight" (the night of the 8th): what follows it, "at 6:15 a.m.", is the next morning.
  if (match[3] && value.endsWith('TNI')) return { date: addDays({ year, month: Number(match[2]), day: Number(match[3]) }, 1), precision: 'day' };
  if (match[3]) return { date: { year, month: Number(match[2]), day: Number(match[3]) }, precision: 'day' };
  if (match[2]) return { date: { year, month: Number(match[2]), day: 1 }, precision: 'month' };
  return { date: { year, month: 1, day: 1 }, precision: 'year' };
}
