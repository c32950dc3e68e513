import type { DeliveryJournal } from "@/lib/connectors/types";

/** The journal contract in a Map, for connector tests: a completed step is never run again. */
export function memoryJournal(): DeliveryJournal & { done: Map<string, unknown> } {
  const done = new Map<string, unknown>();
  return {
    done,
    async step<T>(name: string, fn: () => Promise<T>): Promise<T> {
      if (done.has(name)) return done.get(name) as T;
      const result = await fn();
      done.set(name, result);
      return result;
    },
  };
}
