/**
 * The browser's stand-in for fast-uri (next.config.mjs), which @rjsf/utils uses to
 * make `$ref`s absolute against the root `$id`. Form schemas have no `$id` and only
 * local references (lib/forms/normalise.ts), already in fast-uri's normal form
 * (lib/forms/browser-schema.ts), so resolving one against "#" changes nothing.
 */
function resolve(base: string, ref: string): string {
  if (ref.startsWith("#") && (base === "" || base.startsWith("#"))) return ref;
  try {
    return new URL(ref, base).href;
  } catch {
    return ref;
  }
}

const equal = (a: unknown, b: unknown) => a === b;

const uri = { resolve, equal };
export default uri;
export { resolve, equal };
