import { useEffect, useRef } from "react";
import type { ReferenceKind } from "@/lib/forms/types";
import type { Translate } from "@/lib/i18n";
import type { SubmissionStatus } from "./api";
import type { Challenge } from "./submissionApi";

export interface Submission {
  id: string;
  status: SubmissionStatus;
  reference?: string;
  /** While "awaiting_person": what the person is asked (never stored in a draft). */
  challenge?: Challenge;
}

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 5_000;

/** 1 s, 1.5 s, 2.25 s … capped at 5 s: quick for the usual case, gentle on a slow vendor. */
export function nextDelay(delay: number): number {
  return Math.min(MAX_DELAY_MS, Math.round(delay * 1.5));
}

/** Polls a submission still "received" until it is delivered, rejected or failed. */
export function useSubmissionStatus(submission: Submission | undefined, onUpdate: (submission: Submission) => void) {
  const onUpdateRef = useRef(onUpdate);
  useEffect(() => {
    onUpdateRef.current = onUpdate;
  });
  const id = submission?.id;
  const pending = submission?.status === "received";

  useEffect(() => {
    if (!id || !pending) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout>;
    const poll = async (delay: number) => {
      const { fetchSubmissionStatus } = await import("./submissionApi");
      const answer = await fetchSubmissionStatus(id, controller.signal);
      if (controller.signal.aborted) return;
      if (answer && answer.status !== "received") {
        onUpdateRef.current({ id, status: answer.status, reference: answer.reference, challenge: answer.challenge });
        return;
      }
      timer = setTimeout(() => poll(nextDelay(delay)), delay);
    };
    timer = setTimeout(() => poll(FIRST_DELAY_MS), FIRST_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [id, pending]);
}

/** What the confirmation says, also the page's title. */
/** How the confirmation names the vendor's reference. */
const COMPLETE_BODY = { relationNumber: "completeBody", customerReference: "completeBodyCustomer", contactNumber: "completeBodyContact", registrationNumber: "completeBodyRegistration" } as const;

export function confirmationTexts(submission: Submission, t: Translate, referenceKind: ReferenceKind = "relationNumber"): { title: string; body: string } {
  switch (submission.status) {
    case "delivered": {
      const reference = submission.reference ?? "";
      return { title: t("completeTitle"), body: t(COMPLETE_BODY[referenceKind], { reference }) };
    }
    case "rejected":
      return { title: t("rejectedTitle"), body: t("rejectedBody") };
    case "failed":
      return { title: t("failedTitle"), body: t("failedBody") };
    case "awaiting_person":
      return { title: t("codeHeading"), body: submission.challenge ? t("codeIntro", { destination: submission.challenge.destination }) : "" };
    case "expired":
      return { title: t("expiredTitle"), body: t("expiredBody") };
    default:
      return { title: t("receivedTitle"), body: t("receivedPending") };
  }
}
