import NextAuth from "next-auth";
import { appOrigin } from "@/lib/config/env";
import { authOptions } from "@/lib/staff/auth";

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's endpoints for the staff console: sign-in (password or OpenID Connect), sign-out, CSRF token. */
async function handler(request: Request, context: Context) {
  // Redirects and the OpenID Connect callback need the app's own address.
  process.env.NEXTAUTH_URL ??= appOrigin();
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
