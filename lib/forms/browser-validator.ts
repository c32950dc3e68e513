import "server-only";
import { hashForSchema, schemaParser, type RJSFSchema } from "@rjsf/utils";
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
 * the way RJSF's compileSchemaValidatorsCode does it. RJSF's schemaParser names each
 * sub-schema of `root` it may validate (conditions, options) by its hash; the module
 * has a function for each. The same root gives the same text.
 *
 * `conditionsOnly`: the root itself is never validated as a whole, only its
 * conditions are evaluated (the whole form, whose answers cleanAnswers trims while
 * each page is checked with its own schema): the root's own function, most of the
 * code, is left out and throws if called. Kept when a sub-schema has a `$ref`, which
 * may point into the root.
 *
 * The module exports one function that takes `require` (see validator-runtime.ts)
 * and returns the validate functions keyed by hash: nothing in it is evaluated
 * from a string, and the Ajv helpers it needs come from the app's bundle.
 */
export function validatorModuleCode(root: JsonSchema, { conditionsOnly = false } = {}): string {
  const schemas = schemaParser(root as RJSFSchema);
  const rootKey = hashForSchema(root as RJSFSchema);
  const stub = conditionsOnly && !JSON.stringify(Object.values(schemas).filter((schema) => schema.$id !== rootKey)).includes('"$ref"');
  // Formats come from the app's bundle (lib/forms/formats.ts); formatMinimum/formatMaximum bound birth dates.
  const ajv = new Ajv({ ...OPTIONS, code: { source: true, lines: true, formats: _`require("formgate/formats").browserFormats` } });
  // The keywords (formatMinimum, formatMaximum) from ajv-formats; the formats are the browser's few, others are left to the server.
  addFormats(ajv, { formats: [], keywords: true });
  for (const [name, format] of Object.entries(browserFormats)) ajv.addFormat(name, format);
  for (const [key, schema] of Object.entries(schemas)) if (!(stub && key === rootKey)) ajv.addSchema(schema);
  let code = standaloneCode(ajv);
  for (const [, name] of code.matchAll(/require\("([^"]*)"\)/g)) {
    if (!RUNTIME_MODULES.includes(name)) throw new Error(`Validator code needs ${name}, which the browser runtime does not provide`);
  }
  if (stub) code += `\nmodule.exports[${JSON.stringify(rootKey)}] = function () { throw new Error("The whole form is checked page by page"); };\n`;
  return `export default function (require) {\nconst module = { exports: {} }, exports = module.exports;\n${code}\nreturn module.exports;\n}\n`;
}
