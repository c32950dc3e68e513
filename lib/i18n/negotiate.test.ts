import { describe, expect, it } from "vitest";
import { chooseLocale } from "./negotiate";

const offered = ["en", "nl", "fr"];

describe("chooseLocale", () => {
  it("takes an explicit choice the form offers", () => {
    expect(chooseLocale({ requested: "fr", acceptLanguage: "nl", offered, fallback: "en" })).toBe("fr");
  });

  it("ignores an explicit choice the form does not offer and negotiates instead", () => {
    expect(chooseLocale({ requested: "de", acceptLanguage: "nl-BE,nl;q=0.9", offered, fallback: "en" })).toBe("nl");
    expect(chooseLocale({ requested: "fr", offered: ["nl", "en"], fallback: "nl" })).toBe("nl");
  });

  it("honours q-values and regional variants", () => {
    expect(chooseLocale({ acceptLanguage: "de-DE,fr-BE;q=0.8,nl;q=0.5", offered, fallback: "en" })).toBe("fr");
    expect(chooseLocale({ acceptLanguage: "en-GB,en;q=0.9,nl;q=0.8", offered, fallback: "nl" })).toBe("en");
  });

  it("falls back to the default when nothing matches, for a wildcard and without a header", () => {
    expect(chooseLocale({ acceptLanguage: "de,es;q=0.5", offered, fallback: "nl" })).toBe("nl");
    expect(chooseLocale({ acceptLanguage: "*", offered, fallback: "fr" })).toBe("fr");
    expect(chooseLocale({ acceptLanguage: null, offered, fallback: "nl" })).toBe("nl");
  });

  it("never answers a language without a catalogue", () => {
    expect(chooseLocale({ requested: "de", acceptLanguage: "de", offered: ["de", "en"], fallback: "en" })).toBe("en");
  });
});
