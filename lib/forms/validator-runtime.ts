import equal from "ajv/dist/runtime/equal";
import ucs2length from "ajv/dist/runtime/ucs2length";
import { browserFormats } from "./formats";

/**
 * Everything the generated validator code (lib/forms/browser-validator.ts) may
 * require(): one copy of each helper, from the app's own client bundle, never a
 * second copy inside every generated module.
 */
const modules: Record<string, unknown> = {
  "ajv/dist/runtime/equal": { default: equal },
  "ajv/dist/runtime/ucs2length": { default: ucs2length },
  "formgate/formats": { browserFormats },
};

export const RUNTIME_MODULES: readonly string[] = Object.keys(modules);

export function runtimeRequire(name: string): unknown {
  if (!Object.hasOwn(modules, name)) throw new Error(`The validator asked for an unknown module ${name}`);
  return modules[name];
}
