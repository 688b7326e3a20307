/**
 * Exit codes and usage errors shared by every CLI command: 0 all fine, 1 some inputs failed,
 * 2 usage (a bad flag or argument; the message says what to do).
 */
export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

/** Parses a YYYY-MM-DD option value or throws a UsageError naming the flag. */
export function parseDateOption(value: string | undefined, flag: string): string | null {
  if (value === undefined) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`${flag} expects a date as YYYY-MM-DD, got '${value}'`);
  }
  return value;
}

/** Parses a positive integer option value or throws a UsageError naming the flag. */
export function parseCountOption(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new UsageError(`${flag} expects a positive whole number, got '${value}'`);
  return parsed;
}
