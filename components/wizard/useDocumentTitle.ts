import { useEffect } from "react";
import type { Translate } from "@/lib/i18n";

interface Title {
  t: Translate;
  form: string;
  /** The heading shown: a page's title, "Check your answers", the confirmation's. */
  page: string;
  /** Index of the form page shown, or -1 for the review and the confirmation. */
  step: number;
  pages: number;
  errors: boolean;
}

/**
 * The tab's title names the page and the form, with "Error: " in front while errors are
 * shown (as GOV.UK does): what a screen reader says first, and what a tab shows.
 */
export function useDocumentTitle({ t, form, page, step, pages, errors }: Title) {
  const base = step >= 0 ? t("documentTitleStep", { page, current: step + 1, total: pages, form }) : t("documentTitle", { page, form });
  const title = errors ? t("documentTitleError", { title: base }) : base;
  useEffect(() => {
    const apply = () => document.title !== title && (document.title = title);
    apply();
    // Next streams the page's metadata <title> in after hydration: ours stays.
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [title]);
}
