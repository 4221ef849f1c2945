/**
 * Times arrive as text already in UTC ISO form, or nearly: CloudWatch stamps `2024-03-15T09:55:00.123+0000`,
 * and the alert records keep what the parsers made of that. Reading such text through `Date` (parse, then
 * `toISOString`) is a good part of what parsing and drawing an alarm cost, so a valid UTC time in this
 * shape is rewritten as text instead.
 */
const canonicalUtc = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{3}(?:Z|[+-]00:?00)$/;

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function lastDayOf(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (daysInMonth[month - 1] as number);
}

/**
 * The ISO time `Date` would print for `value`, or undefined when `value` is not a UTC time in ISO form or
 * `Date` would roll it over (Feb 30, 24:00) or refuse it: `Date` then decides, as it always did.
 */
export function readCanonicalUtcTime(value: string): string | undefined {
  const match = canonicalUtc.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = Number(match[6]);
  if (month < 1 || month > 12 || day < 1 || day > lastDayOf(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return `${value.slice(0, 23)}Z`;
}

/** `new Date(ms).toISOString()` for `ms`, read from `text`: `text` itself when it is already that. */
export function printIsoTime(text: string, ms: number): string {
  return readCanonicalUtcTime(text) ?? new Date(ms).toISOString();
}
