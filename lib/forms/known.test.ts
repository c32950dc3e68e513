import { describe, expect, it } from "vitest";
import { fixture } from "./fixtures/load";
import { knownAnswers } from "./known";

describe("knownAnswers", () => {
  const schema = fixture("set77");

  it("drops keys the form does not declare, at the top and inside groups", () => {
    const data = { name: "Jansen", is_admin: true, address: { street: "Fortweg", role: "root" }, ["__proto__"]: { polluted: 1 } };
    const kept = knownAnswers(schema, JSON.parse(JSON.stringify(data)));
    expect(kept).toEqual({ name: "Jansen", address: { street: "Fortweg" } });
    expect(Object.keys(kept)).toEqual(["name", "address"]);
  });

  it("keeps conditional fields", () => {
    expect(knownAnswers(schema, { membership: "student", student_number: "123456" })).toEqual({ membership: "student", student_number: "123456" });
  });
});
