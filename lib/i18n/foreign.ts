/**
 * Messages the server left in another language than the page's (a vendor's own text),
 * by text: such a text is in that language wherever it is shown (the field, the error
 * summary), so it gets its own `lang` there. Filled by the API client as answers arrive.
 */
const languages = new Map<string, string>();

export function rememberLanguages(messages: Record<string, string>, fieldLanguages: unknown): void {
  if (typeof fieldLanguages !== "object" || fieldLanguages === null) return;
  for (const [field, lang] of Object.entries(fieldLanguages)) {
    if (typeof lang === "string" && /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(lang) && typeof messages[field] === "string") languages.set(messages[field], lang);
  }
}

/** The language of a message shown on the page, when it is not the page's own. */
export function languageOf(message: unknown): string | undefined {
  return typeof message === "string" ? languages.get(message) : undefined;
}
