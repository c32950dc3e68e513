import "server-only";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { findForm, type FormConfig } from "@/lib/config/forms";
import { isAppError } from "@/lib/errors";
import { browserForm, type BrowserForm } from "@/lib/forms/browser-form";
import { getFormDefinition } from "@/lib/forms/definition";
import { translator } from "@/lib/i18n";
import { log } from "@/lib/log";

/** What a form page (full page or embed) renders: the browser's definition and validators, or a friendly "unavailable". */
export type LoadedForm = { form: FormConfig } & (BrowserForm | { unavailable: true });

/** One load per request, shared by the metadata and the page. An unknown form is a 404. */
export const loadForm = cache(async (formId: string): Promise<LoadedForm> => {
  const form = findForm(formId);
  if (!form) notFound();
  try {
    return { form, ...browserForm(await getFormDefinition(formId)) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "not_found") notFound();
    // The vendor is down and no schema is cached: a friendly page, not a 500.
    log.warn("form definition unavailable", { form: formId, code: error.code });
    return { form, unavailable: true };
  }
});

/** The first page's title, as the wizard names it (useDocumentTitle), until the wizard takes over. */
export async function formMetadata(formId: string): Promise<Metadata> {
  const loaded = await loadForm(formId);
  const t = translator(loaded.form.locale);
  if (!("definition" in loaded)) return { title: t("unavailableTitle") };
  const { title: form, pages } = loaded.definition;
  return { title: { absolute: t("documentTitleStep", { page: pages[0]?.title ?? "", current: 1, total: pages.length, form }) } };
}
