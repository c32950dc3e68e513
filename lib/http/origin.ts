import { allowedOrigin } from "@/lib/embed/origins";

/**
 * Whether a browser's `Origin` is this app or one of the form's embed origins.
 * The app is whatever host the browser addressed (Host, or X-Forwarded-Host from
 * a proxy; a cross-site page cannot set either) or APP_URL's. No Origin at all —
 * a server-to-server client — passes: this stops other sites' pages, not scripts.
 */
export function originAllowed(headers: Headers, appUrl: string, patterns: readonly string[]): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null": a sandboxed frame, a file, a redirect across sites
  }
  const own = [headers.get("host"), headers.get("x-forwarded-host")?.split(",")[0].trim(), new URL(appUrl).host];
  return own.includes(url.host) || allowedOrigin(origin, patterns) !== undefined;
}
