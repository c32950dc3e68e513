import "server-only";
import { z } from "zod";
import { baseUrlOption, envNameOption, timeoutOption } from "../options";

/** A form's `options` for the DNL connector, as written in the forms configuration. */
export const dnlOptionsSchema = z
  .object({
    /** Where /v1 lives (the document's example: http://88.99.175.131:8000), or the built-in sandbox ("/sandbox/dnl"). */
    baseUrl: baseUrlOption,
    /** The environment variable holding DNL's admin token (X-Auth-Token): only admins may read registrations. */
    tokenEnv: envNameOption("DNL_TOKEN"),
    timeoutMs: timeoutOption,
  })
  .strict();

export type DnlOptions = z.infer<typeof dnlOptionsSchema>;
