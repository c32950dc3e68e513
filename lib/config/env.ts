import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { dataDirSecret } from "./secrets";

/**
 * The server's environment, typed and checked once. A bad value stops the app with
 * a message naming the variable. Secrets for vendors are not listed here: the
 * forms configuration names the variable that holds each one.
 */
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
  // How long an instance holds a claimed submission; longer than one attempt (a few vendor calls).
  DELIVERY_LEASE_MS: z.coerce.number().int().min(1000).default(45_000),
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

/** The origin the app answers on, used to reach its own built-in sandboxes. */
export function appOrigin(): string {
  const { APP_URL, PORT } = env();
  return (APP_URL ?? `http://127.0.0.1:${PORT}`).replace(/\/$/, "");
}
