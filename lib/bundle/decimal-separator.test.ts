import rjsfSeparator from "@rjsf/utils/lib/getDecimalSeparator.js";
import { describe, expect, it } from "vitest";
import getDecimalSeparator from "./decimal-separator";

describe("the remembered decimal separator", () => {
  it("answers as RJSF's own does, for every language list", () => {
    for (const languages of [undefined, "en-US", ["nl-NL", "en"], ["de"], ["fr-CH"], "xx-invalid-!!"]) {
      expect(getDecimalSeparator(languages)).toBe(rjsfSeparator(languages as string[] | undefined));
      expect(getDecimalSeparator(languages)).toBe(rjsfSeparator(languages as string[] | undefined));
    }
  });
});
