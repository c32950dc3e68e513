import { describe, expect, it } from "vitest";
import { procuriosOptionsSchema } from "./options";

describe("procuriosOptionsSchema", () => {
  it("accepts a sandbox path or a URL and fills the defaults", () => {
    expect(procuriosOptionsSchema.parse({ baseUrl: "/sandbox/procurios/", registrationSetId: 77, tokenEnv: "PROCURIOS_TOKEN" })).toEqual({
      baseUrl: "/sandbox/procurios", registrationSetId: 77, tokenEnv: "PROCURIOS_TOKEN", timeoutMs: 10_000, schemaTtlMs: 60_000,
    });
    expect(procuriosOptionsSchema.parse({ baseUrl: "https://club.procurios.cloud", registrationSetId: 1, tokenEnv: "T", timeoutMs: 500 }).timeoutMs).toBe(500);
  });

  it.each([
    [{ baseUrl: "ftp://x" }, "baseUrl", "must be an http(s) URL or a /sandbox/ path"],
    [{ baseUrl: "/api" }, "baseUrl", "must be an http(s) URL or a /sandbox/ path"],
    [{ registrationSetId: 0 }, "registrationSetId", "must be a positive whole number"],
    [{ tokenEnv: "procurios-token" }, "tokenEnv", "must be an environment variable name such as PROCURIOS_TOKEN"],
    [{ token: "abc" }, "", "Unrecognized key"],
  ])("rejects %j", (change, path, message) => {
    const result = procuriosOptionsSchema.safeParse({ baseUrl: "/sandbox/procurios", registrationSetId: 42, tokenEnv: "PROCURIOS_TOKEN", ...change });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0];
    expect(issue.path.join(".")).toBe(path);
    expect(issue.message).toContain(message);
  });
});
