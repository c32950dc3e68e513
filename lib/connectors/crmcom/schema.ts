import "server-only";
import type { JsonSchema } from "@/lib/connectors/types";
import type { CrmcomOptions } from "./options";

/**
 * The sign-up form, derived from the register call of seeds/003 (CRM.COM serves no schema).
 * Field names are ours where the vendor nests or inverts them (identity.username is
 * `email`, the opt-outs are asked as opt-ins); body.ts builds the vendor's calls from them.
 * Titles are English; a form's configuration gives them in its languages.
 *
 * - The phone number is one field, typed as people write it: the app reads and checks it
 *   with libphonenumber-js (a number without a country code is read with the form's
 *   `defaultCountry`), and the connector sends its national number and its country as
 *   alpha-3. A number from a country the form does not offer is refused (connector.ts).
 * - `consent_state` is not asked as such: it is ACCEPTED when the person opts in to email
 *   or SMS offers and REJECTED when they opt in to neither (body.ts).
 */

/** The strength rule, shown under the field and checked in the browser and on the server. */
const PASSWORD: JsonSchema = {
  type: "string",
  format: "password",
  title: "Password",
  description: "At least 8 characters, with at least one letter and one digit",
  minLength: 8,
  maxLength: 128,
  pattern: "^(?=.*[A-Za-z])(?=.*[0-9]).*$",
};

const IDENTITY: Record<"EMAIL" | "PHONE", { properties: Record<string, JsonSchema>; required: string[] }> = {
  EMAIL: {
    properties: { email: { type: "string", format: "email", title: "Email address", maxLength: 254 }, password: PASSWORD },
    required: ["email", "password"],
  },
  PHONE: {
    properties: { phone: { type: "string", title: "Mobile phone number", description: "We send you a code by SMS to confirm it" } },
    required: ["phone"],
  },
};

const NAMES: Record<string, JsonSchema> = {
  first_name: { type: "string", title: "First name", minLength: 1, maxLength: 100 },
  last_name: { type: "string", title: "Last name", minLength: 1, maxLength: 100 },
};

const CONSENTS: Record<string, JsonSchema> = {
  service_acceptance: { type: "boolean", title: "I accept the terms of service", const: true },
  email_opt_in: { type: "boolean", title: "Send me offers by email", default: false },
  sms_opt_in: { type: "boolean", title: "Send me offers by SMS", default: false },
  referral_code: { type: "string", title: "Referral code", description: "If someone invited you", maxLength: 50, pattern: "^[A-Za-z0-9_-]*$" },
};

const DEMOGRAPHICS: Record<string, JsonSchema> = {
  date_of_birth: { type: "string", format: "date", title: "Date of birth" },
  gender: { type: "string", title: "Gender", enum: ["FEMALE", "MALE"] },
};

const ADDRESS: JsonSchema = {
  type: "object",
  title: "Home address",
  properties: {
    address_line_1: { type: "string", title: "Street and number", minLength: 1, maxLength: 200 },
    address_line_2: { type: "string", title: "Address line 2", maxLength: 200 },
    town_city: { type: "string", title: "Town or city", minLength: 1, maxLength: 100 },
    postal_code: { type: "string", title: "Postal code", maxLength: 20 },
    // Recognised as a country by the app (lib/forms/kinds.ts): a list of alpha-2 codes, as the address wants.
    country_code: { type: "string", title: "Country" },
  },
  required: ["address_line_1", "town_city", "country_code"],
};

/** Every field name the form may have, in its order. */
export function signUpSchema(options: Pick<CrmcomOptions, "providers" | "demographics" | "address">): JsonSchema {
  const [only] = options.providers;
  const both = options.providers.length > 1;
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  if (both) {
    // No answer chosen beforehand (a radio group the person answers); the email fields show until they choose.
    properties.provider = { type: "string", title: "Sign up with", enum: ["EMAIL", "PHONE"] };
    required.push("provider");
  } else {
    Object.assign(properties, IDENTITY[only].properties);
    required.push(...IDENTITY[only].required);
  }
  Object.assign(properties, NAMES);
  required.push("first_name", "last_name");
  if (options.demographics) Object.assign(properties, DEMOGRAPHICS);
  if (options.address) {
    properties.address = ADDRESS;
    required.push("address");
  }
  Object.assign(properties, CONSENTS);
  required.push("service_acceptance");
  const schema: JsonSchema = { $schema: "http://json-schema.org/draft-07/schema#", type: "object", properties, required };
  if (!both) return schema;
  // One condition, no allOf (RJSF resolves if/then/else without its allOf merge).
  return {
    ...schema,
    if: { properties: { provider: { const: "PHONE" } }, required: ["provider"] },
    then: IDENTITY.PHONE,
    else: IDENTITY.EMAIL,
  };
}

/** The identity fields, whichever the provider: a refusal may name any of them. */
export const IDENTITY_FIELDS = ["email", "password", "phone"];
