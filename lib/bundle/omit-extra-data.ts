/**
 * The browser's stand-in for @rjsf/utils' omitExtraData and toPathSchema modules
 * (next.config.mjs): RJSF uses them only for its `omitExtraData` option, which the
 * wizard leaves off (it keeps the form's own fields itself: cleanAnswers in
 * components/wizard/formModel.ts), so their 1.4 KB need not load. Called anyway, they say so.
 */
function notUsed(): never {
  throw new Error("RJSF's omitExtraData is not used by this app: the wizard's cleanAnswers keeps the form's own fields");
}

export default notUsed;
export const getUsedFormData = notUsed;
export const getFieldNames = notUsed;

/** The one helper of that module RJSF uses elsewhere (removeOptionalEmptyObjects), as RJSF defines it. */
export function isValueEmpty(value: unknown): boolean {
  if (value == null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.values(value).every(isValueEmpty);
  return false;
}
