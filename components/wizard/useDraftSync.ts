import { useEffect, useMemo, type Dispatch } from "react";
import { draftBackend, withoutPasswords } from "./draft";
import type { Answers } from "./schema";
import { toDraft, type WizardAction, type WizardState } from "./wizardState";

/**
 * Restores the draft after the first render (storage does not exist on the server,
 * and reading it during render would break hydration), then keeps it up to date.
 * Once the registration is complete the draft is deleted, answers and all.
 */
export function useDraftSync(
  formId: string,
  state: WizardState,
  dispatch: Dispatch<WizardAction>,
  hiddenPrefill: Answers,
  passwordPaths: string[],
  serverToken?: string,
) {
  const backend = useMemo(() => draftBackend(formId, serverToken), [formId, serverToken]);

  useEffect(() => {
    let current = true;
    backend.load().then((draft) => current && dispatch({ type: "hydrated", draft, hiddenPrefill }));
    return () => {
      current = false;
    };
    // Only once per form: the prefill comes from the URL the page was opened with.
  }, [backend]);

  const { hydrated, data, step, changing, idempotencyKey, submission, started, retype } = state;
  useEffect(() => {
    if (!hydrated) return;
    if (submission?.status === "delivered") backend.clear();
    else backend.save(withoutPasswords(toDraft({ data, step, changing, idempotencyKey, submission, started, retype }), passwordPaths));
  }, [backend, hydrated, data, step, changing, idempotencyKey, submission, started, retype, passwordPaths]);
}
