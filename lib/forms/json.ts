import type { JsonSchema } from "@/lib/connectors/types";

/** Small JSON / JSON Pointer helpers shared by lib/forms (isomorphic). */

export const DRAFT_07 = "http://json-schema.org/draft-07/schema#";

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function encodeSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function decodeSegment(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** "#/properties/address" for the segments ["properties", "address"]. */
export function pointer(segments: readonly string[]): string {
  return segments.length ? `#/${segments.map(encodeSegment).join("/")}` : "#";
}

/** Whether `ref` is a reference into the same document ("#" or "#/…"). */
export function isLocalRef(ref: unknown): ref is string {
  return typeof ref === "string" && (ref === "#" || ref.startsWith("#/"));
}

/** The value a local `$ref` points at, or undefined. */
export function resolveRef(root: JsonSchema, ref: string): unknown {
  if (!isLocalRef(ref)) return undefined;
  let node: unknown = root;
  for (const raw of ref === "#" ? [] : ref.slice(2).split("/")) {
    const segment = decodeURIComponent(decodeSegment(raw));
    if (Array.isArray(node) && /^\d+$/.test(segment)) node = node[Number(segment)];
    else if (isObject(node) && Object.hasOwn(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

/** Follows `$ref` chains (bounded, so a cycle ends) and returns the schema they lead to. */
export function deref(root: JsonSchema, schema: unknown): JsonSchema | undefined {
  let current = schema;
  for (let hops = 0; hops < 16 && isObject(current) && typeof current.$ref === "string"; hops++) {
    current = resolveRef(root, current.$ref);
  }
  return isObject(current) ? current : undefined;
}

/** The `properties` of a schema as an object (empty when absent). */
export function propertiesOf(schema: JsonSchema | undefined): Record<string, unknown> {
  return schema && isObject(schema.properties) ? schema.properties : {};
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** A deep copy of JSON data (no shared references with the input). */
export function cloneJson<T>(value: T): T {
  return structuredClone(value);
}
