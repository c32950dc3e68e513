import { describe, expect, it } from "vitest";
import { schemeFromParams, textOn, themeFromParams, themeStyle } from "./theme";

describe("themeFromParams", () => {
  it("keeps the values the forms file would accept", () => {
    expect(themeFromParams({ primaryColor: "#0b5fff", fontFamily: "Georgia, serif", borderRadius: "6px", other: "x" })).toEqual({
      primaryColor: "#0b5fff",
      fontFamily: "Georgia, serif",
      borderRadius: "6px",
    });
  });

  it("drops each invalid value on its own, so nothing reaches the style attribute unchecked", () => {
    expect(themeFromParams({ primaryColor: "red;background:url(x)", fontFamily: "x;}", borderRadius: "6px" })).toEqual({ borderRadius: "6px" });
    expect(themeFromParams({ primaryColor: ["#fff", "#000"] })).toEqual({ primaryColor: "#fff" });
  });
});

describe("schemeFromParams", () => {
  it("knows light and dark only", () => {
    expect(schemeFromParams({ scheme: "dark" })).toBe("dark");
    expect(schemeFromParams({ scheme: "light" })).toBe("light");
    expect(schemeFromParams({ scheme: "blue" })).toBeUndefined();
  });
});

describe("themeStyle", () => {
  it("sets the custom properties, with a readable text colour on the primary", () => {
    expect(themeStyle({ primaryColor: "#0b5fff", borderRadius: "0px" })).toEqual({
      "--fg-primary": "#0b5fff",
      "--fg-primary-text": "#ffffff",
      "--fg-primary-hover": "color-mix(in srgb, #0b5fff 82%, #000)",
      "--fg-radius": "0px",
    });
    expect(themeStyle({})).toEqual({});
  });

  it("puts dark text on a light brand colour", () => {
    expect(textOn("#ffdd00")).toBe("#0b0c0c");
    expect(textOn("#fd0")).toBe("#0b0c0c");
    expect(textOn("#00703c")).toBe("#ffffff");
  });
});
