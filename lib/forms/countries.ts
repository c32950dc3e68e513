import "server-only";
import { getCountries } from "libphonenumber-js/max";

/**
 * The countries a person may choose: every territory libphonenumber-js has numbering
 * for (ISO 3166-1 alpha-2, with Kosovo's XK), named by Intl.DisplayNames in the page's
 * language and sorted by that name. No list of ours to keep up to date.
 */
const cache = new Map<string, { codes: string[]; names: string[] }>();

export function countryOptions(locale: string): { codes: string[]; names: string[] } {
  let options = cache.get(locale);
  if (!options) {
    const names = new Intl.DisplayNames([locale, "en"], { type: "region" });
    const collator = new Intl.Collator(locale);
    const sorted = getCountries()
      .map((code) => ({ code: code as string, name: names.of(code) ?? code }))
      .sort((a, b) => collator.compare(a.name, b.name));
    options = { codes: sorted.map(({ code }) => code), names: sorted.map(({ name }) => name) };
    cache.set(locale, options);
  }
  return options;
}
