import type { JsonSchema } from "@/lib/connectors/types";
import { isObject, propertiesOf } from "./json";
import { pageSchema } from "./page-schema";
import type { FormDefinition } from "./types";
import { pageUiSchema } from "./ui-schema";
import { USERNAME_WIDGET } from "./widget-names";

/** Each page's own schema and uiSchema, as the wizard renders and checks the page: worked out by the server, sent with the form. */
export interface PageModel {
  schemas: JsonSchema[];
  uiSchemas: Record<string, unknown>[];
}

/** checks maps field → kind ({ username: "username" }); the other reading (kind → field) is accepted too. */
export function usernameFieldOf(definition: FormDefinition): string | undefined {
  const properties = propertiesOf(definition.schema);
  const byKind = Object.entries(definition.checks).find(([, kind]) => kind === "username")?.[0];
  if (byKind && Object.hasOwn(properties, byKind)) return byKind;
  const named = (definition.checks as Record<string, string>).username;
  return named && Object.hasOwn(properties, named) ? named : byKind;
}

export function pageModel(definition: FormDefinition): PageModel {
  const usernameField = usernameFieldOf(definition);
  const uiSchemas = definition.pages.map((page) => {
    const ui = pageUiSchema(definition.uiSchema, page);
    if (!usernameField || !page.fields.includes(usernameField)) return ui;
    const own = isObject(ui[usernameField]) ? ui[usernameField] : {};
    return { ...ui, [usernameField]: { ...own, "ui:widget": USERNAME_WIDGET } };
  });
  return { schemas: definition.pages.map((page) => pageSchema(definition.schema, page)), uiSchemas };
}
