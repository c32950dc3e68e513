import { fastFormats, fullFormats } from "ajv-formats/dist/formats";
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from "ibantools";
import { describe, expect, it } from "vitest";
import { browserFormats, countryCode } from "./formats";

const test = (format: unknown, value: string): boolean => {
  const definition = format as RegExp | ((value: string) => boolean) | { validate: RegExp | ((value: string) => boolean) };
  const check = definition instanceof RegExp || typeof definition === "function" ? definition : definition.validate;
  return check instanceof RegExp ? check.test(value) : check(value);
};

describe("the browser's formats", () => {
  it("give ajv-formats' verdicts, the server's own", () => {
    const samples: Record<string, string[]> = {
      email: ["anna@example.nl", "a.b+c@sub.example.co.uk", "a@b", "anna@", "@example.nl", "anna example@x.nl", "anna@-x.nl", "ANNA@EXAMPLE.NL", "a@x..nl"],
      date: ["1990-04-01", "2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "1990-13-01", "1990-00-10", "1990-4-1", "1990-04-31", "01-04-1990", ""],
      uri: ["https://example.nl/a?b=c", "mailto:anna@example.nl", "example.nl", "http://exa mple.nl", "urn:isbn:0451450523"],
    };
    const reference: Record<string, unknown> = { email: fastFormats.email, date: fullFormats.date, uri: fastFormats.uri };
    for (const [format, values] of Object.entries(samples)) {
      for (const value of values) {
        expect(test(browserFormats[format as keyof typeof browserFormats], value), `${format} ${JSON.stringify(value)}`).toBe(test(reference[format], value));
      }
    }
  });

  it("compare dates for a birth date's bounds", () => {
    const { compare } = browserFormats.date;
    expect(compare("1990-04-01", "2000-01-01")).toBe(-1);
    expect(compare("2000-01-01", "1990-04-01")).toBe(1);
    expect(compare("2000-01-01", "2000-01-01")).toBe(0);
    expect(compare("", "2000-01-01")).toBeUndefined();
  });
});

describe("the formats for rules JSON Schema cannot say", () => {
  const check = (name: keyof typeof browserFormats, value: string) => test(browserFormats[name], value);

  it("IBAN: the browser's checksum never refuses what ibantools accepts, and both refuse a typo", () => {
    const valid = ["GB82WEST12345698765432", "gb82 west 1234 5698 7654 32", "NL91ABNA0417164300", "DE89370400440532013000", "FR1420041010050500013M02606", "BE68539007547034"];
    for (const iban of valid) {
      expect(isValidIBAN(electronicFormatIBAN(iban) ?? ""), iban).toBe(true);
      expect(check("iban", iban), iban).toBe(true);
    }
    const invalid = ["GB82WEST12345698765433", "GB28WEST12345698765432", "NL91ABNA0417164301", "XX82WEST12345698765432", "12345678", "GB82 WEST", ""];
    for (const iban of invalid) {
      expect(isValidIBAN(electronicFormatIBAN(iban) ?? ""), iban).toBe(false);
      expect(check("iban", iban), iban).toBe(false);
    }
  });

  it("BIC: ibantools' verdicts", () => {
    for (const bic of ["NWBKGB2L", "NWBKGB2LXXX", "ABNANL2A", "DEUTDEFF500", "NWBKXX2L", "NWBKGB2", "NWBK GB2L", "12345678", "NWBKGB2LXX"]) {
      expect(check("bic", bic), bic).toBe(isValidBIC(bic));
    }
  });

  it("UK postcodes in every shape Royal Mail uses, with or without the space", () => {
    for (const code of ["SW1A 1AA", "sw1a1aa", "EC1A 1BB", "W1A 0AX", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "GIR 0AA"]) expect(check("uk-postcode", code), code).toBe(true);
    for (const code of ["1234 AB", "SW1A 1A", "QA1 1AA", "SW1A 1AAA", "", "90210"]) expect(check("uk-postcode", code), code).toBe(false);
  });

  it("countries by code or English name, the United Kingdom by any of its usual names", () => {
    for (const value of ["GB", "UK", "United Kingdom", "united kingdom", "Great Britain"]) expect(countryCode(value), value).toBe("GB");
    expect(countryCode("France")).toBe("FR");
    expect(countryCode(" fr ")).toBe("FR");
    for (const value of ["Narnia", "XX", "EU", ""]) expect(countryCode(value), value).toBeUndefined();
    expect(check("country", "Netherlands")).toBe(true);
    expect(check("country", "Narnia")).toBe(false);
    expect(check("country-outside-uk", "France")).toBe(true);
    for (const value of ["GB", "UK", "United Kingdom", "Narnia"]) expect(check("country-outside-uk", value), value).toBe(false);
  });
});
