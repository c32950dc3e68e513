import { describe, expect, it } from "vitest";
import { fixture } from "./fixtures/load";
import { normaliseSchema } from "./normalise";
import { buildUiSchema, pageUiSchema } from "./ui-schema";

describe("buildUiSchema", () => {
  it("gives set 77 autofill hints, widgets and hides the campaign code", () => {
    expect(buildUiSchema(fixture("set77"), { hidden: ["action_code"] })).toEqual({
      username: { "ui:autocomplete": "username" },
      email: { "ui:autocomplete": "email" },
      password: { "ui:autocomplete": "new-password", "ui:widget": "password" },
      first_name: { "ui:autocomplete": "given-name" },
      insertion: { "ui:autocomplete": "additional-name" },
      name: { "ui:autocomplete": "family-name" },
      birth_date: { "ui:autocomplete": "bday" },
      gender: { "ui:widget": "radio" },
      address: {
        street: { "ui:autocomplete": "address-line1" },
        postcode: { "ui:autocomplete": "postal-code" },
        town: { "ui:autocomplete": "address-level2" },
        country: { "ui:autocomplete": "country" },
      },
      phone: { "ui:autocomplete": "tel" },
      membership: { "ui:widget": "radio" },
      newsletter: { "ui:widget": "checkbox" },
      terms: { "ui:widget": "checkbox" },
      action_code: { "ui:widget": "hidden" },
    });
  });

  it("keeps a select for more than five options", () => {
    const schema = normaliseSchema({
      properties: { six: { type: "string", enum: ["a", "b", "c", "d", "e", "f"] }, five: { type: "string", enum: ["a", "b", "c", "d", "e"] } },
    });
    expect(buildUiSchema(schema, { hidden: [] })).toEqual({ five: { "ui:widget": "radio" } });
  });
});

describe("pageUiSchema", () => {
  it("orders the page's fields as the page lists them", () => {
    const page = { title: "Membership", fields: ["membership", "student_number", "terms"] };
    expect(pageUiSchema({ terms: { "ui:widget": "checkbox" } }, page)).toEqual({
      terms: { "ui:widget": "checkbox" },
      "ui:order": ["membership", "student_number", "terms", "*"],
    });
  });
});
