"use client";

/**
 * The browser side of next-auth's endpoints (/api/auth/…), as next-auth/react calls them:
 * fetch the CSRF token, then post the form with `json: true` to get the next URL back
 * instead of a redirect. Written out here because next-auth/react's bundle carries
 * Babel's regenerator, which makes code from a string (scripts/check-client-bundle.mjs).
 */
async function post(path: string, fields: Record<string, string>): Promise<URL> {
  const csrf = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await fetch(`/api/auth/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken: csrf.csrfToken, json: "true" }),
  });
  const { url } = (await response.json()) as { url: string };
  return new URL(url, window.location.href);
}

/** Signs in with email and password; the error code ("CredentialsSignin", "Throttled") when refused. */
export async function signInWithPassword(email: string, password: string, callbackUrl: string): Promise<{ error?: string }> {
  const url = await post("callback/credentials", { email, password, callbackUrl });
  const error = url.searchParams.get("error");
  return error ? { error } : {};
}

/** Goes to the OpenID Connect provider. */
export async function signInWithProvider(provider: string, callbackUrl: string): Promise<void> {
  window.location.assign((await post(`signin/${provider}`, { callbackUrl })).href);
}

export async function signOut(callbackUrl: string): Promise<void> {
  await post("signout", { callbackUrl });
  window.location.assign(callbackUrl);
}

/** The console header's sign-out button. */
export function SignOut({ label }: { label: string }) {
  return (
    <button type="button" className="fg-link-button" onClick={() => void signOut("/staff/sign-in")}>
      {label}
    </button>
  );
}
