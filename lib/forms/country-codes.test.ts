import { describe, expect, it } from "vitest";
import { alpha2Of, alpha3Of, isAlpha3 } from "./country-codes";

describe("alpha-3 country codes", () => {
  it("converts both ways, any case", () => {
    expect(alpha3Of("CY")).toBe("CYP");
    expect(alpha3Of("gb")).toBe("GBR");
    expect(alpha2Of("GRC")).toBe("GR");
    expect(alpha2Of("nld")).toBe("NL");
  });

  it("knows no made-up code", () => {
    expect(alpha3Of("ZZ")).toBeUndefined();
    expect(alpha2Of("XYZ")).toBeUndefined();
    expect(isAlpha3("CYP")).toBe(true);
    expect(isAlpha3("CY")).toBe(false);
    expect(isAlpha3("cyp")).toBe(false);
  });
});
