import "server-only";
import { z } from "zod";
import { baseUrlOption, envNameOption, timeoutOption } from "../options";

const reference = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `must not be blank: PurePro refuses a blank ${what}` })
    .max(100)
    .refine((value) => !/[/?#\\]|^\.\.?$/.test(value), { message: "must be one path segment (no /, ?, # or \\)" });

/** A form's `options` for the PurePro connector, as written in the forms configuration. */
export const pureproOptionsSchema = z
  .object({
    /** {{publicApiUrl}} of the document: where /Customer lives, or the built-in sandbox ("/sandbox/purepro"). */
    publicApiUrl: baseUrlOption,
    accountReference: reference("account reference"),
    businessUnitReference: reference("business unit reference"),
    /** The environment variable holding the API credential. */
    tokenEnv: envNameOption("PUREPRO_TOKEN"),
    /**
     * How the credential is sent. The document does not say; the default is the usual
     * `Authorization: Bearer {token}`. `authScheme: ""` sends the token alone (an API-key header).
     */
    authHeader: z
      .string()
      .regex(/^[A-Za-z0-9-]+$/, "must be an HTTP header name such as Authorization or X-Api-Key")
      .default("Authorization"),
    authScheme: z.string().regex(/^[A-Za-z0-9-]*$/, "must be a word such as Bearer, or empty").default("Bearer"),
    timeoutMs: timeoutOption,
  })
  .strict();

export type PureproOptions = z.infer<typeof pureproOptionsSchema>;
