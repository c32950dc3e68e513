import { AppError } from "@/lib/errors";

/**
 * A value placed into a vendor URL path, encoded. "." and ".." would be resolved by
 * URL parsing into another vendor path (`/isusernameavailable/..` → `/l/profile_api/`,
 * called with our token), and a "/" or "\" (even encoded: servers differ) could too:
 * such values are refused. Every connector builds its paths with this.
 */
export function pathSegment(value: string | number): string {
  const text = String(value);
  if (text === "" || text === "." || text === ".." || /[/\\]/.test(text) || /%2e|%2f|%5c/i.test(text)) {
    throw new AppError("bad_request", `The value ${JSON.stringify(text.slice(0, 40))} cannot be used in a vendor request.`, { retryable: false });
  }
  return encodeURIComponent(text);
}
