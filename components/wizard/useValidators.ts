import { useCallback, useEffect, useRef, useState } from "react";
import type { JsonSchema } from "@/lib/connectors/types";
import { loadValidatorModule, validatorsFrom, waitingValidators, type Validators } from "./validators";

// How long Next waits for the module before it relies on the server's check alone.
const WAIT_MS = 8_000;

/**
 * Loads the form's validators right after hydration, so the page renders at once
 * and they are usually there before the first Next. `ready()` waits for them
 * (bounded); when they could not load it tries again, and meanwhile the server's
 * check alone decides.
 */
export function useValidators(url: string | undefined, schema: JsonSchema, pageSchemas: JsonSchema[]) {
  const [validators, setValidators] = useState(() => waitingValidators(pageSchemas.length));
  const loading = useRef<Promise<Validators> | undefined>(undefined);
  const live = useRef(false);

  const load = useCallback(() => {
    if (!url) return Promise.resolve(waitingValidators(pageSchemas.length));
    const loaded = loadValidatorModule(url).then((module) => validatorsFrom(module, schema, pageSchemas));
    loaded.then(
      (next) => live.current && setValidators(next),
      () => loading.current === loaded && (loading.current = undefined),
    );
    return loaded;
  }, [url, schema, pageSchemas]);

  useEffect(() => {
    live.current = true;
    loading.current = load();
    return () => {
      live.current = false;
      loading.current = undefined;
    };
  }, [load]);

  const ready = useCallback((): Promise<Validators> => {
    loading.current ??= load();
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), WAIT_MS));
    return Promise.race([loading.current, timeout]).catch(() => waitingValidators(pageSchemas.length));
  }, [load, pageSchemas]);

  return { validators, ready };
}
