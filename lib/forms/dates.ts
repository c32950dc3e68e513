/* Dates as the forms use them: ISO "YYYY-MM-DD" text, compared as text. Shared by server and browser. */

/** The time zone furthest ahead (Kiribati, UTC+14): a date before its today is in no one's future. */
const AHEAD_MS = 14 * 3_600_000;

const iso = (time: number) => new Date(time).toISOString().slice(0, 10);

export const utcToday = (now = Date.now()) => iso(now);

/** The latest date that is today somewhere on Earth. */
export const latestToday = (now = Date.now()) => iso(now + AHEAD_MS);

function yearsBefore(now: number, years: number): string {
  const date = new Date(now);
  date.setUTCFullYear(date.getUTCFullYear() - years);
  return iso(date.getTime());
}

export interface AgeLimits {
  minAgeYears: number;
  maxAgeYears: number;
}

/** The earliest and latest acceptable birth dates: born at most maxAgeYears and at least minAgeYears ago. */
export function birthDateBounds(limits: AgeLimits, now = Date.now()): { min: string; max: string } {
  const max = limits.minAgeYears === 0 ? latestToday(now) : yearsBefore(now, limits.minAgeYears);
  return { min: yearsBefore(now, limits.maxAgeYears), max };
}

/** "1990-04-01" → "1 April 1990" in the given language; anything else unchanged. */
export function longDate(value: string, locale: string): string {
  const time = Date.parse(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(time)) return value;
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(time);
}
