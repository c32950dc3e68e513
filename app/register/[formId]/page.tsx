import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import Notice from "@/components/wizard/Notice";
import HtmlLang from "@/components/wizard/HtmlLang";
import { prefillFromSearchParams } from "@/components/wizard/prefill";
import Wizard from "@/components/wizard/Wizard";
import { findForm } from "@/lib/config/forms";
import { isAppError } from "@/lib/errors";
import { getFormDefinition } from "@/lib/forms/definition";
import type { FormDefinition } from "@/lib/forms/types";
import { translator } from "@/lib/i18n";
import { log } from "@/lib/log";

interface Props {
  params: Promise<{ formId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

type Loaded = { definition: FormDefinition } | { unavailable: true; locale?: string };

/** One load per request, shared by the metadata and the page. */
const load = cache(async (formId: string): Promise<Loaded> => {
  try {
    return { definition: await getFormDefinition(formId) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "not_found") notFound();
    // The vendor is down and no schema is cached: a friendly page, not a 500.
    log.warn("form definition unavailable", { form: formId, code: error.code });
    return { unavailable: true, locale: findForm(formId)?.locale };
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load((await params).formId);
  return { title: "definition" in loaded ? loaded.definition.title : translator(loaded.locale)("unavailableTitle") };
}

export default async function RegisterPage({ params, searchParams }: Props) {
  const { formId } = await params;
  const loaded = await load(formId);
  if (!("definition" in loaded)) {
    const t = translator(loaded.locale);
    return (
      <main className="fg-main" id="main">
        <HtmlLang locale={loaded.locale} />
        <Notice title={t("unavailableTitle")} body={t("formUnavailable")} />
      </main>
    );
  }
  const { definition } = loaded;
  const prefill = prefillFromSearchParams(await searchParams, definition.schema, definition.uiSchema);
  return (
    <main className="fg-main" id="main">
      <HtmlLang locale={definition.locale} />
      <Wizard definition={definition} prefill={prefill} />
    </main>
  );
}
