import { isValueEmpty as rjsfIsValueEmpty } from "@rjsf/utils";
import { describe, expect, it } from "vitest";
import notUsed, { isValueEmpty } from "./omit-extra-data";

describe("the browser's stand-in for RJSF's omitExtraData", () => {
  it("says it is not used when called", () => {
    expect(() => notUsed()).toThrow("not used by this app");
  });

  it("keeps RJSF's isValueEmpty", () => {
    for (const value of [null, undefined, "", "a", 0, false, [], [1], {}, { a: "" }, { a: { b: null } }, { a: 1 }, [""]]) {
      expect(isValueEmpty(value), JSON.stringify(value)).toBe(rjsfIsValueEmpty(value));
    }
  });
});
