import { describe, expect, it } from "vitest";
import { withEmptyGroups } from "./answers";
import { birthDateBounds, longDate } from "./dates";
import { enrichForm } from "./enrich";
import { fixture } from "./fixtures/load";
import { fieldKinds } from "./kinds";
import { buildUiSchema } from "./ui-schema";
import { mergeErrors, validateDetailed } from "./validate";
import { prepareAnswers, vendorAnswers } from "./values";
import { translator } from "@/lib/i18n";

const set77 = fixture("set77");
const t = translator("en");
const noon = Date.parse("2025-11-24T12:00:00Z");
const options = { locale: "en", defaultCountry: "NL", birthDates: { fields: [], minAgeYears: 0, maxAgeYears: 120 }, formats: { countryCode: "alpha-2", phone: "E.164" } as const };
const { schema, uiSchema } = enrichForm(set77, buildUiSchema(set77, { hidden: [] }), { ...options, now: noon });
const props = schema.properties as Record<string, Record<string, unknown>>;
const address = props.address.properties as Record<string, Record<string, unknown>>;

describe("fieldKinds", () => {
  it("recognises birth dates, phone numbers and countries by name or title, and birth dates a form lists", () => {
    expect(fieldKinds(set77)).toEqual({ birthDates: ["birth_date"], phones: ["phone"], countries: ["address.country"] });
    const other = { type: "object", properties: { geboren: { type: "string", format: "date", title: "Geboren" }, mobiel: { type: "string" } } };
    expect(fieldKinds(other, ["geboren"])).toEqual({ birthDates: ["geboren"], phones: ["mobiel"], countries: [] });
  });
});

describe("enrichForm", () => {
  it("bounds birth dates, gives phones their format and an example, and countries the vendor's codes by name", () => {
    expect(props.birth_date).toMatchObject({ format: "date", formatMinimum: "1905-11-24", formatMaximum: "2025-11-25" });
    expect(props.phone).toMatchObject({ format: "phone", examples: ["06 12345678", "+31 6 12345678"] });
    expect(address.country.enum).toContain("NL");
    expect(address.country).not.toHaveProperty("maxLength");
    const ui = uiSchema as Record<string, Record<string, Record<string, unknown>>>;
    const names = ui.address.country["ui:enumNames"] as string[];
    expect(names[(address.country.enum as string[]).indexOf("NL")]).toBe("Netherlands");
    expect(ui.phone).toMatchObject({ "ui:inputType": "tel", "ui:autocomplete": "tel" });
  });

  it("words what is wrong with a value precisely, and that wins over a vendor's generic message", () => {
    const today = enrichForm(set77, {}, options).schema;
    const messages = (data: Record<string, unknown>) => validateDetailed(today, data, t);
    expect(messages({ birth_date: "1990-02-30" }).errors.birth_date).toBe("Birth date must be a real date");
    expect(messages({ birth_date: "2090-01-01" }).errors.birth_date).toBe("Birth date must be in the past");
    const earliest = longDate(birthDateBounds(options.birthDates).min, "en");
    expect(messages({ birth_date: "1900-01-01" }).errors.birth_date).toBe(`Birth date must be on or after ${earliest}`);
    expect(messages({ phone: "abc" }).errors.phone).toBe("Phone number must be a real phone number, like 06 12345678 or +31 6 12345678");
    const { errors, precise } = messages({ birth_date: "1990-02-30" });
    expect(mergeErrors(errors, { birth_date: "Dit is geen geldige datum" }, precise).birth_date).toBe("Birth date must be a real date");
  });

  it("reports each missing part of a required group", () => {
    // As a connector describes it (Procurios: lib/connectors/procurios/address.ts).
    const grouped = { ...schema, properties: { ...props, address: { ...props.address, required: ["street", "postcode", "country"] } } };
    expect(withEmptyGroups(grouped, { name: "x" })).toEqual({ name: "x", address: {} });
    expect(withEmptyGroups(schema, {})).toEqual({});
    const { errors } = validateDetailed(grouped, {}, t);
    expect(errors).toMatchObject({ "address.street": "Enter Street", "address.postcode": "Enter ZIP code", "address.country": "Select Country" });
    expect(errors).not.toHaveProperty("address");
  });
});

describe("answers", () => {
  it("keep phone numbers in E.164 and send them in the vendor's format", () => {
    const prepared = prepareAnswers(schema, { phone: "06 12345678", name: "06 12345678" }, "NL");
    expect(prepared).toEqual({ phone: "+31612345678", name: "06 12345678" });
    expect(vendorAnswers(schema, prepared, { countryCode: "alpha-2", phone: "national" })).toEqual({ phone: "06 12345678", name: "06 12345678" });
  });
});

describe("fields that exist only in an if/then/else branch", () => {
  const chosen = {
    type: "object",
    properties: { provider: { type: "string", enum: ["EMAIL", "PHONE"] } },
    if: { properties: { provider: { const: "PHONE" } }, required: ["provider"] },
    then: { properties: { phone: { type: "string", title: "Mobile phone number" } }, required: ["phone"] },
    else: { properties: { email: { type: "string", format: "email" } }, required: ["email"] },
  };

  it("are recognised, enriched where they are defined, and read in the form's country", () => {
    expect(fieldKinds(chosen).phones).toEqual(["phone"]);
    const { schema, uiSchema } = enrichForm(chosen, {}, { locale: "en", defaultCountry: "CY", birthDates: { fields: [], minAgeYears: 0, maxAgeYears: 120 }, formats: { countryCode: "alpha-2", phone: "E.164" } });
    expect((schema.then as { properties: { phone: { format: string } } }).properties.phone.format).toBe("phone");
    expect((uiSchema.phone as Record<string, unknown>)["ui:inputType"]).toBe("tel");
    expect(prepareAnswers(schema, { provider: "PHONE", phone: "99 123 834" }, "CY")).toEqual({ provider: "PHONE", phone: "+35799123834" });
  });

  it("leave a country with a format of its own alone (a code or a name)", () => {
    const free = { type: "object", properties: { Country: { type: "string", format: "country" } } };
    expect(fieldKinds(free).countries).toEqual([]);
  });
});
