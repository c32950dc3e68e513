import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { JsonSchema } from "@/lib/connectors/types";
import type { FieldErrors } from "@/lib/errors";
import { fieldTitle } from "@/lib/forms/fields";
import { isObject, propertiesOf } from "@/lib/forms/json";
import type { Translate } from "@/lib/i18n";

let lists: { domains: Set<string>; wildcards: Set<string> } | undefined;

/** The disposable-email-domains lists (120k names), read from node_modules on first use, outside the bundle. */
function disposableLists() {
  if (!lists) {
    const require = createRequire(/*turbopackIgnore: true*/ `${process.cwd()}/package.json`);
    const read = (file: string): string[] => JSON.parse(readFileSync(require.resolve(`disposable-email-domains/${file}`), "utf8"));
    lists = { domains: new Set(read("index.json")), wildcards: new Set(read("wildcard.json")) };
  }
  return lists;
}

/** The domain of a disposable address (a listed domain, or under a listed wildcard domain), else undefined. */
export function disposableDomain(email: string): string | undefined {
  const domain = email.split("@").pop()?.trim().toLowerCase().replace(/\.$/, "");
  if (!domain || !email.includes("@")) return undefined;
  const { domains, wildcards } = disposableLists();
  if (domains.has(domain)) return domain;
  const labels = domain.split(".");
  for (let i = 1; i < labels.length - 1; i++) if (wildcards.has(labels.slice(i).join("."))) return domain;
  return wildcards.has(domain) ? domain : undefined;
}

/** Dotted paths of the schema's `format: "email"` fields, nested objects included. */
export function emailFields(schema: JsonSchema, prefix = "", depth = 0): string[] {
  if (depth > 3) return [];
  return Object.entries(propertiesOf(schema)).flatMap(([name, field]) => {
    if (!isObject(field)) return [];
    const path = prefix ? `${prefix}.${name}` : name;
    if (field.format === "email") return [path];
    return isObject(field.properties) ? emailFields(field as JsonSchema, path, depth + 1) : [];
  });
}

function valueAt(data: Record<string, unknown>, path: string): unknown {
  return path.split(".").reduce<unknown>((value, key) => (isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined), data);
}

/** An error for each email field holding a disposable address, naming the field in the user's language. */
export function disposableEmailErrors(schema: JsonSchema, data: Record<string, unknown>, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const path of emailFields(schema)) {
    const value = valueAt(data, path);
    const domain = typeof value === "string" ? disposableDomain(value) : undefined;
    if (domain) errors[path] = t("disposableEmail", { field: fieldTitle(schema, path), domain });
  }
  return errors;
}
