import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { dataDirSecret } from "./secrets";

/**
 * The server's environment, typed and checked once. A bad value stops the app with
 * a message naming the variable. Secrets for vendors are not listed here: the
 * forms configuration names the variable that holds each one.
 */
/** "10/1m" → 10 requests per 60 s; "off" (or "0") → no limit. */
export interface LimitSpec {
  points: number;
  seconds: number;
}

const UNIT_SECONDS = { s: 1, m: 60, h: 3600 } as const;

const limit = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx): LimitSpec | null => {
      const text = (value ?? fallback).trim();
      if (text === "off" || text === "0") return null;
      const match = /^(\d+)\/(\d*)([smh])$/.exec(text);
      if (!match || Number(match[1]) < 1) {
        ctx.addIssue({ code: "custom", message: 'must be "<requests>/<window>" such as "10/1m", "300/1h" or "off"' });
        return z.NEVER;
      }
      return { points: Number(match[1]), seconds: Number(match[2] || 1) * UNIT_SECONDS[match[3] as keyof typeof UNIT_SECONDS] };
    });

const schema = z.object({
  FORMS_CONFIG: z.string().min(1).optional(),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  APP_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  SANDBOX: z.enum(["0", "1"]).optional(),
  // Bearer token of the sandboxes' control API (/sandbox/{vendor}/_sandbox/…); generated into DATA_DIR when unset.
  SANDBOX_CONTROL_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  APP_ENCRYPTION_KEY: z.string().optional(),
  SUBMIT_INLINE_WAIT_MS: z.coerce.number().int().min(0).default(5000),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(12),
  DELIVERY_BASE_DELAY_MS: z.coerce.number().int().min(1).default(2000),
  DELIVERY_MAX_DELAY_MS: z.coerce.number().int().min(1).default(15 * 60_000),
  DELIVERY_WORKER: z.enum(["0", "1"]).default("1"),
  // Bearer token for the operator API (/api/admin/…); without it that API answers 404.
  ADMIN_TOKEN: z.string().min(24, "must be at least 24 characters").optional(),
  RETENTION_DAYS: z.coerce.number().min(0).default(30),
  // How long the insights' raw events are kept; their daily counts and sessions stay (README, "Insights").
  INSIGHTS_RETENTION_DAYS: z.coerce.number().min(0).default(14),
  // How long an instance holds a claimed submission; longer than one attempt (a few vendor calls).
  DELIVERY_LEASE_MS: z.coerce.number().int().min(1000).default(45_000),
  // How long a registration may wait for the person (a one-time code) before it expires.
  AWAITING_PERSON_MS: z.coerce.number().int().min(60_000).default(30 * 60_000),
  // Abuse protection (README, "Abuse protection").
  REDIS_URL: z.string().url().optional(),
  // Proxies in front of the app that append to X-Forwarded-For; 0: clients connect to the app itself.
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  RATE_LIMITS: z.enum(["0", "1"]).default("1"),
  RATE_LIMIT_USERNAME: limit("30/1m"),
  RATE_LIMIT_USERNAME_FORM: limit("300/1m"),
  // The email check says whether an address is registered: tighter than the username check,
  // so it cannot be used to find out which addresses are customers.
  RATE_LIMIT_EMAIL: limit("10/1m"),
  RATE_LIMIT_EMAIL_FORM: limit("200/1m"),
  RATE_LIMIT_VALIDATE: limit("60/1m"),
  RATE_LIMIT_VALIDATE_FORM: limit("3000/1m"),
  RATE_LIMIT_SUBMIT: limit("10/1m"),
  RATE_LIMIT_SUBMIT_FORM: limit("300/1m"),
  RATE_LIMIT_CODE: limit("20/1m"),
  RATE_LIMIT_CODE_FORM: limit("600/1m"),
  RATE_LIMIT_DRAFTS: limit("300/1m"),
  RATE_LIMIT_DRAFTS_FORM: limit("30000/1m"),
  RATE_LIMIT_READ: limit("300/1m"),
  RATE_LIMIT_READ_FORM: limit("30000/1m"),
  RATE_LIMIT_INSIGHTS: limit("60/1m"),
  RATE_LIMIT_INSIGHTS_FORM: limit("30000/1m"),
  MIN_FILL_MS: z.coerce.number().int().min(0).default(3000),
  // Staff console (README, "Staff console").
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  STAFF_ADMIN_EMAIL: z.string().email().optional(),
  STAFF_ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  STAFF_SESSION_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(10),
  STAFF_SIGNIN_LIMIT_ACCOUNT: limit("5/15m"),
  STAFF_SIGNIN_LIMIT_ADDRESS: limit("30/15m"),
  STAFF_OIDC_ISSUER: z.string().url().optional(),
  STAFF_OIDC_CLIENT_ID: z.string().min(1).optional(),
  STAFF_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  STAFF_OIDC_NAME: z.string().min(1).default("your organisation's account"),
  // Only for tests: a stand-in for the challenge provider's siteverify URL.
  CHALLENGE_VERIFY_URL: z.string().url().optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/** The sandboxes' control token: SANDBOX_CONTROL_TOKEN, else one generated once into DATA_DIR. */
export function sandboxControlToken(): string {
  const { SANDBOX_CONTROL_TOKEN, DATA_DIR } = env();
  return SANDBOX_CONTROL_TOKEN ?? dataDirSecret(DATA_DIR, "sandbox-control.token", () => randomBytes(24).toString("base64url"));
}

/**
 * The key that signs and encrypts staff sessions: NEXTAUTH_SECRET, else one generated
 * once into DATA_DIR (the out-of-the-box start). A production deployment on a shared
 * database or behind HTTPS must set it — every instance needs the same one — and
 * the console refuses to start without it.
 */
export function nextAuthSecret(warn?: (message: string) => void): string {
  const { NEXTAUTH_SECRET, DATA_DIR, DATABASE_URL, APP_URL } = env();
  if (NEXTAUTH_SECRET) return NEXTAUTH_SECRET;
  const deployed = process.env.NODE_ENV === "production" && (Boolean(DATABASE_URL) || Boolean(APP_URL?.startsWith("https:")));
  if (deployed) throw new Error("Invalid environment: NEXTAUTH_SECRET: required in production (DATABASE_URL or an https APP_URL is set); at least 32 characters, the same on every instance");
  return dataDirSecret(DATA_DIR, "nextauth.secret", () => randomBytes(32).toString("base64url"), (made) =>
    warn?.(`NEXTAUTH_SECRET is not set: ${made}. Set NEXTAUTH_SECRET in production, the same on every instance.`),
  );
}

/** The origin the app answers on, used to reach its own built-in sandboxes. */
export function appOrigin(): string {
  const { APP_URL, PORT } = env();
  return (APP_URL ?? `http://127.0.0.1:${PORT}`).replace(/\/$/, "");
}
