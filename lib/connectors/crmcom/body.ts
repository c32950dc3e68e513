import "server-only";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { FormData } from "@/lib/connectors/types";
import { alpha2Of, alpha3Of } from "@/lib/forms/country-codes";
import type { CrmcomOptions } from "./options";

/** The vendor's calls built from the answers. Booleans go as the document's examples send them: strings ("true"). */

export type Provider = "EMAIL" | "PHONE";

export const providerOf = (data: FormData, options: Pick<CrmcomOptions, "providers">): Provider =>
  options.providers.length > 1 && data.provider === "PHONE" ? "PHONE" : options.providers.length > 1 ? "EMAIL" : options.providers[0];

/**
 * A phone number (E.164, as the app keeps it) as the register call wants it: the national
 * number and the country as alpha-3 ("+35799123834" → {phone_number: "99123834",
 * country_code: "CYP"}); undefined when it is no valid number of an offered country.
 */
export function phoneIdentity(e164: string, countries: readonly string[]): { phone_number: string; country_code: string; e164: string } | undefined {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed?.isValid() || !parsed.country) return undefined;
  const country_code = alpha3Of(parsed.country);
  if (!country_code || !countries.includes(country_code)) return undefined;
  return { phone_number: parsed.nationalNumber, country_code, e164: parsed.number };
}

/** The offered countries as alpha-2, what the app's texts and phone library know. */
export const offeredAlpha2 = (countries: readonly string[]) => countries.map((code) => alpha2Of(code)).filter((code): code is string => code !== undefined);

/**
 * A date ("1990-05-07") as PUT /contacts/{id} wants date_of_birth: year and month as
 * integers and the day as a string, as the document types them and its example sends them
 * (`"day": "16"`).
 */
export function dateOfBirth(date: string): { year: number; month: number; day: string } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? { year: Number(match[1]), month: Number(match[2]), day: String(Number(match[3])) } : undefined;
}

const yes = (value: unknown) => value === true;
const bool = (value: boolean) => (value ? "true" : "false");

/** ACCEPTED when the person opts in to email or SMS offers, REJECTED when to neither. */
export const consentState = (data: FormData): "ACCEPTED" | "REJECTED" => (yes(data.email_opt_in) || yes(data.sms_opt_in) ? "ACCEPTED" : "REJECTED");

export function registerBody(data: FormData, provider: Provider, options: Pick<CrmcomOptions, "validationRequired" | "countries">): Record<string, unknown> {
  const identity =
    provider === "EMAIL"
      ? // The document's example sends validation_required as a JSON boolean, the other flags as strings.
        { provider, username: data.email, password: data.password, validation_required: options.validationRequired }
      : (() => {
          const phone = phoneIdentity(String(data.phone ?? ""), options.countries);
          return { provider, phone_number: phone?.phone_number, country_code: phone?.country_code };
        })();
  return {
    first_name: data.first_name,
    last_name: data.last_name,
    identity,
    service_acceptance: bool(yes(data.service_acceptance)),
    // Asked as opt-ins ("send me offers"), sent as the vendor's opt-outs.
    email_opt_out: bool(!yes(data.email_opt_in)),
    sms_opt_out: bool(!yes(data.sms_opt_in)),
    ...(typeof data.referral_code === "string" && data.referral_code !== "" ? { referral_code: data.referral_code } : {}),
  };
}

/** PUT /contacts/{id}: the demographics asked; undefined when none was answered. */
export function contactBody(data: FormData): Record<string, unknown> | undefined {
  const birth = typeof data.date_of_birth === "string" ? dateOfBirth(data.date_of_birth) : undefined;
  const gender = typeof data.gender === "string" ? data.gender : undefined;
  if (!birth && !gender) return undefined;
  return { demographics: { ...(gender ? { gender } : {}), ...(birth ? { date_of_birth: birth } : {}) } };
}

/** POST /contacts/{id}/addresses: the home address, the contact's primary; undefined when not asked. */
export function addressBody(data: FormData): Record<string, unknown> | undefined {
  const address = data.address as Record<string, unknown> | undefined;
  if (!address || typeof address !== "object" || typeof address.address_line_1 !== "string") return undefined;
  const optional = (name: string) => (typeof address[name] === "string" && address[name] !== "" ? { [name]: address[name] } : {});
  return {
    address_type: "HOME",
    address_line_1: address.address_line_1,
    ...optional("address_line_2"),
    ...optional("town_city"),
    ...optional("postal_code"),
    country_code: address.country_code,
    is_primary: true,
  };
}
