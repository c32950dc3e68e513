import { z } from "zod";

/**
 * What the wizard reports to the insights (components/wizard/insights.ts): where a form
 * session is, never an answer. Strict objects: an unknown key (an answer slipped into an
 * event) refuses the whole batch.
 */
export const INSIGHT_EVENT_TYPES = ["viewed", "page", "passed", "invalid", "review", "submitted", "delivered", "rejected", "failed"] as const;
export type InsightEventType = (typeof INSIGHT_EVENT_TYPES)[number];

/** Why a page refused the person: an empty required field, a wrong format, the vendor's refusal, a name or address already taken. */
export const ERROR_KINDS = ["required", "format", "vendor-refused", "taken"] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export const MAX_INSIGHT_EVENTS = 50;
/** A batch's size limit, in bytes: above it the endpoint answers 413. */
export const MAX_INSIGHT_BYTES = 16 * 1024;

const fieldName = z.string().min(1).max(100).regex(/^[A-Za-z0-9_.-]+$/, "must be a field name");
const tag = z.string().trim().min(1).max(200);

export const insightEvent = z.strictObject({
  type: z.enum(INSIGHT_EVENT_TYPES),
  /** 1-based; the review is pages + 1. */
  page: z.number().int().min(1).max(100).optional(),
  /** For "passed": the time spent on the page. */
  ms: z.number().int().min(0).max(86_400_000).optional(),
  /** For "invalid": the fields refused and why. */
  fields: z.array(z.strictObject({ name: fieldName, kind: z.enum(ERROR_KINDS) })).max(30).optional(),
});
export type InsightEvent = z.infer<typeof insightEvent>;

export const insightBatch = z.strictObject({
  /** One anonymous random id per form session (kept with the draft). */
  session: z.uuid(),
  embedded: z.boolean(),
  /** The embedding page's origin. */
  host: z.url({ protocol: /^https?$/ }).max(200).optional(),
  campaign: z.strictObject({ utm_source: tag.optional(), utm_medium: tag.optional(), utm_campaign: tag.optional(), utm_term: tag.optional(), utm_content: tag.optional() }).optional(),
  events: z.array(insightEvent).min(1).max(MAX_INSIGHT_EVENTS),
});
export type InsightBatch = z.infer<typeof insightBatch>;
