import type { RJSFSchema, ValidatorType } from "@rjsf/utils";
import type { ValidatorFunctions } from "@rjsf/validator-ajv8";
// The module itself, not the package index: that one also holds the validator that compiles with new Function.
import createPrecompiledValidator from "@rjsf/validator-ajv8/lib/createPrecompiledValidator.js";
import type { JsonSchema } from "@/lib/connectors/types";
import { runtimeRequire } from "@/lib/forms/validator-runtime";

/** One validator per root schema RJSF is given: the whole form (cleanAnswers) and each page, each loaded on its own. */
export interface Validators {
  root: ValidatorType;
  pages: ValidatorType[];
  /** Which pages' validators are there: a page with conditions renders again when its own arrive. */
  loaded: boolean[];
}

/** What the wizard waits for before it checks a page or sends the form: the whole form's validator and, when asked, one page's. */
export type ReadyValidators = (page?: number) => Promise<{ root: ValidatorType; page: ValidatorType }>;

/** What the module served by /api/forms/{id}/validator/{hash}.js exports (lib/forms/browser-validator.ts). */
export type ValidatorModule = (require: (name: string) => unknown) => ValidatorFunctions;

// Until the module is there (or when it cannot load): no condition holds and the browser
// reports nothing; the server still checks every page on Next.
export const waiting: ValidatorType = {
  validateFormData: () => ({ errors: [], errorSchema: {} }),
  isValid: () => false,
  rawValidation: () => ({}),
};

export function waitingValidators(pages: number): Validators {
  return { root: waiting, pages: Array.from({ length: pages }, () => waiting), loaded: Array.from({ length: pages }, () => false) };
}

/** `validators` with one part in place: "form" (the root) or a page's index. */
export function withPart(validators: Validators, part: "form" | number, validator: ValidatorType): Validators {
  if (part === "form") return { ...validators, root: validator };
  const pages = validators.pages.slice();
  const loaded = validators.loaded.slice();
  pages[part] = validator;
  loaded[part] = true;
  return { ...validators, pages, loaded };
}

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

const modules = new Map<string, Promise<ValidatorModule>>();

/**
 * A dynamic import of the app's own module: no eval, and allowed by a CSP with
 * 'strict-dynamic', which trusts what the app's nonced scripts load.
 */
export function loadValidatorModule(url: string): Promise<ValidatorModule> {
  let module = modules.get(url);
  if (!module) {
    module = import(/* webpackIgnore: true */ url).then((loaded: { default: ValidatorModule }) => loaded.default);
    module.catch(() => modules.delete(url));
    modules.set(url, module);
  }
  return module;
}
