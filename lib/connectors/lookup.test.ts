import { describe, expect, it } from "vitest";
import { lookupFields } from "./lookup";

describe("a vendor record as lookup fields", () => {
  it("flattens objects, joins lists, and drops credentials and the names asked at any depth", () => {
    const fields = lookupFields(
      {
        "@id": "/x/contacts/1",
        name: "Acme",
        Address: { Town: "London", Postcode: "SW1A 1AA", Lines: ["1 High St", "Soho"] },
        Password: "p",
        api_key: "k",
        accessToken: "t",
        Bank: { AccountName: "Acme", secret: "s" },
        tags: [],
        active: true,
      },
      new Set(["@id"]),
    );
    expect(fields).toEqual({ name: "Acme", "Address.Town": "London", "Address.Postcode": "SW1A 1AA", "Address.Lines": "1 High St; Soho", "Bank.AccountName": "Acme", tags: null, active: true });
  });
});
