import validator from "@rjsf/validator-ajv8";
import { describe, expect, it } from "vitest";
import { translator, type Translate } from "@/lib/i18n";
import { compileSchema } from "./ajv";
import { fixture } from "./fixtures/load";
import { normaliseSchema } from "./normalise";
import { pageSchema } from "./pages";
import { describeError, errorsForPage, isIgnoredError, mergeErrors, stripEmpty, validateData } from "./validate";

const t = translator("en");
const set77 = fixture("set77");

const valid = {
  username: "jdoe",
  email: "j@example.com",
  password: "correct horse",
  first_name: "Jan",
  name: "Doe",
  birth_date: "1990-05-17",
  address: { street: "Fortweg", number: 9, postcode: "3992LX", town: "Houten", country: "NL" },
  membership: "senior",
  terms: true,
};

const errorsFor = (changes: Record<string, unknown>) => validateData(set77, { ...valid, ...changes }, t);

describe("validateData", () => {
  it("accepts a complete registration", () => {
    expect(validateData(set77, valid, t)).toEqual({});
  });

  it("names each missing required field by its title, in form order", () => {
    expect(validateData(set77, {}, t)).toEqual({
      username: "Enter Username",
      email: "Enter Email address",
      password: "Enter Password",
      first_name: "Enter First name",
      name: "Enter Name",
      birth_date: "Enter Birth date",
      address: "Enter Address",
      membership: "Select Membership",
      terms: "You must agree to I accept the terms and conditions",
    });
  });

  it("treats blank strings, nulls and empty objects as missing", () => {
    expect(errorsFor({ first_name: "", name: "   ", email: null })).toEqual({
      email: "Enter Email address",
      first_name: "Enter First name",
      name: "Enter Name",
    });
    expect(errorsFor({ address: { street: "", country: " " } })).toEqual({ address: "Enter Address" });
    expect(stripEmpty({ a: "", b: { c: " ", d: "x" }, e: [""], f: 0, g: false, h: {} })).toEqual({ b: { d: "x" }, e: [""], f: 0, g: false });
    expect(stripEmpty({})).toEqual({});
  });

  it("keys a missing nested property by its dotted path", () => {
    const schema = normaliseSchema({
      properties: { address: { type: "object", title: "Address", properties: { postcode: { type: "string", title: "ZIP code" }, town: { type: "string" } }, required: ["postcode"] } },
    });
    expect(validateData(schema, { address: { postcode: "", town: "Houten" } }, t)).toEqual({ "address.postcode": "Enter ZIP code" });
  });

  it("asks for a conditional field and ignores the if keyword's own error", () => {
    expect(errorsFor({ membership: "student" })).toEqual({ student_number: "Enter Student number" });
    expect(errorsFor({ membership: "student", student_number: "12" })).toEqual({
      student_number: "Student number is not in the right format",
    });
    expect(errorsFor({ membership: "student", student_number: "1234567" })).toEqual({});
  });

  it("explains types, lengths and formats", () => {
    expect(
      errorsFor({
        address: { ...valid.address, number: "9a", country: "NLD" },
        action_code: 1.5,
        password: "short",
        username: "a".repeat(41),
        email: "not-an-email",
        birth_date: "2023-02-30",
      }),
    ).toEqual({
      username: "Username must be 40 characters or fewer",
      email: "Enter an email address in the right format, like name@example.com",
      password: "Password must be 8 characters or more",
      birth_date: "Birth date must be a real date",
      "address.number": "Number must be a whole number",
      "address.country": "Country must be 2 characters",
      action_code: "Entered via action must be a whole number",
    });
    expect(errorsFor({ username: "no spaces!" })).toEqual({ username: "Username is not in the right format" });
  });

  it("explains choices and consent", () => {
    expect(errorsFor({ gender: "x", membership: "gold", terms: false })).toEqual({
      gender: "Select a valid option for Gender",
      membership: "Select a valid option for Membership",
      terms: "You must agree to I accept the terms and conditions",
    });
  });

  it("explains numbers, limits, web addresses, other constants and the rest", () => {
    const schema = normaliseSchema({
      properties: {
        age: { type: "integer", title: "Age", minimum: 18, maximum: 120 },
        kids: { type: "integer", title: "Children", exclusiveMinimum: 0, exclusiveMaximum: 10 },
        weight: { type: "number", title: "Weight", multipleOf: 0.5 },
        site: { type: "string", format: "uri", title: "Website" },
        country: { type: "string", const: "NL", title: "Country" },
      },
    });
    expect(validateData(schema, { age: 12, kids: 0, weight: "heavy", site: "not a uri", country: "BE" }, t)).toEqual({
      age: "Age must be 18 or more",
      kids: "Children must be 1 or more",
      weight: "Weight must be a number",
      site: "Website must be a web address",
      country: "Country must be accepted",
    });
    expect(validateData(schema, { age: 121, kids: 10, weight: 1.2 }, t)).toEqual({
      age: "Age must be 120 or less",
      kids: "Children must be 9 or less",
      weight: "Weight is not valid",
    });
  });

  it("keeps one message per field: the first, and a specific one over a failed branch", () => {
    expect(errorsFor({ username: "a!" })).toEqual({ username: "Username must be 3 characters or more" });
    const schema = normaliseSchema({
      properties: { contact: { title: "Contact", oneOf: [{ type: "string", format: "email" }, { type: "string", pattern: "^[0-9]+$" }] } },
    });
    expect(validateData(schema, { contact: "abc" }, t)).toEqual({
      contact: "Enter an email address in the right format, like name@example.com",
    });
  });

  it("speaks the user's language", () => {
    const upper: Translate = (key, params) => t(key, params).toUpperCase();
    expect(validateData(set77, { ...valid, first_name: "" }, upper)).toEqual({ first_name: "ENTER FIRST NAME" });
  });

  it("never lets an inherited value satisfy a required field", () => {
    const data = JSON.parse('{"__proto__": {"terms": true}}');
    expect(validateData(set77, { ...valid, terms: undefined, ...data }, t).terms).toBe(
      "You must agree to I accept the terms and conditions",
    );
  });

  it("compiles a schema once", () => {
    expect(compileSchema(set77)).toBe(compileSchema(set77));
  });
});

