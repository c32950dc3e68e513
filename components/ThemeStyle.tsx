import { headers } from "next/headers";
import type { Theme } from "@/lib/config/schema";
import { themeCss } from "@/lib/embed/theme";

/**
 * A form's theme as a <style> element with the request's CSP nonce: the policy
 * admits no style attributes from the server's HTML (see lib/http/csp.ts).
 * Applies to the element with the class fg-themed.
 */
export default async function ThemeStyle({ theme }: { theme: Theme }) {
  const css = themeCss(theme, ".fg-themed");
  if (!css) return null;
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return <style nonce={nonce}>{css}</style>;
}
