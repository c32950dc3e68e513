import { describe, expect, it } from "vitest";
import { browserFormats } from "./formats";
import { formatPhone, isPhoneNumber, normalisePhone, phoneExamples } from "./phone";

describe("phone numbers", () => {
  it("are read with the form's country and kept as E.164", () => {
    expect(normalisePhone("06 12345678", "NL")).toBe("+31612345678");
    expect(normalisePhone("0031 6 12345678", "NL")).toBe("+31612345678");
    expect(normalisePhone("+44 7400 123456", "NL")).toBe("+447400123456");
    expect(normalisePhone("06 12345678")).toBe("06 12345678");
    expect(normalisePhone("abc", "NL")).toBe("abc");
    expect(normalisePhone("06 1234", "NL")).toBe("06 1234");
  });

  it("are valid only with a country code and a number that can exist", () => {
    expect(isPhoneNumber("+31612345678")).toBe(true);
    expect(isPhoneNumber("0612345678")).toBe(false);
    expect(isPhoneNumber("+310612")).toBe(false);
    expect(isPhoneNumber("abc")).toBe(false);
  });

  it("go to the vendor in its format", () => {
    expect(formatPhone("+31612345678", "E.164")).toBe("+31612345678");
    expect(formatPhone("+31612345678", "international")).toBe("+31 6 12345678");
    expect(formatPhone("+31612345678", "national")).toBe("06 12345678");
  });

  it("have an example per country", () => {
    expect(phoneExamples("NL")).toEqual(["06 12345678", "+31 6 12345678"]);
    expect(phoneExamples(undefined)).toBeUndefined();
    expect(phoneExamples("ZZ")).toBeUndefined();
  });

  it("are only checked for plausibility in the browser", () => {
    const plausible = (value: string) => browserFormats.phone.test(value);
    expect(["06 12345678", "+31 (0)6-1234 5678", "020/1234567"].every(plausible)).toBe(true);
    expect(["abc", "06 12", "+", "1234567890123456789"].some(plausible)).toBe(false);
  });
});
