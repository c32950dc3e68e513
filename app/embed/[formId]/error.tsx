"use client";

import Notice from "@/components/wizard/Notice";
import { unavailable } from "@/lib/i18n/unavailable";

/** Anything unexpected while rendering the embedded form: the friendly words, still without page chrome. */
export default function EmbedError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="fg-embed">
      <Notice title={unavailable.unavailableTitle} body={unavailable.formUnavailable} />
      <button type="button" className="fg-button" onClick={reset}>
        {unavailable.retry}
      </button>
    </main>
  );
}
