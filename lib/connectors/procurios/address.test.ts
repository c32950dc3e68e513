import { describe, expect, it } from "vitest";
import { fromPositionalAddress, toPositionalAddress, toVendorBody } from "./address";

const addressSchema = {
  type: "object",
  properties: {
    street: { type: "string" },
    number: { type: "integer" },
    number_add: { type: "string" },
    postcode: { type: "string" },
    town: { type: "string" },
    country: { type: "string" },
  },
};

describe("positional address", () => {
  it("produces the document's example from an object", () => {
    const value = { country: "NL", town: "Houten", postcode: "3992LX", number: 9, street: "Fortweg" };
    expect(toPositionalAddress(value, addressSchema)).toEqual(["Fortweg", 9, "", "3992LX", "Houten", "NL"]);
  });

  it("follows the schema's property order, not ours", () => {
    const reordered = { properties: { country: {}, town: {}, street: {} } };
    expect(toPositionalAddress({ street: "Fortweg", town: "Houten", country: "NL" }, reordered)).toEqual(["NL", "Houten", "Fortweg"]);
  });

  it("sends missing parts as empty strings and reads them back as missing", () => {
    const parts = toPositionalAddress({ street: "Fortweg", number: null }, addressSchema);
    expect(parts).toEqual(["Fortweg", "", "", "", "", ""]);
    expect(fromPositionalAddress(parts, addressSchema)).toEqual({ street: "Fortweg" });
    expect(fromPositionalAddress(["Fortweg", 9, "b", "3992LX", "Houten", "NL"], addressSchema)).toEqual({
      street: "Fortweg", number: 9, number_add: "b", postcode: "3992LX", town: "Houten", country: "NL",
    });
  });

  it("reshapes only object fields of the body", () => {
    const schema = { properties: { name: { type: "string" }, address: addressSchema } };
    expect(toVendorBody({ name: "Test name", address: { street: "Fortweg", number: 9 }, extra: 1 }, schema)).toEqual({
      name: "Test name",
      address: ["Fortweg", 9, "", "", "", ""],
      extra: 1,
    });
    expect(toVendorBody({ name: "Test name" }, schema)).toEqual({ name: "Test name" });
  });
});
