import type { Metadata } from "next";
import { first } from "@/app/_form/load";
import { pageLocale } from "@/app/_form/language";
import HtmlLang from "@/components/wizard/HtmlLang";
import Notice from "@/components/wizard/Notice";
import { connectorFor, findForm } from "@/lib/config/forms";
import { isAppError } from "@/lib/errors";
import { translator, type MessageKey } from "@/lib/i18n";
import { log } from "@/lib/log";

interface Props {
  params: Promise<{ formId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// The vendor's call happens on every visit: the answer must never be a cached page.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await pageLocale())("verifyEmailTitle"), robots: { index: false } };
}

/** What the vendor said of the link's token, as a message key. */
async function verify(formId: string, token: string | undefined): Promise<MessageKey> {
  const form = findForm(formId);
  const connector = form && connectorFor(form);
  if (!connector?.verifyEmail) return "verifyEmailFailed";
  if (!token || token.length > 500) return "verifyEmailMissing";
  try {
    return (await connector.verifyEmail(token)) ? "verifyEmailDone" : "verifyEmailFailed";
  } catch (error) {
    // Logged for operators (a refused api_key, the vendor down); never the token.
    log.warn("email verification unavailable", { form: formId, code: isAppError(error) ? error.code : "error" });
    return "verifyEmailUnavailable";
  }
}

/**
 * The page a vendor's verification email links to (`/verify-email/{formId}?token=…`): it
 * confirms the address with the vendor through the form's connector (Connector.verifyEmail)
 * and says, in the person's language, whether it is now verified.
 */
export default async function VerifyEmailPage({ params, searchParams }: Props) {
  const { formId } = await params;
  const token = first((await searchParams).token)?.trim();
  const locale = await pageLocale();
  const t = translator(locale);
  const outcome = await verify(formId, token);
  return (
    <main className="fg-main" id="main">
      <HtmlLang locale={locale} />
      <div className={outcome === "verifyEmailDone" ? "fg-verify fg-verify--done" : "fg-verify"} role="status">
        <Notice title={t("verifyEmailTitle")} body={t(outcome)} />
      </div>
    </main>
  );
}
