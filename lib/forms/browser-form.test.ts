import { describe, expect, it } from "vitest";
import { membersDefinition } from "@/components/wizard/test-definition";
import { testValidators, validatorsHash as hashOf } from "@/components/wizard/test-validators";
import { validateInBrowser } from "@/components/wizard/browserValidation";
import { buildFormModel } from "@/components/wizard/formModel";
import { translator } from "@/lib/i18n";
import { browserForm, validatorModule } from "./browser-form";
import type { FormDefinition } from "./types";
import { validateData } from "./validate";
import { RUNTIME_MODULES } from "./validator-runtime";

const t = translator("en");

/** The members form with a pattern on the phone number. */
function withPhonePattern(pattern: string): FormDefinition {
  const definition = membersDefinition();
  const properties = definition.schema.properties as Record<string, Record<string, unknown>>;
  const schema = { ...definition.schema, properties: { ...properties, phone: { ...properties.phone, pattern } } };
  return { ...definition, schema };
}

// Backtracks for ever on "1111…x" in a native RegExp.
const withEvilPattern = () => withPhonePattern("^(\\d+)+$");

describe("browserForm and validatorModule", () => {
  it("name the code by its content: any instance builds the same URL and the same text", () => {
    const [a, b] = [membersDefinition(), membersDefinition()];
    expect(browserForm(a).validatorsUrl).toMatch(/^\/api\/forms\/members\/validator\/[0-9a-f]{32}$/);
    expect(browserForm(a).validatorsUrl).toBe(browserForm(b).validatorsUrl);
    for (const part of ["form", 1, 4] as const) expect(validatorModule(a, hashOf(a), part)).toBe(validatorModule(b, hashOf(b), part));
    const other = withPhonePattern("^[0-9 ]+$");
    expect(hashOf(other)).not.toBe(hashOf(a));
    expect(validatorModule(a, hashOf(other), 1)).toBeUndefined();
    // Parts that do not exist: no page 5, no page 0.
    expect(validatorModule(a, hashOf(a), 5)).toBeUndefined();
    expect(validatorModule(a, hashOf(a), 0)).toBeUndefined();
    // A pattern the browser never gets changes nothing it is sent.
    expect(hashOf(withEvilPattern())).toBe(hashOf(a));
  });

  it("is an ES module that evaluates nothing from strings and needs only the browser's runtime helpers", () => {
    const definition = membersDefinition();
    const code = validatorModule(definition, hashOf(definition), 1) ?? "";
    expect(code).toMatch(/^export default function \(require\) \{/);
    expect(code).not.toMatch(/new Function|\beval\(|\bimport\(/);
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
    expect(required.length).toBeGreaterThan(0);
    for (const name of required) expect(RUNTIME_MODULES).toContain(name);
    // The helpers are referenced, never inlined: one copy lives in the client bundle.
    expect(code).not.toMatch(/function ucs2length|fastFormats\s*=/);
  });

  it("give the whole form's part its conditions only: the form is checked page by page", async () => {
    const definition = membersDefinition();
    const { definition: browser } = browserForm(definition);
    const { root } = await testValidators(definition);
    expect(() => root.validateFormData({}, browser.schema as never)).toThrow("checked page by page");
    const form = validatorModule(definition, hashOf(definition), "form") ?? "";
    // cleanAnswers' question: does the student condition hold? The form's required email is not its business.
    expect(form).toContain('"const":"student"');
    expect(form.length).toBeLessThan((validatorModule(definition, hashOf(definition), 1) ?? "").length * 2);
    expect(form).not.toContain('missingProperty: "email"');
  });

  it("leaves an unsafe vendor pattern out of the browser's copy; the server still reports it", async () => {
    const definition = withEvilPattern();
    const { definition: browser, pageModel } = browserForm(definition);
    expect(JSON.stringify(browser.schema)).not.toContain("(\\\\d+)+");
    for (const part of ["form", 1, 2, 3, 4] as const) expect(validatorModule(definition, hashOf(definition), part)).not.toContain("(\\\\d+)+");

    const { pages } = await testValidators(definition);
    const model = buildFormModel(browser, pageModel);
    const started = Date.now();
    const data = { address: { street: "Fortweg" }, phone: `${"1".repeat(40)}x` };
    expect(validateInBrowser(pages[2], model.pageSchemas[2], data, browser.schema, t)).not.toHaveProperty("phone");
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(validateData(definition.schema, { phone: "12a" }, t)).toHaveProperty("phone", "Phone number is not in the right format");
  });
});
