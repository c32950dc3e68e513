/**
 * Headers for every response, pages, API answers, static files and errors alike
 * (set by proxy.ts; lib/http/methods.ts for the few requests Next cannot take).
 */

// Powerful features the forms never use, denied to the app and anything it frames.
const DENIED = [
  "accelerometer", "camera", "display-capture", "geolocation", "gyroscope", "hid", "magnetometer",
  "microphone", "midi", "payment", "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
];
export const PERMISSIONS_POLICY = DENIED.map((feature) => `${feature}=()`).join(", ");

/** Made to be loaded by other sites: the embed loader, and the form page their iframe shows. */
const crossOrigin = (path: string) => path === "/embed.js" || path.startsWith("/embed/");

export function securityHeaders(path: string, https: boolean, csp: string): Record<string, string> {
  return {
    "Content-Security-Policy": csp,
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": crossOrigin(path) ? "cross-origin" : "same-origin",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** Whether the request reached us over HTTPS: its own scheme, or the first hop's as a TLS-terminating proxy reports it. */
export function isHttps(url: string, forwardedProto: string | null): boolean {
  return url.startsWith("https:") || forwardedProto?.split(",")[0].trim().toLowerCase() === "https";
}
