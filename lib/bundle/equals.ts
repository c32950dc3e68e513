/**
 * The browser's stand-in for fast-equals (next.config.mjs), which @rjsf/utils uses for
 * one thing: `deepEquals = createCustomEqual({ circular: true, areFunctionsEqual: any two
 * functions })`, comparing schemas, answers, errors and props. What RJSF compares is
 * JSON-like data with functions (widgets, callbacks) and React elements in it, so this
 * covers those, dates, regular expressions, maps, sets and cycles, in 2.7 KB less than
 * the library's every type and option. equals.test.ts holds it to RJSF's own deepEquals.
 */
type Pairs = WeakMap<object, object>;

const REACT_OWNER = new Set(["_owner", "__o", "__v"]);

function sameKeys(a: object, b: object): string[] | undefined {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key)) ? keys : undefined;
}

function equal(a: unknown, b: unknown, seen: Pairs): boolean {
  if (a === b || (a !== a && b !== b)) return true;
  if (typeof a === "function") return typeof b === "function";
  if (!a || !b || typeof a !== "object" || typeof b !== "object") return false;
  if (a.constructor !== b.constructor) return false;
  // A pair already being compared higher up (a cycle) is equal unless something else differs.
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  try {
    if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, index) => equal(item, (b as unknown[])[index], seen));
    if (a instanceof Date) return Object.is(a.getTime(), (b as Date).getTime());
    if (a instanceof RegExp) return String(a) === String(b);
    if (a instanceof Map || a instanceof Set) {
      const [left, right] = [[...a.entries()], [...(b as Map<unknown, unknown> | Set<unknown>).entries()]];
      return left.length === right.length && left.every((entry, index) => equal(entry, right[index], seen));
    }
    const keys = sameKeys(a, b);
    const react = "$$typeof" in a || "$$typeof" in b;
    return keys !== undefined && keys.every((key) => (react && REACT_OWNER.has(key)) || equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], seen));
  } finally {
    seen.delete(a);
  }
}

/** Only what RJSF asks for: functions are equal to any function, cycles are followed. */
export function createCustomEqual(_options?: unknown): (a: unknown, b: unknown) => boolean {
  return (a, b) => equal(a, b, new WeakMap());
}

export const deepEqual = createCustomEqual();
