import "server-only";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { findForm, type FormConfig } from "@/lib/config/forms";
import { isAppError } from "@/lib/errors";
import { browserForm, type BrowserForm } from "@/lib/forms/browser-form";
import { getFormDefinition, localeFor } from "@/lib/forms/definition";
import { translator } from "@/lib/i18n";
import { log } from "@/lib/log";
import { acceptLanguage } from "./language";

/** What a form page (full page or embed) renders: the browser's definition and validators, or a friendly "unavailable". */
export type LoadedForm = { form: FormConfig; locale: string } & (BrowserForm | { unavailable: true });

/**
 * The language a form page asks for: the full page's ?lang= (else the browser's
 * Accept-Language), the embed's data-locale (else the form's default: the host page decides).
 */
export interface PageLanguage {
  requested?: string;
  negotiate: boolean;
}

/** A form page's language: `requested` where the form offers it, else (`negotiate`) the browser's, else the form's default. */
export async function formLocale(form: FormConfig, requested: string | undefined, negotiate: boolean): Promise<string> {
  return localeFor(form, { requested, acceptLanguage: negotiate ? await acceptLanguage() : null });
}

/** One load per request, shared by the metadata and the page. An unknown form is a 404. */
export const loadForm = cache(async (formId: string, requested: string | undefined, negotiate: boolean): Promise<LoadedForm> => {
  const form = findForm(formId);
  if (!form) notFound();
  const locale = await formLocale(form, requested, negotiate);
  try {
    return { form, locale, ...browserForm(await getFormDefinition(formId, { requested: locale })) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "not_found") notFound();
    // The vendor is down and no schema is cached: a friendly page, not a 500.
    log.warn("form definition unavailable", { form: formId, code: error.code });
    return { form, locale, unavailable: true };
  }
});

/** The search parameter's first value. */
export const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The first page's title, as the wizard names it (useDocumentTitle), until the wizard takes over. */
export async function formMetadata(formId: string, language: PageLanguage): Promise<Metadata> {
  const loaded = await loadForm(formId, language.requested, language.negotiate);
  const t = translator(loaded.locale);
  if (!("definition" in loaded)) return { title: t("unavailableTitle") };
  const { title: form, pages } = loaded.definition;
  return { title: { absolute: t("documentTitleStep", { page: pages[0]?.title ?? "", current: 1, total: pages.length, form }) } };
}