describe("describeError", () => {
  it("maps Ajv errors by JSON pointer", () => {
    const required = { keyword: "required", params: { missingProperty: "postcode" }, instancePath: "/address" };
    expect(describeError(required, set77, t)).toEqual({ field: "address.postcode", message: "Enter ZIP code" });
    const minLength = { keyword: "minLength", params: { limit: 2 }, instancePath: "/address/country" };
    expect(describeError(minLength, set77, t)).toEqual({ field: "address.country", message: "Country must be 2 characters" });
  });

  it("maps RJSF's errors for its transformErrors", () => {
    const page = pageSchema(set77, { title: "Membership", fields: ["membership", "student_number", "newsletter", "terms"] });
    const { errors } = validator.validateFormData({ membership: "student", terms: false }, page);
    const described = errors
      .filter((error) => !isIgnoredError({ keyword: error.name ?? "" }))
      .map((error) => describeError({ keyword: error.name ?? "", params: error.params, instancePath: error.property ?? "" }, page, t));
    expect(described).toEqual([
      { field: "student_number", message: "Enter Student number" },
      { field: "terms", message: "You must agree to I accept the terms and conditions" },
    ]);
  });
});

describe("errorsForPage", () => {
  it("keeps this page's part of the vendor's whole-set answer", () => {
    const vendor = {
      username: "Dit veld is verplicht",
      email: "Dit veld is verplicht",
      name: "Dit veld is verplicht",
      address: "Dit veld is verplicht",
      "address.postcode": "Ongeldige postcode",
      terms: "Dit veld is verplicht",
    };
    expect(errorsForPage(vendor, { title: "Your account", fields: ["username", "email", "password"] })).toEqual({
      username: "Dit veld is verplicht",
      email: "Dit veld is verplicht",
    });
    expect(errorsForPage(vendor, { title: "Your address", fields: ["address", "phone"] })).toEqual({
      address: "Dit veld is verplicht",
      "address.postcode": "Ongeldige postcode",
    });
    expect(errorsForPage(vendor, { title: "Other", fields: ["addressee"] })).toEqual({});
  });
});

describe("mergeErrors", () => {
  it("lets the vendor's message win for a field, but not over local errors on a group's parts", () => {
    const local = { email: "Enter Email address", "address.postcode": "Enter ZIP code", "address.town": "Enter Town", name: "Enter Name", addressee: "Enter Addressee" };
    const vendor = { email: "Dit e-mailadres is al in gebruik", address: "Ongeldig adres" };
    expect(mergeErrors(local, vendor)).toEqual({
      email: "Dit e-mailadres is al in gebruik",
      "address.postcode": "Enter ZIP code",
      "address.town": "Enter Town",
      name: "Enter Name",
      addressee: "Enter Addressee",
    });
    expect(mergeErrors({ name: "Enter Name" }, vendor)).toEqual({ name: "Enter Name", ...vendor });
    expect(mergeErrors(local, {})).toEqual(local);
    expect(mergeErrors({}, vendor)).toEqual(vendor);
  });

  it("keeps the app's own precise message about a value (a date that does not exist)", () => {
    const local = { birth_date: "Birth date must be a real date", name: "Enter Name" };
    const vendor = { birth_date: "Dit is geen geldige datum", name: "Dit veld is verplicht" };
    expect(mergeErrors(local, vendor, new Set(["birth_date"]))).toEqual({ birth_date: "Birth date must be a real date", name: "Dit veld is verplicht" });
  });
});
