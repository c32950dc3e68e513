import type { MessageKey, Messages } from "./en";

// Without the catalogues: the browser gets its locale's messages from the page (see Wizard).
export const DEFAULT_LOCALE = "en";

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A translator over one catalogue: t("stepOf", { current: 2, total: 4 }). */
export function translatorOf(catalogue: Messages): Translate {
  return (key, params) =>
    catalogue[key].replace(/\{(\w+)\}/g, (match, name: string) =>
      params && name in params ? String(params[name]) : match,
    );
}
