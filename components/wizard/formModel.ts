import { retrieveSchema, type RJSFSchema, type ValidatorType } from "@rjsf/utils";
import type { JsonSchema } from "@/lib/connectors/types";
import { emailFieldOf, usernameFieldOf, type PageModel } from "@/lib/forms/page-model";
import type { FormDefinition } from "@/lib/forms/types";
import { stripEmpty } from "@/lib/forms/answers";
import { topField } from "./paths";
import { isRecord, passwordPaths, propertiesOf, type Answers } from "./schema";

/** What the wizard derives once from a definition. */
export interface FormModel {
  pageSchemas: JsonSchema[];
  pageUiSchemas: Record<string, unknown>[];
  /** The answers each page's form reads: its own fields and those of other pages its conditions read. */
  pageReads: string[][];
  usernameField?: string;
  /** The field whose address the vendor checks on its page's Next. */
  emailField?: string;
  passwordPaths: string[];
  /** Index of the page that shows a (dotted) field, or -1. */
  pageOf: (path: string) => number;
}

/** The wizard's view of a form: the server's page model (lib/forms/page-model.ts) and what follows from it. */
export function buildFormModel(definition: FormDefinition, pages: PageModel): FormModel {
  return {
    pageSchemas: pages.schemas,
    pageUiSchemas: pages.uiSchemas,
    pageReads: pages.schemas.map((schema, index) => pageReads(schema, definition.pages[index].fields)),
    usernameField: usernameFieldOf(definition),
    emailField: emailFieldOf(definition),
    passwordPaths: passwordPaths(definition.schema, definition.uiSchema),
    pageOf: (path) => definition.pages.findIndex((page) => page.fields.includes(topField(path))),
  };
}

/**
 * The answers a page's schema may read: its own fields (a conditional one too, which only a
 * branch declares), and any other the schema names (a condition on another page's answer,
 * lib/forms/page-schema.ts). A name that is only a part's inside an object counts too:
 * reading one answer too many costs nothing.
 */
export function pageReads(schema: unknown, own: readonly string[]): string[] {
  const named = new Set<string>(own);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isRecord(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === "properties" || key === "dependencies") && isRecord(value)) Object.keys(value).forEach((name) => named.add(name));
      if (key === "required" && Array.isArray(value)) value.forEach((name) => typeof name === "string" && named.add(name));
      walk(value);
    }
  };
  walk(schema);
  return [...named];
}

/**
 * The answers as sent to the server: blanks removed, and answers to conditional
 * fields whose condition no longer holds left out (student_number after switching
 * away from "student"), inside objects too (a sort code after ticking "international
 * bank account", where the bank's own if/then/else decides). Hidden fields stay: they
 * come from the URL. `validator` is the one for the whole form (Validators.root).
 */
export function cleanAnswers(definition: FormDefinition, data: Answers, validator: ValidatorType): Answers {
  const schema = definition.schema as RJSFSchema;
  const kept = keptAnswers(validator, schema, schema, data, definition.hidden);
  const stripped = stripEmpty(kept) as Answers;
  // An object left with no parts (an untouched address) is as good as not answered.
  return Object.fromEntries(Object.entries(stripped).filter(([, value]) => !(isRecord(value) && Object.keys(value).length === 0)));
}

/** The answers `schema` (resolved against them) still declares, object by object; an object that declares no properties keeps all. */
function keptAnswers(validator: ValidatorType, schema: RJSFSchema, root: RJSFSchema, data: Answers, keep: readonly string[] = [], depth = 0): Answers {
  const resolved = propertiesOf(retrieveSchema(validator, schema, root, data));
  return Object.fromEntries(
    Object.entries(data)
      .filter(([name]) => Object.hasOwn(resolved, name) || keep.includes(name))
      .map(([name, value]) => {
        const child = resolved[name] as RJSFSchema | undefined;
        const nested = child && isRecord(value) && depth < 8 && Object.keys(propertiesOf(child)).length > 0;
        return [name, nested ? keptAnswers(validator, child, root, value as Answers, [], depth + 1) : value];
      }),
  );
}
