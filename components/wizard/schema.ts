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

// A string, number, boolean or null: what JSON holds besides objects and arrays.
const plain = (value: unknown) => value === null || typeof value !== "object";
/** All of the verdicts hold; undefined when one cannot be told. */
const all = (verdicts: (boolean | undefined)[]) => (verdicts.includes(undefined) ? undefined : !verdicts.includes(false));
/** `verdict`, unless `decided` says its schemas cannot be decided (undefined). */
const told = (decided: boolean | undefined, verdict: boolean) => (decided === undefined ? undefined : verdict);

/**
 * Whether `data` matches `schema` as ajv decides it, for the schemas vendors' conditions are made
 * of (properties, required, const and enum of plain values, not, anyOf, allOf, oneOf, title); undefined
 * for any other, whatever the data. A page whose conditions are all such shows the right fields
 * before its validator is there.
 */
export function conditionHolds(schema: unknown, data: unknown): boolean | undefined {
  if (!isRecord(schema)) return undefined;
  const object = isRecord(data);
  return all(
    Object.entries(schema).map(([key, value]) => {
      const parts = Array.isArray(value) && value.length > 0 ? value.map((part) => conditionHolds(part, data)) : [undefined];
      switch (key) {
        case "title":
          return true;
        case "const":
          return plain(value) ? data === value : undefined;
        case "enum":
          return Array.isArray(value) && value.every(plain) ? value.includes(data) : undefined;
        case "required":
          return Array.isArray(value) ? !object || value.every((name) => data[name] !== undefined) : undefined;
        case "properties":
          // An absent answer passes, once its schema is one this can decide.
          return isRecord(value)
            ? all(Object.entries(value).map(([name, part]) => (object && data[name] !== undefined ? conditionHolds(part, data[name]) : told(conditionHolds(part, undefined), true))))
            : undefined;
        case "not":
          return told(conditionHolds(value, data), !conditionHolds(value, data));
        case "anyOf":
          return told(all(parts), parts.includes(true));
        case "allOf":
          return all(parts);
        case "oneOf":
          return told(all(parts), parts.filter(Boolean).length === 1);
        default:
          return undefined;
      }
    }),
  );
}

const needing = new WeakMap<object, boolean>();

/**
 * A page whose fields depend on the answers in a way only its validator can tell (a condition
 * conditionHolds cannot decide, at its root or inside an object): it loads its validator at once
 * and renders again when it arrives. Other pages, conditions or not, render without it.
 */
export function needsValidator(schema: Record<string, unknown>): boolean {
  let known = needing.get(schema);
  if (known === undefined) {
    const find = (node: unknown): boolean =>
      Array.isArray(node)
        ? node.some(find)
        : isRecord(node) &&
          ("dependencies" in node ||
            ["if", "anyOf", "oneOf"].some((key) => key in node && conditionHolds(key === "if" ? node.if : { [key]: node[key] }, undefined) === undefined) ||
            Object.values(node).some(find));
    known = find(schema);
    needing.set(schema, known);
  }
  return known;
}
