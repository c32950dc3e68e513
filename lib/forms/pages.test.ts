import { retrieveSchema, type RJSFSchema } from "@rjsf/utils";
import validator from "@rjsf/validator-ajv8";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n";
import { fixture } from "./fixtures/load";
import { normaliseSchema } from "./normalise";
import { buildPages, pageSchema } from "./pages";
import type { PageSpec } from "./types";

const t = translator("en");
const set42 = fixture("set42");
const set77 = fixture("set77");

const membersPages: PageSpec[] = [
  { title: "Your account", fields: ["username", "email", "password"] },
  { title: "About you", fields: ["first_name", "insertion", "name", "birth_date", "gender"] },
  { title: "Your address", fields: ["address", "phone"] },
  { title: "Membership", fields: ["membership", "student_number", "newsletter", "terms"] },
];

function configError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect((error as AppError).code).toBe("config_invalid");
    return (error as AppError).message;
  }
  throw new Error("expected config_invalid");
}

describe("buildPages: automatic", () => {
  it("pages the documented set 42: a run of fields, the address object, a single field", () => {
    expect(buildPages(set42, { hidden: [], t })).toEqual([
      { title: "Your details", fields: ["first_name", "insertion", "name", "birth_date"] },
      { title: "Address", fields: ["address"] },
      { title: "Entered via action", fields: ["action_code"] },
    ]);
  });

  it("leaves hidden fields out and drops pages left empty", () => {
    expect(buildPages(set42, { hidden: ["action_code"], t }).map((page) => page.title)).toEqual(["Your details", "Address"]);
    expect(buildPages(set42, { hidden: ["address"], t })).toEqual([
      { title: "Your details", fields: ["first_name", "insertion", "name", "birth_date", "action_code"] },
    ]);
  });

  it("keeps a conditional field on the page of the field its condition reads", () => {
    expect(buildPages(set77, { hidden: ["action_code"], t })).toEqual([
      { title: "Your details", fields: ["username", "email", "password", "first_name", "insertion", "name", "birth_date", "gender"] },
      { title: "Address", fields: ["address"] },
      { title: "Your details", fields: ["phone", "membership", "student_number", "newsletter", "terms"] },
    ]);
  });

  it("titles a run of one field (and its conditional fields) with that field's title", () => {
    const schema = normaliseSchema({
      properties: { home: { type: "object", title: "Home", properties: {} }, plan: { type: "string", title: "Plan" } },
      if: { properties: { plan: { const: "pro" } }, required: ["plan"] },
      then: { properties: { seats: { type: "integer" } } },
    });
    expect(buildPages(schema, { hidden: [], t })).toEqual([
      { title: "Home", fields: ["home"] },
      { title: "Plan", fields: ["plan", "seats"] },
    ]);
  });

  it("puts a field conditional on an object field on the object's page", () => {
    const schema = normaliseSchema({
      properties: { address: { type: "object", title: "Address", properties: { country: { type: "string" } } }, email: { type: "string" } },
      if: { properties: { address: { properties: { country: { const: "BE" } } } }, required: ["address"] },
      then: { properties: { province: { type: "string" } } },
    });
    expect(buildPages(schema, { hidden: [], t })).toEqual([
      { title: "Address", fields: ["address", "province"] },
      { title: "Email", fields: ["email"] },
    ]);
  });

  it("uses the user's language for the details page", () => {
    const dutch: typeof t = (key, params) => (key === "detailsPage" ? "Uw gegevens" : t(key, params));
    expect(buildPages(set42, { hidden: [], t: dutch })[0].title).toBe("Uw gegevens");
  });
});

describe("buildPages: configured", () => {
  it("keeps the members form's pages as configured", () => {
    expect(buildPages(set77, { pages: membersPages, hidden: ["action_code"], t })).toEqual(membersPages);
  });

  it("refuses a page naming an unknown field", () => {
    const pages = [{ title: "A", fields: ["username"] }, { title: "B", fields: ["email", "x"] }];
    expect(configError(() => buildPages(set77, { pages, hidden: [], t }))).toBe('pages[1] names unknown field "x"');
  });

  it("refuses a field on two pages", () => {
    const pages = [{ title: "A", fields: ["email"] }, { title: "B", fields: ["email"] }];
    expect(configError(() => buildPages(set77, { pages, hidden: [], t }))).toMatch(/pages\[1\] names field "email", which pages\[0\]/);
  });

  it("refuses a conditional field away from the field its condition reads", () => {
    const pages = [{ title: "A", fields: ["membership"] }, { title: "B", fields: ["student_number"] }];
    expect(configError(() => buildPages(set77, { pages, hidden: [], t }))).toMatch(
      /pages\[1\] shows "student_number" apart from "membership" \(pages\[0\]\)/,
    );
  });

  it("removes hidden fields, appends forgotten ones to the last page and drops empty pages", () => {
    const pages = [
      { title: "Secret", fields: ["action_code"] },
      { title: "Account", fields: ["username", "email", "password"] },
      { title: "Choices", fields: ["newsletter", "membership", "terms"] },
      { title: "You", fields: ["first_name", "name"] },
    ];
    expect(buildPages(set77, { pages, hidden: ["action_code", "phone"], t })).toEqual([
      { title: "Account", fields: ["username", "email", "password"] },
      { title: "Choices", fields: ["newsletter", "membership", "student_number", "terms"] },
      { title: "You", fields: ["first_name", "name", "insertion", "birth_date", "gender", "address"] },
    ]);
  });
});

