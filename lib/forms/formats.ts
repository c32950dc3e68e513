/**
 * The formats the browser's validators check (lib/forms/browser-validator.ts), and only
 * these: a sign-up form's email addresses, dates and links, phone numbers, and the ones a
 * derived form names for rules JSON Schema cannot say (bank details, UK postcodes,
 * countries; see the README's "Formats"). Any other format a vendor uses is checked by
 * the server alone on Next.
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

/** An IBAN as people type it (spaces, lower case) in the form the checksum and vendors read: "GB82WEST12345698765432". */
export function compactIban(value: string): string {
  return value.replace(/[\s-]+/g, "").toUpperCase();
}

/**
 * Shape and ISO 7064 mod-97 checksum. The server checks with ibantools (lib/forms/ajv.ts),
 * which also knows each country's length and BBAN layout; this is the part that fits in
 * the browser's bundle without ibantools' country table (formats.test.ts holds it to
 * ibantools: never stricter, and a typo in any digit fails both).
 */
function isIbanShape(value: string): boolean {
  const iban = compactIban(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban) || countryCode(iban.slice(0, 2)) === undefined) return false;
  let rest = 0;
  for (const char of iban.slice(4) + iban.slice(0, 4)) {
    const digits = char >= "A" ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of digits) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest === 1;
}

/** ISO 9362: bank, country, location, optional branch; ibantools' rule (it also needs a country it knows). */
function isBicShape(value: string): boolean {
  return /^[a-zA-Z]{6}[a-zA-Z0-9]{2}([a-zA-Z0-9]{3})?$/.test(value) && countryCode(value.slice(4, 6).toUpperCase()) !== undefined;
}

/** Royal Mail's postcode shapes (area, district, sector, unit), the space optional, any case. */
const UK_POSTCODE = /^\s*(?:GIR ?0AA|[A-PR-UWYZ](?:\d{1,2}|[A-HK-Y]\d{1,2}|\d[A-HJKPSTUW]|[A-HK-Y]\d[ABEHMNPRV-Y]) ?\d[ABD-HJLNP-UW-Z]{2})\s*$/i;

// Region codes Intl names that are not countries.
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"]);
const ALIASES: Record<string, string> = { UK: "GB", "GREAT BRITAIN": "GB", BRITAIN: "GB" };
let byName: Map<string, string> | undefined;

/**
 * Every ISO 3166-1 alpha-2 code with an English name, keyed by code and by name (upper
 * case), from Intl.DisplayNames: the browser and the server need no list of ours.
 */
function countryIndex(): Map<string, string> {
  if (!byName) {
    byName = new Map();
    const names = new Intl.DisplayNames(["en"], { type: "region" });
    const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (const first of letters) {
      for (const second of letters) {
        const code = first + second;
        const name = NOT_COUNTRIES.has(code) ? undefined : names.of(code);
        if (!name || name === code) continue;
        byName.set(code, code);
        if (!byName.has(name.toUpperCase())) byName.set(name.toUpperCase(), code);
      }
    }
    // After the codes: Intl names "UK" too (as the United Kingdom's exceptionally reserved code).
    for (const [alias, code] of Object.entries(ALIASES)) byName.set(alias, code);
  }
  return byName;
}

/** A country given as a code ("FR", "UK") or an English name ("France", "United Kingdom"), as its alpha-2 code. */
export function countryCode(value: string): string | undefined {
  return countryIndex().get(value.trim().replace(/\s+/g, " ").toUpperCase());
}

export const browserFormats = {
  date: { validate: isDate, compare: compareDates },
  iban: isIbanShape,
  bic: isBicShape,
  "uk-postcode": UK_POSTCODE,
  country: (value: string) => countryCode(value) !== undefined,
  "country-outside-uk": (value: string) => {
    const code = countryCode(value);
    return code !== undefined && code !== "GB";
  },
  email: /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i,
  uri: /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$/i,
  phone: /^\+?(?:[\s().\/-]*\d){6,17}[\s().\/-]*$/,
};
