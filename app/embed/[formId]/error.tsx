"use client";

import ErrorNotice from "@/app/_form/ErrorNotice";

/** Anything unexpected while rendering the embedded form: the friendly words, still without page chrome. */
export default function EmbedError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorNotice className="fg-embed" reset={reset} />;
}
