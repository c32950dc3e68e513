import { describe, expect, it } from "vitest";
import { getFormContext } from "@/lib/forms/definition";

describe("the demo DNL form", () => {
  it("asks the registration's fields on four pages, in English first, with the app's country and phone fields", async () => {
    const { definition } = await getFormContext("dnl");
    expect(definition.locale).toBe("en");
    expect(definition.referenceKind).toBe("registrationNumber");
    expect(definition.pages.map((page) => page.fields)).toEqual([
      ["client_name", "username", "password", "main_email"],
      ["company", "company_detail", "tax_id", "phone", "noc_email", "rate_send_to_email", "referral"],
      ["address"],
      ["billing"],
    ]);
    const properties = definition.schema.properties as Record<string, Record<string, any>>;
    expect(properties.address.properties.country.enum).toContain("NL");
    expect(properties.billing.properties.country.enum).toContain("FR");
    expect(properties.phone.format).toBe("phone");
    expect(properties.billing.properties.phone.format).toBe("phone");
    expect((definition.uiSchema.password as Record<string, unknown>)["ui:widget"]).toBe("password");
    // No username check: DNL documents none.
    expect(definition.checks).toEqual({});
  });

  it("speaks Dutch and French", async () => {
    const nl = await getFormContext("dnl", { requested: "nl" });
    expect(nl.definition.title).toBe("Een klantaccount openen");
    expect((nl.definition.schema.properties as Record<string, { title: string }>).company.title).toBe("Bedrijfsnaam");
    const fr = await getFormContext("dnl", { requested: "fr" });
    expect(fr.definition.pages[3].title).toBe("Facturation");
  });
});
