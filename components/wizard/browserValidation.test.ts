import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n";
import { toAjvShape, validateInBrowser } from "./browserValidation";
import { buildFormModel } from "./formModel";
import { membersDefinition } from "./test-definition";

const t = translator("en");
const definition = membersDefinition();
const model = buildFormModel(definition);

describe("validateInBrowser", () => {
  it("reports this page's missing fields in the catalogue's words", () => {
    expect(validateInBrowser(model.pageSchemas[0], { email: "  " }, definition.schema, t)).toEqual({
      username: "Enter Username",
      email: "Enter Email address",
      password: "Enter Password",
    });
  });

  it("reports nested parts by dotted path", () => {
    const errors = validateInBrowser(model.pageSchemas[2], { address: { number: "9x", country: "NLD" } }, definition.schema, t);
    expect(errors["address.number"]).toBe("Number must be a whole number");
    expect(errors["address.country"]).toBe("Country must be 2 characters");
  });

  it("asks for the conditional field only while its condition holds", () => {
    const base = { membership: "student", terms: true };
    expect(validateInBrowser(model.pageSchemas[3], base, definition.schema, t)).toHaveProperty("student_number");
    expect(validateInBrowser(model.pageSchemas[3], { ...base, membership: "senior" }, definition.schema, t)).toEqual({});
  });

  it("asks for the consent box to be ticked", () => {
    expect(validateInBrowser(model.pageSchemas[3], { membership: "senior" }, definition.schema, t)).toEqual({
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
