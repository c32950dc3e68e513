import { themeSchema, type Theme } from "@/lib/config/schema";

type Params = Record<string, string | string[] | undefined>;

const KEYS = ["primaryColor", "fontFamily", "borderRadius"] as const;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * An embed's own theme from its URL, checked by the same rules as the forms
 * file; a value that fails them is dropped alone, the others still apply.
 */
export function themeFromParams(params: Params): Theme {
  const theme: Theme = {};
  for (const key of KEYS) {
    const value = first(params[key]);
    if (value !== undefined && themeSchema.safeParse({ [key]: value }).success) theme[key] = value;
  }
  return theme;
}

/** "light" or "dark" when the host page chose (or embed.js detected) one; undefined follows the visitor's setting. */
export function schemeFromParams(params: Params): "light" | "dark" | undefined {
  const value = first(params.scheme);
  return value === "light" || value === "dark" ? value : undefined;
}

function luminance(hex: string): number {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d) : [hex.slice(1, 3), hex.slice(3, 5), hex.slice(5, 7)];
  const [r, g, b] = digits.map((pair) => {
    const c = Number.parseInt(pair, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** White or near-black, whichever contrasts more with the colour (WCAG contrast ratio). */
export function textOn(hex: string): string {
  const l = luminance(hex);
  return (1.05 / (l + 0.05)) >= (l + 0.05) / 0.0537 ? "#ffffff" : "#0b0c0c";
}

/** The theme as the --fg-* custom properties globals.css is written against. */
export function themeStyle(theme: Theme): Record<string, string> {
  const style: Record<string, string> = {};
  if (theme.primaryColor) {
    style["--fg-primary"] = theme.primaryColor;
    style["--fg-primary-text"] = textOn(theme.primaryColor);
    style["--fg-primary-hover"] = `color-mix(in srgb, ${theme.primaryColor} 82%, #000)`;
  }
  if (theme.fontFamily) style["--fg-font"] = theme.fontFamily;
  if (theme.borderRadius) style["--fg-radius"] = theme.borderRadius;
  return style;
}

// Theme values pass themeSchema; this keeps any that could end a declaration or the <style> out all the same.
const SAFE_VALUE = /^[^<>{};\\]*$/;

/** The theme as a CSS rule for `selector`, or "" without a theme (see components/ThemeStyle.tsx). */
export function themeCss(theme: Theme, selector: string): string {
  const declarations = Object.entries(themeStyle(theme)).filter(([, value]) => SAFE_VALUE.test(value));
  return declarations.length > 0 ? `${selector}{${declarations.map(([name, value]) => `${name}:${value}`).join(";")}}` : "";
}
