import "server-only";
import { getExampleNumber, isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import examples from "libphonenumber-js/mobile/examples";
import type { PhoneFormat } from "@/lib/connectors/types";

/* Phone numbers with libphonenumber-js and its full ("max") metadata: valid means a number that can exist, not one that is long enough. */

const countryOf = (code?: string): CountryCode | undefined => (code && isSupportedCountry(code) ? code : undefined);

/** A valid number as E.164 (+31612345678), read with the form's country when it has none; anything else unchanged. */
export function normalisePhone(text: string, defaultCountry?: string): string {
  const parsed = parsePhoneNumberFromString(text, countryOf(defaultCountry));
  return parsed?.isValid() ? parsed.number : text;
}

/** The server's "phone" format: a valid number with its country code (normalisePhone has added it where it could). */
export function isPhoneNumber(value: string): boolean {
  return value.trim().startsWith("+") && parsePhoneNumberFromString(value)?.isValid() === true;
}

const FORMATS = { "E.164": "E.164", international: "INTERNATIONAL", national: "NATIONAL" } as const;

/** An E.164 number in the vendor's format. */
export function formatPhone(value: string, format: PhoneFormat): string {
  const parsed = parsePhoneNumberFromString(value);
  return parsed?.isValid() ? parsed.format(FORMATS[format]) : value;
}

/** A mobile number of the country as people there write it, and with the country code. */
export function phoneExamples(country?: string): [string, string] | undefined {
  const code = countryOf(country);
  const example = code ? getExampleNumber(code, examples) : undefined;
  return example ? [example.formatNational(), example.formatInternational()] : undefined;
}
