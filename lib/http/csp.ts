/**
 * The Content-Security-Policy of every response (proxy.ts).
 *
 * Scripts: only those carrying this response's nonce (Next puts it on its own),
 * and with 'strict-dynamic' what they load (chunks, the form's validator module);
 * no 'unsafe-inline', no 'unsafe-eval'. 'self' only serves browsers without
 * 'strict-dynamic', which ignore it otherwise.
 *
 * Styles: the stylesheet from 'self' and <style> elements with the nonce (a
 * form's theme, see ThemeStyle). No 'unsafe-inline', so no style attribute from
 * the server's HTML applies either: theme values are never written into markup.
 * Styles that React sets from script go through the CSSOM, which CSP leaves alone.
 */
export interface ExtraSources {
  script?: readonly string[];
  style?: readonly string[];
  frame?: readonly string[];
  connect?: readonly string[];
}

export interface PolicyOptions {
  nonce: string;
  /** Who may frame the response: host sources, or none at all when empty. */
  frameAncestors?: readonly string[];
  /** Per form, e.g. a challenge widget (lib/protection/challenge.ts challengeSources). */
  extra?: ExtraSources;
  /** Served over HTTPS: subresources asked for over http are upgraded. */
  https?: boolean;
  /** `next dev`: React's debugging needs eval, and the dev server injects styles without a nonce. */
  dev?: boolean;
}

const list = (sources: readonly string[], otherwise = "'none'") => (sources.length > 0 ? sources.join(" ") : otherwise);

export function contentSecurityPolicy({ nonce, frameAncestors = [], extra = {}, https = false, dev = false }: PolicyOptions): string {
  const self = (more: readonly string[] = []) => ["'self'", ...more].join(" ");
  const directives = [
    "default-src 'self'",
    `script-src ${self([`'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : []), ...(extra.script ?? [])])}`,
    `style-src ${self([dev ? "'unsafe-inline'" : `'nonce-${nonce}'`, ...(extra.style ?? [])])}`,
    "img-src 'self'",
    "font-src 'self'",
    `connect-src ${self(extra.connect)}`,
    `frame-src ${list(extra.frame ?? [])}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${list(frameAncestors)}`,
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
