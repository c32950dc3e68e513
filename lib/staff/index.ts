import "server-only";
import { env, nextAuthSecret } from "@/lib/config/env";
import { getDb } from "@/lib/db";
import { getLimitStore } from "@/lib/http/limits";
import { log } from "@/lib/log";
import { staffAccounts, type StaffAccounts } from "./accounts";
import { type SignInThrottle, signInThrottle } from "./throttle";

const holder = globalThis as typeof globalThis & { __formgateThrottle?: Promise<SignInThrottle>; __formgateSecret?: string };

export async function getStaffAccounts(): Promise<StaffAccounts> {
  return staffAccounts(await getDb());
}

export function staffSecret(): string {
  holder.__formgateSecret ??= nextAuthSecret(log.warn);
  return holder.__formgateSecret;
}

export function getSignInThrottle(): Promise<SignInThrottle> {
  holder.__formgateThrottle ??= getLimitStore().then((store) => {
    const e = env();
    return signInThrottle(store, {
      account: e.STAFF_SIGNIN_LIMIT_ACCOUNT ?? { points: 1_000_000, seconds: 1 },
      address: e.STAFF_SIGNIN_LIMIT_ADDRESS ?? { points: 1_000_000, seconds: 1 },
      onStoreError: (error) => log.warn("sign-in throttle store unavailable", { error: String(error) }),
    });
  });
  return holder.__formgateThrottle;
}

/** Whether an OpenID Connect provider is configured (issuer, client id and secret). */
export function oidcConfigured(): boolean {
  const e = env();
  return Boolean(e.STAFF_OIDC_ISSUER && e.STAFF_OIDC_CLIENT_ID && e.STAFF_OIDC_CLIENT_SECRET);
}

/**
 * The first admin, from STAFF_ADMIN_EMAIL and STAFF_ADMIN_PASSWORD, made at start while
 * there is no staff account at all; once one exists the variables are ignored.
 */
export async function ensureFirstAdmin(): Promise<void> {
  const { STAFF_ADMIN_EMAIL, STAFF_ADMIN_PASSWORD } = env();
  if (!STAFF_ADMIN_EMAIL) return;
  const accounts = await getStaffAccounts();
  if ((await accounts.count()) > 0) return;
  if (!STAFF_ADMIN_PASSWORD && !oidcConfigured()) {
    log.warn("STAFF_ADMIN_EMAIL is set without STAFF_ADMIN_PASSWORD or an OpenID Connect provider: no first admin made");
    return;
  }
  await accounts
    .create({ email: STAFF_ADMIN_EMAIL, role: "admin", password: STAFF_ADMIN_PASSWORD })
    .then(() => log.info("first staff admin created from STAFF_ADMIN_EMAIL"))
    .catch((error: unknown) => log.warn("first staff admin not created", { error: String(error) }));
}
