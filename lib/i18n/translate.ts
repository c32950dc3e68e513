import type { MessageKey, Messages } from "./en";

import { DEFAULT_LOCALE } from "./locales";

// Without the catalogues: the browser gets its locale's messages from the page (see Wizard).
export { DEFAULT_LOCALE };

export type Translate = ((key: MessageKey, params?: Record<string, string | number>) => string) & {
  /** The language of the texts: for dates inside them. */
  locale?: string;
};

/** A translator over one catalogue in `locale`: t("stepOf", { current: 2, total: 4 }). */
export function translatorOf(catalogue: Messages, locale: string = DEFAULT_LOCALE): Translate {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    catalogue[key].replace(/\{(\w+)\}/g, (match, name: string) =>
      params && name in params ? String(params[name]) : match,
    );
  return Object.assign(t, { locale });
}
