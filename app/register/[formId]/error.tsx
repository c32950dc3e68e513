"use client";

import Notice from "@/components/wizard/Notice";
import { unavailable } from "@/lib/i18n/unavailable";

/** Anything unexpected while rendering the form: the same friendly words as a vendor outage. */
export default function RegisterError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="fg-main" id="main">
      <Notice title={unavailable.unavailableTitle} body={unavailable.formUnavailable} />
      <button type="button" className="fg-button" onClick={reset}>
        {unavailable.retry}
      </button>
    </main>
  );
}
