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

/** How the confirmation names the vendor's reference. */
const COMPLETE_BODY = { relationNumber: "completeBody", customerReference: "completeBodyCustomer", contactNumber: "completeBodyContact", registrationNumber: "completeBodyRegistration" } as const;

/** What the confirmation says, also the page's title. */
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
