import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { pageLocale } from "./_form/language";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "formgate", template: "%s – formgate" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
};

/**
 * The language: a form page's own, which proxy.ts works out from the form, ?lang= and
 * Accept-Language (a layout sees neither); elsewhere the browser's choice among the
 * app's languages. HtmlLang keeps it right in the browser (a language switch, an error page).
 * Every page renders per request, the not-found page too: only then does Next
 * give its scripts the request's CSP nonce (proxy.ts).
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang={await pageLocale()}>
      <body>{children}</body>
    </html>
  );
}
