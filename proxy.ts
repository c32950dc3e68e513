import { NextResponse, type NextRequest } from "next/server";
import { findForm } from "@/lib/config/forms";
import { frameAncestors } from "@/lib/embed/origins";

/**
 * The embed route's framing policy, per form: its embed.allowedOrigins become
 * frame-ancestors (an unknown form, or one without origins, gets 'none'). Every
 * other path gets 'none' from next.config.mjs. A proxy, because a page cannot
 * set response headers and next.config's headers are fixed at build time.
 */
export function proxy(request: NextRequest) {
  let origins: string[] = [];
  try {
    const formId = decodeURIComponent(request.nextUrl.pathname.split("/")[2] ?? "");
    origins = findForm(formId)?.embed.allowedOrigins ?? [];
  } catch {
    // a malformed path or an unreadable configuration: nobody may frame it
  }
  const response = NextResponse.next();
  response.headers.set("Content-Security-Policy", frameAncestors(origins));
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  return response;
}

export const config = { matcher: "/embed/:path*" };
