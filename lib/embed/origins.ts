/**
 * Who may frame a form: the configured embed.allowedOrigins, read the way a
 * browser reads a CSP frame-ancestors host source ("https://club.example",
 * "https://*.club.example", "http://localhost:*"), so the origin the frame
 * trusts for postMessage and the origins the browser lets frame it agree.
 */
const SOURCE = /^(https?):\/\/(\*\.)?([a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}|\*))?$/i;

interface Source {
  scheme: string;
  anySubdomain: boolean;
  host: string;
  port: string | undefined;
}

function parseSource(pattern: string): Source | undefined {
  const match = SOURCE.exec(pattern);
  if (!match) return undefined;
  return { scheme: match[1].toLowerCase(), anySubdomain: Boolean(match[2]), host: match[3].toLowerCase(), port: match[4] };
}

const defaultPort = (scheme: string) => (scheme === "https:" ? "443" : "80");

function matches(url: URL, source: Source): boolean {
  // As in CSP, an http source also admits the same host over https.
  const scheme = url.protocol === `${source.scheme}:` || (source.scheme === "http" && url.protocol === "https:");
  const host = source.anySubdomain ? url.hostname.endsWith(`.${source.host}`) : url.hostname === source.host;
  const port = url.port || defaultPort(url.protocol);
  const portOk = source.port === "*" || (source.port ?? defaultPort(url.protocol)) === port;
  return scheme && host && portOk;
}

/** The candidate when it is exactly an origin that one of the patterns admits, else undefined. */
export function allowedOrigin(candidate: unknown, patterns: readonly string[]): string | undefined {
  if (typeof candidate !== "string") return undefined;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (url.origin !== candidate || !/^https?:$/.test(url.protocol)) return undefined;
  return patterns.some((pattern) => {
    const source = parseSource(pattern);
    return source !== undefined && matches(url, source);
  })
    ? candidate
    : undefined;
}

/** The frame-ancestors sources of a form's embed page; a pattern that is not a clean host source is left out, never passed through. */
export function frameAncestorSources(patterns: readonly string[]): string[] {
  return patterns.filter((pattern) => parseSource(pattern) !== undefined);
}

/** The frame-ancestors directive alone (the full policy is lib/http/csp.ts). */
export function frameAncestors(patterns: readonly string[]): string {
  const sources = frameAncestorSources(patterns);
  return `frame-ancestors ${sources.length > 0 ? sources.join(" ") : "'none'"}`;
}
