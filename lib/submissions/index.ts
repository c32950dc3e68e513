import "server-only";
import { connectorFor, findForm } from "@/lib/config/forms";
import { env } from "@/lib/config/env";
import { insightStore } from "@/lib/insights/store";
import { getDb } from "@/lib/db";
import { log } from "@/lib/log";
import { draftStore } from "@/lib/drafts/store";
import { createSealer, loadKey, type Sealer } from "./crypto";
import { createSubmissions, type Submissions } from "./service";
import { startWorker, type Worker } from "./worker";

export type { SubmitAnswer } from "./service";

const holder = globalThis as typeof globalThis & {
  __formgateSubmissions?: Promise<Submissions>;
  __formgateWorker?: Worker;
  __formgateSealer?: Sealer;
};

/** Seals personal data at rest (submissions, drafts) with the deployment's key. */
export function getSealer(): Sealer {
  const e = env();
  holder.__formgateSealer ??= createSealer(loadKey({ envKey: e.APP_ENCRYPTION_KEY, dataDir: e.DATA_DIR, warn: log.warn }));
  return holder.__formgateSealer;
}

/** The process-wide submissions service, built from the environment. */
export function getSubmissions(): Promise<Submissions> {
  holder.__formgateSubmissions ??= (async () => {
    const e = env();
    return createSubmissions({
      db: await getDb(),
      sealer: getSealer(),
      connectorFor: (formId) => {
        const form = findForm(formId);
        return form && connectorFor(form);
      },
      settings: {
        inlineWaitMs: e.SUBMIT_INLINE_WAIT_MS,
        maxAttempts: e.DELIVERY_MAX_ATTEMPTS,
        baseDelayMs: e.DELIVERY_BASE_DELAY_MS,
        maxDelayMs: e.DELIVERY_MAX_DELAY_MS,
        leaseMs: e.DELIVERY_LEASE_MS,
        retentionMs: e.RETENTION_DAYS * 86_400_000,
        personWaitMs: e.AWAITING_PERSON_MS,
      },
      log,
      onQueued: () => holder.__formgateWorker?.wake(),
    });
  })();
  return holder.__formgateSubmissions;
}

/** Starts this instance's delivery worker (from instrumentation.ts); idempotent. */
export async function startDeliveryWorker(): Promise<void> {
  if (holder.__formgateWorker || env().DELIVERY_WORKER === "0") return;
  const submissions = await getSubmissions();
  const drafts = draftStore(await getDb(), getSealer());
  const insights = insightStore(await getDb());
  // The insights' raw events go after INSIGHTS_RETENTION_DAYS; their sessions and daily counts stay.
  const purge = async () =>
    (await submissions.purgeExpired()) + (await drafts.purgeExpired()) + (await insights.purge(Date.now() - env().INSIGHTS_RETENTION_DAYS * 86_400_000));
  holder.__formgateWorker ??= startWorker(submissions, { concurrency: 8, pollMs: 1_000, purgeEveryMs: 10 * 60_000, purge, expire: () => submissions.expireWaiting(), expireEveryMs: 15_000, log });
  log.info("delivery worker started", { instance: submissions.instanceId });
}
