import { describe, expect, it } from "vitest";
import { browserForm } from "@/lib/forms/browser-form";
import { translator } from "@/lib/i18n";
import { buildFormModel } from "./formModel";
import { reviewRows } from "./reviewRows";
import { membersDefinition } from "./test-definition";
import { testValidators } from "./test-validators";

const t = translator("en");
// As the browser has it (lib/forms/browser-form.ts), with the validators generated for it.
const { definition, pageModel } = browserForm(membersDefinition());
const model = buildFormModel(definition, pageModel);
const { pages } = await testValidators(definition);
const rowsFor = (data: Record<string, unknown>) =>
  reviewRows(definition, data, (page) => model.pageSchemas[page - 1], (page) => pages[page - 1], t);

describe("reviewRows", () => {
  const data = {
    action_code: 123,
    username: "jan",
    password: "secret123",
    birth_date: "1990-05-01",
    address: { street: "Fortweg", number: 9, postcode: "3992LX" },
    membership: "student",
    student_number: "1234567",
    terms: true,
  };

  it("shows every visible answer in page order, hidden fields never", () => {
    const rows = rowsFor(data);
    expect(rows.map((row) => row.field)).toEqual([
      "username", "email", "password", "first_name", "insertion", "name", "birth_date", "gender",
      "address", "phone", "membership", "student_number", "newsletter", "terms",
    ]);
    expect(rows.find((row) => row.field === "student_number")?.page).toBe(3);
  });

  it("formats answers: titles of choices, Yes/No, address parts, no password", () => {
    const byField = Object.fromEntries(rowsFor(data).map((row) => [row.field, row.lines]));
    expect(byField.membership).toEqual(["Student"]);
    expect(byField.terms).toEqual(["Yes"]);
    expect(byField.newsletter).toEqual(["No"]);
    expect(byField.email).toEqual(["Not answered"]);
    expect(byField.password).toEqual(["Entered (not shown)"]);
    expect(byField.address).toEqual(["Street: Fortweg", "Number: 9", "ZIP code: 3992LX"]);
    expect(byField.birth_date[0]).toMatch(/1990/);
  });

  it("leaves out a conditional field whose condition no longer holds", () => {
    expect(rowsFor({ ...data, membership: "senior" }).some((row) => row.field === "student_number")).toBe(false);
  });
});

describe("formatAnswer in the page's language", () => {
  it("writes dates and numbers the language's way (Intl), without grouping digits", async () => {
    const { formatAnswer } = await import("./reviewRows");
    const date = { type: "string", format: "date" };
    expect(formatAnswer("1990-05-01", date, {}, translator("nl"), "nl")).toBe("1 mei 1990");
    expect(formatAnswer("1990-05-01", date, {}, translator("fr"), "fr")).toBe("1 mai 1990");
    expect(formatAnswer("1990-05-01", date, {}, t, "en")).toBe("May 1, 1990");
    expect(formatAnswer(1.5, { type: "number" }, {}, translator("fr"), "fr")).toBe("1,5");
    expect(formatAnswer(1.5, { type: "number" }, {}, t, "en")).toBe("1.5");
    expect(formatAnswer(12345, { type: "integer" }, {}, translator("nl"), "nl")).toBe("12345");
    expect(formatAnswer(true, { type: "boolean" }, {}, translator("nl"), "nl")).toBe("Ja");
  });
});

describe("reviewRows of an object with its own conditions", () => {
  it("lists the parts its conditions hold for, resolved against its answers", async () => {
    const schema = {
      type: "object",
      properties: {
        bank: {
          type: "object",
          title: "Bank",
          properties: { international: { type: "boolean", title: "International" }, name: { type: "string", title: "Name" } },
          if: { properties: { international: { const: true } }, required: ["international"] },
          then: { properties: { iban: { type: "string", title: "IBAN" } } },
          else: { properties: { sort_code: { type: "string", title: "Sort code" } } },
        },
      },
    };
    const nested = { ...membersDefinition(), id: "nested", schema, uiSchema: {}, pages: [{ title: "Bank", fields: ["bank"] }], hidden: [], checks: {} };
    const browser = browserForm(nested);
    const nestedModel = buildFormModel(browser.definition, browser.pageModel);
    const validators = await testValidators(nested);
    const rows = (bank: Record<string, unknown>) =>
      reviewRows(browser.definition, { bank }, (page) => nestedModel.pageSchemas[page - 1], (page) => validators.pages[page - 1], t)[0].lines;
    expect(rows({ international: true, name: "Acme", iban: "GB82WEST12345698765432", sort_code: "601613" })).toEqual(["International: Yes", "Name: Acme", "IBAN: GB82WEST12345698765432"]);
    expect(rows({ international: false, name: "Acme", sort_code: "601613" })).toEqual(["International: No", "Name: Acme", "Sort code: 601613"]);
  });
});
