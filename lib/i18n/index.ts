import { en, type MessageKey, type Messages } from "./en";

export type { MessageKey, Messages };

// Dutch and French join here; a missing locale falls back to English.
const catalogues: Record<string, Messages> = { en };

export const DEFAULT_LOCALE = "en";

export function messages(locale: string | undefined): Messages {
  return catalogues[locale ?? DEFAULT_LOCALE] ?? en;
}

export type Translate = ((key: MessageKey, params?: Record<string, string | number>) => string) & {
  /** The language of the texts (a locale without a catalogue falls back to English): for dates inside them. */
  locale?: string;
};

/** A translator bound to one locale: t("stepOf", { current: 2, total: 4 }). */
export function translator(locale: string | undefined): Translate {
  const catalogue = messages(locale);
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    catalogue[key].replace(/\{(\w+)\}/g, (match, name: string) =>
      params && name in params ? String(params[name]) : match,
    );
  return Object.assign(t, { locale: locale && Object.hasOwn(catalogues, locale) ? locale : DEFAULT_LOCALE });
}
