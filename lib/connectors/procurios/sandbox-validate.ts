/**
 * How the simulated vendor judges a registration body: the set's schema read the way
 * Procurios means it ("type": "date", minimum/maximum as a length on the string country,
 * address as a positional array), answered with its Dutch messages (messages.ts), one per top-level field.
 */
import { linearRegExp } from "@/lib/forms/patterns";
import { messages } from "./messages";
import type { SandboxSet } from "./sandbox-sets";

type Schema = Record<string, unknown>;


/** The only address part the vendor lets stay empty (the document's example sends it as ""). */
const OPTIONAL_ADDRESS_PARTS = new Set(["number_add"]);

const isBlank = (value: unknown) => value === undefined || value === null || value === "";
const asSchema = (value: unknown): Schema => (value && typeof value === "object" ? (value as Schema) : {});
const propertiesOf = (schema: Schema): Record<string, Schema> => asSchema(schema.properties) as Record<string, Schema>;

function isDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

function checkString(schema: Schema, value: string): string | undefined {
  if (typeof schema.minLength === "number" && value.length < schema.minLength) return messages.minLength(schema.minLength);
  if (typeof schema.maxLength === "number" && value.length > schema.maxLength) return messages.maxLength(schema.maxLength);
  if (typeof schema.pattern === "string" && !linearRegExp(schema.pattern, "u").test(value)) return messages.format;
  if (schema.format === "email" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return messages.email;
  const options = Array.isArray(schema.enum) ? schema.enum : Array.isArray(schema.oneOf) ? schema.oneOf.map((o) => asSchema(o).const) : undefined;
  if (options && !options.includes(value)) return messages.choice;
  return undefined;
}

function checkAddress(schema: Schema, value: unknown): string | undefined {
  const parts = Object.entries(propertiesOf(schema));
  if (!Array.isArray(value) || value.length !== parts.length) return messages.address;
  if (parts.some(([name], i) => !OPTIONAL_ADDRESS_PARTS.has(name) && isBlank(value[i]))) return messages.addressIncomplete;
  for (const [i, [name, part]] of parts.entries()) {
    const item = value[i];
    if (isBlank(item)) continue;
    if (part.type === "integer" && !Number.isInteger(item)) return messages.integer;
    if (part.type === "string" && typeof item !== "string") return messages.address;
    if (name === "country" && !/^[A-Za-z]{2}$/.test(String(item))) return messages.country;
  }
  return undefined;
}

function checkValue(schema: Schema, value: unknown): string | undefined {
  switch (schema.type) {
    case "object":
      return checkAddress(schema, value);
    case "integer":
      return Number.isInteger(value) ? undefined : messages.integer;
    case "date":
      return typeof value === "string" && isDate(value) ? undefined : messages.date;
    case "boolean":
      if (typeof value !== "boolean") return messages.format;
      return schema.const === true && value !== true ? messages.terms : undefined;
    case "string":
      return typeof value === "string" ? checkString(schema, value) : messages.format;
    default:
      return undefined;
  }
}

/** `if` of an allOf entry: its required fields are present and equal their `const`. */
function conditionHolds(condition: Schema, data: Record<string, unknown>): boolean {
  const required = Array.isArray(condition.required) ? (condition.required as string[]) : [];
  if (required.some((name) => isBlank(data[name]))) return false;
  return Object.entries(propertiesOf(condition)).every(([name, rule]) => !("const" in rule) || data[name] === rule.const);
}

export interface Rejection {
  page: number;
  errors: Record<string, string>;
}

/** null when the body is acceptable; otherwise every field's error and the page of the first. */
export function validateBody(set: SandboxSet, data: Record<string, unknown>, isTaken: (username: string) => boolean): Rejection | null {
  const errors: Record<string, string> = {};
  const pages: Record<string, number> = {};
  const check = (properties: Record<string, Schema>, required: unknown, page: (name: string) => number) => {
    const requiredNames = Array.isArray(required) ? required : [];
    for (const [name, schema] of Object.entries(properties)) {
      const value = data[name];
      const error = isBlank(value)
        ? requiredNames.includes(name) ? messages.required : undefined
        : checkValue(schema, value) ?? (name === "username" && isTaken(String(value)) ? messages.usernameTaken : undefined);
      if (error) {
        errors[name] = error;
        pages[name] = page(name);
      }
    }
  };

  const names = Object.keys(propertiesOf(set.schema));
  const pageOf = (name: string) => 1 + set.pageBreaks.filter((first) => names.indexOf(first) <= names.indexOf(name)).length;
  check(propertiesOf(set.schema), set.schema.required, pageOf);
  for (const entry of Array.isArray(set.schema.allOf) ? set.schema.allOf.map(asSchema) : []) {
    const condition = asSchema(entry.if);
    if (!conditionHolds(condition, data)) continue;
    // A conditional field sits on the page of the field that switches it on.
    const trigger = Object.keys(propertiesOf(condition))[0] ?? names[0];
    check(propertiesOf(asSchema(entry.then)), asSchema(entry.then).required, () => pageOf(trigger));
  }
  const failed = Object.keys(errors);
  return failed.length === 0 ? null : { page: Math.min(...failed.map((name) => pages[name])), errors };
}
