import { notFound } from "next/navigation";
import { first, formLocale } from "@/app/_form/load";
import { findForm } from "@/lib/config/forms";
import { isAppError } from "@/lib/errors";
import { browserForm } from "@/lib/forms/browser-form";
import { getFormDefinition } from "@/lib/forms/definition";
import { messages } from "@/lib/i18n";
import ThemeStyle from "@/components/ThemeStyle";
import LanguageSwitch from "@/components/wizard/LanguageSwitch";
import Nav from "../../_console/Nav";
import { consoleTexts, requireStaffPage } from "../../_console/guard";
import Assisted from "./Assisted";

interface Props {
  params: Promise<{ formId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * The assisted registration: the attestation of consent, then the form's own wizard, for the person.
 * The form speaks the staff member's language where it offers it (their browser's, as the console),
 * or the person's, chosen before the attestation (?lang=, as on the form's own page; proxy.ts agrees).
 */
export default async function AssistedPage({ params, searchParams }: Props) {
  const staff = await requireStaffPage("staff", `/staff/register/${encodeURIComponent((await params).formId)}`);
  const { formId } = await params;
  const query = await searchParams;
  const t = await consoleTexts();
  const form = findForm(formId);
  if (!form) notFound();
  const locale = await formLocale(form, first(query.lang), true);
  const loaded = await getFormDefinition(formId, { requested: locale }, "staff").then(browserForm, (error: unknown) => {
    if (isAppError(error)) return error.message;
    throw error;
  });
  return (
    <main className="fg-main fg-staff-main fg-themed" id="main">
      <Nav staff={staff} t={t} />
      <ThemeStyle theme={form.theme} />
      {typeof loaded === "string" ? (
        <p className="fg-staff-error" role="alert" lang={t.locale}>
          {t("formUnavailable", { problem: loaded })}
        </p>
      ) : (
        <Assisted
          definition={loaded.definition}
          pageModel={loaded.pageModel}
          validatorsUrl={loaded.validatorsUrl}
          messages={messages(loaded.definition.locale)}
          locale={t.locale}
          languages={
            <div lang={t.locale}>
              <LanguageSwitch locale={loaded.definition.locale} locales={loaded.definition.locales} label={t("personLanguage")} query={query} />
            </div>
          }
        />
      )}
    </main>
  );
}
