import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { STARTED_MAX_AGE_MS, startedTokens } from "./started";

describe("the form-started token", () => {
  const tokens = startedTokens(randomBytes(32));
  const served = Date.UTC(2026, 0, 1, 12);

  it("is accepted for its form once the minimum fill time has passed", () => {
    const token = tokens.issue("members", served);
    expect(tokens.check("members", token, 3_000, served + 3_000)).toEqual({ ok: true });
    expect(tokens.check("members", token, 3_000, served + 3_600_000)).toEqual({ ok: true });
  });

  it("refuses a submit sooner than the minimum, saying how long to wait", () => {
    const token = tokens.issue("members", served);
    expect(tokens.check("members", token, 3_000, served + 1_200)).toEqual({ ok: false, reason: "too_fast", waitMs: 1_800 });
    expect(tokens.check("members", token, 0, served)).toEqual({ ok: true });
  });

  it("refuses a token for another form, with another key, altered, malformed or too old", () => {
    const token = tokens.issue("members", served);
    const later = served + 10_000;
    const [issued, mac] = token.split(".");
    const forged = { ok: false, reason: "forged" };
    expect(tokens.check("demo", token, 3_000, later)).toEqual(forged);
    expect(startedTokens(randomBytes(32)).check("members", token, 3_000, later)).toEqual(forged);
    // An earlier time under the same signature would pass the fill time: it must not verify.
    expect(tokens.check("members", `${(served - 60_000).toString(36)}.${mac}`, 3_000, later)).toEqual(forged);
    expect(tokens.check("members", `${issued}.${mac.slice(0, -2)}AA`, 3_000, later)).toEqual(forged);
    // The last of 43 characters carries two spare bits: flipping them decodes to the same bytes.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const spare = alphabet[alphabet.indexOf(mac.at(-1)!) ^ 1];
    expect(Buffer.from(`${mac.slice(0, -1)}${spare}`, "base64url")).toEqual(Buffer.from(mac, "base64url"));
    expect(tokens.check("members", `${issued}.${mac.slice(0, -1)}${spare}`, 3_000, later)).toEqual(forged);
    for (const bad of ["", "x", `${issued}.`, `.${mac}`, `${token}.extra`, "zzzzzzzzzzzzzzzzzzz.abc"]) {
      expect(tokens.check("members", bad, 3_000, later), bad).toEqual(forged);
    }
    expect(tokens.check("members", token, 3_000, served + STARTED_MAX_AGE_MS + 1)).toEqual(forged);
  });
});
