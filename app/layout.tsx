import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { appLocale } from "./_form/language";
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
 * The language is the browser's choice among the app's languages here: a layout
 * cannot see the form a page shows, nor its ?lang=. Form pages set their own
 * language (components/wizard/HtmlLang).
 * Every page renders per request, the not-found page too: only then does Next
 * give its scripts the request's CSP nonce (proxy.ts).
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang={await appLocale()}>
      <body>{children}</body>
    </html>
  );
}
