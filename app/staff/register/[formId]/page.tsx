import { notFound } from "next/navigation";
import { findForm } from "@/lib/config/forms";
import { isAppError } from "@/lib/errors";
import { browserForm } from "@/lib/forms/browser-form";
import { getFormDefinition } from "@/lib/forms/definition";
import { messages } from "@/lib/i18n";
import ThemeStyle from "@/components/ThemeStyle";
import Nav from "../../_console/Nav";
import { consoleTexts, requireStaffPage } from "../../_console/guard";
import Assisted from "./Assisted";

interface Props {
  params: Promise<{ formId: string }>;
}

/** The assisted registration: the attestation of consent, then the form's own wizard, for the person. */
export default async function AssistedPage({ params }: Props) {
  const staff = await requireStaffPage("staff", `/staff/register/${encodeURIComponent((await params).formId)}`);
  const { formId } = await params;
  const t = await consoleTexts();
  const form = findForm(formId);
  if (!form) notFound();
  const loaded = await getFormDefinition(formId, { requested: form.locale }, "staff").then(browserForm, (error: unknown) => {
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
        <Assisted definition={loaded.definition} pageModel={loaded.pageModel} validatorsUrl={loaded.validatorsUrl} messages={messages(loaded.definition.locale)} locale={t.locale} />
      )}
    </main>
  );
}
