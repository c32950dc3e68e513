/**
 * How the console shows a person's answers before a staff member reveals them:
 * every value masked to its first character, so staff see which fields were
 * answered and can tell people apart, nothing more.
 */
export function maskAnswers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskAnswers);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, maskAnswers(child)]));
  if (value === null || value === undefined || typeof value === "boolean") return value;
  const text = String(value);
  return text.length === 0 ? "" : `${text[0]}${"•".repeat(Math.min(8, Math.max(3, text.length - 1)))}`;
}

/** Keys whose values the console never shows, revealed or not (a password sent to the vendor). */
const NEVER_SHOWN = /pass(word)?|secret|token/i;

export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !NEVER_SHOWN.test(key)).map(([key, child]) => [key, withoutSecrets(child)]));
  }
  return value;
}
