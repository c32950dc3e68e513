/**
 * The browser's stand-in for jsonpointer (next.config.mjs), of which @rjsf/utils uses `get`
 * alone, to follow a schema's local `$ref`: the same answers (jsonpointer.test.ts) in a few lines.
 */
export function get(object: unknown, pointer: string): unknown {
  if (typeof object !== "object") throw new Error("Invalid input object.");
  const [root, ...parts] = pointer.split("/");
  if (root !== "") throw new Error("Invalid JSON pointer.");
  let current: unknown = object;
  for (const part of parts) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[part.replace(/~[01]/g, (escape) => (escape === "~1" ? "/" : "~"))];
  }
  return current;
}

const jsonpointer = { get };
export default jsonpointer;
