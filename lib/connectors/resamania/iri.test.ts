import { describe, expect, it } from "vitest";
import { idOf, iriOf } from "./iri";

describe("IRIs", () => {
  it("builds an IRI under the client token and reads its id back", () => {
    expect(iriOf("demoapi", "contacts", 2974340)).toBe("/demoapi/contacts/2974340");
    expect(idOf("/demoapi/contacts/2974340", "demoapi", "contacts")).toBe("2974340");
    // As the document's JSON has it, once parsed.
    expect(idOf(JSON.parse(String.raw`"\/demoapi\/contacts\/2974340"`), "demoapi", "contacts")).toBe("2974340");
  });

  it("refuses IRIs of another client token, another collection, or with a path in the id", () => {
    expect(idOf("/otherclient/contacts/1", "demoapi", "contacts")).toBeUndefined();
    expect(idOf("/demoapi/clubs/1", "demoapi", "contacts")).toBeUndefined();
    expect(idOf("/demoapi/contacts/1/migrate", "demoapi", "contacts")).toBeUndefined();
    expect(idOf("/demoapi/contacts/..", "demoapi", "contacts")).toBeUndefined();
    expect(idOf(42, "demoapi", "contacts")).toBeUndefined();
    expect(() => iriOf("demoapi", "contacts", "../clubs")).toThrow();
  });
});