describe("pageSchema", () => {
  const membership = pageSchema(set77, membersPages[3]);

  it("holds the page's fields in page order, their required ones and the conditional part", () => {
    expect(membership.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(membership.type).toBe("object");
    expect(Object.keys(membership.properties as object)).toEqual(["membership", "newsletter", "terms"]);
    expect(membership.required).toEqual(["membership", "terms"]);
    expect(membership.allOf).toEqual((set77 as { allOf: unknown }).allOf);
    expect(membership).not.toHaveProperty("definitions");
  });

  it("shows student_number in RJSF only when membership is student", () => {
    const root = membership as RJSFSchema;
    const student = retrieveSchema(validator, root, root, { membership: "student" });
    expect(Object.keys(student.properties ?? {})).toContain("student_number");
    expect(student.required).toContain("student_number");
    const senior = retrieveSchema(validator, root, root, { membership: "senior" });
    expect(Object.keys(senior.properties ?? {})).not.toContain("student_number");
  });

  it("makes RJSF's validator ask for student_number for a student", () => {
    const root = membership as RJSFSchema;
    const { errors } = validator.validateFormData({ membership: "student", terms: true }, root);
    // Besides the field's error RJSF reports the `if` keyword's own one, which the wizard drops.
    expect(errors.map((error) => [error.name, error.property])).toEqual([["required", "student_number"], ["if", ""]]);
    expect(validator.validateFormData({ membership: "senior", terms: true }, root).errors).toEqual([]);
  });

  it("leaves out conditional parts that say nothing about the page", () => {
    const account = pageSchema(set77, membersPages[0]);
    expect(Object.keys(account)).toEqual(["$schema", "type", "properties", "required"]);
    expect(account.required).toEqual(["username", "email", "password"]);
  });

  it("keeps a root if/then for the page it concerns", () => {
    const schema = normaliseSchema({
      properties: { plan: { type: "string" }, email: { type: "string" } },
      if: { properties: { plan: { const: "pro" } }, required: ["plan"] },
      then: { properties: { seats: { type: "integer" } }, required: ["seats"] },
    });
    const planPage = pageSchema(schema, { title: "Plan", fields: ["plan", "seats"] });
    expect(planPage).toMatchObject({ if: schema.if, then: schema.then });
    expect(planPage).not.toHaveProperty("else");
    expect(pageSchema(schema, { title: "Email", fields: ["email"] })).not.toHaveProperty("if");
  });

  it("cuts a branch down to the page's fields", () => {
    const schema = normaliseSchema({
      properties: { kind: { type: "string" }, vat: { type: "string" }, email: { type: "string" } },
      dependencies: { kind: { properties: { vat: { minLength: 4 }, email: { format: "email" } }, required: ["vat", "email"] }, email: ["kind"] },
    });
    const page = pageSchema(schema, { title: "Firm", fields: ["kind", "vat"] });
    expect(page.dependencies).toEqual({ kind: { properties: { vat: { minLength: 4 } }, required: ["vat"] } });
  });

  it("keeps the definitions it refers to and inlines other references", () => {
    const schema = normaliseSchema({
      definitions: { text: { type: "string", minLength: 1 } },
      properties: {
        a: { $ref: "#/definitions/text", title: "A" },
        b: { type: "object", properties: { c: { type: "integer" } } },
        d: { $ref: "#/properties/b" },
      },
    });
    const first = pageSchema(schema, { title: "1", fields: ["a"] });
    expect(first.definitions).toEqual({ text: { type: "string", minLength: 1 } });
    const second = pageSchema(schema, { title: "2", fields: ["d"] });
    expect(second).not.toHaveProperty("definitions");
    expect((second.properties as Record<string, unknown>).d).toEqual({ type: "object", properties: { c: { type: "integer" } } });
  });

  it("shares nothing with the form's schema", () => {
    const page = pageSchema(set77, membersPages[2]);
    ((page.properties as Record<string, Record<string, unknown>>).address.properties as Record<string, unknown>).extra = {};
    expect((set77.properties as Record<string, Record<string, object>>).address.properties).not.toHaveProperty("extra");
  });
});
