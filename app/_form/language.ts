import "server-only";
import { headers } from "next/headers";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n";
import { isLocale } from "@/lib/i18n/locales";
import { PAGE_LANGUAGE } from "@/lib/i18n/page-language";
import { chooseLocale } from "@/lib/i18n/negotiate";

/** The browser's Accept-Language header of the request being rendered. */
export async function acceptLanguage(): Promise<string | null> {
  return (await headers()).get("accept-language");
}

/** The language of a page that belongs to no form (index, not found): the browser's choice among the app's languages. */
export async function appLocale(): Promise<string> {
  return chooseLocale({ acceptLanguage: await acceptLanguage(), offered: LOCALES, fallback: DEFAULT_LOCALE });
}

/** The page's language: a form page's own (worked out by proxy.ts), else appLocale(). */
export async function pageLocale(): Promise<string> {
  const chosen = (await headers()).get(PAGE_LANGUAGE);
  return chosen && isLocale(chosen) ? chosen : appLocale();
}
