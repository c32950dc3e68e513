import "server-only";
import type { FormData, JsonSchema } from "@/lib/connectors/types";

/**
 * The contact fields this connector can ask for, as the form shows them (the document
 * has no schema endpoint: the form is derived here). Titles are English; a form's
 * configuration gives them in its languages.
 */
const CATALOGUE: Record<string, JsonSchema> = {
  email: { type: "string", format: "email", title: "Email address", maxLength: 180 },
  givenName: { type: "string", title: "First name", minLength: 1, maxLength: 100 },
  familyName: { type: "string", title: "Last name", minLength: 1, maxLength: 100 },
  birthDate: { type: "string", format: "date", title: "Birth date" },
  gender: { type: "string", title: "Gender", enum: ["female", "male"] },
  address: {
    type: "object",
    title: "Address",
    required: ["streetAddress", "postalCode", "addressLocality", "addressCountry"],
    properties: {
      streetAddress: { type: "string", title: "Street and number", minLength: 1, maxLength: 200 },
      postalCode: { type: "string", title: "Postal code", minLength: 1, maxLength: 20 },
      addressLocality: { type: "string", title: "Town", minLength: 1, maxLength: 100 },
      addressCountry: { type: "string", title: "Country" },
    },
  },
  mobile: { type: "string", title: "Mobile phone number" },
  landline: { type: "string", title: "Landline phone number" },
};

/** Fields every form asks; the first four are required by default (the document). */
const ALWAYS = ["email", "givenName", "familyName", "birthDate", "gender"];
const REQUIRED_BY_DEFAULT = ["email", "givenName", "familyName", "birthDate"];

/** Every field the connector can ask for: those not asked yet may be added (Connector.laterFields). */
export const CATALOGUE_FIELDS: readonly string[] = Object.keys(CATALOGUE);

/** Whether the connector can ask for a field a refusal named (a top-level contact field it knows). */
export const knownField = (name: string): boolean => Object.hasOwn(CATALOGUE, name);

/** The form: the default fields, those the form's use requires, and those the client's configuration turned out to require. */
export function contactSchema(requires: string[], learned: string[]): JsonSchema {
  const extra = [...requires, ...learned].filter(knownField);
  const names = [...new Set([...ALWAYS, ...extra])];
  const required = [...new Set([...REQUIRED_BY_DEFAULT, ...extra])];
  return {
    type: "object",
    required: names.filter((name) => required.includes(name)),
    properties: Object.fromEntries(names.map((name) => [name, CATALOGUE[name]])),
  };
}

// The document's example sends "addressCountry": "France" (and answers with addressCountryIso
// "FR"): the name goes in French, the club chain's language; the app holds the ISO code.
const countryNames = new Intl.DisplayNames(["fr"], { type: "region" });

/** The answers as POST /contacts wants them; clubId, sourceId and state come from the connector. */
export function contactBody(data: FormData, fixed: { clubId: string; sourceId: string; state: "prospect" | "temp" }): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const name of Object.keys(CATALOGUE)) {
    if (name === "address" || data[name] === undefined) continue;
    body[name] = data[name];
  }
  const address = data.address as Record<string, unknown> | undefined;
  if (address && typeof address === "object") {
    const code = typeof address.addressCountry === "string" ? address.addressCountry : undefined;
    body.address = { ...address, ...(code ? { addressCountry: countryNames.of(code) ?? code } : {}) };
  }
  return { ...body, clubId: fixed.clubId, sourceId: fixed.sourceId, state: fixed.state };
}
