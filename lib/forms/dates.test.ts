import { describe, expect, it } from "vitest";
import { birthDateBounds, latestToday, longDate, utcToday } from "./dates";

const noon = Date.parse("2025-11-24T12:00:00Z");

describe("birth-date bounds", () => {
  it("allow today anywhere on Earth and at most 120 years back by default", () => {
    expect(birthDateBounds({ minAgeYears: 0, maxAgeYears: 120 }, noon)).toEqual({ min: "1905-11-24", max: "2025-11-25" });
    expect(latestToday(Date.parse("2025-11-24T09:59:00Z"))).toBe("2025-11-24");
    expect(utcToday(noon)).toBe("2025-11-24");
  });

  it("take a minimum age as the latest birth date", () => {
    expect(birthDateBounds({ minAgeYears: 16, maxAgeYears: 100 }, noon)).toEqual({ min: "1925-11-24", max: "2009-11-24" });
  });
});

describe("longDate", () => {
  it("writes an ISO date out in the language, and leaves anything else alone", () => {
    expect(longDate("1990-04-01", "en-GB")).toBe("1 April 1990");
    expect(longDate("1990-04-01", "nl")).toBe("1 april 1990");
    expect(longDate("1990-02-30x", "en")).toBe("1990-02-30x");
  });
});
