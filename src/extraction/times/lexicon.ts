/**
 * Word lists and regex fragments for time expressions: month, weekday, season and unit names with
 * their TIMEX3 codes. Fragments are regex source strings composed once into the precompiled rule
 * patterns in rules.ts.
 */

export const MONTH_PATTERN =
  String.raw`Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?`;

export const WEEKDAY_PATTERN =
  String.raw`Mondays?|Tuesdays?|Wednesdays?|Thursdays?|Fridays?|Saturdays?|Sundays?|Mon\.|Tues?\.|Wed\.|Thur?s?\.|Fri\.|Sat\.|Sun\.`;

export const SEASON_PATTERN = 'spring|summer|autumn|fall|winter';

export const PART_OF_DAY_PATTERN = 'morning|afternoon|evening|night|overnight';

/** Units a duration can be counted in (singular; rules add an optional plural "s"). */
export const UNIT_PATTERN = 'second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ie)';

/** Month number (1–12) from a month name or abbreviation. */
export function monthNumber(word: string): number {
  const key = word.slice(0, 3).toLowerCase();
  return ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(key) + 1;
}

/** ISO weekday (Monday = 1) from a weekday name or abbreviation. */
export function weekdayNumber(word: string): number {
  const key = word.slice(0, 2).toLowerCase();
  return ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'].indexOf(key) + 1;
}

export type SeasonCode = 'SP' | 'SU' | 'FA' | 'WI';

export function seasonCode(word: string): SeasonCode {
  const key = word.toLowerCase();
  if (key === 'spring') return 'SP';
  if (key === 'summer') return 'SU';
  if (key === 'winter') return 'WI';
  return 'FA';
}

/** The season a month falls in (northern hemisphere, meteorological seasons). */
export function seasonOfMonth(month: number): SeasonCode {
  if (month >= 3 && month <= 5) return 'SP';
  if (month >= 6 && month <= 8) return 'SU';
  if (month >= 9 && month <= 11) return 'FA';
  return 'WI';
}

export const SEASON_ORDER: SeasonCode[] = ['WI', 'SP', 'SU', 'FA'];

/** TIMEX3 part-of-day codes. */
export function partOfDayCode(word: string): string {
  const key = word.toLowerCase();
  if (key === 'morning') return 'TMO';
  if (key === 'afternoon') return 'TAF';
  if (key === 'evening') return 'TEV';
  return 'TNI';
}

export type TimeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade' | 'century';

/** Normalises a unit word ("years", "fortnight", "centuries") to its unit and a multiplier. */
export function normaliseUnit(word: string): { unit: TimeUnit; factor: number } {
  const key = word.toLowerCase().replace(/s$/, '');
  if (key === 'fortnight') return { unit: 'week', factor: 2 };
  if (key.startsWith('centur')) return { unit: 'century', factor: 1 };
  return { unit: key as TimeUnit, factor: 1 };
}

/** A TIMEX3 duration value: P3Y, PT4H, P10Y for a decade; `null` count gives PXY, PXM …. */
export function durationValue(count: number | null, unit: TimeUnit): string {
  const amount = (n: number): string => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));
  if (count !== null && !Number.isInteger(count)) {
    // Fractions go down one unit: "2 1/2 years" → P2Y6M, "a minute and a half" → PT1M30S.
    const whole = Math.floor(count);
    const part = count - whole;
    const lower: Partial<Record<TimeUnit, [string, number, string]>> = { year: ['M', 12, 'Y'], day: ['H', 24, 'D'], hour: ['M', 60, 'H'], minute: ['S', 60, 'M'] };
    const split = lower[unit];
    if (split) {
      const [lowerCode, factor, code] = split;
      const prefix = unit === 'hour' || unit === 'minute' ? 'PT' : 'P';
      const time = unit === 'day' ? 'T' : '';
      return `${prefix}${whole ? `${whole}${code}` : ''}${time}${Math.round(part * factor)}${lowerCode}`;
    }
  }
  switch (unit) {
    case 'second':
      return count === null ? 'PTXS' : `PT${amount(count)}S`;
    case 'minute':
      return count === null ? 'PTXM' : `PT${amount(count)}M`;
    case 'hour':
      return count === null ? 'PTXH' : `PT${amount(count)}H`;
    case 'day':
      return count === null ? 'PXD' : `P${amount(count)}D`;
    case 'week':
      return count === null ? 'PXW' : `P${amount(count)}W`;
    case 'month':
      return count === null ? 'PXM' : `P${amount(count)}M`;
    case 'quarter':
      return count === null ? 'PXM' : `P${amount(count * 3)}M`;
    case 'year':
      return count === null ? 'PXY' : `P${amount(count)}Y`;
    case 'decade':
      return count === null ? 'PXDE' : `P${amount(count * 10)}Y`;
    case 'century':
      return count === null ? 'PXCE' : `P${amount(count * 100)}Y`;
  }
}
