import type { JsonSchema } from "@/lib/connectors/types";

export type Answers = Record<string, unknown>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function propertiesOf(schema: unknown): Record<string, JsonSchema> {
  return isRecord(schema) && isRecord(schema.properties) ? (schema.properties as Record<string, JsonSchema>) : {};
}

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
    for (const [name, child] of Object.entries(propertiesOf(node))) {
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
