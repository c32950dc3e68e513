import { useCallback, useEffect, useRef, useState } from "react";
import type { JsonSchema } from "@/lib/connectors/types";
import { loadValidatorModule, validatorsFrom, waitingValidators, type Validators } from "./validators";

// How long Next waits for the module before it relies on the server's check alone.
const WAIT_MS = 8_000;

/**
 * Loads the form's validators right after hydration, so the page renders at once
 * and they are usually there before the first Next; `ready()` waits for them
 * (bounded), and falls back to the server's check alone when they cannot load.
 */
export function useValidators(url: string | undefined, schema: JsonSchema, pageSchemas: JsonSchema[]) {
  const [validators, setValidators] = useState(() => waitingValidators(pageSchemas.length));
  const loading = useRef<Promise<Validators> | undefined>(undefined);

  useEffect(() => {
    if (!url) return;
    let live = true;
    const loaded = loadValidatorModule(url).then((module) => validatorsFrom(module, schema, pageSchemas));
    loading.current = loaded;
    loaded.then((next) => live && setValidators(next), () => {});
    return () => {
      live = false;
    };
  }, [url, schema, pageSchemas]);

  const ready = useCallback(async (): Promise<Validators> => {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), WAIT_MS));
    return Promise.race([loading.current ?? Promise.reject(new Error("no validators")), timeout]).catch(() =>
      waitingValidators(pageSchemas.length),
    );
  }, [pageSchemas]);

  return { validators, ready };
}
