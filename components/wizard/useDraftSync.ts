import { useEffect, type Dispatch } from "react";
import { clearDraft, loadDraft, saveDraft } from "./draft";
import type { Answers } from "./schema";
import { toDraft, type WizardAction, type WizardState } from "./wizardState";

/**
 * Restores the draft after the first render (sessionStorage does not exist on the
 * server, and reading it during render would break hydration), then keeps it up
 * to date. Once the registration is complete the draft is deleted, answers and all.
 */
export function useDraftSync(formId: string, state: WizardState, dispatch: Dispatch<WizardAction>, hiddenPrefill: Answers, passwordPaths: string[]) {
  useEffect(() => {
    dispatch({ type: "hydrated", draft: loadDraft(formId), hiddenPrefill });
    // Only once per form: the prefill comes from the URL the page was opened with.
  }, [formId]);

  const { hydrated, data, step, changing, idempotencyKey, submission } = state;
  useEffect(() => {
    if (!hydrated) return;
    if (submission?.status === "delivered") clearDraft(formId);
    else saveDraft(formId, toDraft({ data, step, changing, idempotencyKey, submission }), passwordPaths);
  }, [formId, hydrated, data, step, changing, idempotencyKey, submission, passwordPaths]);
}
