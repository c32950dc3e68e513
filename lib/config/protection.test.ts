import { describe, expect, it } from "vitest";
import { parseConfig } from "./forms";

const form = (protection?: unknown) => ({
  id: "members",
  title: "Members",
  connector: "procurios",
  options: { baseUrl: "https://crm.example", registrationSetId: 42, tokenEnv: "PROCURIOS_TOKEN" },
  ...(protection === undefined ? {} : { protection }),
});

describe("a form's protection settings", () => {
  it("default to the honeypot alone: no required token, disposable emails allowed, no challenge", () => {
    expect(parseConfig({ forms: [form()] }, "test")[0].protection).toEqual({ honeypot: true, requireToken: false, refuseDisposableEmail: false });
  });

  it("take a challenge whose secret is named, never given", () => {
    const challenge = { provider: "turnstile", siteKey: "0x4AAAAAAA", secretEnv: "TURNSTILE_SECRET" };
    expect(parseConfig({ forms: [form({ refuseDisposableEmail: true, challenge })] }, "test")[0].protection).toMatchObject({ challenge });
    expect(() => parseConfig({ forms: [form({ challenge: { ...challenge, secretEnv: "0x-secret-value" } })] }, "f.json")).toThrow(
      /at forms\[0\]\.protection\.challenge\.secretEnv: must be an environment variable name/,
    );
    expect(() => parseConfig({ forms: [form({ challenge: { ...challenge, provider: "recaptcha" } })] }, "f.json")).toThrow(/protection\.challenge\.provider/);
    expect(() => parseConfig({ forms: [form({ captcha: true })] }, "f.json")).toThrow(/at forms\[0\]\.protection/);
  });
});
