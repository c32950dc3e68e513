import { retrieveSchema, type RJSFSchema, type ValidatorType } from "@rjsf/utils";
import { USERNAME_WIDGET } from "@/components/theme";
import type { JsonSchema } from "@/lib/connectors/types";
import { pageSchema } from "@/lib/forms/page-schema";
import type { FormDefinition } from "@/lib/forms/types";
import { pageUiSchema } from "@/lib/forms/ui-schema";
import { stripEmpty } from "@/lib/forms/answers";
import { topField } from "./paths";
import { isRecord, passwordPaths, propertiesOf, type Answers } from "./schema";

/** What the wizard derives once from a definition. */
export interface FormModel {
  pageSchemas: JsonSchema[];
  pageUiSchemas: Record<string, unknown>[];
  usernameField?: string;
  passwordPaths: string[];
  /** Index of the page that shows a (dotted) field, or -1. */
  pageOf: (path: string) => number;
}

/** checks maps field → kind ({ username: "username" }); the other reading (kind → field) is accepted too. */
export function usernameFieldOf(definition: FormDefinition): string | undefined {
  const properties = propertiesOf(definition.schema);
  const byKind = Object.entries(definition.checks).find(([, kind]) => kind === "username")?.[0];
  if (byKind && Object.hasOwn(properties, byKind)) return byKind;
  const named = (definition.checks as Record<string, string>).username;
  return named && Object.hasOwn(properties, named) ? named : byKind;
}

export function buildFormModel(definition: FormDefinition): FormModel {
  const usernameField = usernameFieldOf(definition);
  const pageUiSchemas = definition.pages.map((page) => {
    const ui = pageUiSchema(definition.uiSchema, page);
    if (!usernameField || !page.fields.includes(usernameField)) return ui;
    const own = isRecord(ui[usernameField]) ? ui[usernameField] : {};
    return { ...ui, [usernameField]: { ...own, "ui:widget": USERNAME_WIDGET } };
  });
  return {
    pageSchemas: definition.pages.map((page) => pageSchema(definition.schema, page)),
    pageUiSchemas,
    usernameField,
    passwordPaths: passwordPaths(definition.schema, definition.uiSchema),
    pageOf: (path) => definition.pages.findIndex((page) => page.fields.includes(topField(path))),
  };
}

/**
 * The answers as sent to the server: blanks removed, and answers to conditional
 * fields whose condition no longer holds left out (student_number after switching
 * away from "student"). Hidden fields stay: they come from the URL. `validator` is
 * the one for the whole form (Validators.root).
 */
export function cleanAnswers(definition: FormDefinition, data: Answers, validator: ValidatorType): Answers {
  const schema = definition.schema as RJSFSchema;
  const resolved = propertiesOf(retrieveSchema(validator, schema, schema, data));
  const kept = Object.fromEntries(
    Object.entries(data).filter(([name]) => Object.hasOwn(resolved, name) || definition.hidden.includes(name)),
  );
  const stripped = stripEmpty(kept) as Answers;
  // An object left with no parts (an untouched address) is as good as not answered.
  return Object.fromEntries(Object.entries(stripped).filter(([, value]) => !(isRecord(value) && Object.keys(value).length === 0)));
}
