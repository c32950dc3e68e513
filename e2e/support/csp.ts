import http, { type IncomingHttpHeaders } from "node:http";
import { expect, type Page } from "@playwright/test";
import { APP_PORT } from "../../playwright.config";

/** What a response must carry, whatever it is (page, JSON, static file, error). */
export function expectSecurityHeaders(headers: Record<string, string | string[] | undefined>, corp = "same-origin") {
  const csp = String(headers["content-security-policy"]);
  expect(csp).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]{16,}'[^;]*'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).not.toContain("unsafe-eval");
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "connect-src 'self'", "frame-ancestors"]) {
    expect(csp).toContain(directive);
  }
  expect(headers["permissions-policy"]).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\).*payment=\(\).*usb=\(\)/);
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["cross-origin-resource-policy"]).toBe(corp);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["strict-transport-security"]).toBeUndefined(); // plain HTTP
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request sent exactly as written: the path is not normalised and any method goes. */
export function raw(method: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port: APP_PORT, method, path, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

/**
 * Records every CSP (and Permissions-Policy) complaint in every frame of the page:
 * securitypolicyviolation events, and the console errors Chromium logs for them.
 */
export async function recordViolations(page: Page): Promise<{ (): Promise<string[]>; clear(): Promise<void> }> {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Permissions-Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = []);
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI} in ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  const inFrames = <T>(fn: () => T) => Promise.all(page.frames().map((frame) => frame.evaluate(fn).catch(() => undefined)));
  const read = async () => {
    const events = await inFrames(() => (window as unknown as { __violations?: string[] }).__violations ?? []);
    return [...events.flat().filter((event) => event !== undefined), ...console];
  };
  /** Forgets what was recorded so far (a violation a test caused on purpose). */
  const clear = async () => {
    console.length = 0;
    await inFrames(() => (window as unknown as { __violations?: string[] }).__violations?.splice(0));
  };
  return Object.assign(read, { clear });
}
