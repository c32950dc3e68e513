import "server-only";
import { z } from "zod";
import { baseUrlOption, envNameOption, timeoutOption } from "../options";

/** A form's `options` for the Procurios connector, as written in the forms configuration. */
export const procuriosOptionsSchema = z
  .object({
    /** Where /l/profile_api lives: the vendor's origin, or the built-in sandbox ("/sandbox/procurios"). */
    baseUrl: baseUrlOption,
    registrationSetId: z.number().int().positive({ message: "must be a positive whole number" }),
    tokenEnv: envNameOption("PROCURIOS_TOKEN"),
    timeoutMs: timeoutOption,
    schemaTtlMs: z.number().int().min(0, { message: "must be 0 or more milliseconds" }).default(60_000),
  })
  .strict();

export type ProcuriosOptions = z.infer<typeof procuriosOptionsSchema>;
