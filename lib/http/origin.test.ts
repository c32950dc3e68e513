import { describe, expect, it } from "vitest";
import { originAllowed } from "./origin";

const APP_URL = "http://127.0.0.1:3000";
const request = (origin: string | undefined, host = "127.0.0.1:3000", extra: Record<string, string> = {}) =>
  new Headers({ host, ...(origin === undefined ? {} : { origin }), ...extra });

describe("originAllowed", () => {
  it("lets a request without Origin through: a server-to-server client", () => {
    expect(originAllowed(request(undefined), APP_URL, [])).toBe(true);
  });

  it("accepts the host the browser addressed, and APP_URL's", () => {
    expect(originAllowed(request("http://127.0.0.1:3000"), APP_URL, [])).toBe(true);
    expect(originAllowed(request("http://localhost:3000", "localhost:3000"), APP_URL, [])).toBe(true);
    expect(originAllowed(request("https://forms.example.org", "10.0.0.5:3000", { "x-forwarded-host": "forms.example.org" }), APP_URL, [])).toBe(true);
    expect(originAllowed(request("https://forms.example.org", "10.0.0.5:3000"), "https://forms.example.org", [])).toBe(true);
  });

  it("accepts the form's embed origins and refuses every other site", () => {
    const embed = ["https://club.example", "https://*.league.example"];
    expect(originAllowed(request("https://club.example"), APP_URL, embed)).toBe(true);
    expect(originAllowed(request("https://north.league.example"), APP_URL, embed)).toBe(true);
    expect(originAllowed(request("https://evil.example"), APP_URL, embed)).toBe(false);
    expect(originAllowed(request("http://localhost:3001", "localhost:3000"), APP_URL, embed)).toBe(false);
    expect(originAllowed(request("null"), APP_URL, embed)).toBe(false);
  });
});
