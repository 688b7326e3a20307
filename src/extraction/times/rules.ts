/**
 * Recognition of time expressions: a fixed list of precompiled regular expressions, each turning a
 * match into a `TimeParse` (what the words say, before any calendar is consulted). Resolution
 * against the publication date or the narrative happens later in resolve.ts, because it needs the
 * expressions in text order. Patterns are matched case-insensitively; checks in the builders reject
 * the ambiguous lowercase readings ("may", "march", "fall", "second").
 */
import {
  MONTH_PATTERN,
  PART_OF_DAY_PATTERN,
  SEASON_PATTERN,
  UNIT_PATTERN,
  WEEKDAY_PATTERN,
  durationValue,
  monthNumber,
  normaliseUnit,
  partOfDayCode,
  seasonCode,
  weekdayNumber,
  type SeasonCode,
  type TimeUnit,
} from './lexicon.js';
import { NUMBER_DIGITS_PATTERN, NUMBER_WORDS_PATTERN, ORDINAL_PATTERN, parseNumber, parseOrdinal } from './numbers.js';
import type { TimeMod, TimeType } from '../../contract/types.js';

/** Direction words: "last", "this", "next", and narrative ones ("the following", "that"). */
export type Relation = 'last' | 'this' | 'next' | 'narrative-previous' | 'narrative-same' | 'narrative-next' | null;

export type TimeParse =
  | { kind: 'fixed'; type: TimeType; value: string; mod: TimeMod | null }
  | { kind: 'monthDay'; month: number; day: number; year: number | null; relation: Relation; yearOffset?: number }
  | { kind: 'month'; month: number; year: number | null; relation: Relation }
  | { kind: 'monthOfYear'; month: number; yearOffset: number }
  | { kind: 'weekday'; weekday: number; relation: Relation; part: string | null }
  | { kind: 'season'; season: SeasonCode; year: number | null; relation: Relation }
  | { kind: 'quarter'; quarter: number | null; year: number | null; relation: Relation; yearShift: number }
  | { kind: 'half'; half: number; year: number | null; yearShift: number }
  | { kind: 'day'; offset: number; part: string | null }
  | { kind: 'period'; unit: TimeUnit | 'weekend'; relation: Relation; offset: number; mod?: TimeMod | null }
  | { kind: 'shift'; count: number | null; unit: TimeUnit; direction: -1 | 1; narrative: boolean }
  | { kind: 'narrative' }
  | { kind: 'nthWeekday'; month: number; weekday: number; n: number; year: number | null }
  | { kind: 'dayOfMonth'; day: number }
  | { kind: 'clock'; hour: number; minute: number; date: TimeParse | null };

export interface TimeMatch {
  start: number;
  end: number;
  parse: TimeParse;
  /** Rule order: on equal spans the earlier rule wins. */
  rank: number;
}

type Builder = (groups: Record<string, string | undefined>, text: string, start: number, end: number) => TimeParse | null;

interface Rule {
  pattern: RegExp;
  build: Builder;
}

const NUM = `(?:${NUMBER_DIGITS_PATTERN}|${NUMBER_WORDS_PATTERN}|a couple of|a couple|couple of|a few|few|several|many|some|a|an)`;
const ADJ = '(?:(?:short|long|full|straight|consecutive|more|additional|further|whole|entire)\\s+)?';
const YEAR = '(?:1[6-9]|20)\\d\\d';
const REL = '(?:last|this|next|past|coming|previous|following|current|same|that|latest)';

function compile(source: string): RegExp {
  // Not inside a word or a hyphenated compound, except after "mid-" ("mid-November").
  return new RegExp(`(?<![\\w'’])(?<!(?<!\\bmid)-)(?:${source})(?![\\w-])`, 'gi');
}

/** Lowercase month names that are also ordinary words need a capital or a date around them. */
function acceptMonth(word: string, requireCapital: boolean): boolean {
  const ambiguous = /^(may|march|jan|mar|jun|jul|sun|sat)$/i.test(word);
  if (!ambiguous && !requireCapital) return true;
  return word[0] === word[0].toUpperCase();
}

function relationOf(word: string | undefined): Relation {
  switch ((word ?? '').toLowerCase()) {
    case 'last':
    case 'past':
    case 'latest':
      return 'last';
    case 'this':
    case 'current':
      return 'this';
    case 'next':
    case 'coming':
      return 'next';
    case 'previous':
    case 'preceding':
      return 'narrative-previous';
    case 'same':
    case 'that':
      return 'narrative-same';
    case 'following':
      return 'narrative-next';
    default:
      return null;
  }
}

