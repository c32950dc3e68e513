import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from "ibantools";
import type { JsonSchema } from "@/lib/connectors/types";
import { browserFormats, compactIban } from "./formats";
import { linearRegExp } from "./patterns";
import { isPhoneNumber } from "./phone";

/**
 * One Ajv instance per schema object, cached weakly: Ajv keeps every schema it
 * compiled in a strong internal map, so a shared instance would keep each
 * re-fetched vendor schema alive for ever. normaliseSchema compiles its result
 * here, so validateData never compiles a normalised schema twice.
 */
/** Formats the server checks with the browser's own code (lib/forms/formats.ts). */
const SHARED_FORMATS = ["uk-postcode", "country", "country-outside-uk"] as const;

const compiled = new WeakMap<JsonSchema, ValidateFunction>();

export function compileSchema(schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    // ownProperties: an inherited value must never satisfy `required`.
    const ajv = new Ajv({ allErrors: true, strict: false, ownProperties: true, code: { regExp: linearRegExp } });
    addFormats(ajv);
    ajv.addFormat("phone", { type: "string", validate: isPhoneNumber });
    for (const name of SHARED_FORMATS) ajv.addFormat(name, browserFormats[name]);
    // The server is the authority on bank details: ibantools knows each country's IBAN length and layout.
    ajv.addFormat("iban", { type: "string", validate: (value) => isValidIBAN(electronicFormatIBAN(compactIban(value)) ?? "") });
    ajv.addFormat("bic", { type: "string", validate: (value) => isValidBIC(value) });
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}
