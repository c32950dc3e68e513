import type { SubmissionStatus } from "./api";
import { isRecord, omitPaths, type Answers } from "./schema";

/** What survives a reload of the wizard, in sessionStorage (per tab, gone when the tab closes). */
export interface Draft {
  data: Answers;
  /** Index of the page shown; pages.length is the review; -1 the confirmation. */
  step: number;
  /** One per form session: a retried or double-clicked submit is registered once. */
  idempotencyKey: string;
  /** Whether the current page was reached through a "Change" link on the review. */
  changing?: boolean;
  submission?: { id: string; status: SubmissionStatus; reference?: string };
}

export const draftKey = (formId: string) => `formgate:${formId}`;

function storage(): Storage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.sessionStorage;
  } catch {
    // storage can be disabled (privacy settings, sandboxed iframes): the wizard then simply forgets on reload
    return undefined;
  }
}

export function loadDraft(formId: string): Draft | undefined {
  try {
    // inside the try: a blocked storage may throw on the read itself, not only on access
    const raw = storage()?.getItem(draftKey(formId));
    if (!raw) return undefined;
    const draft: unknown = JSON.parse(raw);
    if (!isRecord(draft) || !isRecord(draft.data) || typeof draft.step !== "number" || typeof draft.idempotencyKey !== "string") {
      return undefined;
    }
    return draft as unknown as Draft;
  } catch {
    return undefined;
  }
}

export function saveDraft(formId: string, draft: Draft, passwordPaths: string[]): void {
  const safe: Draft = { ...draft, data: omitPaths(draft.data, passwordPaths) };
  try {
    storage()?.setItem(draftKey(formId), JSON.stringify(safe));
  } catch {
    // quota exceeded or storage disabled: losing the draft is acceptable, breaking the form is not
  }
}

export function clearDraft(formId: string): void {
  try {
    storage()?.removeItem(draftKey(formId));
  } catch {
    // see saveDraft
  }
}

export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // randomUUID exists only in secure contexts; plain-http hosts (an intranet) still need a unique key
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
