import { describe, expect, it } from "vitest";
import { openedPayload, sealedPayload } from "./deliver";

describe("the person's choices in the sealed payload", () => {
  it("travel beside the answers and come out apart from them", () => {
    const payload = sealedPayload({ email: "a@example.fr" }, { transfer: true });
    expect(openedPayload(JSON.parse(JSON.stringify(payload)))).toEqual({ data: { email: "a@example.fr" }, choices: { transfer: true } });
  });

  it("leave a payload without choices as it always was: the answers only", () => {
    expect(sealedPayload({ email: "a@example.fr" })).toEqual({ email: "a@example.fr" });
    expect(sealedPayload({ email: "a@example.fr" }, { transfer: undefined })).toEqual({ email: "a@example.fr" });
    expect(openedPayload({ email: "a@example.fr" })).toEqual({ data: { email: "a@example.fr" } });
  });
});
