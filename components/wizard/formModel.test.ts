import { describe, expect, it } from "vitest";
import { browserForm } from "@/lib/forms/browser-form";
import { usernameFieldOf } from "@/lib/forms/page-model";
import { buildFormModel, cleanAnswers, pageReads } from "./formModel";
import { membersDefinition } from "./test-definition";
import { testValidators } from "./test-validators";

// As the browser has it (lib/forms/browser-form.ts), with the validators generated for it.
const { definition, pageModel } = browserForm(membersDefinition());
const { root } = await testValidators(definition);

describe("pageReads", () => {
  it("is a page's own fields, conditional ones too, and the other pages' fields its conditions name", () => {
    const schema = {
      type: "object",
      properties: { membership: { type: "string" } },
      if: { properties: { kind: { const: "student" } }, required: ["kind"] },
      then: { properties: { student_number: { type: "string" } }, required: ["student_number"] },
      dependencies: { country: { properties: { membership: { enum: ["eu"] } } } },
    };
    expect(new Set(pageReads(schema, ["membership", "student_number"]))).toEqual(new Set(["kind", "country", "membership", "student_number"]));
    expect(pageReads({ type: "object", properties: { email: {} } }, ["email"])).toEqual(["email"]);
  });

  it("on the members form, the membership page reads its conditional student number", () => {
    const model = buildFormModel(definition, pageModel);
    expect(model.pageReads[model.pageOf("student_number")]).toContain("student_number");
  });
});

describe("buildFormModel", () => {
  it("puts the username check on the username field and knows each field's page", () => {
    const model = buildFormModel(definition, pageModel);
    expect(usernameFieldOf(definition)).toBe("username");
    expect((model.pageUiSchemas[0].username as Record<string, unknown>)["ui:widget"]).toBe("username");
    expect(model.pageUiSchemas[1].username).not.toEqual(expect.objectContaining({ "ui:widget": "username" }));
    expect(model.pageOf("address.postcode")).toBe(2);
    expect(model.pageOf("student_number")).toBe(3);
    expect(model.pageOf("action_code")).toBe(-1);
  });
});

describe("cleanAnswers", () => {
  it("drops blanks, empty objects and answers to conditions that no longer hold; keeps hidden fields", () => {
    const cleaned = cleanAnswers(definition, {
      action_code: 5,
      username: " ",
      email: "a@b.nl",
      address: { street: "" },
      membership: "senior",
      student_number: "1234567",
      newsletter: false,
    }, root);
    expect(cleaned).toEqual({ action_code: 5, email: "a@b.nl", membership: "senior", newsletter: false });
  });

  it("drops the answers of a nested object's branch that no longer holds, and keeps the other's", async () => {
    const schema = {
      type: "object",
      properties: {
        bank: {
          type: "object",
          properties: { international: { type: "boolean" }, name: { type: "string" } },
          if: { properties: { international: { const: true } }, required: ["international"] },
          then: { properties: { iban: { type: "string" } } },
          else: { properties: { sort_code: { type: "string" } } },
        },
        open: { type: "object" },
      },
    };
    const nested = { ...membersDefinition(), id: "nested", schema, uiSchema: {}, pages: [{ title: "Bank", fields: ["bank", "open"] }], hidden: [], checks: {} };
    const { definition: browser } = browserForm(nested);
    const { root: nestedRoot } = await testValidators(nested);
    const answers = { bank: { international: true, name: "Acme", iban: "GB82WEST12345698765432", sort_code: "601613" }, open: { any: 1 } };
    expect(cleanAnswers(browser, answers, nestedRoot)).toEqual({ bank: { international: true, name: "Acme", iban: "GB82WEST12345698765432" }, open: { any: 1 } });
    expect(cleanAnswers(browser, { bank: { ...answers.bank, international: false } }, nestedRoot)).toEqual({ bank: { international: false, name: "Acme", sort_code: "601613" } });
  });

  it("keeps the conditional answer while its condition holds", () => {
    expect(cleanAnswers(definition, { membership: "student", student_number: "1234567" }, root)).toEqual({
      membership: "student",
      student_number: "1234567",
    });
  });
});
