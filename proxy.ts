import { NextResponse, type NextRequest } from "next/server";
import { findForm } from "@/lib/config/forms";
import { frameAncestorSources } from "@/lib/embed/origins";
import { contentSecurityPolicy, newNonce, type PolicyOptions } from "@/lib/http/csp";
import { isHttps, securityHeaders } from "@/lib/http/security-headers";
import { translator } from "@/lib/i18n";
import { localeFor } from "@/lib/i18n/negotiate";
import { PAGE_LANGUAGE } from "@/lib/i18n/page-language";
import { challengeSources } from "@/lib/protection/challenge";

const t = translator(undefined);
// The API and the sandboxes answer JSON, never Next's HTML or empty answers.
const API = /^\/(api|sandbox)(\/|$)/;
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
// Pages and files are only read (the app has no server actions); Next answers a PUT on a public file with a 500.
const READ = new Set(["GET", "HEAD"]);
const NO_STORE = { "Cache-Control": "no-store" };

/**
 * Every request passes here (no matcher): each response gets the security headers
 * and a CSP with a fresh nonce, which Next reads from the request's own
 * Content-Security-Policy header and puts on its scripts. A proxy, because the
 * nonce and the embed's frame-ancestors differ per request and per form.
 */
export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  const https = isHttps(request.url, request.headers.get("x-forwarded-proto"));
  const nonce = newNonce();
  const malformed = !decodes(path);
  const csp = contentSecurityPolicy({ nonce, https, dev: process.env.NODE_ENV === "development", ...(malformed ? {} : formPolicy(path)) });
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  // The page's language, for the root layout's <html lang> (a layout sees neither the form nor ?lang=).
  forwarded.delete(PAGE_LANGUAGE);
  const language = malformed ? undefined : formLanguage(request);
  if (language) forwarded.set(PAGE_LANGUAGE, language);
  forwarded.set("Content-Security-Policy", csp);

  let response: NextResponse;
  if (malformed) response = badPath(request, forwarded);
  else if (!(API.test(path) ? METHODS : READ).has(request.method)) response = methodNotAllowed(request.method, API.test(path) ? METHODS : READ);
  else response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(securityHeaders(path, https, csp))) response.headers.set(name, value);
  return response;
}

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** The per-form part: who may frame the embed (and, with a form's challenge widget, its sources). */
/** A form page's own sources: who may frame the embed, and a challenge widget's hosts. */
function formPolicy(path: string): Pick<PolicyOptions, "frameAncestors" | "extra"> {
  const [, area, id] = path.split("/");
  if ((area !== "embed" && area !== "register") || !id) return {};
  try {
    const form = findForm(decodeURIComponent(id));
    const extra = form ? challengeSources(form) : undefined;
    return area === "embed" ? { frameAncestors: frameAncestorSources(form?.embed.allowedOrigins ?? []), extra } : { extra };
  } catch {
    return {}; // an unreadable configuration: nobody may frame it
  }
}

/**
 * A form page's language, chosen as the page chooses it (app/register, app/embed): ?lang=,
 * else Accept-Language, among the form's languages (the embed: its data-locale, passed as
 * ?locale=), else the form's default. An assisted registration (/staff/register/{formId})
 * chooses as /register does: ?lang= is the person's language, else the staff member's
 * browser's; the console around its wizard says `lang` where it speaks its own. The console's
 * other pages speak the browser's language among the app's, as a page outside a form does.
 */
function formLanguage(request: NextRequest): string | undefined {
  const [, area, id, staffFormId] = request.nextUrl.pathname.split("/");
  // The page a vendor's verification email opens speaks the form's languages too.
  const formId = area === "staff" ? (id === "register" ? staffFormId : undefined) : ["embed", "register", "verify-email"].includes(area) ? id : undefined;
  if (!formId) return undefined;
  try {
    const form = findForm(decodeURIComponent(formId));
    if (!form) return undefined;
    const { searchParams } = request.nextUrl;
    const hints = area === "embed" ? { requested: searchParams.get("locale") ?? undefined } : { requested: searchParams.get("lang") ?? undefined, acceptLanguage: request.headers.get("accept-language") };
    return localeFor(form, hints);
  } catch {
    return undefined;
  }
}

/**
 * A path with broken percent-encoding ("%", "%E0%A4%A") makes Next fail while it
 * decodes the route's parameters, with a bare 500. It is refused here instead:
 * JSON for the API and the sandboxes, the app's not-found page for pages.
 */
function badPath(request: NextRequest, forwarded: Headers): NextResponse {
  if (API.test(request.nextUrl.pathname)) return NextResponse.json({ error: t("badPath") }, { status: 400, headers: NO_STORE });
  return NextResponse.rewrite(new URL("/_not-found", request.url), { request: { headers: forwarded } });
}

/** WebDAV and other methods no route handles (Next would answer an empty 400). */
function methodNotAllowed(method: string, allowed: Set<string>): NextResponse {
  const headers = { Allow: [...allowed].join(", "), ...NO_STORE };
  return NextResponse.json({ error: t("methodNotAllowed", { method }) }, { status: 405, headers });
}
