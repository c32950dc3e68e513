import "server-only";
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { env } from "@/lib/config/env";
import { getAudit } from "@/lib/audit";
import { clientAddress } from "@/lib/http/client-address";
import { log } from "@/lib/log";
import { normaliseEmail } from "./accounts";
import { getSignInThrottle, getStaffAccounts, oidcConfigured, staffSecret } from "./index";
import { verifyPassword } from "./password";

/** What authorize hands next-auth: the account and the session version the token is bound to. */
type StaffUser = User & { sv: number };

/** Shown for every refused sign-in, whatever the reason: it never says whether the account exists. */
export const SIGN_IN_REFUSED = "CredentialsSignin";
/** Shown while the throttle refuses: for known and unknown names alike. */
export const SIGN_IN_THROTTLED = "Throttled";

async function audit(action: "sign_in" | "sign_in_failed", actor: { id: string | null; email: string }, details: Record<string, unknown>) {
  await (await getAudit()).append({ actor, action, details }).catch((error: unknown) => log.error("audit append failed", { action, error: String(error) }));
}

/** The credentials check: throttled per account name and address, one answer for every failure. */
export async function signInWithPassword(email: string, password: string, address: string): Promise<StaffUser | null> {
  const name = normaliseEmail(email).slice(0, 320);
  const throttle = await getSignInThrottle();
  const wait = await throttle.blockedFor(name, address);
  if (wait > 0) {
    // Logged, not audited: refusals cost an attacker nothing, and would fill the audit log.
    log.warn("staff sign-in refused while throttled", { retryAfterSeconds: wait });
    throw new Error(SIGN_IN_THROTTLED);
  }
  const accounts = await getStaffAccounts();
  const row = await accounts.byEmail(name);
  // Verified even without an account (against a hash nothing matches): the same time either way.
  const matches = await verifyPassword(password, row?.password_hash);
  if (!row || !matches || row.disabled_at !== null) {
    await throttle.failed(name, address);
    await audit("sign_in_failed", { id: row?.id ?? null, email: name }, { method: "password", reason: !row ? "unknown account" : !matches ? "wrong password" : "disabled", address });
    return null;
  }
  await throttle.succeeded(name);
  await audit("sign_in", { id: row.id, email: row.email }, { method: "password", address });
  return { id: row.id, email: row.email, name: row.name, sv: row.session_version };
}

interface OidcProfile {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

/**
 * OpenID Connect by environment alone (a club's Google Workspace or Microsoft Entra):
 * discovery from the issuer, PKCE and state. The provider proves who it is; the
 * staff account with that (verified) email must exist and be enabled — the provider
 * lets nobody in by itself.
 */
function oidcProvider(): OAuthConfig<OidcProfile> {
  const e = env();
  return {
    id: "oidc",
    name: e.STAFF_OIDC_NAME,
    type: "oauth",
    wellKnown: `${e.STAFF_OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: e.STAFF_OIDC_CLIENT_ID,
    clientSecret: e.STAFF_OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    // A provider that keeps to OpenID Connect to the letter puts the person's email in the ID token only
    // when it issues no access token; in the code flow, UserInfo gives it (openid-client checks that its
    // `sub` is the ID token's). Where the ID token has the email already (Google), no second request.
    userinfo: {
      async request({ tokens, client }) {
        // openid-client's TokenSet at run time (next-auth types it by its fields alone).
        const tokenSet = tokens as unknown as Extract<Parameters<typeof client.userinfo>[0], object>;
        const claims = tokenSet.claims() as OidcProfile;
        return claims.email ? claims : { ...claims, ...((await client.userinfo(tokenSet)) as Partial<OidcProfile>) };
      },
    },
    checks: ["pkce", "state"],
    profile: (profile) => ({ id: profile.sub, email: profile.email_verified === false ? null : (profile.email ?? null), name: profile.name ?? null }),
  };
}

export function authOptions(): NextAuthOptions {
  const maxAge = Math.round(env().STAFF_SESSION_HOURS * 3600);
  return {
    secret: staffSecret(),
    session: { strategy: "jwt", maxAge },
    jwt: { maxAge },
    pages: { signIn: "/staff/sign-in", error: "/staff/sign-in" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const address = clientAddress(new Headers(request.headers as Record<string, string>), env().TRUST_PROXY);
          return signInWithPassword(String(credentials?.email ?? ""), String(credentials?.password ?? ""), address);
        },
      }),
      ...(oidcConfigured() ? [oidcProvider()] : []),
    ],
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider === "credentials") return true;
        const row = user.email ? await (await getStaffAccounts()).byEmail(user.email) : undefined;
        if (!row || row.disabled_at !== null) {
          await audit("sign_in_failed", { id: row?.id ?? null, email: user.email ?? "(no verified email)" }, { method: "oidc", reason: !row ? "no staff account" : "disabled" });
          return false;
        }
        await audit("sign_in", { id: row.id, email: row.email }, { method: "oidc" });
        return true;
      },
      async jwt({ token, user, account }) {
        if (!user) return token;
        if (account?.provider === "credentials") return { sub: user.id, sv: (user as StaffUser).sv, email: user.email, name: user.name };
        const row = await (await getStaffAccounts()).byEmail(user.email ?? "");
        return row ? { sub: row.id, sv: row.session_version, email: row.email, name: row.name } : { sub: "", sv: -1 };
      },
    },
    logger: {
      error: (code) => log.warn("staff sign-in error", { code }),
      warn: () => {},
      debug: () => {},
    },
  };
}
