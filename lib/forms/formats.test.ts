import { fastFormats, fullFormats } from "ajv-formats/dist/formats";
import { describe, expect, it } from "vitest";
import { browserFormats } from "./formats";

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
