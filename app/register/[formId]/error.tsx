"use client";

import ErrorNotice from "@/app/_form/ErrorNotice";

/** Anything unexpected while rendering the form: the same friendly words as a vendor outage. */
export default function RegisterError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorNotice className="fg-main" reset={reset} />;
}
