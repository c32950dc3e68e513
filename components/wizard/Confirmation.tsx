"use client";

import { useEffect, useRef } from "react";
import type { Translate } from "@/lib/i18n";
import type { Submission } from "./useSubmissionStatus";

interface Props {
  t: Translate;
  submission: Submission;
  /** Offered after a rejection: back to "Check your answers". */
  onReview: () => void;
}

function texts(submission: Submission, t: Translate): { title: string; body: string } {
  switch (submission.status) {
    case "delivered":
      return { title: t("completeTitle"), body: t("completeBody", { reference: submission.reference ?? "" }) };
    case "rejected":
      return { title: t("rejectedTitle"), body: t("rejectedBody") };
    case "failed":
      return { title: t("failedTitle"), body: t("failedBody") };
    default:
      return { title: t("receivedTitle"), body: t("receivedPending") };
  }
}

/** The last screen; its live region announces "complete" when the vendor confirms. */
export default function Confirmation({ t, submission, onReview }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { title, body } = texts(submission, t);
  useEffect(() => heading.current?.focus(), []);
  const tone = submission.status === "delivered" ? "success" : submission.status === "received" ? "pending" : "problem";

  return (
    <div className="fg-confirmation">
      <div className={`fg-panel fg-panel--${tone}`} role="status" aria-live="polite" aria-atomic="true">
        <h1 className="fg-panel__title" tabIndex={-1} ref={heading}>
          {title}
        </h1>
        <p className="fg-panel__body">{body}</p>
        {submission.status === "received" && <span className="fg-spinner" aria-hidden="true" />}
      </div>
      {submission.status === "rejected" && (
        <button type="button" className="fg-button fg-button--secondary" onClick={onReview}>
          {t("reviewTitle")}
        </button>
      )}
    </div>
  );
}