function countOf(raw: string | undefined): number | null {
  if (!raw) return 1;
  const key = raw.toLowerCase().replace(/\s+/g, ' ');
  if (key === 'a' || key === 'an') return 1;
  if (key === 'a couple' || key === 'a couple of' || key === 'couple of') return 2;
  if (['a few', 'few', 'several', 'many', 'some'].includes(key)) return null;
  return parseNumber(key.replace(/ and a half$/, '')) === null ? null : parseNumber(key);
}

const RATE_BEFORE = /(?:\d|\b(?:million|billion|thousand|hundred|dollars?|cents?|times|once|twice|seats|flights|hours|days|barrels|shares|units))\s+$/i;
const WHOLE_WEEKDAY = new RegExp(`^(?:${WEEKDAY_PATTERN})$`, 'i');
const WHOLE_MONTH = new RegExp(`^(?:${MONTH_PATTERN})$`, 'i');
const PARTS = `(?:\\s+(?<part>${PART_OF_DAY_PATTERN}))?`;

const RULES: Rule[] = [
  // 2025-08-08, 2025-08-08T15:00
  {
    pattern: compile(String.raw`(?<y>${YEAR})-(?<m>[01]\d)-(?<d>[0-3]\d)(?:T(?<hh>[0-2]\d):(?<mm>[0-5]\d))?`),
    build: (g) => {
      const value = `${g.y}-${g.m}-${g.d}`;
      return g.hh ? { kind: 'fixed', type: 'TIME', value: `${value}T${g.hh}:${g.mm}`, mod: null } : { kind: 'fixed', type: 'DATE', value, mod: null };
    },
  },
  // 8/7/2025 (US order)
  {
    pattern: compile(String.raw`(?<m>[01]?\d)/(?<d>[0-3]?\d)/(?<y>${YEAR}|\d\d)`),
    build: (g) => {
      const month = Number(g.m);
      const day = Number(g.d);
      if (month < 1 || month > 12 || day < 1 || day > 31) return null;
      const year = g.y!.length === 2 ? 1900 + Number(g.y) + (Number(g.y) < 50 ? 100 : 0) : Number(g.y);
      return { kind: 'monthDay', month, day, year, relation: null };
    },
  },
  // Friday, Aug. 8, 2025 · June 27 · Sept. 30 1998 · March 13 last year
  {
    pattern: compile(String.raw`(?:(?<rel>last|this|next)\s+)?(?:(?<wd>${WEEKDAY_PATTERN}),?\s+)?(?<mon>${MONTH_PATTERN})\s+(?<day>[0-3]?\d)(?:st|nd|rd|th)?(?:\s?,?\s+(?<year>${YEAR})|,?\s+(?<yrel>last|next|this)\s+year)?(?!\d|:\d)`),
    build: (g) => monthDayParse(g.mon!, g.day!, g.year, relationOf(g.rel), g.yrel),
  },
  // 27 June 2025 · the 27th of June · 13 March last year
  {
    pattern: compile(String.raw`(?:(?<wd>${WEEKDAY_PATTERN}),?\s+)?(?:the\s+)?(?<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>${MONTH_PATTERN})(?:\s?,?\s+(?<year>${YEAR})|,?\s+(?<yrel>last|next|this)\s+year)?`),
    build: (g) => monthDayParse(g.mon!, g.day!, g.year, null, g.yrel),
  },
  // "on the 12th", "by the 3rd,": a day of a month the reader knows, after a preposition of time and
  // before the clause goes on (not "the 12th round", "the 5th of May" — the rule above)
  {
    pattern: compile(String.raw`(?<=\b(?:on|by|since|until|till|from|before|after)\s)the\s+(?<day>[1-3]?\d)(?:st|nd|rd|th)(?=\s*(?:[,.;:!?)]|$)|\s+(?:at|in|and|or|when|after|before|as|with|but|to)\b)`),
    build: (g) => {
      const day = Number(g.day);
      return day >= 1 && day <= 31 ? { kind: 'dayOfMonth', day } : null;
    },
  },
  // September 2023 · June of 2024
  {
    pattern: compile(String.raw`(?<mon>${MONTH_PATTERN}),?\s+(?:of\s+)?(?<year>${YEAR})(?!\d|,\d)`),
    build: (g) => (acceptMonth(g.mon!, true) ? { kind: 'month', month: monthNumber(g.mon!), year: Number(g.year), relation: null } : null),
  },
  // October of next year · March last year
  {
    pattern: compile(String.raw`(?<mon>${MONTH_PATTERN}),?\s+(?:of\s+)?(?<rel>next|last|this)\s+year`),
    build: (g) => {
      if (!acceptMonth(g.mon!, true)) return null;
      const rel = g.rel!.toLowerCase();
      return { kind: 'monthOfYear', month: monthNumber(g.mon!), yearOffset: rel === 'next' ? 1 : rel === 'last' ? -1 : 0 };
    },
  },
  // May of that year · June of the same year: the story's year
  {
    pattern: compile(String.raw`(?<mon>${MONTH_PATTERN}),?\s+(?:of\s+)?(?:that|the\s+same)\s+year`),
    build: (g) => (acceptMonth(g.mon!, true) ? { kind: 'month', month: monthNumber(g.mon!), year: null, relation: 'narrative-same' } : null),
  },
  // March · last November · this September
  {
    pattern: compile(String.raw`(?:(?<rel>${REL})\s+)?(?<mon>January|February|March|April|May|June|July|August|September|October|November|December|Sept?\.|Oct\.|Nov\.|Dec\.|Jan\.|Feb\.|Aug\.)`),
    build: (g, text, start, end) => {
      const month = g.mon!;
      if (!acceptMonth(month, true)) return null;
      // "the March for Life", "the March of the Mothers": names of events, not months.
      if (/^\s+(?:for|of)\s+(?:the\s+)?[A-Z]/.test(text.slice(end, end + 16))) return null;
      if (/^may$/i.test(month) && !g.rel && !/(?:\b(?:in|of|since|until|till|by|from|through|early|late|mid|during|before|after|last|next|this|and|or|to)\s+|mid-)$/i.test(text.slice(Math.max(0, start - 12), start))) return null;
      return { kind: 'month', month: monthNumber(month), year: null, relation: relationOf(g.rel) };
    },
  },
  // the early 1990s · the '90s · the 2010s
  {
    pattern: compile(String.raw`(?:the\s+)?(?:(?<pos>early|mid|late)[\s-]+)?(?:(?<cen>1[6-9]|20)(?<dec>\d)0|['’](?<short>\d)0|(?<=\b(?:the|and|or)\s+)(?<bare>[2-9])0)['’]?s`),
    build: (g) => {
      const shortDecade = g.short ?? g.bare;
      const century = g.cen ?? (Number(shortDecade) <= 2 ? '20' : '19');
      const mod: TimeMod | null = g.pos ? positionMod(g.pos) : null;
      return { kind: 'fixed', type: 'DATE', value: `${century}${g.dec ?? shortDecade}`, mod };
    },
  },
  // the nineties · the early eighties
  {
    pattern: compile(String.raw`the\s+(?:(?<pos>early|mid|late)[\s-]+)?(?<decade>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)`),
    build: (g) => {
      const decade = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].indexOf(g.decade!.toLowerCase()) + 2;
      return { kind: 'fixed', type: 'DATE', value: `19${decade}`, mod: g.pos ? positionMod(g.pos) : null };
    },
  },
  // the 20th century · the early 21st century
  {
    pattern: compile(String.raw`(?:the\s+)?(?:(?<pos>early|mid|late)[\s-]+)?(?<ord>${ORDINAL_PATTERN})[\s-]+century`),
    build: (g) => {
      const ordinal = parseOrdinal(g.ord!);
      if (!ordinal || ordinal > 22) return null;
      return { kind: 'fixed', type: 'DATE', value: String(ordinal - 1).padStart(2, '0'), mod: g.pos ? positionMod(g.pos) : null };
    },
  },
  // 2023 · fiscal 1989 · the year 2000
  {
    pattern: compile(String.raw`(?:(?:fiscal(?:\s+year)?|FY|the\s+year)\s*)?(?<year>${YEAR})`),
    build: (g, text, start, end) => (plausibleYear(text, start, end) ? { kind: 'fixed', type: 'DATE', value: g.year!, mod: null } : null),
  },
  // year-end · by year's end · the full year · the fiscal year · the latest period (a reporting period)
  {
    pattern: compile(String.raw`(?<end>year(?:['’]s)?[\s-]+end)|(?:the\s+)?(?:latest\s+)?(?<year>full|fiscal|calendar|entire|whole)\s+year|(?<period>the\s+(?:latest|same|comparable)\s+period)`),
    build: (g, text, _start, end) => {
      if (g.period) return { kind: 'quarter', quarter: null, year: null, relation: null, yearShift: 0 };
      // "the fiscal year ended Jan. 31": the year as a span of time.
      if (g.year && /^\s+(?:ended|ending)\b/.test(text.slice(end, end + 10))) {
        return { kind: 'fixed', type: 'DURATION', value: 'P1Y', mod: null };
      }
      return { kind: 'period', unit: 'year', relation: 'this', offset: 0, mod: g.end ? 'END' : null };
    },
  },
  // nineteen ninety-six · two thousand (spoken years in transcripts)
  {
    pattern: compile(String.raw`(?:the\s+year\s+)?(?<century>nineteen|twenty)[\s-]+(?<rest>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?:the\s+year\s+)two\s+thousand(?:\s+and\s+(?<small>one|two|three|four|five|six|seven|eight|nine))?`),
    build: (g) => {
      const year = g.century ? (g.century.toLowerCase() === 'nineteen' ? 1900 : 2000) + (parseNumber(g.rest!) ?? 0) : 2000 + (g.small ? (parseNumber(g.small) ?? 0) : 0);
      return { kind: 'fixed', type: 'DATE', value: String(year), mod: null };
    },
  },
  // the third quarter (of 2024) · third-quarter · Q3 2025 · the latest quarter · the year-earlier quarter
  {
    pattern: compile(String.raw`(?:(?<year1>${YEAR})\s+|(?<yrel2>this|last|next)\s+year['’]s\s+|(?:the\s+)?(?:(?<rel>${REL}|year-earlier|year-ago|fiscal)\s+)?(?:fiscal\s+)?)(?:(?<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+(?:fiscal\s+)?)?quarter(?:\s+of\s+(?:(?<year>${YEAR})|(?<yrel>this|last|next)\s+year))?|Q(?<q>[1-4])\s+(?<year2>${YEAR})|the\s+(?<year3>${YEAR})\s+period`),
    build: (g, text, start) => {
      const ordinal = g.q ?? g.ord;
      const quarter = ordinal ? (/final/i.test(ordinal) ? 4 : (parseOrdinal(ordinal) ?? Number(ordinal))) : null;
      const determined = quarter !== null || g.rel || g.year1 || g.yrel2 || /^the\b/i.test(text.slice(start, start + 4));
      if (!determined) return null;
      const year = g.year ?? g.year1 ?? g.year2 ?? g.year3;
      const rel = (g.rel ?? '').toLowerCase();
      const yearRelation = (g.yrel ?? g.yrel2 ?? '').toLowerCase();
      const yearShift = rel === 'year-earlier' || rel === 'year-ago' || yearRelation === 'last' ? -1 : yearRelation === 'next' ? 1 : 0;
      return { kind: 'quarter', quarter, year: year ? Number(year) : null, relation: rel.startsWith('year') ? null : relationOf(g.rel), yearShift };
    },
  },
  // the first half (of 2024) · second-half
  {
    pattern: compile(String.raw`(?:the\s+)?(?<ord>first|second)[\s-]+half(?:\s+of\s+(?:(?<year>${YEAR})|(?<yrel>this|last|next)\s+year))?`),
    build: (g, text, start, end) => {
      if (!g.year && !g.yrel && !/^\s+(?:of\s+(?:the\s+)?(?:year|decade)|results|profit|earnings|sales|growth|[,.;])/.test(text.slice(end, end + 30))) return null;
      const yearShift = g.yrel === 'last' ? -1 : g.yrel === 'next' ? 1 : 0;
      return { kind: 'half', half: /first/i.test(g.ord!) ? 1 : 2, year: g.year ? Number(g.year) : null, yearShift };
    },
  },
  // this summer · last fall · the winter of 2022 · summer 2024
  {
    pattern: compile(String.raw`(?:(?<rel>${REL}|the)\s+)?(?:(?<pos>early|late|mid)[\s-]+)?(?<season>${SEASON_PATTERN})(?:\s+(?:of\s+)?(?<year>${YEAR}))?`),
    build: (g, text, start, end) => {
      const season = g.season!.toLowerCase();
      const determiner = (g.rel ?? '').toLowerCase();
      if (season === 'fall' && !g.year && (!determiner || determiner === 'the')) return null;
      if (determiner === 'the' && !g.year && /^\s+of\b/.test(text.slice(end, end + 4))) return null;
      if (!g.rel && !g.year && !/\b(?:in|during|by|this|until|since|through|over)\s+$/i.test(text.slice(Math.max(0, start - 10), start))) return null;
      return { kind: 'season', season: seasonCode(season), year: g.year ? Number(g.year) : null, relation: determiner === 'the' ? null : relationOf(g.rel) };
    },
  },
  // today · tonight · yesterday morning · tomorrow · last night · the day before yesterday
  {
    pattern: compile(String.raw`(?<word>today|tonight|yesterday|tomorrow|the day before yesterday|the day after tomorrow|last night|overnight|this (?:morning|afternoon|evening))(?:\s+(?<part>morning|afternoon|evening|night))?`),
    build: (g) => {
      const word = g.word!.toLowerCase();
      if (word === 'tonight' || word === 'last night' || word === 'overnight') return { kind: 'day', offset: word === 'tonight' ? 0 : -1, part: 'TNI' };
      if (word.startsWith('this ')) return { kind: 'day', offset: 0, part: partOfDayCode(word.slice(5)) };
      const offset = word === 'today' ? 0 : word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : word.includes('before') ? -2 : 2;
      return { kind: 'day', offset, part: g.part ? partOfDayCode(g.part) : null };
    },
  },
  // now · currently · recently · the future · in recent years
  {
    pattern: compile(String.raw`(?<ref>right now|now|currently|at present|nowadays|these days|the present|recently|lately|recent (?:years|months|weeks|days)|the past|the future|(?:the\s+)?near future|the (?:near|short|long) term|a later date|as soon as possible)`),
    build: (g, text, start) => {
      const ref = g.ref!.toLowerCase();
      if (ref === 'the past' && /\b(?:in|of|from)\s+$/i.test(text.slice(Math.max(0, start - 6), start)) === false) return null;
      const recentPeriod = /^recent (months|weeks|days)$/.exec(ref);
      if (recentPeriod) return { kind: 'fixed', type: 'DURATION', value: durationValue(null, normaliseUnit(recentPeriod[1]).unit), mod: null };
      const value = /now|current|present|these days/.test(ref) ? 'PRESENT_REF' : /future|term|later|soon/.test(ref) ? 'FUTURE_REF' : 'PAST_REF';
      return { kind: 'fixed', type: 'DATE', value, mod: null };
    },
  },
  // a year ago · two days later · three weeks earlier · days later · 10 years from now
  {
    pattern: compile(String.raw`(?:(?<num>${NUM})[\s-]*)?(?<unit>${UNIT_PATTERN})s?\s+(?<dir>ago|earlier|later|from now|hence|before|after)`),
    build: (g, text, start, end) => {
      const dir = g.dir!.toLowerCase();
      if ((dir === 'before' || dir === 'after') && !/^\s*(?:[,.;:)]|$)/.test(text.slice(end, end + 2))) return null;
      if (!g.num && !/s$/i.test(text.slice(start, end).replace(/\s+\S+$/, ''))) return null;
      const { unit, factor } = normaliseUnit(g.unit!);
      const count = g.num ? countOf(g.num) : null;
      return {
        kind: 'shift',
        count: count === null ? null : count * factor,
        unit,
        direction: dir === 'ago' || dir === 'earlier' || dir === 'before' ? -1 : 1,
        narrative: dir !== 'ago' && dir !== 'from now' && dir !== 'hence',
      };
    },
  },
  // year-earlier · the year-ago period: the same period one year before
  {
    pattern: compile(String.raw`(?:the\s+)?(?:comparable\s+)?(?:year-earlier|year-ago|year-before)(?:\s+(?:period|level|levels|results|figure|figures))?`),
    build: () => ({ kind: 'shift', count: 1, unit: 'year', direction: -1, narrative: false }),
  },
  // the next day · the following week · that month · the same day · the day before · the previous year
  {
    pattern: compile(String.raw`(?:the\s+)?(?<rel>next|following|previous|preceding|same|that)\s+(?<unit>day|morning|evening|night|week|weekend|month|year)|the\s+(?<unit2>day|week|month|year)\s+(?<dir>before|after)(?!\s+(?:the|a|an|his|her|its|their|last|next)\b)|at\s+the\s+time`),
    build: (g, text, start) => {
      const lead = text.slice(start, start + 4).toLowerCase();
      const rel = (g.rel ?? '').toLowerCase();
      if (!g.rel && !g.unit2) return { kind: 'narrative' };
      // "next week" without "the" is relative to publication; handled by the period rule.
      if (rel === 'next' && lead !== 'the ') return null;
      const unitWord = (g.unit ?? g.unit2)!.toLowerCase();
      const unit: TimeUnit | 'weekend' = unitWord === 'weekend' ? 'weekend' : ['morning', 'evening', 'night'].includes(unitWord) ? 'day' : (unitWord as TimeUnit);
      const dir = (g.dir ?? '').toLowerCase();
      const offset = rel === 'next' || rel === 'following' || dir === 'after' ? 1 : rel === 'previous' || rel === 'preceding' || dir === 'before' ? -1 : 0;
      const relation: Relation = offset === 1 ? 'narrative-next' : offset === -1 ? 'narrative-previous' : 'narrative-same';
      return { kind: 'period', unit, relation, offset };
    },
  },
  // last week · this year · next month · earlier this month · the past decade (as a date) · this weekend
  {
    pattern: compile(String.raw`(?:(?:earlier|later)\s+)?(?<rel>last|this|next|coming|current|past)\s+(?<unit>week|weekend|month|year|decade|century|fiscal year)|(?<the>the\s+)(?<unit2>year|week|month|weekend)(?=\s*(?:[,.;]|$)|\s+(?:to date|so far)\b|(?<=(?:end|beginning|start|middle|rest|course|half|part) of the \w+)|(?<=(?:earlier|later) in the \w+))|(?<=\b(?:for|during|over|through|throughout)\s+)the\s+(?<whole>year|week|month)(?!\s+(?:before|after|earlier|later|ago)\b)|the\s+(?<whole2>year|week|month)(?=\s+(?:ended|ending)\b)`),
    build: (g, text, start) => {
      // "for the year", "during the week", "the year ended June 30": a whole period, a duration.
      const whole = g.whole ?? g.whole2;
      if (whole) return { kind: 'fixed', type: 'DURATION', value: durationValue(1, whole.toLowerCase() as TimeUnit), mod: null };
      const rel = (g.rel ?? '').toLowerCase();
      // "the past year" / "the last week" are durations; handled by the duration rule.
      if ((rel === 'past' || rel === 'last') && /\bthe\s+$/i.test(text.slice(Math.max(0, start - 4), start))) return null;
      if (rel === 'past') return null;
      const unitWord = (g.unit ?? g.unit2)!.toLowerCase();
      const unit: TimeUnit | 'weekend' = unitWord === 'weekend' ? 'weekend' : unitWord === 'fiscal year' ? 'year' : (unitWord as TimeUnit);
      const offset = rel === 'last' ? -1 : rel === 'next' || rel === 'coming' ? 1 : 0;
      return { kind: 'period', unit, relation: g.the ? null : relationOf(rel), offset };
    },
  },
  // Friday · last Tuesday · Friday morning
  {
    pattern: compile(String.raw`(?:(?:the\s+)?(?<rel>last|this|next|coming|past|previous|following|that)\s+)?(?<wd>${WEEKDAY_PATTERN})${PARTS}`),
    build: (g) => {
      const word = g.wd!;
      if (word[0] !== word[0].toUpperCase()) return null;
      if (/s$/i.test(word)) return null;
      return { kind: 'weekday', weekday: weekdayNumber(word), relation: relationOf(g.rel), part: g.part ? partOfDayCode(g.part) : null };
    },
  },
  // 3 p.m. · 10:30 · noon · midnight · after midnight · 9 o'clock (a date may follow: "3 p.m. Friday", "10 a.m. on the 12th")
  {
    pattern: compile(String.raw`(?:(?<h>[0-2]?\d)(?::(?<min>[0-5]\d))?\s*(?<ampm>[ap]\.m\.|[ap]m\b|[ap]\.m\b)|(?<h24>[0-2]?\d):(?<min24>[0-5]\d)(?!\d)|(?<early>(?<=\bafter\s)midnight)|(?<named>noon|midday|midnight)|(?<hw>${NUMBER_WORDS_PATTERN}|\d{1,2})\s+o['’]clock)(?:\s+(?:GMT|UTC|[ECMP][SD]T|local time)\b)?(?:\s*(?:on\s+)?(?<wd>${WEEKDAY_PATTERN}|today|tomorrow|yesterday)|\s+on\s+the\s+(?<dom>[1-3]?\d)(?:st|nd|rd|th))?`),
    build: (g) => {
      let hour: number;
      let minute = 0;
      // "shortly after midnight" is the first hour of the day (T00:00), not its end (T24:00).
      if (g.early) {
        hour = 0;
      } else if (g.named) {
        hour = /mid(?:night)/i.test(g.named) ? 24 : 12;
      } else if (g.hw) {
        hour = parseNumber(g.hw) ?? -1;
      } else if (g.h24) {
        hour = Number(g.h24);
        minute = Number(g.min24);
      } else {
        hour = Number(g.h);
        minute = g.min ? Number(g.min) : 0;
        const pm = /^p/i.test(g.ampm!);
        if (hour > 12 || hour === 0) return null;
        if (pm && hour < 12) hour += 12;
        if (!pm && hour === 12) hour = 0;
      }
      if (hour < 0 || hour > 24) return null;
      let date: TimeParse | null = g.dom && Number(g.dom) >= 1 && Number(g.dom) <= 31 ? { kind: 'dayOfMonth', day: Number(g.dom) } : null;
      if (g.wd) {
        const word = g.wd.toLowerCase();
        if (word === 'today' || word === 'tomorrow' || word === 'yesterday') date = { kind: 'day', offset: word === 'today' ? 0 : word === 'tomorrow' ? 1 : -1, part: null };
        else date = { kind: 'weekday', weekday: weekdayNumber(word), relation: null, part: null };
      }
      return { kind: 'clock', hour, minute, date };
    },
  },
  // every week · each Tuesday · daily · twice a year · every other month · each July
  {
    pattern: compile(String.raw`(?:every|each)\s+(?:(?<num>other|${NUMBER_DIGITS_PATTERN}|${NUMBER_WORDS_PATTERN})\s+)?(?<unit>${UNIT_PATTERN}|${WEEKDAY_PATTERN}|${MONTH_PATTERN}|morning|evening|night|weekend)s?|(?<adv>hourly|daily|nightly|weekly|biweekly|fortnightly|monthly)|(?<freq>once|twice|(?:three|four|five|several|many|\d+) times)\s+(?:a|an|per|each)\s+(?<unit2>${UNIT_PATTERN})`),
    build: (g) => {
      if (g.adv) {
        const adverb = g.adv.toLowerCase();
        // "quarterly", "annually" and "yearly" mostly qualify amounts ("quarterly dividend"), not events.
        const map: Record<string, string> = { hourly: 'PT1H', daily: 'P1D', nightly: 'P1D', weekly: 'P1W', biweekly: 'P2W', fortnightly: 'P2W', monthly: 'P1M' };
        return { kind: 'fixed', type: 'SET', value: map[adverb], mod: null };
      }
      const word = (g.unit ?? g.unit2)!;
      const weekday = WHOLE_WEEKDAY.test(word) ? weekdayNumber(word) : 0;
      if (weekday) return { kind: 'fixed', type: 'SET', value: `XXXX-WXX-${weekday}`, mod: null };
      if (WHOLE_MONTH.test(word) && !/^(?:may|march)$/.test(word)) {
        return { kind: 'fixed', type: 'SET', value: `XXXX-${String(monthNumber(word)).padStart(2, '0')}`, mod: null };
      }
      if (/^(?:morning|evening|night)$/i.test(word)) return { kind: 'fixed', type: 'SET', value: `XXXX-XX-XX${partOfDayCode(word)}`, mod: null };
      if (/^weekend$/i.test(word)) return { kind: 'fixed', type: 'SET', value: 'XXXX-WXX-WE', mod: null };
      const { unit, factor } = normaliseUnit(word);
      const count = g.num ? (/other/i.test(g.num) ? 2 : (parseNumber(g.num) ?? 1)) : 1;
      return { kind: 'fixed', type: 'SET', value: durationValue(count * factor, unit), mod: null };
    },
  },
  // four months · a decade · the past three years · two-year · several weeks · 24 hours · a year and a half
  {
    pattern: compile(String.raw`(?:the\s+)?(?:(?<rel>past|last|next|first|previous|coming|final|latest|following|recent)\s+)?(?:(?<num>${NUM})(?<fraction>\s+1/2)?(?:\s+(?:to|or)\s+${NUM}|-${NUMBER_DIGITS_PATTERN})?[\s-]*)?${ADJ}(?<unit>${UNIT_PATTERN})(?<plural>s)?(?<half>\s+and\s+a\s+half)?`),
    build: (g, text, start, end) => {
      const unitWord = g.unit!.toLowerCase();
      const spanText = text.slice(start, end);
      const lead = /^the\s/i.test(spanText);
      const rel = (g.rel ?? '').toLowerCase();
      const plural = Boolean(g.plural) || unitWord === 'centurie';
      if (!g.num) {
        if (lead && rel && !plural) {
          // "the past year" = a duration of one year; "the first week" / "the next day" are not.
          if (!['past', 'last', 'previous', 'recent'].includes(rel)) return null;
        } else if (plural) {
          if (!rel && !/\b(?:for|over|within|after|in|than|about|around|nearly|almost|some|take|takes|took)\s+$/i.test(text.slice(Math.max(0, start - 8), start))) return null;
        } else return null;
      }
      if (unitWord === 'second' && !plural && (!g.num || countOf(g.num) === 1)) return null;
      // Ages ("52 years old") are not time expressions; nor are rates ("$1.76 a year", "500 seats a week").
      if (/^\s+(?:old|of age)\b/.test(text.slice(end, end + 8))) return null;
      if (/^an?$/i.test(g.num ?? '') && RATE_BEFORE.test(text.slice(Math.max(0, start - 24), start))) return null;
      // "a quarter of", "three-quarters": fractions, not periods.
      if (unitWord === 'quarter' && (!g.num || /^an?$/i.test(g.num) || /-quarter/i.test(spanText) || /^\s+of\b/.test(text.slice(end, end + 4)))) return null;
      const { unit, factor } = normaliseUnit(unitWord);
      let count = g.num ? countOf(g.num) : plural ? null : 1;
      if (count !== null && (g.half || g.fraction)) count += 0.5;
      if (g.num && /^(?:1[6-9]|20)\d\d$/.test(g.num)) return null;
      if (count !== null && /^(?:a|an)$/i.test(g.num ?? '') && plural) return null;
      return { kind: 'fixed', type: 'DURATION', value: durationValue(count === null ? null : count * factor, unit), mod: null };
    },
  },
  // Christmas · New Year's Day · Thanksgiving
  {
    pattern: compile(String.raw`(?<holiday>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))|Thanksgiving(?:\s+Day)?|Independence\s+Day|Valentine['’]s\s+Day)(?:\s+(?<year>${YEAR}))?`),
    build: (g) => {
      const name = g.holiday!.toLowerCase();
      if (g.holiday![0] !== g.holiday![0].toUpperCase()) return null;
      if (name.startsWith('thanksgiving')) return { kind: 'nthWeekday', month: 11, weekday: 4, n: 4, year: g.year ? Number(g.year) : null };
      const [month, day] = name.includes('christmas') ? [12, name.includes('eve') ? 24 : 25] : name.startsWith('new') ? (name.includes('eve') ? [12, 31] : [1, 1]) : name.startsWith('independence') ? [7, 4] : [2, 14];
      return { kind: 'monthDay', month, day, year: g.year ? Number(g.year) : null, relation: null };
    },
  },
];

