import "server-only";
import { Redis } from "ioredis";
import { appOrigin, env } from "@/lib/config/env";
import { findForm } from "@/lib/config/forms";
import { getDb } from "@/lib/db";
import { translator } from "@/lib/i18n";
import { chooseLocale } from "@/lib/i18n/negotiate";
import { log } from "@/lib/log";
import { countRefusal } from "@/lib/protection";
import { clientAddress } from "./client-address";
import { languageHints } from "./language";
import { originAllowed } from "./origin";
import { type LimitAction, type Limits, type LimitSpecs, type LimitStore, createLimits } from "./rate-limits";
import { errorResponse, json, route } from "./respond";

/** What a route does: a rate-limited action, or "admin" (the operator API: origin check only). */
export type RouteAction = LimitAction | "admin";

// Calls that change something: a browser's Origin must be this app or the form's embed host.
// The email check too: it answers about a person, and only the form's own pages need it.
const ORIGIN_CHECKED = new Set<RouteAction>(["email", "validate", "submit", "code", "drafts", "insights", "admin"]);

const holder = globalThis as typeof globalThis & { __formgateLimits?: Promise<Limits> };

/** Redis when REDIS_URL is set, else PostgreSQL when the app runs on it, else this process's memory. */
export async function getLimitStore(): Promise<LimitStore> {
  const { REDIS_URL, DATABASE_URL } = env();
  if (REDIS_URL) {
    // No offline queue: while Redis is down a check fails at once (and the request goes through).
    const client = new Redis(REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 500 });
    client.on("error", (error: Error) => warnStore(error));
    return { kind: "redis", client };
  }
  if (DATABASE_URL) {
    const { pool } = await getDb();
    if (pool) return { kind: "postgres", pool };
  }
  return { kind: "memory" };
}

let lastWarning = 0;
/** The limits fail open: a broken store must not take the forms down. Said once a minute at most. */
function warnStore(error: unknown) {
  if (Date.now() - lastWarning < 60_000) return;
  lastWarning = Date.now();
  log.warn("rate limit store unavailable; requests are not limited", { error: error instanceof Error ? error.message : String(error) });
}

export function getLimits(): Promise<Limits> {
  holder.__formgateLimits ??= getLimitStore().then((store) => {
    const e = env();
    const specs: LimitSpecs = {
      username: { address: e.RATE_LIMIT_USERNAME, form: e.RATE_LIMIT_USERNAME_FORM },
      email: { address: e.RATE_LIMIT_EMAIL, form: e.RATE_LIMIT_EMAIL_FORM },
      validate: { address: e.RATE_LIMIT_VALIDATE, form: e.RATE_LIMIT_VALIDATE_FORM },
      submit: { address: e.RATE_LIMIT_SUBMIT, form: e.RATE_LIMIT_SUBMIT_FORM },
      code: { address: e.RATE_LIMIT_CODE, form: e.RATE_LIMIT_CODE_FORM },
      drafts: { address: e.RATE_LIMIT_DRAFTS, form: e.RATE_LIMIT_DRAFTS_FORM },
      read: { address: e.RATE_LIMIT_READ, form: e.RATE_LIMIT_READ_FORM },
      insights: { address: e.RATE_LIMIT_INSIGHTS, form: e.RATE_LIMIT_INSIGHTS_FORM },
    };
    return createLimits(store, specs, { onStoreError: warnStore });
  });
  return holder.__formgateLimits;
}

export function requestAddress(request: Request): string {
  return clientAddress(request.headers, env().TRUST_PROXY);
}

async function formIdOf(context: unknown): Promise<string | undefined> {
  const params = await (context as { params?: Promise<Record<string, string | string[]>> } | undefined)?.params;
  return typeof params?.formId === "string" ? params.formId : undefined;
}

/** One more `action` by this client on this form, counted against its limits (which fail open). */
function decide(action: LimitAction, request: Request, formId: string | undefined) {
  return getLimits()
    .then((limits) => limits.check(action, requestAddress(request), formId))
    .catch((error: unknown) => {
      holder.__formgateLimits = undefined;
      warnStore(error);
      return { allowed: true, headers: {}, retryAfterSeconds: 0 };
    });
}

/**
 * Whether a route may also do `action` for this request, counted as if it were its own route's
 * call (the validate route's email check: the email check's limits, whichever route asks).
 */
export async function alsoWithinLimits(action: LimitAction, request: Request, formId: string): Promise<boolean> {
  if (env().RATE_LIMITS === "0") return true;
  const decision = await decide(action, request, formId);
  if (!decision.allowed) countRefusal(formId, "rate_limit");
  return decision.allowed;
}

/**
 * A route handler behind the abuse protection: the Origin check, then the rate
 * limits of `action` for the client's address and the form. Refusals are JSON in
 * the form's language and counted; every answer carries the RateLimit headers.
 */
export function limited<Context>(action: RouteAction, handler: (request: Request, context: Context) => Promise<Response>) {
  return route(async (request: Request, context: Context) => {
    const form = findForm((await formIdOf(context)) ?? "");
    const t = translator(form ? chooseLocale({ ...languageHints(request), offered: form.locales, fallback: form.locale }) : undefined);
    if (ORIGIN_CHECKED.has(action) && !originAllowed(request.headers, appOrigin(), form?.embed.allowedOrigins ?? [])) {
      countRefusal(form?.id, "origin");
      return json({ error: t("originRefused", { origin: request.headers.get("origin") ?? "" }) }, { status: 403 });
    }
    if (action === "admin" || env().RATE_LIMITS === "0") return handler(request, context);
    const decision = await decide(action, request, form?.id);
    if (!decision.allowed) {
      countRefusal(form?.id, "rate_limit");
      return json({ error: t("tooManyRequests", { seconds: decision.retryAfterSeconds }) }, { status: 429, headers: decision.headers });
    }
    const response = await handler(request, context).catch((error: unknown) => errorResponse(error, t));
    for (const [name, value] of Object.entries(decision.headers)) response.headers.set(name, value);
    return response;
  });
}
