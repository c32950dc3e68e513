const known = new Map<string, string>();

/**
 * Stands in for @rjsf/utils' getDecimalSeparator (next.config.mjs), with the answer
 * kept per language list: RJSF asks on every render of a number field and for every
 * typed number, and each new Intl.NumberFormat costs milliseconds on a phone.
 */
export default function getDecimalSeparator(languages?: string | readonly string[]): string {
  const locales = languages || (typeof navigator !== "undefined" ? navigator.languages : undefined);
  if (!locales) return ".";
  const key = String(locales);
  let separator = known.get(key);
  if (separator === undefined) {
    try {
      separator = new Intl.NumberFormat(locales as string | string[]).formatToParts(1.1).find((part) => part.type === "decimal")?.value || ".";
    } catch {
      separator = ".";
    }
    known.set(key, separator);
  }
  return separator;
}

// The first Intl call of a page loads the browser's number data (~40 ms on a phone):
// done while the page is idle, not when a number field first shows after "Next".
if (typeof window !== "undefined" && "requestIdleCallback" in window) window.requestIdleCallback(() => getDecimalSeparator());
