import "server-only";
import { ruleText } from "@/lib/connectors/types";
import type { FieldErrors } from "@/lib/errors";
import type { Refusal } from "./client";

/** Which call refused: the same attribute names another field in the address call. */
export type Call = "register" | "contact" | "consents" | "address";

const REGISTER: Record<string, string> = {
  username: "email",
  password: "password",
  phone_number: "phone",
  country_code: "phone",
  first_name: "first_name",
  last_name: "last_name",
  referral_code: "referral_code",
  service_acceptance: "service_acceptance",
};
const CONTACT: Record<string, string> = { date_of_birth: "date_of_birth", gender: "gender", first_name: "first_name", last_name: "last_name" };
const ADDRESS: Record<string, string> = {
  address_line_1: "address.address_line_1",
  address_line_2: "address.address_line_2",
  town_city: "address.town_city",
  postal_code: "address.postal_code",
  country_code: "address.country_code",
};
const FIELDS: Record<Call, Record<string, string>> = { register: REGISTER, contact: CONTACT, consents: {}, address: ADDRESS };

/** Vendor codes the app words itself (in the page's language) instead of showing the vendor's English. */
const RULES: Record<string, string> = { CONTACT_EXISTS: "alreadyRegistered" };

/**
 * A refusal's attribute as the form field it is about, with the vendor's message or the
 * app's rule; undefined when the attribute names no field of the form (then the refusal is
 * about our call, not the person's answers).
 */
export function refusalFields(refusal: Refusal, call: Call): FieldErrors | undefined {
  const field = refusal.attribute ? FIELDS[call][refusal.attribute] : undefined;
  if (!field) return undefined;
  const rule = RULES[refusal.code];
  return { [field]: rule ? ruleText({ keyword: rule }) : refusal.vendorMessage || refusal.code };
}
