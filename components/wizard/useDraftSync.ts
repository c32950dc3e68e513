import { useEffect, useMemo, useRef, type Dispatch } from "react";
import { draftBackend, withoutPasswords } from "./draft";
import type { Answers } from "./schema";
import { toDraft, type WizardAction, type WizardState } from "./wizardState";

/** Typing is saved once it pauses for this long; anything else (a page change, a submission) at once. */
const DRAFT_SAVE_DELAY_MS = 300;

type Saved = Parameters<typeof toDraft>[0];

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
  /** Has the text fields tell the form what they have not yet (components/theme/typing.ts). */
  hearTyping?: () => void,
) {
  const backend = useMemo(() => draftBackend(formId, serverToken), [formId, serverToken]);
  // What typing left unsaved, and when it last changed: a keystroke only notes these, one timer does the rest.
  const pending = useRef<{ state?: Saved; changed: number; timer?: ReturnType<typeof setTimeout> }>({ changed: 0 });
  const lastShape = useRef("");
  const paths = useRef(passwordPaths);
  paths.current = passwordPaths;

  useEffect(() => {
    let current = true;
    backend.load().then((draft) => current && dispatch({ type: "hydrated", draft, hiddenPrefill }));
    return () => {
      current = false;
    };
    // Only once per form: the prefill comes from the URL the page was opened with.
  }, [backend]);

  const save = (saved: Saved) => backend.save(withoutPasswords(toDraft(saved), paths.current));
  const flush = () => {
    const { state: saved, timer } = pending.current;
    clearTimeout(timer);
    pending.current = { changed: 0 };
    if (saved) save(saved);
  };

  const hear = useRef(hearTyping);
  hear.current = hearTyping;
  // Whatever is still waiting is written when the page goes away (reload, tab closed, another site),
  // with what was typed a moment ago.
  useEffect(() => {
    const leaving = () => {
      hear.current?.();
      flush();
    };
    const onHidden = () => document.visibilityState === "hidden" && leaving();
    window.addEventListener("pagehide", leaving);
    document.addEventListener("visibilitychange", onHidden);
    return () => {
      window.removeEventListener("pagehide", leaving);
      document.removeEventListener("visibilitychange", onHidden);
      flush();
    };
  }, [backend]);

  const { hydrated, data, step, changing, idempotencyKey, submission, started, retype, email } = state;
  useEffect(() => {
    if (!hydrated) return;
    if (submission?.status === "delivered") {
      clearTimeout(pending.current.timer);
      pending.current = { changed: 0 };
      backend.clear();
      return;
    }
    const saved = { data, step, changing, idempotencyKey, submission, started, retype, email };
    const shape = JSON.stringify([step, changing, idempotencyKey, submission, started, retype, email]);
    const typing = shape === lastShape.current;
    lastShape.current = shape;
    if (!typing) {
      clearTimeout(pending.current.timer);
      pending.current = { changed: 0 };
      save(saved);
      return;
    }
    const wait = (ms: number) =>
      setTimeout(() => {
        const left = pending.current.changed + DRAFT_SAVE_DELAY_MS - performance.now();
        if (left > 0) pending.current.timer = wait(left);
        else flush();
      }, ms);
    pending.current = { state: saved, changed: performance.now(), timer: pending.current.timer ?? wait(DRAFT_SAVE_DELAY_MS) };
  }, [backend, hydrated, data, step, changing, idempotencyKey, submission, started, retype, email]);
}
