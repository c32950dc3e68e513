import type { Metadata } from "next";
import { env } from "@/lib/config/env";
import { getStaffAccounts, oidcConfigured, staffSecret } from "@/lib/staff";
import SignInForm from "./SignInForm";

export const metadata: Metadata = { title: "Sign in" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const ERRORS: Record<string, string> = {
  CredentialsSignin: "The email address or the password is not right, or the account is disabled.",
  Throttled: "Too many failed sign-ins: wait a few minutes and try again.",
  AccessDenied: "This account may not use the staff console: an administrator must add it first.",
};

/** The console's one public page. With no account yet, it says how to make the first one. */
export default async function SignInPage({ searchParams }: Props) {
  const query = await searchParams;
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
      <h1 className="fg-heading">Staff console: sign in</h1>
      {none && (
        <section className="fg-staff-notice" aria-labelledby="first-account">
          <h2 id="first-account">There is no staff account yet</h2>
          <p>Create the first administrator in one of two ways:</p>
          <ul>
            <li>
              set <code>STAFF_ADMIN_EMAIL</code> and <code>STAFF_ADMIN_PASSWORD</code> (at least 12 characters) in the environment and restart the app; or
            </li>
            <li>
              run <code>npm run staff:add -- --email you@example.org --role admin</code> on the server (it asks for the password).
            </li>
          </ul>
        </section>
      )}
      {secretProblem && (
        <p className="fg-staff-error" role="alert">
          The console cannot sign anyone in until the server is configured: {secretProblem}.
        </p>
      )}
      {error && (
        <p className="fg-staff-error" role="alert">
          {ERRORS[error] ?? "Signing in did not work: try again."}
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} oidc={oidcConfigured() ? env().STAFF_OIDC_NAME : undefined} />
    </main>
  );
}
