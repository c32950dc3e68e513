import type { InsightEvent } from "./events";

/** A form session as the funnel reads it (one row of insight_sessions). */
export interface SessionState {
  pages: number[];
  lastPage: number;
  outcome: "viewed" | "submitted" | "delivered" | "rejected" | "failed";
  endField: string | null;
  endKind: string | null;
}

export const newSession = (): SessionState => ({ pages: [], lastPage: 0, outcome: "viewed", endField: null, endKind: null });

/** A session after its next events, in the order the wizard reported them. */
export function applyEvents(session: SessionState, events: readonly InsightEvent[]): SessionState {
  const next = { ...session, pages: [...session.pages] };
  for (const event of events) {
    switch (event.type) {
      case "page":
      case "review":
        if (event.page === undefined) break;
        if (!next.pages.includes(event.page)) next.pages.push(event.page);
        next.lastPage = event.page;
        break;
      case "passed":
        break;
      case "invalid": {
        const first = event.fields?.[0];
        next.endField = first?.name ?? null;
        next.endKind = first?.kind ?? null;
        break;
      }
      case "submitted":
        next.outcome = "submitted";
        next.endField = next.endKind = null;
        break;
      case "delivered":
      case "failed":
        next.outcome = event.type;
        break;
      case "rejected":
        // The vendor refused the answers: the person is back on a page, to change them.
        next.outcome = "rejected";
        break;
      case "viewed":
        break;
    }
  }
  next.pages.sort((a, b) => a - b);
  return next;
}

export const pagesText = (pages: readonly number[]) => `,${pages.join(",")},`;
export const pagesOf = (text: string) => text.split(",").filter(Boolean).map(Number);

/** A group of sessions alike in what the funnel reads, with how many there are. */
export interface SessionGroup {
  pages: string;
  lastPage: number;
  outcome: string;
  endField: string | null;
  endKind: string | null;
  count: number;
}

export interface FunnelStep {
  /** 1-based page number; pageCount + 1 is the review. */
  page: number;
  /** Sessions that saw this page. */
  seen: number;
  /** Sessions that saw it and left the form there, never submitting. */
  left: number;
}

export interface Funnel {
  sessions: number;
  steps: FunnelStep[];
  submitted: number;
  delivered: number;
  rejected: number;
  failed: number;
  /** Why the sessions that left did: page, field and error kind, most frequent first. */
  reasons: Array<{ page: number; field: string | null; kind: string | null; count: number }>;
}

/**
 * The funnel by the pages people actually saw: a page a condition skipped is neither
 * seen nor left by those who skipped it, so it is no drop-off. A session left on the
 * page it was shown last, unless it submitted.
 */
export function funnel(groups: readonly SessionGroup[], pageCount: number): Funnel {
  const steps: FunnelStep[] = Array.from({ length: pageCount + 1 }, (_, index) => ({ page: index + 1, seen: 0, left: 0 }));
  const result: Funnel = { sessions: 0, steps, submitted: 0, delivered: 0, rejected: 0, failed: 0, reasons: [] };
  const reasons = new Map<string, Funnel["reasons"][number]>();
  for (const group of groups) {
    result.sessions += group.count;
    for (const page of pagesOf(group.pages)) {
      const step = steps[page - 1];
      if (step) step.seen += group.count;
    }
    if (group.outcome === "viewed") {
      const step = steps[group.lastPage - 1];
      if (step) step.left += group.count;
      if (group.lastPage > 0) {
        const key = JSON.stringify([group.lastPage, group.endField, group.endKind]);
        const reason = reasons.get(key) ?? { page: group.lastPage, field: group.endField, kind: group.endKind, count: 0 };
        reason.count += group.count;
        reasons.set(key, reason);
      }
    } else {
      result.submitted += group.count;
      if (group.outcome === "delivered") result.delivered += group.count;
      if (group.outcome === "rejected") result.rejected += group.count;
      if (group.outcome === "failed") result.failed += group.count;
    }
  }
  result.reasons = [...reasons.values()].sort((a, b) => b.count - a.count || a.page - b.page);
  return result;
}

/** The median of a histogram of whole seconds (value → count). */
export function medianOf(histogram: ReadonlyArray<{ value: number; count: number }>): number | undefined {
  const sorted = [...histogram].sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, entry) => sum + entry.count, 0);
  if (total === 0) return undefined;
  let seen = 0;
  for (const entry of sorted) {
    seen += entry.count;
    if (seen * 2 >= total) return entry.value;
  }
  return sorted.at(-1)!.value;
}
