import { useEffect, useRef, type Dispatch } from "react";
import type { Destination } from "./retype";
import { isRecord } from "./schema";
import type { WizardAction, WizardState } from "./wizardState";

/** What each history entry of the wizard remembers (beside Next's own keys). */
interface Entry {
  step: number;
  changing: boolean;
  done: boolean;
}

const KEY = "formgate";

function entryOf(state: unknown): Entry | undefined {
  const entry = isRecord(state) ? state[KEY] : undefined;
  return isRecord(entry) && typeof entry.step === "number" ? { step: entry.step, changing: entry.changing === true, done: entry.done === true } : undefined;
}

/** ?step=2 for a page, ?step=review, ?step=done. */
export function stepParam(entry: Entry, reviewStep: number): string {
  return entry.done ? "done" : entry.step >= reviewStep ? "review" : String(entry.step + 1);
}

function write(method: "pushState" | "replaceState", entry: Entry, reviewStep: number): void {
  const url = new URL(window.location.href);
  url.searchParams.set("step", stepParam(entry, reviewStep));
  // With Next's own keys of the current entry (same page, same tree), Next's patched history
  // methods write the entry as it is, without rendering Next's router again for a change of
  // ?step=, which only the wizard reads. On Back and Forward, Next restores its tree from them.
  const current: unknown = window.history.state;
  window.history[method]({ ...(isRecord(current) ? current : {}), [KEY]: entry }, "", `${url.pathname}${url.search}${url.hash}`);
}

interface Options {
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  reviewStep: number;
  /** In a frame, entries are replaced, never added (README, "Embedding"). */
  embedded: boolean;
  /** Where a step leads, given what the person must do first (retype.ts). */
  destination: (step: number, retype: string[]) => Destination;
  /** Has the text fields tell the form what they have not yet (components/theme/typing.ts). */
  hearTyping: () => void;
}

/**
 * Every page of the wizard is a history entry, with the step in the URL: browser Back
 * and Forward move between pages with the answers kept (they live in the wizard's
 * state and draft, not in the entry), and a reload shows the entry's page. Once the
 * registration is sent, Back shows the confirmation again, saying so: a finished form
 * is never reopened or sent twice.
 */
export function useStepHistory({ state, dispatch, reviewStep, embedded, destination, hearTyping }: Options) {
  const latest = useRef(state);
  const started = useRef(false);
  const replaceNext = useRef(false);
  const destinationRef = useRef(destination);
  const hearTypingRef = useRef(hearTyping);
  useEffect(() => {
    latest.current = state;
    destinationRef.current = destination;
    hearTypingRef.current = hearTyping;
  });

  const done = Boolean(state.submission);
  useEffect(() => {
    if (!state.hydrated) return;
    if (!started.current) {
      started.current = true;
      // The page as loaded is one entry, whatever it shows.
      replaceNext.current = true;
      // The entry (a reload, or Back into the form from another page) says where the person was.
      const own = entryOf(window.history.state);
      const from = own && !own.done && !done ? own : { step: state.step, changing: state.changing };
      const to = destinationRef.current(from.step, state.retype);
      const target = { step: to.step, changing: to.changing ?? from.changing };
      if (!done && (target.step !== state.step || target.changing !== state.changing)) {
        dispatch({ type: "go", ...target, focusField: to.focusField });
        return;
      }
    }
    const entry = { step: state.step, changing: state.changing, done };
    const current = entryOf(window.history.state);
    const shown = current && current.step === entry.step && current.changing === entry.changing && current.done === entry.done;
    const add = !embedded && !replaceNext.current;
    replaceNext.current = false;
    if (!shown) write(add ? "pushState" : "replaceState", entry, reviewStep);
  }, [state.hydrated, state.step, state.changing, done]);

  useEffect(() => {
    const onPopState = (event: PopStateEvent) => {
      const entry = entryOf(event.state);
      if (!entry || !latest.current.hydrated) return;
      // What was typed just before is part of the page being left.
      hearTypingRef.current();
      if (latest.current.submission) {
        dispatch({ type: "revisited" });
        write("replaceState", { step: latest.current.step, changing: false, done: true }, reviewStep);
        return;
      }
      const to = destinationRef.current(entry.step, latest.current.retype);
      if (to.step !== entry.step) replaceNext.current = true;
      dispatch({ type: "go", step: to.step, changing: to.changing ?? entry.changing, focusField: to.focusField });
    };
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, [dispatch, reviewStep]);
}
