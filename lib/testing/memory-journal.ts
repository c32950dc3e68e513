import type { DeliveryJournal, StepOptions } from "@/lib/connectors/types";

/**
 * The journal contract in a Map, for connector tests: a completed step is never run again.
 * `secrets` names the steps a connector marked secret (the outbox seals their results).
 */
export function memoryJournal(): DeliveryJournal & { done: Map<string, unknown>; secrets: Set<string>; ran: string[] } {
  const done = new Map<string, unknown>();
  const secrets = new Set<string>();
  const ran: string[] = [];
  return {
    done,
    secrets,
    ran,
    async step<T>(name: string, fn: () => Promise<T>, options: StepOptions = {}): Promise<T> {
      if (done.has(name)) return done.get(name) as T;
      ran.push(name);
      const result = await fn();
      done.set(name, result);
      if (options.secret) secrets.add(name);
      return result;
    },
  };
}
