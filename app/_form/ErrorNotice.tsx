"use client";

import { useEffect, useState } from "react";
import Notice from "@/components/wizard/Notice";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { unavailable } from "@/lib/i18n/unavailable";

/**
 * The form pages' error boundaries: they cannot know the form, so they speak the
 * language the page was in (<html lang>, set by the layout and HtmlLang).
 */
export default function ErrorNotice({ className, reset }: { className: string; reset: () => void }) {
  const [locale, setLocale] = useState<keyof typeof unavailable>(DEFAULT_LOCALE);
  useEffect(() => {
    const lang = document.documentElement.lang;
    if (isLocale(lang)) setLocale(lang);
  }, []);
  const texts = unavailable[locale];
  return (
    <main className={className} id="main">
      <Notice title={texts.unavailableTitle} body={texts.formUnavailable} />
      <button type="button" className="fg-button" onClick={reset}>
        {texts.retry}
      </button>
    </main>
  );
}
