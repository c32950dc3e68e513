import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoForms } from "./demo";
import { ConfigError, parseConfig, usesSandbox } from "./forms";

const valid = {
  id: "members",
  title: "Members",
  connector: "procurios",
  options: { baseUrl: "https://crm.example", registrationSetId: 42, tokenEnv: "PROCURIOS_TOKEN" },
};

function problem(document: unknown): string {
  try {
    parseConfig(document, "/etc/formgate/forms.json");
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("forms configuration", () => {
  it("accepts the built-in demo and fills defaults", () => {
    const forms = parseConfig({ forms: demoForms }, "demo");
    expect(forms.map((f) => f.id)).toEqual(["members", "demo", "club", "purepro", "crmcom", "dnl"]);
    expect(forms[1]).toMatchObject({ locale: "en", hidden: ["action_code"], theme: {}, options: { timeoutMs: 10_000 } });
    // The Resamania club form: French first, its connector's defaults filled in.
    expect(forms[2]).toMatchObject({ locale: "fr", locales: ["fr", "en", "nl"], options: { network: true, requires: ["address"], timeoutMs: 10_000 } });
    expect(forms[3]).toMatchObject({ connector: "purepro", options: { accountReference: "ACC1000001", authHeader: "Authorization", authScheme: "Bearer" } });
    expect(forms[4]).toMatchObject({ connector: "crmcom", options: { providers: ["EMAIL", "PHONE"], countries: ["CYP", "GRC", "GBR"], otpTtlSeconds: 300, otpTries: 3 } });
  });

  it("refuses CRM.COM options the vendor cannot take, naming them", () => {
    const form = { id: "x", title: "X", connector: "crmcom", locale: "en", options: { baseUrl: "/sandbox/crmcom", apiKeyEnv: "CRMCOM_API_KEY" } };
    expect(() => parseConfig({ forms: [{ ...form, options: { ...form.options, countries: ["CY"] } }] }, "f")).toThrow(/forms\[0\]\.options\.countries\[0\]: must be an ISO 3166-1 alpha-3/);
    expect(() => parseConfig({ forms: [{ ...form, options: { ...form.options, providers: ["GOOGLE"] } }] }, "f")).toThrow(/options\.providers\[0\]: must be EMAIL or PHONE/);
    expect(parseConfig({ forms: [form] }, "f")[0].options).toMatchObject({ providers: ["EMAIL"], validationRequired: false, countries: ["CYP"] });
  });

  it("mounts the sandboxes for a form whose connector option points at one, whatever the option's name", () => {
    expect(usesSandbox([{ options: { publicApiUrl: "/sandbox/purepro", accountReference: "A" } }])).toBe(true);
    expect(usesSandbox([{ options: { baseUrl: "/sandbox/procurios" } }])).toBe(true);
    expect(usesSandbox([{ options: { baseUrl: "https://crm.example", tokenEnv: "X" } }])).toBe(false);
  });

  it("refuses a blank PurePro account or business unit, naming the option", () => {
    const purepro = demoForms.find((form) => form.id === "purepro")!;
    for (const key of ["accountReference", "businessUnitReference"]) {
      const message = problem({ forms: [{ ...purepro, options: { ...purepro.options, [key]: " " } }] });
      expect(message).toMatch(new RegExp(`at forms\\[0\\]\\.options\\.${key}: must not be blank`));
    }
  });

  it("names the file, the JSON path and the problem", () => {
    expect(problem({ forms: [{ ...valid, options: { ...valid.options, registrationSetId: "42" } }] })).toMatch(
      /^Invalid forms configuration in \/etc\/formgate\/forms\.json at forms\[0\]\.options\.registrationSetId: .*number/,
    );
    expect(problem({ forms: [valid, { ...valid, id: "Bad Id" }] })).toMatch(/at forms\[1\]\.id: must be lower-case/);
    expect(problem({ forms: [{ ...valid, pages: [{ title: "A", fields: [] }] }] })).toMatch(/at forms\[0\]\.pages\[0\]\.fields/);
    expect(problem({ forms: [{ ...valid, options: { ...valid.options, tokenEnv: "secret-value" } }] })).toMatch(
      /forms\[0\]\.options\.tokenEnv: must be an environment variable name/,
    );
  });

  it("refuses unknown connectors, unknown keys and duplicate ids", () => {
    expect(problem({ forms: [{ ...valid, connector: "salesforce" }] })).toMatch(/forms\[0\]\.connector: unknown connector "salesforce"; known: procurios/);
    expect(problem({ forms: [{ ...valid, colour: "red" }] })).toMatch(/at forms\[0\]: .*colour/);
    expect(problem({ forms: [valid, valid] })).toMatch(/forms\[1\]\.id: duplicate form id "members"/);
    expect(problem({})).toMatch(/at forms: /);
  });

  it("checks embed origins and theme values", () => {
    expect(problem({ forms: [{ ...valid, embed: { allowedOrigins: ["https://club.example/page"] } }] })).toMatch(
      /forms\[0\]\.embed\.allowedOrigins\[0\]: must be an origin/,
    );
    expect(problem({ forms: [{ ...valid, theme: { primaryColor: "red; background:url(x)" } }] })).toMatch(
      /forms\[0\]\.theme\.primaryColor: must be a hex colour/,
    );
  });
});

describe("loading FORMS_CONFIG", () => {
  it("stops with the file name when the JSON is broken", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "formgate-config-"));
    const file = path.join(dir, "forms.json");
    writeFileSync(file, "{ forms: ");
    process.env.FORMS_CONFIG = file;
    const { loadConfig } = await import("./forms");
    expect(() => loadConfig()).toThrow(new RegExp(`in ${file.replace(/[/.]/g, "\\$&")} at \\(root\\): not valid JSON`));
    delete process.env.FORMS_CONFIG;
  });
});
