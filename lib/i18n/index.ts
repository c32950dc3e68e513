import { en, type MessageKey, type Messages } from "./en";
import { DEFAULT_LOCALE, translatorOf, type Translate } from "./translate";

export type { MessageKey, Messages, Translate };
export { DEFAULT_LOCALE, translatorOf };

// Dutch and French join here; a missing locale falls back to English.
const catalogues: Record<string, Messages> = { en };

export function messages(locale: string | undefined): Messages {
  return catalogues[locale ?? DEFAULT_LOCALE] ?? en;
}

/** A translator bound to one locale (a locale without a catalogue speaks English): t("stepOf", { current: 2, total: 4 }). */
export function translator(locale: string | undefined): Translate {
  return translatorOf(messages(locale), locale && Object.hasOwn(catalogues, locale) ? locale : DEFAULT_LOCALE);
}
