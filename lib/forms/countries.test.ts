import { describe, expect, it } from "vitest";
import { countryOptions } from "./countries";

describe("countryOptions", () => {
  it("names every alpha-2 code in the page's language, sorted by name", () => {
    const en = countryOptions("en");
    expect(en.codes.length).toBeGreaterThan(240);
    expect(en.names[en.codes.indexOf("NL")]).toBe("Netherlands");
    expect(en.codes.every((code) => /^[A-Z]{2}$/.test(code))).toBe(true);
    expect([...en.names].sort(new Intl.Collator("en").compare)).toEqual(en.names);
    const nl = countryOptions("nl");
    expect(nl.names[nl.codes.indexOf("NL")]).toBe("Nederland");
    expect(nl.names[nl.codes.indexOf("DE")]).toBe("Duitsland");
  });
});
