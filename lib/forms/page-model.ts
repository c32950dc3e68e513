import type { JsonSchema } from "@/lib/connectors/types";
import { isObject, propertiesOf } from "./json";
import { pageSchema } from "./page-schema";
import type { FormDefinition } from "./types";
import { pageUiSchema } from "./ui-schema";
import { EMAIL_WIDGET, USERNAME_WIDGET } from "./widget-names";

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

/** The field whose address the vendor checks (checks: { email: "email" }). */
export function emailFieldOf(definition: FormDefinition): string | undefined {
  const field = Object.entries(definition.checks).find(([, kind]) => kind === "email")?.[0];
  return field && Object.hasOwn(propertiesOf(definition.schema), field) ? field : undefined;
}

export function pageModel(definition: FormDefinition): PageModel {
  const usernameField = usernameFieldOf(definition);
  const emailField = emailFieldOf(definition);
  const withWidget = (ui: Record<string, unknown>, field: string, widget: string) => {
    const own = isObject(ui[field]) ? ui[field] : {};
    return { ...ui, [field]: { ...own, "ui:widget": widget } };
  };
  const uiSchemas = definition.pages.map((page) => {
    let ui = pageUiSchema(definition.uiSchema, page);
    if (usernameField && page.fields.includes(usernameField)) ui = withWidget(ui, usernameField, USERNAME_WIDGET);
    if (emailField && page.fields.includes(emailField)) ui = withWidget(ui, emailField, EMAIL_WIDGET);
    return ui;
  });
  return { schemas: definition.pages.map((page) => pageSchema(definition.schema, page)), uiSchemas };
}
