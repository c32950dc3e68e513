"use client";

import { useEffect, useRef } from "react";
import type { ConfirmationText, ReferenceKind } from "@/lib/forms/types";
import type { Translate } from "@/lib/i18n";
import { confirmationTexts, type Submission } from "./submission";

/** Asks after a submission still "received" until it moved on; the asking loads with the end of the form (submissionApi.ts). */
function useSubmissionStatus(submission: Submission | undefined, onUpdate: (submission: Submission) => void) {
  const onUpdateRef = useRef(onUpdate);
  useEffect(() => {
    onUpdateRef.current = onUpdate;
  });
  const id = submission?.id;
  const pending = submission?.status === "received";

  useEffect(() => {
    if (!id || !pending) return;
    let stop: (() => void) | undefined;
    let stopped = false;
    import("./submissionApi").then(
      ({ watchSubmission }) => {
        if (!stopped) stop = watchSubmission(id, (answer) => onUpdateRef.current({ id, ...answer }));
      },
      () => undefined, // offline: the page shows "received", as the server has it
    );
    return () => {
      stopped = true;
      stop?.();
    };
  }, [id, pending]);
}

interface Props {
  t: Translate;
  submission: Submission;
  /** The form's own next steps (forms file `confirmation`), once the registration is in. */
  next?: ConfirmationText;
  /** Reached again with browser Back: the registration was sent already. */
  revisited?: boolean;
  /** In a frame, the next steps' link opens in the host's window. */
  embedded?: boolean;
  /** What the vendor's reference is called (FormDefinition.referenceKind). */
  referenceKind?: ReferenceKind;
  /** Offered after a rejection: back to "Check your answers". */
  onReview: () => void;
  /** The submission moved on: a "received" one is asked after while this screen shows it. */
  onUpdate: (submission: Submission) => void;
  /** The heading shown, for the page's title (Wizard.tsx). */
  onTitle: (title: string) => void;
}

/** The last screen; its live region announces "complete" when the vendor confirms. */
export default function Confirmation({ t, submission, next, revisited, embedded, referenceKind, onReview, onUpdate, onTitle }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The asking loads with this screen, not with the form's first pages.
  useSubmissionStatus(submission, onUpdate);
  const { title, body } = confirmationTexts(submission, t, referenceKind);
  const accepted = submission.status === "delivered" || submission.status === "received";
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => onTitle(title), [title, onTitle]);
  const tone = submission.status === "delivered" ? "success" : submission.status === "received" ? "pending" : "problem";

  return (
    <div className="fg-confirmation">
      {revisited && <p className="fg-inset">{t("alreadySent")}</p>}
      <div className={`fg-panel fg-panel--${tone}`} role="status" aria-live="polite" aria-atomic="true">
        <h1 className="fg-panel__title" tabIndex={-1} ref={heading}>
          {title}
        </h1>
        <p className="fg-panel__body">{body}</p>
        {submission.status === "received" && <span className="fg-spinner" aria-hidden="true" />}
      </div>
      {next && accepted && (
        <div className="fg-next-steps">
          <h2 className="fg-heading-m">{t("nextStepsTitle")}</h2>
          <p>{next.message}</p>
          {next.link && (
            <p>
              <a href={next.link.href} target={embedded ? "_top" : undefined}>
                {next.link.text}
              </a>
            </p>
          )}
        </div>
      )}
      {submission.status === "rejected" && (
        <button type="button" className="fg-button fg-button--secondary" onClick={onReview}>
          {t("reviewTitle")}
        </button>
      )}
    </div>
  );
}
