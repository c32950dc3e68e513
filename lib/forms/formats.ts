/**
 * The formats the browser's validators check (lib/forms/browser-validator.ts), and only
 * these: a sign-up form's email addresses, dates and links, and phone numbers. Any other
 * format a vendor uses is checked by the server alone on Next.
 *
 * email and uri are ajv-formats' "fast" definitions and dates its full one (30 February
 * is not a date, as on the server), copied so that the browser bundle holds these few and
 * not the module of all of them; formats.test.ts holds them to ajv-formats' verdicts.
 * Phone numbers only for plausibility: digits and separators, 6 to 17 digits. Whether a
 * number exists needs the form's country and libphonenumber's data, which stay on the server.
 */
const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS[month]);
}

/** For formatMinimum/formatMaximum (birth dates' bounds): ISO dates compare as strings. */
function compareDates(a: string, b: string): number | undefined {
  if (!(a && b)) return undefined;
  return a > b ? 1 : a < b ? -1 : 0;
}

export const browserFormats = {
  date: { validate: isDate, compare: compareDates },
  email: /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i,
  uri: /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$/i,
  phone: /^\+?(?:[\s().\/-]*\d){6,17}[\s().\/-]*$/,
};
