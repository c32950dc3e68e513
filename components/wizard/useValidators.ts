import { useCallback, useEffect, useRef, useState } from "react";
import type { ValidatorType } from "@rjsf/utils";
import type { JsonSchema } from "@/lib/connectors/types";
import { needsValidator } from "./schema";
import { loadValidatorModule, waiting, waitingValidators, withPart, type ReadyValidators } from "./validators";

// How long Next waits for a part before it relies on the server's check alone.
const WAIT_MS = 8_000;

type Part = "form" | number;

/**
 * Loads the form's validators a part at a time (`{base}.form.js`, `{base}.{n}.js`),
 * when they are needed: a page with conditions only its validator decides (schema.ts,
 * needsValidator), its own at once (which fields it shows depends on them); once the person starts on a page (`prefetch`: types, clicks or taps),
 * the whole form's conditions, this page's and the next one's; on the review, every
 * page's. The page renders at once and its validator is usually there before its first Next. `ready(page)` waits for what a check needs (bounded); a part
 * that could not load is tried again, and meanwhile the server's check alone decides.
 */
export function useValidators(base: string | undefined, schema: JsonSchema, pageSchemas: JsonSchema[], step: number, beforeUpdate?: () => void) {
  const [validators, setValidators] = useState(() => waitingValidators(pageSchemas.length));
  // Called before a loaded part changes the validators (a page that needs its own is then mounted again).
  const before = useRef(beforeUpdate);
  useEffect(() => {
    before.current = beforeUpdate;
  });
  const parts = useRef(new Map<string, Promise<ValidatorType>>());
  const live = useRef(false);

  const load = useCallback(
    (part: Part): Promise<ValidatorType> => {
      if (!base || (part !== "form" && !pageSchemas[part])) return Promise.resolve(waiting);
      const name = part === "form" ? "form" : String(part + 1);
      let loading = parts.current.get(name);
      if (!loading) {
        const loaded = Promise.all([loadValidatorModule(`${base}.${name}.js`), import("./validatorFrom")]).then(([module, { validatorFrom }]) =>
          validatorFrom(module, part === "form" ? schema : pageSchemas[part]),
        );
        parts.current.set(name, loaded);
        loaded.then(
          (validator) => {
            if (!live.current) return;
            before.current?.();
            setValidators((current) => withPart(current, part, validator));
          },
          () => parts.current.get(name) === loaded && parts.current.delete(name),
        );
        loading = loaded;
      }
      return loading;
    },
    [base, schema, pageSchemas],
  );

  // A new form (or a new version of it) starts from nothing.
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      parts.current = new Map();
      setValidators(waitingValidators(pageSchemas.length));
    };
  }, [load, pageSchemas.length]);

  // A page whose fields depend on answers in ways only its validator tells needs it to show the right ones; the review, every page's.
  useEffect(() => {
    if (step >= pageSchemas.length) pageSchemas.forEach((_, index) => load(index));
    else if (needsValidator(pageSchemas[step])) load(step);
  }, [load, step, pageSchemas]);

  const prefetch = useCallback(() => {
    load("form");
    if (step < pageSchemas.length) load(step);
    if (step + 1 < pageSchemas.length) load(step + 1);
  }, [load, step, pageSchemas.length]);

  const ready = useCallback<ReadyValidators>(
    async (page) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), WAIT_MS)));
      const settled = (part: Part) => Promise.race([load(part), timeout]).catch(() => waiting);
      const [root, own] = await Promise.all([settled("form"), page === undefined ? waiting : settled(page)]);
      clearTimeout(timer);
      return { root, page: own };
    },
    [load],
  );

  return { validators, ready, prefetch };
}
