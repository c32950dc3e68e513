import { describe, expect, it } from "vitest";
import { staffOriginAllowed } from "./staff";

describe("the staff console's Origin check", () => {
  const headers = (origin?: string, extra: Record<string, string> = {}) => new Headers({ host: "forms.club.example", ...(origin === undefined ? {} : { origin }), ...extra });

  it("accepts the app's own pages only, and refuses a missing Origin", () => {
    expect(staffOriginAllowed(headers("https://forms.club.example"))).toBe(true);
    expect(staffOriginAllowed(headers("https://proxy.club.example", { "x-forwarded-host": "proxy.club.example" }))).toBe(true);
    expect(staffOriginAllowed(headers("https://evil.example"))).toBe(false);
    expect(staffOriginAllowed(headers("null"))).toBe(false);
    expect(staffOriginAllowed(headers())).toBe(false);
  });
});
