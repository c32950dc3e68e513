import { z } from "zod";

/** Request bodies of the public API. */
const answers = z.record(z.string().max(100), z.unknown(), { error: "must be an object of field answers" });

export const validateBody = z.object({
  page: z.number({ error: "must be a whole number" }).int({ error: "must be a whole number" }).min(1, { error: "must be 1 or more" }),
  data: answers,
});

const campaignKey = z.string().regex(/^utm_(source|medium|campaign|term|content)$/, "campaign keys are utm_source, utm_medium, utm_campaign, utm_term and utm_content");

export const submitBody = z.object({
  data: answers,
  campaign: z.record(campaignKey, z.string().max(200, { error: "must be at most 200 characters" })).optional(),
});

export const idempotencyKey = z.string().min(1).max(255);
