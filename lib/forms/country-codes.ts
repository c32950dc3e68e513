import "server-only";
import countries from "i18n-iso-countries";

/**
 * ISO 3166-1 alpha-2 ↔ alpha-3, for vendors that want three letters ("CY" ↔ "CYP"). The
 * app holds countries as alpha-2 (Intl.DisplayNames and libphonenumber-js know no other);
 * the table is i18n-iso-countries' (kept up to date with the standard), loaded without any
 * of its language files.
 */
export function alpha3Of(alpha2: string): string | undefined {
  return countries.alpha2ToAlpha3(alpha2.toUpperCase()) ?? undefined;
}

export function alpha2Of(alpha3: string): string | undefined {
  return countries.alpha3ToAlpha2(alpha3.toUpperCase()) ?? undefined;
}

export const isAlpha3 = (code: string): boolean => /^[A-Z]{3}$/.test(code) && alpha2Of(code) !== undefined;
