import type { RJSFSchema, ValidatorType } from "@rjsf/utils";
import type { ValidatorFunctions } from "@rjsf/validator-ajv8";
// The module itself, not the package index: that one also holds the validator that compiles with new Function.
import createPrecompiledValidator from "@rjsf/validator-ajv8/lib/createPrecompiledValidator.js";
import type { JsonSchema } from "@/lib/connectors/types";
import { runtimeRequire } from "@/lib/forms/validator-runtime";
import type { ValidatorModule } from "./validators";

// What turns a generated module into RJSF's validator, and the helpers the module needs:
// loaded with the first validator module (useValidators.ts), not with the page.

/** A sub-schema the generator did not foresee counts as "does not match" rather than breaking the page. */
function tolerant(validator: ValidatorType): ValidatorType {
  return {
    validateFormData: (...args) => validator.validateFormData(...args),
    rawValidation: (...args) => validator.rawValidation(...args),
    isValid: (...args) => {
      try {
        return validator.isValid(...args);
      } catch {
        return false;
      }
    },
  };
}

/**
 * The browser compiles a function the first time it runs: each validator runs once
 * on nothing while the page is idle, so that the first "Next" does not wait for it.
 */
function warmUp(functions: ValidatorFunctions) {
  if (typeof requestIdleCallback !== "function") return;
  requestIdleCallback(() => {
    for (const validate of Object.values(functions)) {
      try {
        validate({});
      } catch {
        // only the compiling matters here
      }
    }
  });
}

/** The validator of one part (lib/forms/browser-form.ts), for the root schema it was generated from. */
export function validatorFrom(module: ValidatorModule, root: JsonSchema): ValidatorType {
  const functions = module(runtimeRequire);
  warmUp(functions);
  return tolerant(createPrecompiledValidator(functions, root as RJSFSchema));
}
