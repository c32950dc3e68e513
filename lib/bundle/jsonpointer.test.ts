import jsonpointer from "jsonpointer";
import { describe, expect, it } from "vitest";
import stand from "./jsonpointer";

const SCHEMA = {
  definitions: { address: { type: "object" }, "a/b": { type: "string" }, "x~y": { const: 1 }, "": { title: "empty" }, list: [{ type: "number" }], none: null },
  properties: { "naïve": { type: "boolean" } },
};
const POINTERS = ["", "/", "/definitions", "/definitions/address", "/definitions/address/type", "/definitions/a~1b", "/definitions/x~0y", "/definitions/", "/definitions/list/0", "/definitions/list/1", "/definitions/none", "/definitions/none/type", "/definitions/missing/type", "/properties/naïve", "/definitions/address/type/length"];

describe("the browser's jsonpointer stand-in", () => {
  it("finds what jsonpointer finds for every pointer", () => {
    for (const pointer of POINTERS) expect(stand.get(SCHEMA, pointer), pointer).toEqual(jsonpointer.get(SCHEMA, pointer));
  });

  it("refuses what jsonpointer refuses", () => {
    expect(() => jsonpointer.get(SCHEMA, "definitions")).toThrow("Invalid JSON pointer.");
    expect(() => stand.get(SCHEMA, "definitions")).toThrow("Invalid JSON pointer.");
    expect(() => stand.get("text", "/a")).toThrow("Invalid input object.");
  });
});
