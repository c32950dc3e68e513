"use client";

import Notice from "@/components/wizard/Notice";
import { translator } from "@/lib/i18n";

/** Anything unexpected while rendering the embedded form: the friendly words, still without page chrome. */
export default function EmbedError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = translator(undefined);
  return (
    <main className="fg-embed">
      <Notice title={t("unavailableTitle")} body={t("formUnavailable")} />
      <button type="button" className="fg-button" onClick={reset}>
        {t("retry")}
      </button>
    </main>
  );
}
