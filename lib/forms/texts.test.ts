import { describe, expect, it } from "vitest";
import { formSchema } from "@/lib/config/schema";
import { textIn, withFieldTexts } from "./texts";

const schema = {
  type: "object",
  properties: {
    gender: { type: "string", title: "Gender", enum: ["male", "female"] },
    membership: { type: "string", title: "Membership", oneOf: [{ const: "senior", title: "Senior" }, { const: "junior", title: "Junior" }] },
    address: { type: "object", properties: { street: { type: "string", title: "Street" } } },
  },
};

const fields = {
  gender: { label: { nl: "Geslacht", en: "Gender", fr: "Genre" }, options: { male: { nl: "Man", en: "Male", fr: "Homme" } } },
  membership: { help: { nl: "Kies er één", en: "Choose one", fr: "Choisissez-en un" }, options: { junior: { nl: "Jeugd", en: "Junior", fr: "Junior" } } },
  "address.street": { label: { nl: "Straat", en: "Street", fr: "Rue" }, description: "Straat / Street / Rue" },
};

describe("textIn", () => {
  it("takes the language's text, else the default's; a plain string is every language's", () => {
    expect(textIn({ nl: "Lid worden", en: "Join" }, "nl", "en")).toBe("Lid worden");
    expect(textIn({ nl: "Lid worden", en: "Join" }, "fr", "en")).toBe("Join");
    expect(textIn("Join", "fr", "en")).toBe("Join");
  });
});

describe("withFieldTexts", () => {
  it("puts the language's label, description, help and option labels in copies of the schemas", () => {
    const { schema: out, uiSchema } = withFieldTexts(schema, { gender: { "ui:widget": "radio" } }, fields, "fr", "en");
    const properties = out.properties as Record<string, Record<string, unknown>>;
    expect(properties.gender.title).toBe("Genre");
    expect(uiSchema.gender).toEqual({ "ui:widget": "radio", "ui:enumNames": ["Homme", "female"] });
    expect(properties.membership.oneOf).toEqual([{ const: "senior", title: "Senior" }, { const: "junior", title: "Junior" }]);
    expect(uiSchema.membership).toEqual({ "ui:help": "Choisissez-en un" });
    expect((properties.address.properties as Record<string, Record<string, unknown>>).street).toMatchObject({ title: "Rue", description: "Straat / Street / Rue" });
    expect((schema.properties.gender as Record<string, unknown>).title).toBe("Gender");
  });

  it("refuses texts for a field the schema does not have", () => {
    expect(() => withFieldTexts(schema, {}, { shoe_size: { label: "Shoe size" } }, "en", "en")).toThrow(/shoe_size/);
  });

  it("keeps texts for a field the connector may add later, and still refuses others", () => {
    const later = ["mobile"];
    expect(() => withFieldTexts(schema, {}, { mobile: { label: "Mobile" }, "mobile.x": { label: "x" } }, "en", "en", later)).not.toThrow();
    expect(() => withFieldTexts(schema, {}, { shoe_size: { label: "Shoe size" } }, "en", "en", later)).toThrow(/shoe_size/);
  });
});

describe("forms file texts", () => {
  const form = { id: "f", title: { en: "Join", nl: "Lid worden" }, connector: "procurios", options: {}, locale: "en", locales: ["en", "nl"] };

  it("offers the default language at least, and only languages the app has", () => {
    expect(formSchema.parse({ ...form, locales: undefined, title: "Join" }).locales).toEqual(["en"]);
    expect(formSchema.safeParse({ ...form, locales: ["nl"] }).success).toBe(false);
    expect(formSchema.safeParse({ ...form, locales: ["en", "de"] }).success).toBe(false);
  });

  it("wants a per-language text in every language the form offers", () => {
    expect(formSchema.safeParse(form).success).toBe(true);
    const result = formSchema.safeParse({ ...form, locales: ["en", "nl", "fr"] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["title"], message: expect.stringContaining("fr") });
    const field = formSchema.safeParse({ ...form, fields: { gender: { options: { male: { en: "Male" } } } } });
    expect(field.error?.issues[0].path).toEqual(["fields", "gender", "options", "male"]);
  });
});
