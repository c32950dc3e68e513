import "server-only";
import { z } from "zod";

// The option parts every connector's `options` share (each vendor folder's options.ts).

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** A vendor's API address: an http(s) URL, or the app's built-in sandbox ("/sandbox/…"); no trailing slash. */
export const baseUrlOption = z
  .string()
  .refine((value) => isHttpUrl(value) || /^\/sandbox\/[^\s]*$/.test(value), { message: "must be an http(s) URL or a /sandbox/ path" })
  .transform((value) => value.replace(/\/+$/, ""));

/** The name of the environment variable that holds a secret (the secret itself never goes in the forms file). */
export const envNameOption = (example: string) => z.string().regex(/^[A-Z_][A-Z0-9_]*$/, `must be an environment variable name such as ${example}`);

/** How long one call to the vendor may take. */
export const timeoutOption = z.number().int().positive({ message: "must be a positive number of milliseconds" }).default(10_000);
