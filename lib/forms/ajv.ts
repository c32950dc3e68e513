import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import type { JsonSchema } from "@/lib/connectors/types";
import { linearRegExp } from "./patterns";
import { isPhoneNumber } from "./phone";

/**
 * One Ajv instance per schema object, cached weakly: Ajv keeps every schema it
 * compiled in a strong internal map, so a shared instance would keep each
 * re-fetched vendor schema alive for ever. normaliseSchema compiles its result
 * here, so validateData never compiles a normalised schema twice.
 */
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

export function compileSchema(schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    // ownProperties: an inherited value must never satisfy `required`.
    const ajv = new Ajv({ allErrors: true, strict: false, ownProperties: true, code: { regExp: linearRegExp } });
    addFormats(ajv);
    ajv.addFormat("phone", { type: "string", validate: isPhoneNumber });
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}
