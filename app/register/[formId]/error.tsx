"use client";

import Notice from "@/components/wizard/Notice";
import { translator } from "@/lib/i18n";

/** Anything unexpected while rendering the form: the same friendly words as a vendor outage. */
export default function RegisterError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = translator(undefined);
  return (
    <main className="fg-main" id="main">
      <Notice title={t("unavailableTitle")} body={t("formUnavailable")} />
      <button type="button" className="fg-button" onClick={reset}>
        {t("retry")}
      </button>
    </main>
  );
}
