import { describe, expect, it } from "vitest";
import { staffCatalogues, staffTranslator } from "./staff";

describe("the staff API's messages", () => {
  it("has the same keys and placeholders in every language", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    const { en, ...others } = staffCatalogues;
    for (const [locale, catalogue] of Object.entries(others)) {
      expect(Object.keys(catalogue).sort(), locale).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(catalogue)) expect(placeholders(text), `${locale}.${key}`).toEqual(placeholders(en[key as keyof typeof en]));
    }
  });

  it("answers in the request's language", () => {
    expect(staffTranslator({ acceptLanguage: "nl-BE,nl;q=0.9" })("unknownSubmission", { id: "x1" })).toBe("Er is geen inzending x1.");
    expect(staffTranslator({ acceptLanguage: "de" })("signInRequired")).toBe("Sign in to the staff console first.");
  });
});
