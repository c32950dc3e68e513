import { describe, expect, it } from "vitest";
import { catalogues, LOCALES } from "./index";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const reference = catalogues.en;

describe.each(LOCALES.filter((locale) => locale !== "en"))("catalogue %s", (locale) => {
  const catalogue = catalogues[locale] as Record<string, string>;

  it("has exactly the reference catalogue's keys", () => {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(reference).sort());
  });

  it("uses the same placeholders in every message", () => {
    const differing = Object.entries(reference).filter(([key, text]) => JSON.stringify(placeholders(catalogue[key] ?? "")) !== JSON.stringify(placeholders(text)));
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it("is translated: no message is left empty", () => {
    expect(Object.entries(catalogue).filter(([, text]) => !text.trim())).toEqual([]);
  });
});
