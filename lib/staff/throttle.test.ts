import { describe, expect, it } from "vitest";
import { signInThrottle } from "./throttle";

const options = { account: { points: 3, seconds: 60 }, address: { points: 5, seconds: 60 } };

describe("sign-in throttle", () => {
  it("refuses an account name after its failures, known or not, until a good sign-in clears it", async () => {
    const throttle = signInThrottle({ kind: "memory" }, { ...options, prefix: `t1-${Math.random()}` });
    for (let i = 0; i < 3; i++) {
      expect(await throttle.blockedFor("Ana@club.example", `10.0.0.${i}`)).toBe(0);
      await throttle.failed("Ana@club.example", `10.0.0.${i}`);
    }
    // Another address, same account (case and spaces do not matter): refused.
    expect(await throttle.blockedFor(" ana@CLUB.example ", "10.0.0.9")).toBeGreaterThan(0);
    expect(await throttle.blockedFor("bob@club.example", "10.0.0.9")).toBe(0);
    await throttle.succeeded("ana@club.example");
    expect(await throttle.blockedFor("ana@club.example", "10.0.0.9")).toBe(0);
  });

  it("refuses an address that tries many accounts", async () => {
    const throttle = signInThrottle({ kind: "memory" }, { ...options, prefix: `t2-${Math.random()}` });
    for (let i = 0; i < 5; i++) await throttle.failed(`user${i}@club.example`, "192.0.2.7");
    expect(await throttle.blockedFor("someone.new@club.example", "192.0.2.7")).toBeGreaterThan(0);
    expect(await throttle.blockedFor("someone.new@club.example", "192.0.2.8")).toBe(0);
  });
});
