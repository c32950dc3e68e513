"use client";

import { useEffect } from "react";
import { DEFAULT_LOCALE } from "@/lib/i18n/translate";

/**
 * The root layout cannot see which form a page shows, so it renders the default
 * language; this sets <html lang> to the form's own once the page runs.
 */
export default function HtmlLang({ locale }: { locale?: string }) {
  useEffect(() => {
    document.documentElement.lang = locale ?? DEFAULT_LOCALE;
  }, [locale]);
  return null;
}
