import "server-only";
import Negotiator from "negotiator";
import { isLocale, LOCALES, type Locale } from "./locales";

export interface LocaleChoice {
  /** What the page or caller asked for explicitly (?lang=, data-locale): wins when offered. */
  requested?: string;
  /** The browser's Accept-Language header. */
  acceptLanguage?: string | null;
  /** The languages on offer, in any order; the default is among them. */
  offered: readonly string[];
  /** The language when nothing else decides. */
  fallback: string;
}

/**
 * The language of a page or an answer: the explicit choice, else the browser's
 * Accept-Language negotiated against what is on offer, else the default.
 * `negotiator` (the one Express uses) reads q-values and matches "fr-BE" to "fr";
 * the default goes first so that "*" and ties choose it.
 */
export function chooseLocale({ requested, acceptLanguage, offered, fallback }: LocaleChoice): Locale {
  const available = [fallback, ...offered.filter((locale) => locale !== fallback)].filter(isLocale);
  if (requested && (available as string[]).includes(requested)) return requested as Locale;
  if (acceptLanguage) {
    const best = new Negotiator({ headers: { "accept-language": acceptLanguage } }).language(available);
    if (isLocale(best)) return best;
  }
  return available[0] ?? LOCALES[0];
}

/** What a request says about its language: ?lang= (or an embed's data-locale) and Accept-Language. */
export type LanguageHints = Pick<LocaleChoice, "requested" | "acceptLanguage">;

/** The request's language among those a form offers, else the form's default. */
export function localeFor(form: { locale: string; locales: readonly string[] }, hints: LanguageHints = {}): Locale {
  return chooseLocale({ ...hints, offered: form.locales, fallback: form.locale });
}
