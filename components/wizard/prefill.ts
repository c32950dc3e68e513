import type { JsonSchema } from "@/lib/connectors/types";
import { fieldSchema } from "@/lib/forms/fields";
import { isPasswordField, type Answers } from "./schema";

type SearchParams = Record<string, string | string[] | undefined>;

function schemaType(schema: JsonSchema): string | undefined {
  const type = schema.type;
  if (Array.isArray(type)) return type.find((entry) => entry !== "null") as string | undefined;
  return typeof type === "string" ? type : undefined;
}

/** A URL text as the schema's type; undefined when it cannot be one. */
export function coerce(text: string, schema: JsonSchema): unknown {
  switch (schemaType(schema)) {
    case "integer":
      return /^[-+]?\d+$/.test(text.trim()) ? Number.parseInt(text, 10) : undefined;
    case "number": {
      const value = Number(text.trim().replace(",", "."));
      return text.trim() !== "" && Number.isFinite(value) ? value : undefined;
    }
    case "boolean": {
      const lower = text.trim().toLowerCase();
      if (["true", "1", "yes", "on"].includes(lower)) return true;
      if (["false", "0", "no", "off"].includes(lower)) return false;
      return undefined;
    }
    case "string":
    case undefined:
      return text;
    default:
      // objects and arrays cannot come from a single URL parameter
      return undefined;
  }
}

/**
 * Prefill answers from URL parameters: only top-level fields of the schema, those of
 * its conditional branches too (CRM.COM's email, asked unless the person signs in by
 * phone), coerced to their type. Password fields are never taken from a URL (it would
 * end up in logs and browser history). Runs on the server (the pages' prefill).
 */
export function prefillFromSearchParams(
  params: SearchParams,
  schema: JsonSchema,
  uiSchema: Record<string, unknown> = {},
): Answers {
  const answers: Answers = {};
  for (const [name, raw] of Object.entries(params)) {
    const property = name.includes(".") ? undefined : fieldSchema(schema, name);
    const text = Array.isArray(raw) ? raw[0] : raw;
    if (!property || text === undefined) continue;
    const ui = (uiSchema[name] ?? {}) as Record<string, unknown>;
    if (isPasswordField(property, ui)) continue;
    const value = coerce(text, property);
    if (value !== undefined) answers[name] = value;
  }
  return answers;
}

export const CAMPAIGN_KEYS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"] as const;

export type Campaign = Partial<Record<(typeof CAMPAIGN_KEYS)[number], string>>;

/**
 * Campaign tracking (utm_*) from a URL: stored with the submission, never sent
 * to the vendor. Cut to the 200 characters the submit API accepts, so a long
 * tag never costs a registration.
 */
export function campaignFromSearchParams(params: SearchParams): Campaign | undefined {
  const campaign: Campaign = {};
  for (const key of CAMPAIGN_KEYS) {
    const raw = params[key];
    const text = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (text) campaign[key] = text.slice(0, 200);
  }
  return Object.keys(campaign).length > 0 ? campaign : undefined;
}
