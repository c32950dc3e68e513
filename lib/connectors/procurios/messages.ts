import type { VendorMessage, VendorRule } from "@/lib/connectors/types";

/**
 * Procurios' validate messages (Dutch, whatever the page's language). The document
 * shows only "Dit veld is verplicht"; the others are the sandbox's, in the same voice.
 * The sandbox answers with these texts and the connector reads them back (readMessage).
 */
export const messages = {
  required: "Dit veld is verplicht",
  email: "Dit is geen geldig e-mailadres",
  integer: "Dit moet een geheel getal zijn",
  date: "Dit is geen geldige datum",
  minLength: (n: number) => `Dit veld moet minimaal ${n} tekens bevatten`,
  maxLength: (n: number) => `Dit veld mag maximaal ${n} tekens bevatten`,
  format: "Dit veld heeft een ongeldig formaat",
  choice: "Kies een geldige optie",
  terms: "U moet akkoord gaan met de voorwaarden",
  usernameTaken: "Deze gebruikersnaam is al in gebruik",
  address: "Dit is geen geldig adres",
  addressIncomplete: "Vul een volledig adres in",
  country: "Gebruik een landcode van 2 letters",
};

export const MESSAGE_LANGUAGE = "nl";

/** Messages that mean something the app has its own words for; the rest (the address ones) are shown as they came. */
const MEANINGS: Array<[RegExp, (match: RegExpExecArray) => VendorRule]> = [
  [/^dit veld is verplicht\.?$/i, () => ({ keyword: "required" })],
  [/^dit is geen geldig e-?mailadres\.?$/i, () => ({ keyword: "format", params: { format: "email" } })],
  [/^dit moet een geheel getal zijn\.?$/i, () => ({ keyword: "type", params: { type: "integer" } })],
  [/^dit is geen geldige datum\.?$/i, () => ({ keyword: "format", params: { format: "date" } })],
  [/^dit veld moet minimaal (\d+) tekens bevatten\.?$/i, (match) => ({ keyword: "minLength", params: { limit: Number(match[1]) } })],
  [/^dit veld mag maximaal (\d+) tekens bevatten\.?$/i, (match) => ({ keyword: "maxLength", params: { limit: Number(match[1]) } })],
  [/^dit veld heeft een ongeldig formaat\.?$/i, () => ({ keyword: "pattern" })],
  [/^kies een geldige optie\.?$/i, () => ({ keyword: "enum" })],
  [/^u moet akkoord gaan met de voorwaarden\.?$/i, () => ({ keyword: "const" })],
  [/^deze gebruikersnaam is al in gebruik\.?$/i, () => ({ keyword: "usernameTaken" })],
];

/** A Procurios message with its meaning, where the app has one. */
export function readMessage(text: string): VendorMessage {
  const trimmed = text.trim();
  for (const [pattern, rule] of MEANINGS) {
    const match = pattern.exec(trimmed);
    if (match) return { text, lang: MESSAGE_LANGUAGE, rule: rule(match) };
  }
  return { text, lang: MESSAGE_LANGUAGE };
}
