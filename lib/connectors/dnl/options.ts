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

/** A form's `options` for the DNL connector, as written in the forms configuration. */
export const dnlOptionsSchema = z
  .object({
    /** Where /v1 lives (the document's example: http://88.99.175.131:8000), or the built-in sandbox ("/sandbox/dnl"). */
    baseUrl: z
      .string()
      .refine((value) => isHttpUrl(value) || /^\/sandbox\/[^\s]*$/.test(value), { message: "must be an http(s) URL or a /sandbox/ path" })
      .transform((value) => value.replace(/\/+$/, "")),
    /** The environment variable holding DNL's admin token (X-Auth-Token): only admins may read registrations. */
    tokenEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, "must be an environment variable name such as DNL_TOKEN"),
    timeoutMs: z.number().int().positive({ message: "must be a positive number of milliseconds" }).default(10_000),
  })
  .strict();

export type DnlOptions = z.infer<typeof dnlOptionsSchema>;
