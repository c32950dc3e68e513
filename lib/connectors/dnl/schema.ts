import "server-only";
import type { FormData, JsonSchema } from "@/lib/connectors/types";

/**
 * The DNL sign-up form, derived from the fields of the registration the document shows
 * (seeds/001 documents the lookup only; the sign-up call is an inference, see connector.ts).
 *
 * Decisions, each an inference from the one example payload:
 * - asked: the fields a person signing up can know; the rest is DNL's own (id, status,
 *   signed_up_on, modified_on, products, send_signup_notification), or set by DNL's staff
 *   for the account (ip_address: the addresses allowed to use it; rate_send_from_email:
 *   the sender of DNL's rate sheets), and is not asked;
 * - required: the fields the example fills in (client_name, username, password, main_email,
 *   company, phone, address); optional: those it shows as null. company_detail is filled
 *   in too, but it is a free description: optional;
 * - the flat address and billing_* fields are asked as two groups (address, billing) and
 *   sent flat again (signupBody); DNL's field names map to the form's (formPath);
 * - the password is at least 8 characters (the example's is 8), the username 3 to 40
 *   letters, digits, ".", "_" or "-" (the example's is letters only);
 * - countries are sent as ISO 3166-1 alpha-2 codes (the example has none);
 * - phone numbers in E.164: the example's "093726428" has no country, which for a
 *   carrier's clients abroad makes it ambiguous.
 */

const text = (title: string, maxLength = 200, extra: JsonSchema = {}): JsonSchema => ({ type: "string", title, maxLength, ...extra });
const email = (title: string): JsonSchema => ({ type: "string", title, format: "email", maxLength: 254 });

const place = (street: string): Record<string, JsonSchema> => ({
  street: text(street),
  city: text("City", 100),
  zip: text("ZIP code", 20),
  state: text("State or province", 100),
  country: text("Country", 2),
});

export const signupSchema: JsonSchema = {
  type: "object",
  required: ["client_name", "username", "password", "main_email", "company", "phone", "address"],
  properties: {
    client_name: text("Client name", 100, { minLength: 1 }),
    username: text("Username", 40, { minLength: 3, pattern: "^[A-Za-z0-9._-]+$" }),
    password: text("Password", 128, { minLength: 8 }),
    main_email: email("Email address"),
    company: text("Company name", 200, { minLength: 1 }),
    company_detail: text("About your company", 2000),
    tax_id: text("Tax ID", 50),
    phone: text("Phone number", 30),
    noc_email: email("NOC email address"),
    rate_send_to_email: email("Email address for rate sheets"),
    referral: text("Referred by", 200),
    address: { type: "object", title: "Address", required: ["street"], properties: place("Street address") },
    billing: {
      type: "object",
      title: "Billing details",
      properties: { contact_name: text("Billing contact name", 100), email: email("Billing email address"), phone: text("Billing phone number", 30), ...place("Billing street address") },
    },
  },
};

/** DNL's flat field → the form's path, where they differ. */
const FORM_PATHS: Record<string, string> = {
  address: "address.street",
  city: "address.city",
  zip: "address.zip",
  state: "address.state",
  country: "address.country",
  billing_contact_name: "billing.contact_name",
  billing_email: "billing.email",
  billing_phone: "billing.phone",
  billing_address: "billing.street",
  billing_city: "billing.city",
  billing_zip: "billing.zip",
  billing_state: "billing.state",
  billing_country: "billing.country",
};

const TOP_LEVEL = ["client_name", "username", "password", "main_email", "company", "company_detail", "tax_id", "phone", "noc_email", "rate_send_to_email", "referral"];

/** Every DNL field the form asks, in the payload's names. */
export const SIGNUP_FIELDS: readonly string[] = [...TOP_LEVEL, ...Object.keys(FORM_PATHS)];

/** The form's path of a DNL field (a refusal names DNL's fields). */
export const formPath = (field: string): string => FORM_PATHS[field] ?? field;

function valueAt(data: FormData, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), data);
}

/** The answers as DNL's registration object: flat, in DNL's names, blank answers left out. */
export function signupBody(data: FormData): Record<string, string> {
  const body: Record<string, string> = {};
  for (const field of SIGNUP_FIELDS) {
    const value = valueAt(data, formPath(field));
    if (typeof value === "string" && value.trim() !== "") body[field] = field === "password" ? value : value.trim();
  }
  return body;
}
