import { LANGUAGE_NAMES, isLocale } from "@/lib/i18n/locales";

interface Props {
  locale: string;
  locales: string[];
  /** The nav's name in the page's language ("Taal"). */
  label: string;
  /** The page's other search parameters (prefill, utm_*), kept across the switch. */
  query: Record<string, string | string[] | undefined>;
}

function hrefFor(query: Props["query"], locale: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key === "lang" || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  }
  params.set("lang", locale);
  return `?${params}`;
}

/**
 * Links to the same form in the other languages it offers. Following one reloads the
 * page; the wizard's draft (sessionStorage, written when the page goes away) brings
 * back the answers and the page, so nothing typed is lost. Each name is in its own language.
 */
export default function LanguageSwitch({ locale, locales, label, query }: Props) {
  if (locales.length < 2) return null;
  return (
    <nav className="fg-languages" aria-label={label}>
      <ul>
        {locales.filter(isLocale).map((code) => (
          <li key={code}>
            <a href={hrefFor(query, code)} lang={code} hrefLang={code} aria-current={code === locale ? "true" : undefined}>
              {LANGUAGE_NAMES[code]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
