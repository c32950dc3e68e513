"use client";

import { signInWithPassword, signInWithProvider } from "../_console/auth-client";
import { useState, type FormEvent } from "react";

/** The form's words, in the console's language (texts.ts); `signInWith` holds {provider}. */
interface Texts {
  email: string;
  password: string;
  signIn: string;
  signInWith: string;
  wrong: string;
  throttled: string;
  failed: string;
}

export default function SignInForm({ callbackUrl, oidc, texts }: { callbackUrl: string; oidc?: string; texts: Texts }) {
  const messages: Record<string, string> = { CredentialsSignin: texts.wrong, Throttled: texts.throttled };
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    const result = await signInWithPassword(String(form.get("email") ?? ""), String(form.get("password") ?? ""), callbackUrl).catch(() => ({ error: "unreachable" }));
    setBusy(false);
    if (!result.error) window.location.assign(callbackUrl);
    else setError(messages[result.error] ?? texts.failed);
  }

  return (
    <>
      <form className="fg-staff-form" onSubmit={submit} noValidate>
        {error && (
          <p className="fg-staff-error" role="alert">
            {error}
          </p>
        )}
        <label htmlFor="email">{texts.email}</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
        <label htmlFor="password">{texts.password}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit" className="fg-button" disabled={busy}>
          {texts.signIn}
        </button>
      </form>
      {oidc && (
        <p>
          <button type="button" className="fg-button fg-button-secondary" onClick={() => void signInWithProvider("oidc", callbackUrl)}>
            {texts.signInWith.replace("{provider}", oidc)}
          </button>
        </p>
      )}
    </>
  );
}
