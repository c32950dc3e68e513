/** The languages the app has catalogues for; a form offers some of them (forms file `locales`). */
export const LOCALES = ["en", "nl", "fr"] as const;

export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

/** Each language by its own name, as a language switch shows it. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: "English", nl: "Nederlands", fr: "Français" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
