import { describe, expect, it } from "vitest";
import { generatedPassword } from "./assisted";

describe("the password of a person registered by staff", () => {
  const secret = "s".repeat(40);

  it("is strong, the same for a retried submit, and different for another submission or server", () => {
    const one = generatedPassword(secret, "members", "key-1", "password", {});
    expect(one).toMatch(/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)(?=.*[^A-Za-z0-9]).{36}$/);
    expect(generatedPassword(secret, "members", "key-1", "password", {})).toBe(one);
    expect(generatedPassword(secret, "members", "key-2", "password", {})).not.toBe(one);
    expect(generatedPassword("t".repeat(40), "members", "key-1", "password", {})).not.toBe(one);
  });

  it("fits the vendor's maximum length, every class kept", () => {
    expect(generatedPassword(secret, "members", "key-1", "password", { maxLength: 16 })).toMatch(/^.{12}Aa1!$/);
  });
});
