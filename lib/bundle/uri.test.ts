import fastUri from "fast-uri";
import { describe, expect, it } from "vitest";
import { normalRef } from "@/lib/forms/browser-schema";
import uri from "./uri";

// Local references as vendors write them, plain and odd.
const REFS = ["#", "#/definitions/address", "#/$defs/naïve", "#/definitions/a b", "#/definitions/x#y", "#/A/%7e", "#/a%20b", "#/definitions/~1x~0", "#/definitions/x/", "#/properties/é/items/0"];

describe("the browser's fast-uri stand-in", () => {
  it("resolves every normalised local reference against RJSF's root base exactly as fast-uri does", () => {
    for (const ref of REFS) {
      const normal = normalRef(ref);
      expect(fastUri.resolve("#", normal)).toBe(normal);
      expect(uri.resolve("#", normal)).toBe(fastUri.resolve("#", normal));
    }
  });

  it("leaves ordinary references as they are, and malformed ones to fail as before", () => {
    expect(normalRef("#/definitions/address")).toBe("#/definitions/address");
    expect(normalRef("#/a%zz")).toBe("#/a%zz");
  });
});
