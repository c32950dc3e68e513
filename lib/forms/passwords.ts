import type { JsonSchema } from "@/lib/connectors/types";
import { isObject as isRecord, propertiesOf } from "./json";

type Answers = Record<string, unknown>;

function uiChild(uiSchema: unknown, name: string): Record<string, unknown> {
  return isRecord(uiSchema) && isRecord(uiSchema[name]) ? uiSchema[name] : {};
}

export function isPasswordField(schema: JsonSchema, uiSchema: Record<string, unknown>): boolean {
  return schema.format === "password" || uiSchema["ui:widget"] === "password";
}

/**
 * Dotted paths of every password field, including fields that only exist inside
 * if/then/else or dependencies branches, so none of them ever reaches storage.
 */
export function passwordPaths(schema: JsonSchema, uiSchema: Record<string, unknown>, prefix = ""): string[] {
  const found: string[] = [];
  const visit = (node: unknown) => {
    for (const [name, child] of Object.entries(propertiesOf(node as JsonSchema)) as Array<[string, JsonSchema]>) {
      const path = prefix ? `${prefix}.${name}` : name;
      const childUi = uiChild(uiSchema, name);
      if (isPasswordField(child, childUi)) found.push(path);
      else if (child.type === "object") found.push(...passwordPaths(child, childUi, path));
    }
    if (!isRecord(node)) return;
    for (const key of ["then", "else"]) visit(node[key]);
    for (const key of ["allOf", "anyOf", "oneOf"]) if (Array.isArray(node[key])) (node[key] as unknown[]).forEach(visit);
    if (isRecord(node.dependencies)) Object.values(node.dependencies).forEach(visit);
  };
  visit(schema);
  return [...new Set(found)];
}

/** A copy of `data` without the values at the given dotted paths. */
export function omitPaths(data: Answers, paths: string[]): Answers {
  const copy: Answers = structuredClone(data);
  for (const path of paths) {
    const segments = path.split(".");
    const last = segments.pop()!;
    let node: unknown = copy;
    for (const segment of segments) node = isRecord(node) ? node[segment] : undefined;
    if (isRecord(node)) delete node[last];
  }
  return copy;
}

