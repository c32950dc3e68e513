import type { JsonSchema } from "@/lib/connectors/types";

export type Answers = Record<string, unknown>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function propertiesOf(schema: unknown): Record<string, JsonSchema> {
  return isRecord(schema) && isRecord(schema.properties) ? (schema.properties as Record<string, JsonSchema>) : {};
}

// Shared with the server, which keeps passwords out of drafts too.
export { isPasswordField, omitPaths, passwordPaths } from "@/lib/forms/passwords";

/** The title of an enum value: oneOf/anyOf {const, title}, or enumNames beside enum. */
export function enumTitle(schema: JsonSchema, value: unknown, uiSchema: Record<string, unknown> = {}): string | undefined {
  for (const key of ["oneOf", "anyOf"]) {
    const options = schema[key];
    if (!Array.isArray(options)) continue;
    const match = options.find((option) => isRecord(option) && (option.const === value || (Array.isArray(option.enum) && option.enum[0] === value)));
    if (isRecord(match) && typeof match.title === "string") return match.title;
  }
  if (Array.isArray(schema.enum)) {
    const index = schema.enum.indexOf(value);
    const names = (uiSchema["ui:enumNames"] ?? schema.enumNames) as unknown;
    if (index >= 0 && Array.isArray(names) && typeof names[index] === "string") return names[index];
  }
  return undefined;
}

export function isEmptyAnswer(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (isRecord(value)) return Object.values(value).every(isEmptyAnswer);
  return Array.isArray(value) && value.length === 0;
}

const CONDITIONS = ["if", "allOf", "anyOf", "oneOf", "dependencies"];
const conditional = new WeakMap<object, boolean>();

/**
 * A page with conditions, at its root or inside an object (PurePro's address asks its country
 * only abroad): which fields it shows depends on the answers, and on its validator, which decides.
 */
export function hasConditions(schema: Record<string, unknown>): boolean {
  let known = conditional.get(schema);
  if (known === undefined) {
    const find = (node: unknown): boolean =>
      Array.isArray(node) ? node.some(find) : isRecord(node) && (CONDITIONS.some((key) => key in node) || Object.values(node).some(find));
    known = find(schema);
    conditional.set(schema, known);
  }
  return known;
}
