import { describe, expect, it } from "vitest";
import { messages, readMessage } from "./messages";

describe("readMessage", () => {
  it("gives the meaning of each message the app has words for", () => {
    expect(readMessage(messages.required).rule).toEqual({ keyword: "required" });
    expect(readMessage(messages.email).rule).toEqual({ keyword: "format", params: { format: "email" } });
    expect(readMessage(messages.integer).rule).toEqual({ keyword: "type", params: { type: "integer" } });
    expect(readMessage(messages.date).rule).toEqual({ keyword: "format", params: { format: "date" } });
    expect(readMessage(messages.minLength(8)).rule).toEqual({ keyword: "minLength", params: { limit: 8 } });
    expect(readMessage(messages.maxLength(40)).rule).toEqual({ keyword: "maxLength", params: { limit: 40 } });
    expect(readMessage(messages.format).rule).toEqual({ keyword: "pattern" });
    expect(readMessage(messages.choice).rule).toEqual({ keyword: "enum" });
    expect(readMessage(messages.terms).rule).toEqual({ keyword: "const" });
    expect(readMessage(messages.usernameTaken).rule).toEqual({ keyword: "usernameTaken" });
  });

  it("reads the vendor's wording loosely: case, a full stop, spaces around", () => {
    expect(readMessage(" Dit veld is verplicht. ").rule).toEqual({ keyword: "required" });
    expect(readMessage("Dit is geen geldig emailadres").rule).toEqual({ keyword: "format", params: { format: "email" } });
  });

  it("keeps any other message as it came, marked Dutch", () => {
    for (const text of [messages.address, messages.addressIncomplete, messages.country, "Het lidmaatschap is vol"]) {
      expect(readMessage(text)).toEqual({ text, lang: "nl" });
    }
  });
});
