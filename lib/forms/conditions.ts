import type { JsonSchema } from "@/lib/connectors/types";
import { deref, isObject, propertiesOf, stringList } from "./json";

/**
 * The conditional parts of an object schema: root `if/then/else`, each `allOf`
 * entry, each schema-valued `dependencies` entry. Fields that only exist inside
 * such a part ("conditional fields", e.g. student_number when membership is
 * "student") are shown right after the field their condition reads: its *anchor*,
 * the condition field that comes last in schema order. A part without a condition
 * (an `allOf` entry without `if`) or whose condition reads no known field has no
 * anchor; its fields go at the end of the form.
 */

export type PartSource = { kind: "if" } | { kind: "allOf"; index: number } | { kind: "dependencies"; key: string };

export interface ConditionalPart {
  source: PartSource;
  /** The fields the condition reads. */
  dependsOn: string[];
  anchor?: string;
  /** Fields only this part introduces, in order, with the first schema given for each. */
  fields: Map<string, JsonSchema>;
}

function collectProperties(root: JsonSchema, schema: unknown, into: Map<string, JsonSchema>, depth = 0): void {
  const resolved = deref(root, schema);
  if (!resolved || depth > 8) return;
  for (const [name, property] of Object.entries(propertiesOf(resolved))) {
    if (!into.has(name) && isObject(property)) into.set(name, property);
  }
  for (const key of ["then", "else"]) collectProperties(root, resolved[key], into, depth + 1);
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    const list = resolved[key];
    if (Array.isArray(list)) list.forEach((entry) => collectProperties(root, entry, into, depth + 1));
  }
}

function conditionFields(root: JsonSchema, condition: unknown): string[] {
  const resolved = deref(root, condition);
  if (!resolved) return [];
  return [...new Set([...Object.keys(propertiesOf(resolved)), ...stringList(resolved.required)])];
}

/** `schema` is an object schema (the root or a nested one); `root` resolves its `$ref`s. */
export function conditionalParts(schema: JsonSchema, root: JsonSchema = schema): ConditionalPart[] {
  const base = Object.keys(propertiesOf(schema));
  const seen = new Set(base);
  const parts: ConditionalPart[] = [];

  const add = (source: PartSource, dependsOn: string[], branches: unknown[]) => {
    const found = new Map<string, JsonSchema>();
    branches.forEach((branch) => collectProperties(root, branch, found));
    const fields = new Map([...found].filter(([name]) => !seen.has(name)));
    fields.forEach((_, name) => seen.add(name));
    const introduced = parts.flatMap((part) => [...part.fields.keys()]);
    const anchor =
      [...dependsOn].sort((a, b) => base.indexOf(b) - base.indexOf(a)).find((name) => base.includes(name)) ??
      dependsOn.find((name) => introduced.includes(name));
    parts.push({ source, dependsOn, anchor, fields });
  };

  if (schema.if !== undefined) add({ kind: "if" }, conditionFields(root, schema.if), [schema.then, schema.else]);
  if (Array.isArray(schema.allOf)) {
    schema.allOf.forEach((entry, index) => {
      const resolved = deref(root, entry);
      if (!resolved) return;
      const dependsOn = resolved.if === undefined ? [] : conditionFields(root, resolved.if);
      add({ kind: "allOf", index }, dependsOn, [resolved]);
    });
  }
  if (isObject(schema.dependencies)) {
    for (const [key, value] of Object.entries(schema.dependencies)) {
      if (isObject(value)) add({ kind: "dependencies", key }, [key], [value]);
    }
  }
  return parts;
}

/** Conditional field → its anchor (undefined: shown at the end). */
export function conditionalAnchors(schema: JsonSchema): Map<string, string | undefined> {
  const anchors = new Map<string, string | undefined>();
  for (const part of conditionalParts(schema)) part.fields.forEach((_, name) => anchors.set(name, part.anchor));
  return anchors;
}
