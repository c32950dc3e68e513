import type { DeliveryJournal, StepOptions } from "@/lib/connectors/types";
import { AppError } from "@/lib/errors";
import type { Sealer } from "./crypto";

/** A secret step's result is `sealed` (encrypted like the answers) instead of `result`. */
type StepRecord = { state: "started" | "failed"; at: number } | { state: "done"; at: number; result?: unknown; sealed?: string };
export type Steps = Record<string, StepRecord>;

/**
 * A delivery journal persisted with the submission. A step is written as
 * "started" before the vendor is called and "done" with its result after, so a
 * retry skips completed steps. A step still "started" on the next attempt is in doubt:
 * the process died during the call, which may or may not have reached the vendor (see
 * README, "In-doubt attempts").
 */
export function createJournal(options: {
  steps: Steps;
  persist: (steps: Steps) => Promise<boolean>;
  now: () => number;
  onInDoubt?: (step: string) => void;
  /** Seals the results of secret steps (StepOptions.secret). */
  sealer?: Sealer;
}): DeliveryJournal & { steps: Steps } {
  const steps: Steps = { ...options.steps };

  async function save() {
    if (!(await options.persist(steps))) {
      // Another instance took the submission over (our lease expired): stop here.
      throw new AppError("vendor_unavailable", "delivery lease lost", { retryable: true });
    }
  }

  return {
    steps,
    async step<T>(name: string, fn: () => Promise<T>, stepOptions: StepOptions = {}): Promise<T> {
      const record = steps[name];
      if (record?.state === "done") return (record.sealed !== undefined ? options.sealer!.open<T>(record.sealed) : record.result) as T;
      if (record?.state === "started") options.onInDoubt?.(name);
      steps[name] = { state: "started", at: options.now() };
      await save();
      let result: T;
      try {
        result = await fn();
      } catch (error) {
        // The call ended with an answer or a timeout we saw: not in doubt, just failed.
        // Written with the attempt's outcome (one write), see deliver.ts.
        steps[name] = { state: "failed", at: options.now() };
        throw error;
      }
      if (stepOptions.secret) {
        if (!options.sealer) throw new AppError("internal", `the journal cannot keep the secret of step "${name}"`);
        steps[name] = { state: "done", at: options.now(), sealed: options.sealer.seal(result ?? null) };
      } else {
        steps[name] = { state: "done", at: options.now(), result: result ?? null };
      }
      await save();
      return result;
    },
  };
}
