import { describe, expect, it } from "vitest";
import { fieldId, orderMessages, toErrorSchema } from "./paths";

describe("paths", () => {
  it("gives RJSF's ids for top-level and nested fields", () => {
    expect(fieldId("email")).toBe("root_email");
    expect(fieldId("address.postcode")).toBe("root_address_postcode");
  });

  it("builds an ErrorSchema from dotted keys, an object's own errors beside its parts'", () => {
    expect(toErrorSchema({ email: "Enter email", address: "Dit veld is verplicht", "address.postcode": "Enter ZIP code" })).toEqual({
      email: { __errors: ["Enter email"] },
      address: { __errors: ["Dit veld is verplicht"], postcode: { __errors: ["Enter ZIP code"] } },
    });
  });

  it("orders messages as the page shows the fields, an object's own message first", () => {
    const ordered = orderMessages({ phone: "p", "address.town": "t", address: "a", extra: "x" }, ["address", "phone"]);
    expect(ordered.map(([path]) => path)).toEqual(["address", "address.town", "phone", "extra"]);
  });
});
