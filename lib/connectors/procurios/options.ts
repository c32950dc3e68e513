import "server-only";
import { z } from "zod";

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** A form's `options` for the Procurios connector, as written in the forms configuration. */
export const procuriosOptionsSchema = z
  .object({
    /** Where /l/profile_api lives: the vendor's origin, or the built-in sandbox ("/sandbox/procurios"). */
    baseUrl: z
      .string()
      .refine((value) => isHttpUrl(value) || /^\/sandbox\/[^\s]*$/.test(value), {
        message: "must be an http(s) URL or a /sandbox/ path",
      })
      .transform((value) => value.replace(/\/+$/, "")),
    registrationSetId: z.number().int().positive({ message: "must be a positive whole number" }),
    tokenEnv: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/, "must be an environment variable name such as PROCURIOS_TOKEN"),
    timeoutMs: z.number().int().positive({ message: "must be a positive number of milliseconds" }).default(10_000),
    schemaTtlMs: z.number().int().min(0, { message: "must be 0 or more milliseconds" }).default(60_000),
  })
  .strict();

export type ProcuriosOptions = z.infer<typeof procuriosOptionsSchema>;
