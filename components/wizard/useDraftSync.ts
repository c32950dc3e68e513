import { useEffect, useMemo, useRef, type Dispatch } from "react";
import { draftBackend, withoutPasswords, type Draft } from "./draft";
import type { Answers } from "./schema";
import { toDraft, type WizardAction, type WizardState } from "./wizardState";

/** Typing is saved once it pauses; anything else (a page change, a submission) at once. */
export const DRAFT_SAVE_DELAY_MS = 300;

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
  const pending = useRef<{ draft?: Draft; timer?: ReturnType<typeof setTimeout> }>({});
  const lastShape = useRef("");

  useEffect(() => {
    let current = true;
    backend.load().then((draft) => current && dispatch({ type: "hydrated", draft, hiddenPrefill }));
    return () => {
      current = false;
    };
    // Only once per form: the prefill comes from the URL the page was opened with.
  }, [backend]);

  // Whatever is still waiting is written when the page goes away (reload, tab closed, another site).
  useEffect(() => {
    const flush = () => {
      const { draft, timer } = pending.current;
      clearTimeout(timer);
      pending.current = {};
      if (draft) backend.save(draft);
    };
    const onHidden = () => document.visibilityState === "hidden" && flush();
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onHidden);
    return () => {
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onHidden);
      flush();
    };
  }, [backend]);

  const { hydrated, data, step, changing, idempotencyKey, submission, started } = state;
  useEffect(() => {
    if (!hydrated) return;
    clearTimeout(pending.current.timer);
    if (submission?.status === "delivered") {
      pending.current = {};
      backend.clear();
      return;
    }
    const draft = withoutPasswords(toDraft({ data, step, changing, idempotencyKey, submission, started }), passwordPaths);
    const shape = JSON.stringify([step, changing, idempotencyKey, submission, started]);
    const typing = shape === lastShape.current;
    lastShape.current = shape;
    if (!typing) {
      pending.current = {};
      backend.save(draft);
      return;
    }
    pending.current = {
      draft,
      timer: setTimeout(() => {
        pending.current = {};
        backend.save(draft);
      }, DRAFT_SAVE_DELAY_MS),
    };
  }, [backend, hydrated, data, step, changing, idempotencyKey, submission, started, passwordPaths]);
}
