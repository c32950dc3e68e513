import type { Logger } from "@/lib/log";
import type { Submissions } from "./service";

const WAKE_COALESCE_MS = 25;

export interface WorkerOptions {
  /** Deliveries in flight at once, per instance. */
  concurrency: number;
  /** How often to look for due submissions when idle. */
  pollMs: number;
  purgeEveryMs: number;
  /** Deletes what has outlived its retention; returns how many records it touched. */
  purge: () => Promise<number>;
  /** Marks submissions left waiting for the person past their deadline as expired; returns how many. */
  expire?: () => Promise<number>;
  expireEveryMs?: number;
  log: Logger;
}

/**
 * The in-app delivery worker: keeps up to `concurrency` deliveries in flight,
 * claims more as they finish, and sleeps `pollMs` when nothing is due. Any number
 * of instances may run it against one database.
 */
export function startWorker(submissions: Submissions, options: WorkerOptions) {
  let stopped = false;
  let inFlight = 0;
  let wakeUp: (() => void) | undefined;
  let lastPurge = 0;
  let lastExpiry = 0;

  // Coalesced: a burst of submits wakes the worker once, not once per submit.
  let waking: ReturnType<typeof setTimeout> | undefined;
  const wake = () => {
    waking ??= setTimeout(() => {
      waking = undefined;
      wakeUp?.();
    }, WAKE_COALESCE_MS);
  };

  async function tick() {
    const free = options.concurrency - inFlight;
    if (free <= 0) return 0;
    const rows = await submissions.claim(free);
    for (const row of rows) {
      inFlight++;
      submissions
        .attempt(row)
        .catch((error) => options.log.error("delivery attempt crashed", { submission: row.id, error: String(error) }))
        .finally(() => {
          inFlight--;
          wake();
        });
    }
    if (options.expire && Date.now() - lastExpiry > (options.expireEveryMs ?? options.purgeEveryMs)) {
      lastExpiry = Date.now();
      const expired = await options.expire();
      if (expired > 0) options.log.info("registrations left waiting for the person expired", { count: expired });
    }
    if (Date.now() - lastPurge > options.purgeEveryMs) {
      lastPurge = Date.now();
      const purged = await options.purge();
      if (purged > 0) options.log.info("purged expired answers and drafts", { count: purged });
    }
    return rows.length;
  }

  const done = (async () => {
    while (!stopped) {
      let claimed = 0;
      try {
        claimed = await tick();
      } catch (error) {
        options.log.error("delivery worker tick failed", { error: String(error) });
      }
      if (claimed > 0 && inFlight < options.concurrency) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.pollMs);
        timer.unref?.();
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = undefined;
    }
  })();

  return {
    wake,
    async stop() {
      stopped = true;
      clearTimeout(waking);
      wakeUp?.();
      await done;
    },
  };
}

export type Worker = ReturnType<typeof startWorker>;
