import "server-only";
import { z } from "zod";
import { baseUrlOption, envNameOption, timeoutOption } from "../options";
import { isAlpha3 } from "@/lib/forms/country-codes";

/** A form's `options` for the CRM.COM Self-Service connector, as written in the forms configuration. */
export const crmcomOptionsSchema = z
  .object({
    /** The Self-Service API, e.g. "https://sandbox.crm.com/self-service/v1", or the built-in sandbox ("/sandbox/crmcom"). */
    baseUrl: baseUrlOption,
    /** The environment variable holding the publishable api_key. */
    apiKeyEnv: envNameOption("CRMCOM_API_KEY"),
    /** How people sign up: by email and password, by phone with a one-time code, or either (the person chooses). */
    providers: z
      .array(z.enum(["EMAIL", "PHONE"], { message: "must be EMAIL or PHONE (GOOGLE and FACEBOOK need a token source this app has not)" }))
      .min(1, { message: "must name EMAIL, PHONE or both" })
      .refine((list) => new Set(list).size === list.length, { message: "must not name a provider twice" })
      .default(["EMAIL"]),
    /** EMAIL: the vendor emails a link to confirm the address (validation_required). */
    validationRequired: z.boolean().default(false),
    /** The phone numbers' countries accepted, ISO 3166-1 alpha-3 as the vendor wants them ("CYP"). */
    countries: z
      .array(z.string().refine(isAlpha3, { message: "must be an ISO 3166-1 alpha-3 country code in capitals, such as CYP" }))
      .min(1)
      .default(["CYP"]),
    /** Ask the date of birth and gender (sent after the sign-up: PUT /contacts/{id}). */
    demographics: z.boolean().default(false),
    /** Ask a home address (sent after the sign-up: POST /contacts/{id}/addresses). */
    address: z.boolean().default(false),
    /**
     * The vendor does not say how long a one-time code lasts, how many tries it takes or
     * how soon another may be sent: what the person is told, matching the sandbox.
     */
    otpTtlSeconds: z.number().int().min(30).default(300),
    otpTries: z.number().int().min(1).default(3),
    resendCooldownSeconds: z.number().int().min(0).default(30),
    timeoutMs: timeoutOption,
  })
  .strict();

export type CrmcomOptions = z.infer<typeof crmcomOptionsSchema>;
