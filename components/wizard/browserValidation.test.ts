import { describe, expect, it } from "vitest";
import { browserForm } from "@/lib/forms/browser-form";
import { translator } from "@/lib/i18n";
import { toAjvShape, validateInBrowser as validate } from "./browserValidation";
import { buildFormModel } from "./formModel";
import { membersDefinition } from "./test-definition";
import { testValidators } from "./test-validators";

const t = translator("en");
// As the browser has it (lib/forms/browser-form.ts), with the validators generated for it.
const { definition, pageModel } = browserForm(membersDefinition());
const model = buildFormModel(definition, pageModel);
const { pages } = await testValidators(definition);
const validateInBrowser = (page: number, data: Record<string, unknown>) =>
  validate(pages[page], model.pageSchemas[page], data, definition.schema, t);

describe("validateInBrowser", () => {
  it("reports this page's missing fields in the catalogue's words", () => {
    expect(validateInBrowser(0, { email: "  " })).toEqual({
      username: "Enter Username",
      email: "Enter Email address",
      password: "Enter Password",
    });
  });

  it("reports nested parts by dotted path", () => {
    const errors = validateInBrowser(2, { address: { number: "9x", country: "NLD" } });
    expect(errors["address.number"]).toBe("Number must be a whole number");
    expect(errors["address.country"]).toBe("Country must be 2 characters");
  });

  it("asks for the conditional field only while its condition holds", () => {
    const base = { membership: "student", terms: true };
    expect(validateInBrowser(3, base)).toHaveProperty("student_number");
    expect(validateInBrowser(3, { ...base, membership: "senior" })).toEqual({});
  });

  it("asks for the consent box to be ticked", () => {
    expect(validateInBrowser(3, { membership: "senior" })).toEqual({
      terms: "You must agree to I accept the terms and conditions",
    });
  });
});

describe("toAjvShape", () => {
  it("turns RJSF's flattened property back into ajv's pointer", () => {
    expect(toAjvShape({ name: "required", property: ".address.town", params: { missingProperty: "town" }, stack: "" }).instancePath).toBe("/address");
    expect(toAjvShape({ name: "type", property: ".address.number", params: { type: "integer" }, stack: "" }).instancePath).toBe("/address/number");
    expect(toAjvShape({ name: "required", property: "name", params: { missingProperty: "name" }, stack: "" }).instancePath).toBe("");
  });
});
