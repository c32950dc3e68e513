import type { ErrorSchema } from "@rjsf/utils";

/** Field answers keyed by dotted path ("email", "address.postcode") → message. */
export type FieldMessages = Record<string, string>;

/** The DOM id RJSF gives the field at a dotted path (idPrefix "root", separator "_"). */
export function fieldId(path: string): string {
  return path ? `root_${path.split(".").join("_")}` : "root";
}

/** Dotted errors as an RJSF ErrorSchema, for `extraErrors`. */
export function toErrorSchema(messages: FieldMessages): ErrorSchema {
  const schema: Record<string, unknown> = {};
  for (const [path, message] of Object.entries(messages)) {
    let node = schema;
    for (const segment of path.split(".").filter(Boolean)) {
      node[segment] ??= {};
      node = node[segment] as Record<string, unknown>;
    }
    const errors = (node.__errors as string[] | undefined) ?? [];
    node.__errors = [...errors, message];
  }
  return schema as ErrorSchema;
}

/** The top-level field a dotted path belongs to. */
export function topField(path: string): string {
  return path.split(".")[0] ?? path;
}

/**
 * Later sources win per field. Used to let the server's messages (which carry the
 * vendor's own wording) replace the browser's for the same field.
 */
export function mergeMessages(...sources: FieldMessages[]): FieldMessages {
  return Object.assign({}, ...sources) as FieldMessages;
}

/** Orders messages as their fields appear on the page, so the summary reads top to bottom. */
export function orderMessages(messages: FieldMessages, fieldOrder: string[]): [string, string][] {
  const rank = (path: string) => {
    const index = fieldOrder.indexOf(topField(path));
    return index === -1 ? fieldOrder.length : index;
  };
  // An object's own message ("address") comes before those of its parts.
  const depth = (path: string) => (path === topField(path) ? 0 : 1);
  return Object.entries(messages)
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => rank(a.entry[0]) - rank(b.entry[0]) || depth(a.entry[0]) - depth(b.entry[0]) || a.index - b.index)
    .map(({ entry }) => entry);
}
