import { setTimeout as sleep } from "node:timers/promises";
import { procurios } from "@/lib/connectors/procurios";
import { serveSandbox, TOKEN } from "@/lib/connectors/procurios/test-helpers";
import type { Db } from "@/lib/db/connect";
import { log } from "@/lib/log";
import { validRegistration } from "@/lib/testing/registration";
import { controlHeaders } from "@/lib/testing/sandbox-server";
import { createSealer } from "@/lib/submissions/crypto";
import { createSubmissions, type SubmissionDeps, type SubmissionSettings, type Submissions } from "@/lib/submissions/service";

export const fastSettings: SubmissionSettings = {
  inlineWaitMs: 1_500,
  maxAttempts: 8,
  baseDelayMs: 20,
  maxDelayMs: 200,
  leaseMs: 3_000,
  retentionMs: 86_400_000,
};

/** A Procurios sandbox on a loopback port and the real connector pointed at it. */
export async function procuriosVendor(options: { completionDelayMs?: number; timeoutMs?: number } = {}) {
  const { sandbox, server } = await serveSandbox({ completionDelayMs: options.completionDelayMs ?? 50 });
  const connector = procurios.create({
    formId: "members",
    options: procurios.optionsSchema.parse({
      baseUrl: server.url,
      registrationSetId: 77,
      tokenEnv: "PROCURIOS_TOKEN",
      timeoutMs: options.timeoutMs ?? 1_000,
    }),
    secret: () => TOKEN,
    resolveUrl: (url) => url,
  });
  async function control(method: string, path: string, body?: unknown) {
    const response = await fetch(`${server.url}/_sandbox/${path}`, {
      method,
      headers: controlHeaders(),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`sandbox control ${path}: ${response.status}`);
  }
  return {
    sandbox,
    server,
    connector,
    fault: (fault: Record<string, unknown>) => control("POST", "faults", fault),
    clearFaults: () => control("DELETE", "faults"),
  };
}

type Vendor = { connector: ReturnType<typeof procurios.create> };

/** What createSubmissions needs to deliver the "members" form to `vendor`. */
export function harnessDeps(db: Db, vendor: Vendor, settings: Partial<SubmissionSettings> = {}): SubmissionDeps {
  return {
    db,
    sealer: createSealer(Buffer.alloc(32, 1)),
    connectorFor: (formId) => (formId === "members" ? vendor.connector : undefined),
    settings: { ...fastSettings, ...settings },
    log,
  };
}

export function submissionsOn(db: Db, vendor: Vendor, settings: Partial<SubmissionSettings> = {}): Submissions {
  return createSubmissions(harnessDeps(db, vendor, settings));
}

/** Runs the worker's claim/attempt cycle until nothing is left to deliver. */
export async function drain(instances: Submissions[], timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const handled = await Promise.all(instances.map((instance) => instance.deliverDue(10)));
    const pending = await instances[0].store.listByStatus("received", 1);
    if (pending.length === 0) return;
    if (Date.now() > until) throw new Error(`submissions still pending after ${timeoutMs} ms`);
    if (handled.every((n) => n === 0)) await sleep(20);
  }
}

let counter = 0;
/** A valid set-77 registration with a unique username. */
export function registration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return validRegistration(`user.${Date.now().toString(36)}${counter}`, overrides);
}
