import type { Metadata } from "next";
import { formMetadata, loadForm } from "@/app/_form/load";
import { campaignFromSearchParams, prefillFromSearchParams } from "@/components/wizard/prefill";
import { DRAFT_TOKEN } from "@/lib/drafts/store";
import { allowedOrigin } from "@/lib/embed/origins";
import ThemeStyle from "@/components/ThemeStyle";
import { schemeFromParams, themeFromParams } from "@/lib/embed/theme";
import { DEFAULT_LOCALE, messages, translator } from "@/lib/i18n";
import { clientProtection } from "@/lib/protection";
import EmbedFrame from "./EmbedFrame";

type Query = Record<string, string | string[] | undefined>;

interface Props {
  params: Promise<{ formId: string }>;
  searchParams: Promise<Query>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { ...(await formMetadata((await params).formId)), robots: { index: false } };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** embed.js passes prefill values as p.{field}, apart from its own parameters. */
function prefillParams(query: Query): Query {
  return Object.fromEntries(Object.entries(query).flatMap(([key, value]) => (key.startsWith("p.") ? [[key.slice(2), value]] : [])));
}

/** A language the app has texts for; anything else keeps the form's own. */
function supportedLocale(value: string | undefined): string | undefined {
  if (!value || !/^[a-z]{2}$/.test(value)) return undefined;
  return value === DEFAULT_LOCALE || messages(value) !== messages(DEFAULT_LOCALE) ? value : undefined;
}

/**
 * The form for an iframe (see public/embed.js). Who may frame it is decided by the
 * CSP that proxy.ts sends; the origin embed.js names is trusted for postMessage
 * only when the form's allowedOrigins admit it.
 */
export default async function EmbedPage({ params, searchParams }: Props) {
  const { formId } = await params;
  const query = await searchParams;
  const loaded = await loadForm(formId);
  const frame = {
    hostOrigin: allowedOrigin(first(query.origin), loaded.form.embed.allowedOrigins),
    scheme: schemeFromParams(query),
    theme: <ThemeStyle theme={{ ...loaded.form.theme, ...themeFromParams(query) }} />,
  };
  if (!("definition" in loaded)) {
    const t = translator(loaded.form.locale);
    return <EmbedFrame {...frame} locale={loaded.form.locale} notice={{ title: t("unavailableTitle"), body: t("formUnavailable") }} />;
  }
  const locale = supportedLocale(first(query.locale)) ?? loaded.definition.locale;
  const definition = { ...loaded.definition, locale };
  const prefill = prefillFromSearchParams(prefillParams(query), definition.schema, definition.uiSchema);
  const draft = first(query.draft);
  const draftToken = draft && DRAFT_TOKEN.test(draft) ? draft : undefined;
  return (
    <EmbedFrame
      {...frame}
      locale={locale}
      definition={definition}
      messages={messages(locale)}
      pageModel={loaded.pageModel}
      validatorsUrl={loaded.validatorsUrl}
      prefill={prefill}
      campaign={campaignFromSearchParams(query)}
      draftToken={draftToken}
      protection={clientProtection(loaded.form)}
    />
  );
}
