import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n";
import { confirmationTexts } from "./submission";

describe("confirmationTexts", () => {
  it("names the vendor's reference as the connector says what it is", () => {
    const delivered = { id: "s1", status: "delivered", reference: "CU000042" } as const;
    expect(confirmationTexts(delivered, translator("en")).body).toBe("Your registration is complete. Your relation number is CU000042.");
    expect(confirmationTexts(delivered, translator("en"), "customerReference").body).toBe("Your registration is complete. Your customer reference is CU000042.");
    expect(confirmationTexts(delivered, translator("nl"), "customerReference").body).toContain("klantreferentie is CU000042");
  });
});
