import { describe, expect, it } from "vitest";
import { pureproOptionsSchema } from "./options";

const valid = { publicApiUrl: "/sandbox/purepro/", accountReference: "ACC1000001", businessUnitReference: "BU1000001", tokenEnv: "PUREPRO_TOKEN" };

describe("PurePro options", () => {
  it("take the sandbox or an http(s) URL and default to a bearer token in Authorization", () => {
    expect(pureproOptionsSchema.parse(valid)).toMatchObject({ publicApiUrl: "/sandbox/purepro", authHeader: "Authorization", authScheme: "Bearer" });
    expect(pureproOptionsSchema.parse({ ...valid, publicApiUrl: "https://api.purepro.example/v1", authHeader: "X-Api-Key", authScheme: "" })).toMatchObject({
      authHeader: "X-Api-Key",
      authScheme: "",
    });
  });

  it("refuse a blank or path-breaking account or business unit, naming the option", () => {
    for (const [key, value] of [["accountReference", ""], ["accountReference", "   "], ["businessUnitReference", ""], ["businessUnitReference", "a/b"], ["accountReference", ".."]]) {
      const result = pureproOptionsSchema.safeParse({ ...valid, [key]: value });
      expect(result.success, `${key}=${JSON.stringify(value)}`).toBe(false);
      expect(result.error?.issues[0].path).toEqual([key]);
    }
    expect(pureproOptionsSchema.safeParse({ ...valid, publicApiUrl: "ftp://x" }).success).toBe(false);
    expect(pureproOptionsSchema.safeParse({ ...valid, tokenEnv: "purepro-token" }).success).toBe(false);
    expect(pureproOptionsSchema.safeParse({ ...valid, extra: 1 }).success).toBe(false);
  });
});
