"use client";

import { signInWithPassword, signInWithProvider } from "../_console/auth-client";
import { useState, type FormEvent } from "react";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "The email address or the password is not right, or the account is disabled.",
  Throttled: "Too many failed sign-ins: wait a few minutes and try again.",
};

export default function SignInForm({ callbackUrl, oidc }: { callbackUrl: string; oidc?: string }) {
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
    else setError(MESSAGES[result.error] ?? "Signing in did not work: try again.");
  }

  return (
    <>
      <form className="fg-staff-form" onSubmit={submit} noValidate>
        {error && (
          <p className="fg-staff-error" role="alert">
            {error}
          </p>
        )}
        <label htmlFor="email">Email address</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit" className="fg-button" disabled={busy}>
          Sign in
        </button>
      </form>
      {oidc && (
        <p>
          <button type="button" className="fg-button fg-button-secondary" onClick={() => void signInWithProvider("oidc", callbackUrl)}>
            Sign in with {oidc}
          </button>
        </p>
      )}
    </>
  );
}
