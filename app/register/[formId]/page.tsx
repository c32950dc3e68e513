import type { Metadata } from "next";
import { formMetadata, loadForm } from "@/app/_form/load";
import Notice from "@/components/wizard/Notice";
import ThemeStyle from "@/components/ThemeStyle";
import HtmlLang from "@/components/wizard/HtmlLang";
import { campaignFromSearchParams, prefillFromSearchParams } from "@/components/wizard/prefill";
import Wizard from "@/components/wizard/Wizard";
import { messages, translator } from "@/lib/i18n";
import { clientProtection } from "@/lib/protection";

interface Props {
  params: Promise<{ formId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return formMetadata((await params).formId);
}

export default async function RegisterPage({ params, searchParams }: Props) {
  const { formId } = await params;
  const loaded = await loadForm(formId);
  if (!("definition" in loaded)) {
    const t = translator(loaded.form.locale);
    return (
      <main className="fg-main" id="main">
        <HtmlLang locale={loaded.form.locale} />
        <Notice title={t("unavailableTitle")} body={t("formUnavailable")} />
      </main>
    );
  }
  const { definition, form, pageModel, validatorsUrl } = loaded;
  const query = await searchParams;
  const prefill = prefillFromSearchParams(query, definition.schema, definition.uiSchema);
  return (
    <main className="fg-main fg-themed" id="main">
      <ThemeStyle theme={form.theme} />
      <HtmlLang locale={definition.locale} />
      <Wizard
        definition={definition}
        messages={messages(definition.locale)}
        prefill={prefill}
        campaign={campaignFromSearchParams(query)}
        pageModel={pageModel}
        validatorsUrl={validatorsUrl}
        protection={clientProtection(form)}
      />
    </main>
  );
}
