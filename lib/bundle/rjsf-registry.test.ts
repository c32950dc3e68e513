import { getDefaultRegistry as rjsfRegistry } from "@rjsf/core";
import { describe, expect, it } from "vitest";
import getDefaultRegistry from "./rjsf-registry";

const keys = (record: object) => Object.keys(record).sort();

describe("the stand-in for RJSF's default registry", () => {
  it("has every field, template, button and widget RJSF's own has, and the same settings", () => {
    const [ours, theirs] = [getDefaultRegistry(), rjsfRegistry()];
    expect(keys(ours.fields)).toEqual(keys(theirs.fields));
    expect(keys(ours.templates)).toEqual(keys(theirs.templates));
    expect(keys(ours.templates.ButtonTemplates)).toEqual(keys(theirs.templates.ButtonTemplates));
    expect(keys(ours.widgets)).toEqual(keys(theirs.widgets));
    expect(ours.globalFormOptions).toEqual(theirs.globalFormOptions);
    expect(ours.translateString).toBe(theirs.translateString);
  });
});
