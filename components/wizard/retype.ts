import type { FormModel } from "./formModel";

export interface Destination {
  step: number;
  changing?: boolean;
  focusField?: string;
}

/**
 * Where someone heading for the review goes first: to a password a reload dropped (see
 * draft.ts), to type it again, with "Continue" bringing them back to the review.
 */
export function beforeReview(step: number, reviewStep: number, retype: string[], model: Pick<FormModel, "pageOf">): Destination {
  if (step < reviewStep) return { step };
  const field = retype.find((path) => model.pageOf(path) >= 0);
  return field === undefined ? { step } : { step: model.pageOf(field), changing: true, focusField: field };
}
