/**
 * Publication dates as sources write them → `YYYY-MM-DD`. Covers what headers, meta tags, JSON-LD
 * and feeds actually carry: ISO 8601 (the calendar date as written, not shifted to UTC, since that is
 * the date in the outlet's own time zone), RFC 822 (`Thu, 07 Aug 2025 10:00:00 GMT`), `7 August 2025`,
 * `August 7, 2025`, `2025/08/07` and `07.08.2025` (day first). Hand-written because a general date
 * parser (chrono) would also accept relative phrases ("yesterday"), which must not become metadata.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function monthNumber(word: string): number | null {
  const key = word.toLowerCase().replace(/\.$/, '');
  return MONTHS[key.slice(0, key.startsWith('sept') ? 4 : 3)] ?? null;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Normalises a publication date to YYYY-MM-DD, or null when the value is not a recognisable date. */
export function normalisePublished(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const value = raw.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/.exec(value);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b/.exec(value);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{4})(\d{2})(\d{2})(?:$|T)/.exec(value);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(value);
  if (match) return isoDate(Number(match[3]), Number(match[2]), Number(match[1]));
  // "Thu, 07 Aug 2025 …", "7 August 2025", "07-Aug-2025"
  match = /^(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]+\.?),?[\s-]+(\d{4})\b/.exec(value);
  if (match) {
    const month = monthNumber(match[2]);
    return month ? isoDate(Number(match[3]), month, Number(match[1])) : null;
  }
  // "August 7, 2025", "Thursday, Aug. 7 2025"
  match = /^(?:[A-Za-z]+,?\s+)?([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(value);
  if (match) {
    const month = monthNumber(match[1]);
    return month ? isoDate(Number(match[3]), month, Number(match[2])) : null;
  }
  return null;
}
