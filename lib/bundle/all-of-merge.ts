/**
 * The browser's stand-in for RJSF's allOf merge (next.config.mjs aliases
 * @rjsf/utils' `./shallowAllOfMerge.js` here): @x0k/json-schema-merge is 4 KB of the
 * form page that only a form with `allOf` (several conditions) uses. Such a form loads
 * it before its pages render (`allOfMergeReady`, components/wizard/Wizard.tsx); every
 * other form never does. The server renders with RJSF's own module.
 */
type Merge = (schema: object) => object;

let merge: Merge | undefined;
let loading: Promise<void> | undefined;

/** Loads the merge once; resolves when RJSF can merge `allOf` (or when it could not load: RJSF then drops the allOf, the server still checks it). */
export function allOfMergeReady(): Promise<void> {
  loading ??= import("@rjsf/utils/lib/schema/shallowAllOfMerge.js").then(
    (module) => {
      merge = module.default as Merge;
    },
    () => {
      loading = undefined;
    },
  );
  return loading;
}

export default function shallowAllOfMerge(schema: object): object {
  // RJSF catches this, warns and leaves the allOf out.
  if (!merge) throw new Error("The allOf merge is not loaded yet");
  return merge(schema);
}
