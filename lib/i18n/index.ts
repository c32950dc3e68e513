import { en, type MessageKey, type Messages } from "./en";
import { fr } from "./fr";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "./locales";
import { nl } from "./nl";
import { translatorOf, type Translate } from "./translate";

export type { Locale, MessageKey, Messages, Translate };
export { DEFAULT_LOCALE, isLocale, LOCALES, translatorOf };

/** Every catalogue has exactly en's keys and placeholders (catalogues.test.ts). */
export const catalogues: Record<Locale, Messages> = { en, nl, fr };

/** The catalogue of a locale; a locale without one speaks the default language. */
export function messages(locale: string | undefined): Messages {
  return catalogues[isLocale(locale) ? locale : DEFAULT_LOCALE];
}

/** A translator bound to one locale: t("stepOf", { current: 2, total: 4 }). */
export function translator(locale: string | undefined): Translate {
  return translatorOf(messages(locale), isLocale(locale) ? locale : DEFAULT_LOCALE);
}
