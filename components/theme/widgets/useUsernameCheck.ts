import { useEffect, useRef } from "react";
import { checkUsername } from "@/components/wizard/api";
import type { UsernameStatus } from "../context";

export const USERNAME_DEBOUNCE_MS = 400;

/**
 * Checks a username while it is typed: waits for a pause, cancels the request of
 * an older value, and reports {value, state} upwards (the wizard blocks "Next" on
 * "taken"). A value already checked is not asked again (e.g. coming back to the page).
 */
export function useUsernameCheck(api: string, value: string, known: UsernameStatus, report: (status: UsernameStatus) => void) {
  const reportRef = useRef(report);
  const knownRef = useRef(known);
  useEffect(() => {
    reportRef.current = report;
    knownRef.current = known;
  });

  useEffect(() => {
    const trimmed = value.trim();
    const current = knownRef.current;
    if (!trimmed) {
      if (current.state !== "idle") reportRef.current({ value: "", state: "idle" });
      return;
    }
    if (current.value === trimmed && current.state !== "idle" && current.state !== "checking") return;
    const controller = new AbortController();
    reportRef.current({ value: trimmed, state: "checking" });
    const timer = setTimeout(async () => {
      try {
        const available = await checkUsername(api, trimmed, controller.signal);
        reportRef.current({ value: trimmed, state: available === null ? "unknown" : available ? "available" : "taken" });
      } catch {
        // aborted: a newer value is on its way
      }
    }, USERNAME_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, value]);
}
