import { useCallback, useEffect, useMemo, useRef } from "react";
import type { ErrorKind, InsightBatch, InsightEvent } from "@/lib/insights/events";
import { newIdempotencyKey } from "./draft";
import type { WizardEvent } from "./events";
import type { FieldMessages } from "./paths";
import type { Campaign } from "./prefill";
import { isEmptyAnswer, isRecord, type Answers } from "./schema";

/** A batch is sent when the page is hidden, when the registration has an outcome, or when it holds this many events. */
export const BATCH_SIZE = 20;

const sessionKey = (formId: string) => `formgate:insights:${formId}`;

/**
 * The anonymous id of this form session: random, kept in this tab's sessionStorage next
 * to the draft (none there, as in a frame without storage: in memory, for the page's life).
 * Dropped once the registration is delivered: a next one is another session.
 */
function sessionId(formId: string): { id: string; drop(): void } {
  let store: Storage | undefined;
  try {
    store = window.sessionStorage;
    const kept = store.getItem(sessionKey(formId));
    if (kept) return { id: kept, drop: () => store?.removeItem(sessionKey(formId)) };
    const id = newIdempotencyKey();
    store.setItem(sessionKey(formId), id);
    return { id, drop: () => store?.removeItem(sessionKey(formId)) };
  } catch {
    return { id: newIdempotencyKey(), drop: () => undefined };
  }
}

/** Why a page refused each field, for the insights: never the answer, only the kind of rule. */
export function errorKinds(options: { browser?: FieldMessages; server?: FieldMessages; taken?: FieldMessages; refused?: FieldMessages; data: Answers }): Record<string, ErrorKind> {
  const kinds: Record<string, ErrorKind> = {};
  const valueAt = (path: string) => path.split(".").reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), options.data);
  for (const field of Object.keys(options.server ?? {})) kinds[field] = "vendor-refused";
  for (const field of Object.keys(options.browser ?? {})) kinds[field] = isEmptyAnswer(valueAt(field)) ? "required" : "format";
  for (const field of Object.keys(options.refused ?? {})) kinds[field] = "vendor-refused";
  for (const field of Object.keys(options.taken ?? {})) kinds[field] = "taken";
  return kinds;
}

interface Options {
  formId: string;
  /** The review's page number: pages + 1. */
  reviewPage: number;
  embedded: boolean;
  hostOrigin?: string;
  campaign?: Campaign;
  /** An assisted registration (staff): not counted. */
  disabled?: boolean;
}

/**
 * The insights reporter: turns the wizard's events (the ones the host page hears) into
 * insights events and sends them in batches with navigator.sendBeacon. No cookie, no
 * answer: pages, field names, rule kinds and an anonymous session id (README, "Insights").
 */
export function useInsights({ formId, reviewPage, embedded, hostOrigin, campaign, disabled }: Options): (event: WizardEvent) => void {
  const queue = useRef<InsightEvent[]>([]);
  const shown = useRef<{ page: number; at: number } | null>(null);
  const session = useRef<{ id: string; drop(): void } | null>(null);
  // The poll and the submit may both report the same outcome: it is counted once.
  const outcome = useRef<string | null>(null);
  const url = `/api/forms/${encodeURIComponent(formId)}/insights`;
  const context = useMemo(() => {
    const tags = campaign ? Object.fromEntries(Object.entries(campaign).filter(([key]) => ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"].includes(key))) : undefined;
    return { embedded, ...(hostOrigin ? { host: hostOrigin } : {}), ...(tags && Object.keys(tags).length > 0 ? { campaign: tags } : {}) };
  }, [embedded, hostOrigin, campaign]);

  const flush = useCallback(() => {
    if (queue.current.length === 0 || !session.current) return;
    const batch: InsightBatch = { session: session.current.id, ...context, events: queue.current };
    queue.current = [];
    const body = JSON.stringify(batch);
    // A string goes as text/plain: no preflight, and the browser sends it even as the page goes away.
    const sent = typeof navigator.sendBeacon === "function" && navigator.sendBeacon(url, body);
    if (!sent) fetch(url, { method: "POST", headers: { "Content-Type": "text/plain" }, body, keepalive: true }).catch(() => undefined);
  }, [url, context]);

  useEffect(() => {
    if (disabled) return;
    const onHidden = () => document.visibilityState === "hidden" && flush();
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onHidden);
    return () => {
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onHidden);
      flush();
    };
  }, [disabled, flush]);

  return useCallback(
    (event: WizardEvent) => {
      if (disabled) return;
      session.current ??= sessionId(formId);
      const push = (insight: InsightEvent) => {
        queue.current.push(insight);
        if (queue.current.length >= BATCH_SIZE) flush();
      };
      const showPage = (page: number) => {
        if (page < 1) return;
        const last = shown.current;
        if (last && page > last.page && last.page < reviewPage) push({ type: "passed", page: last.page, ms: Math.min(Math.round(performance.now() - last.at), 86_400_000) });
        shown.current = { page, at: performance.now() };
        push(page >= reviewPage ? { type: "review", page: reviewPage } : { type: "page", page });
      };
      const detail = event.detail;
      switch (event.type) {
        case "ready":
          push({ type: "viewed" });
          showPage(Number(detail.page));
          break;
        case "page":
          showPage(Number(detail.page));
          break;
        case "validation-failed": {
          const kinds = (detail.kinds ?? {}) as Record<string, ErrorKind>;
          const fields = ((detail.fields ?? []) as string[]).slice(0, 30).map((name) => ({ name, kind: kinds[name] ?? "vendor-refused" }));
          push({ type: "invalid", page: Number(detail.page), ...(fields.length > 0 ? { fields } : {}) });
          break;
        }
        case "submitted":
          outcome.current = null;
          push({ type: "submitted" });
          break;
        case "confirmed":
          if (outcome.current === "delivered") break;
          outcome.current = "delivered";
          push({ type: "delivered" });
          flush();
          session.current.drop();
          break;
        case "error":
          if ((detail.code === "rejected" || detail.code === "failed" || detail.code === "expired") && outcome.current !== detail.code) {
            outcome.current = String(detail.code);
            push({ type: detail.code === "rejected" ? "rejected" : "failed" });
            flush();
          }
          break;
        default:
          break;
      }
    },
    [disabled, formId, reviewPage, flush],
  );
}
