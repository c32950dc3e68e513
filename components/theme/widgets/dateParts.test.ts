import { describe, expect, it } from "vitest";
import { joinDate, splitDate } from "./dateParts";

describe("date parts", () => {
  it("join to an ISO date, padding day and month", () => {
    expect(joinDate({ day: "1", month: "4", year: "1990" })).toBe("1990-04-01");
    expect(joinDate({ day: "", month: "", year: " " })).toBeUndefined();
  });

  it("keep what cannot be a date, so nothing typed is lost", () => {
    expect(joinDate({ day: "30", month: "2", year: "1990" })).toBe("1990-02-30");
    expect(joinDate({ day: "12", month: "", year: "" })).toBe("--12");
    expect(splitDate("--12")).toEqual({ day: "12", month: "", year: "" });
    expect(joinDate({ day: "1-", month: "x", year: "90" })).toBe("90-x-01");
    expect(splitDate("1990-02-30")).toEqual({ day: "30", month: "02", year: "1990" });
    expect(splitDate("01/04/1990")).toEqual({ day: "", month: "", year: "01/04/1990" });
    expect(splitDate(undefined)).toEqual({ day: "", month: "", year: "" });
  });
});
