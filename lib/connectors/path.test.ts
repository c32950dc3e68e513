import { describe, expect, it } from "vitest";
import { pathSegment } from "./path";

describe("pathSegment", () => {
  it("encodes ordinary values", () => {
    expect(pathSegment("j.de vries")).toBe("j.de%20vries");
    expect(pathSegment(42)).toBe("42");
  });

  it.each(["", ".", "..", "a/b", "../x", "a\\b", "%2e%2e", "a%2Fb", "%5c"])("refuses %j", (value) => {
    expect(() => pathSegment(value)).toThrow(expect.objectContaining({ code: "bad_request" }));
  });
});
