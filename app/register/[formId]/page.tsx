import type { Metadata } from "next";
import { first, formMetadata, loadForm } from "@/app/_form/load";
import Notice from "@/components/wizard/Notice";
import ThemeStyle from "@/components/ThemeStyle";
import HtmlLang from "@/components/wizard/HtmlLang";
import LanguageSwitch from "@/components/wizard/LanguageSwitch";
import { campaignFromSearchParams, prefillFromSearchParams } from "@/components/wizard/prefill";
import Wizard from "@/components/wizard/Wizard";
import { messages, translator } from "@/lib/i18n";
import { clientProtection } from "@/lib/protection";

interface Props {
  params: Promise<{ formId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The full page's language: ?lang= when the form offers it, else the browser's Accept-Language, else the form's default. */
const language = async (searchParams: Props["searchParams"]) => ({ requested: first((await searchParams).lang), negotiate: true });

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  return formMetadata((await params).formId, await language(searchParams));
}

export default async function RegisterPage({ params, searchParams }: Props) {
  const { formId } = await params;
  const { requested, negotiate } = await language(searchParams);
  const loaded = await loadForm(formId, requested, negotiate);
  if (!("definition" in loaded)) {
    const t = translator(loaded.locale);
    return (
      <main className="fg-main" id="main">
        <HtmlLang locale={loaded.locale} />
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
      <LanguageSwitch locale={definition.locale} locales={definition.locales} label={translator(definition.locale)("languageSwitch")} query={query} />
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
