import "server-only";
import { schemaParser, type RJSFSchema } from "@rjsf/utils";
import Ajv from "ajv";
import { _ } from "ajv/dist/compile/codegen";
import standaloneCode from "ajv/dist/standalone";
import addFormats from "ajv-formats";
import type { JsonSchema } from "@/lib/connectors/types";
import { browserFormats } from "./formats";
import { RUNTIME_MODULES } from "./validator-runtime";

// RJSF's own Ajv settings (@rjsf/validator-ajv8 AJV_CONFIG) without `verbose`: the
// wizard words every message itself, so errors need not carry their schemas.
const OPTIONS = { allErrors: true, multipleOfPrecision: 8, strict: false, discriminator: false, logger: false as const };

/**
 * The browser's validators as an ES module, generated with Ajv's standalone mode
 * the way RJSF's compileSchemaValidatorsCode does it, for several roots at once:
 * the whole form (cleanAnswers) and each page (the wizard renders and checks a
 * page with its own schema). RJSF's schemaParser names each sub-schema it may
 * validate (conditions, options) by its hash. The same roots give the same text.
 *
 * The module exports one function that takes `require` (see validator-runtime.ts)
 * and returns the validate functions keyed by hash: nothing in it is evaluated
 * from a string, and the Ajv helpers it needs come from the app's bundle.
 */
export function validatorModuleCode(roots: JsonSchema[]): string {
  const schemas = new Map<string, RJSFSchema>();
  for (const root of roots) {
    for (const [key, schema] of Object.entries(schemaParser(root as RJSFSchema))) schemas.set(key, schema);
  }
  // Formats come from the app's bundle (lib/forms/formats.ts); formatMinimum/formatMaximum bound birth dates.
  const ajv = new Ajv({ ...OPTIONS, code: { source: true, lines: true, formats: _`require("formgate/formats").browserFormats` } });
  addFormats(ajv, { mode: "fast", keywords: true });
  for (const [name, format] of Object.entries(browserFormats)) ajv.addFormat(name, format);
  for (const schema of schemas.values()) ajv.addSchema(schema);
  const code = standaloneCode(ajv);
  for (const [, name] of code.matchAll(/require\("([^"]*)"\)/g)) {
    if (!RUNTIME_MODULES.includes(name)) throw new Error(`Validator code needs ${name}, which the browser runtime does not provide`);
  }
  return `export default function (require) {\nconst module = { exports: {} }, exports = module.exports;\n${code}\nreturn module.exports;\n}\n`;
}