function positionMod(word: string): TimeMod {
  const key = word.toLowerCase();
  return key === 'early' ? 'START' : key === 'late' ? 'END' : 'MID';
}

/** A month and day; `yearRelation` "last"/"next"/"this" for "March 13 last year". */
function monthDayParse(monthWord: string, dayText: string, yearText: string | undefined, relation: Relation, yearRelation?: string): TimeParse | null {
  if (!acceptMonth(monthWord, true)) return null;
  const day = Number(dayText);
  if (day < 1 || day > 31) return null;
  const parse: TimeParse = { kind: 'monthDay', month: monthNumber(monthWord), day, year: yearText ? Number(yearText) : null, relation };
  if (yearRelation) parse.yearOffset = /^last$/i.test(yearRelation) ? -1 : /^next$/i.test(yearRelation) ? 1 : 0;
  return parse;
}

const YEAR_CONTEXT_BEFORE = /(?:\b(?:in|of|since|by|from|until|till|through|to|and|or|the|during|before|after|early|late|mid|its|his|her|their|year|summer|spring|winter|autumn|fall|fiscal|circa|between)|['’]s|mid-|[(,])\s*$/i;
const NON_TIME_PLURALS = /^\s+(?:[a-z]+(?:ed|ing)\s+)?(?:people|persons|troops|soldiers|workers|jobs|units|votes|tons|tonnes|barrels|members|cases|deaths|pounds|dollars|euros|km|miles|metres|meters|feet|men|women|children|residents|refugees|homes|houses|vehicles|cars|shares|points|employees|students|copies|signatures|rooms|acres|hectares)\b/i;

/** A four-digit number is a year unless it reads as an amount ("2000 troops", "$2025", "2024 km"). */
function plausibleYear(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 16), start);
  if (/[$£€¥#]\s*$|\bNo\.\s*$|\d[.,]$/.test(before)) return false;
  const after = text.slice(end, end + 40);
  if (/^(?:[.,]\d|\s*(?:%|percent|per cent|[ap]\.?m\b)|:\d|\s*(?:-|to)\s*\d{1,3}\b(?![\d-]))/i.test(after)) return false;
  if (NON_TIME_PLURALS.test(after) && !YEAR_CONTEXT_BEFORE.test(before)) return false;
  if (/^\s+(?:million|billion|thousand|bn|m)\b/i.test(after)) return false;
  return true;
}

/** Every candidate match of every rule, possibly overlapping. */
export function matchTimeExpressions(text: string): TimeMatch[] {
  const matches: TimeMatch[] = [];
  RULES.forEach((rule, rank) => {
    const pattern = rule.pattern;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (match[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const start = match.index;
      const end = start + match[0].length;
      const parse = rule.build(match.groups ?? {}, text, start, end);
      if (parse) matches.push({ start, end, parse, rank });
    }
  });
  return matches;
}
