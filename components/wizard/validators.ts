import type { ValidatorType } from "@rjsf/utils";
import type { ValidatorFunctions } from "@rjsf/validator-ajv8";
import { conditionHolds } from "./schema";

/** One validator per root schema RJSF is given: the whole form (cleanAnswers) and each page, each loaded on its own. */
export interface Validators {
  root: ValidatorType;
  pages: ValidatorType[];
  /** Which pages' validators are there: a page that needs its own (needsValidator) renders again when it arrives. */
  loaded: boolean[];
}

/** What the wizard waits for before it checks a page or sends the form: the whole form's validator and, when asked, one page's. */
export type ReadyValidators = (page?: number) => Promise<{ root: ValidatorType; page: ValidatorType }>;

/** What the module served by /api/forms/{id}/validator/{hash}.js exports (lib/forms/browser-validator.ts). */
export type ValidatorModule = (require: (name: string) => unknown) => ValidatorFunctions;

// Until the module is there (or when it cannot load): the conditions conditionHolds decides
// hold as the validator would say, no other does, and the browser reports nothing; the server
// still checks every page on Next.
export const waiting: ValidatorType = {
  validateFormData: () => ({ errors: [], errorSchema: {} }),
  isValid: (schema, data) => conditionHolds(schema, data) ?? false,
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
