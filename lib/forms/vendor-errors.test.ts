import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n";
import { wordRejection, wordVendorErrors } from "./vendor-errors";

const schema = {
  type: "object",
  properties: {
    username: { type: "string", title: "Gebruikersnaam" },
    email: { type: "string", format: "email", title: "E-mailadres" },
    password: { type: "string", minLength: 8, title: "Wachtwoord" },
    terms: { type: "boolean", const: true, title: "Voorwaarden" },
    address: { type: "object", title: "Adres", properties: { street: { type: "string", title: "Straat" } } },
  },
};

const vendor = {
  username: { text: "Deze gebruikersnaam is al in gebruik", lang: "nl", rule: { keyword: "usernameTaken" } },
  email: { text: "Dit veld is verplicht", lang: "nl", rule: { keyword: "required" } },
  password: { text: "Dit veld moet minimaal 8 tekens bevatten", lang: "nl", rule: { keyword: "minLength", params: { limit: 8 } } },
  terms: { text: "U moet akkoord gaan met de voorwaarden", lang: "nl", rule: { keyword: "const" } },
  address: { text: "Vul een volledig adres in", lang: "nl" },
};

describe("wordVendorErrors", () => {
  it("words the messages it knows in the page's language and keeps the others, marked with their language", () => {
    const { errors, languages } = wordVendorErrors(vendor, schema, { username: "jan" }, translator("fr"));
    expect(errors).toEqual({
      username: "jan n’est pas disponible",
      email: "Renseignez E-mailadres",
      password: "Wachtwoord doit contenir au moins 8 caractères",
      terms: "Vous devez accepter : Voorwaarden",
      address: "Vul een volledig adres in",
    });
    expect(languages).toEqual({ address: "nl" });
  });

  it("marks nothing when the page speaks the vendor's language", () => {
    const { errors, languages } = wordVendorErrors(vendor, schema, {}, translator("nl"));
    expect(errors.email).toBe("Vul E-mailadres in");
    expect(errors.address).toBe("Vul een volledig adres in");
    expect(languages).toEqual({});
  });
});

describe("a delivery's refusal", () => {
  it("words rules in the page's language and keeps a vendor's own text", async () => {
    const { ruleText } = await import("@/lib/connectors/types");
    const { wordRejection } = await import("./vendor-errors");
    const fields = {
      email: ruleText({ keyword: "emailTaken" }),
      username: ruleText({ keyword: "required" }),
      mobile: ruleText({ keyword: "required" }),
      password: "Le mot de passe est trop court",
    };
    const fr = translator("fr");
    const worded = wordRejection(fields, schema, {}, fr);
    expect(worded.email).toBe(fr("emailTaken"));
    expect(worded.username).toBe(fr("required", { field: "Gebruikersnaam" }));
    // A field the form does not have yet (a vendor's own requirement) is still named.
    expect(worded.mobile).toBe(fr("required", { field: "Mobile" }));
    expect(worded.password).toBe("Le mot de passe est trop court");
  });

  it("names a username taken by its value, or by the field's title where the answers are not at hand", async () => {
    const { ruleText } = await import("@/lib/connectors/types");
    const { wordRejection } = await import("./vendor-errors");
    const fields = { username: ruleText({ keyword: "usernameTaken" }) };
    const en = translator("en");
    expect(wordRejection(fields, schema, { username: "anna.j" }, en).username).toBe(en("usernameTaken", { value: "anna.j" }));
    expect(wordRejection(fields, schema, {}, en).username).toBe(en("usernameTaken", { value: "Gebruikersnaam" }));
  });
});

describe("rules of connectors that sign people up by phone or email", () => {
  it("words an account that exists and a phone country not offered in the page's language", async () => {
    const { translator } = await import("@/lib/i18n");
    const { ruleText } = await import("@/lib/connectors/types");
    const schema = { type: "object", properties: { email: { type: "string", title: "Adresse e-mail" }, phone: { type: "string", title: "Mobile" } } };
    const fields = { email: ruleText({ keyword: "alreadyRegistered" }), phone: ruleText({ keyword: "phoneCountry", params: { countries: ["CY", "GR"] } }) };
    const worded = wordRejection(fields, schema, {}, translator("fr"));
    expect(worded.email).toBe("Adresse e-mail : un compte existe déjà avec cette valeur. Connectez-vous, ou modifiez votre saisie.");
    expect(worded.phone).toBe("Saisissez un numéro de mobile de Chypre ou Grèce");
    expect(wordRejection(fields, schema, {}, translator("en")).phone).toBe("Enter a mobile number from Cyprus or Greece");
  });
});
