import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n";
import { disposableDomain, disposableEmailErrors, emailFields } from "./disposable";

describe("disposable email addresses", () => {
  it("knows the listed domains and the subdomains of wildcard ones, case and spaces aside", () => {
    expect(disposableDomain("someone@mailinator.com")).toBe("mailinator.com");
    expect(disposableDomain(" Someone@MAILINATOR.com ")).toBe("mailinator.com");
    expect(disposableDomain("x@anything.33m.co")).toBe("anything.33m.co");
    expect(disposableDomain("anna@example.nl")).toBeUndefined();
    expect(disposableDomain("anna@gmail.com")).toBeUndefined();
    expect(disposableDomain("mailinator.com")).toBeUndefined();
  });

  it("names the email field in the user's language, nested fields included", () => {
    const schema = {
      type: "object",
      properties: {
        email: { title: "Email address", type: "string", format: "email" },
        name: { type: "string" },
        guardian: { type: "object", properties: { email_address: { type: "string", format: "email" } } },
      },
    };
    expect(emailFields(schema)).toEqual(["email", "guardian.email_address"]);
    const errors = disposableEmailErrors(schema, { email: "a@mailinator.com", guardian: { email_address: "b@example.nl" } }, translator("en"));
    expect(errors).toEqual({ email: "Email address is a throwaway address (mailinator.com). Enter an address you will keep using." });
  });
});
