import { en, type MessageKey, type Messages } from "./en";

export type { MessageKey, Messages };

// Dutch and French join here; a missing locale falls back to English.
const catalogues: Record<string, Messages> = { en };

export const DEFAULT_LOCALE = "en";

export function messages(locale: string | undefined): Messages {
  return catalogues[locale ?? DEFAULT_LOCALE] ?? en;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A translator bound to one locale: t("stepOf", { current: 2, total: 4 }). */
export function translator(locale: string | undefined): Translate {
  const catalogue = messages(locale);
  return (key, params) =>
    catalogue[key].replace(/\{(\w+)\}/g, (match, name: string) =>
      params && name in params ? String(params[name]) : match,
    );
}
