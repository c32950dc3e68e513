import type { Metadata } from "next";
import { env } from "@/lib/config/env";
import { getStaffAccounts, oidcConfigured, staffSecret } from "@/lib/staff";
import { consoleTexts } from "../_console/guard";
import { rich, type ConsoleKey } from "../_console/texts";
import SignInForm from "./SignInForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await consoleTexts())("signInPageTitle") };
}

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** next-auth's error codes, as the page says them. */
const ERRORS: Record<string, ConsoleKey> = { CredentialsSignin: "signInWrong", Throttled: "signInThrottled", AccessDenied: "signInDenied" };

const code = (words: string) => <code>{words}</code>;

/** The console's one public page. With no account yet, it says how to make the first one. */
export default async function SignInPage({ searchParams }: Props) {
  const query = await searchParams;
  const t = await consoleTexts();
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const callback = first(query.callbackUrl);
  const callbackUrl = callback?.startsWith("/staff") ? callback : "/staff";
  const error = first(query.error);
  const none = (await (await getStaffAccounts()).count()) === 0;
  // A production deployment without NEXTAUTH_SECRET: nobody can sign in, and the page says why.
  let secretProblem: string | undefined;
  try {
    staffSecret();
  } catch (problem) {
    secretProblem = (problem as Error).message.replace(/^Invalid environment: /, "");
  }
  return (
    <main className="fg-main" id="main">
      <h1 className="fg-heading">{t("signInTitle")}</h1>
      {none && (
        <section className="fg-staff-notice" aria-labelledby="first-account">
          <h2 id="first-account">{t("noAccountTitle")}</h2>
          <p>{t("noAccountIntro")}</p>
          <ul>
            <li>{rich(t("noAccountEnvironment"), { code })}</li>
            <li>{rich(t("noAccountCommand"), { code })}</li>
          </ul>
        </section>
      )}
      {secretProblem && (
        <p className="fg-staff-error" role="alert">
          {t("notConfigured", { problem: secretProblem })}
        </p>
      )}
      {error && (
        <p className="fg-staff-error" role="alert">
          {t(ERRORS[error] ?? "signInFailed")}
        </p>
      )}
      <SignInForm
        callbackUrl={callbackUrl}
        oidc={oidcConfigured() ? env().STAFF_OIDC_NAME : undefined}
        texts={{ email: t("emailAddress"), password: t("password"), signIn: t("signIn"), signInWith: t("signInWith"), wrong: t("signInWrong"), throttled: t("signInThrottled"), failed: t("signInFailed") }}
      />
    </main>
  );
}
