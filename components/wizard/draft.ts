import type { EmailStatus } from "@/components/theme/context";
import type { SubmissionStatus } from "./api";
import { isEmptyAnswer, isRecord, omitPaths, type Answers } from "./schema";

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
  /** The server's "form started" token of the first page load: a reload does not restart the fill time. */
  started?: string;
  /** Password fields that had an answer, which the draft does not keep: after a reload they are asked again. */
  retype?: string[];
  /** The email check's verdict and the person's choice to transfer: a reload keeps the choice. */
  email?: EmailStatus;
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

function asDraft(draft: unknown): Draft | undefined {
  if (!isRecord(draft) || !isRecord(draft.data) || typeof draft.step !== "number" || typeof draft.idempotencyKey !== "string") {
    return undefined;
  }
  return draft as unknown as Draft;
}

export function loadDraft(formId: string): Draft | undefined {
  try {
    // inside the try: a blocked storage may throw on the read itself, not only on access
    const raw = storage()?.getItem(draftKey(formId));
    return raw ? asDraft(JSON.parse(raw)) : undefined;
  } catch {
    return undefined;
  }
}

/** Passwords never leave the page in a draft, wherever the draft is kept; only which ones were typed. */
export function withoutPasswords(draft: Draft, passwordPaths: string[]): Draft {
  const typed = passwordPaths.filter((path) => !isEmptyAnswer(path.split(".").reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), draft.data)));
  const retype = [...new Set([...(draft.retype ?? []), ...typed])];
  return { ...draft, data: omitPaths(draft.data, passwordPaths), ...(retype.length > 0 ? { retype } : {}) };
}

export function saveDraft(formId: string, draft: Draft): void {
  try {
    storage()?.setItem(draftKey(formId), JSON.stringify(draft));
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

/** Where a draft is kept: this tab's sessionStorage, or the server behind the embed's token. */
export interface DraftBackend {
  load(): Promise<Draft | undefined>;
  save(draft: Draft): void;
  clear(): void;
}

function sessionStorageWorks(): boolean {
  try {
    const store = window.sessionStorage;
    store.setItem("formgate:probe", "1");
    store.removeItem("formgate:probe");
    return true;
  } catch {
    return false;
  }
}

const sessionBackend = (formId: string): DraftBackend => ({
  load: async () => loadDraft(formId),
  save: (draft) => saveDraft(formId, draft),
  clear: () => clearDraft(formId),
});

/**
 * A frame whose browser blocks third-party storage gets no sessionStorage; embed.js
 * then keeps an opaque token in the host page's own storage and the draft lives on
 * the server behind it, sealed, for a day.
 */
function serverBackend(formId: string, token: string): DraftBackend {
  const url = `/api/forms/${encodeURIComponent(formId)}/drafts/${encodeURIComponent(token)}`;
  return {
    async load() {
      const response = await fetch(url).catch(() => undefined);
      return response?.ok ? asDraft(await response.json().catch(() => undefined)) : undefined;
    },
    // Typing reaches here once it pauses (useDraftSync).
    save(draft) {
      const body = JSON.stringify(draft);
      fetch(url, { method: "PUT", headers: { "Content-Type": "application/json" }, body, keepalive: body.length < 60_000 }).catch(() => undefined);
    },
    clear() {
      fetch(url, { method: "DELETE", keepalive: true }).catch(() => undefined);
    },
  };
}

export function draftBackend(formId: string, serverToken?: string): DraftBackend {
  return serverToken && !sessionStorageWorks() ? serverBackend(formId, serverToken) : sessionBackend(formId);
}

/** Of the draft's "form started" token and the page's, the earlier, unless it is over a day older. */
export function olderStarted(draft: string | undefined, page: string | undefined): string | undefined {
  const issued = (token: string | undefined) => (token ? parseInt(token.split(".")[0], 36) : NaN);
  const [kept, fresh] = [issued(draft), issued(page)];
  if (Number.isNaN(kept)) return page;
  if (Number.isNaN(fresh)) return draft;
  return kept <= fresh && fresh - kept < 86_400_000 ? draft : page;
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
