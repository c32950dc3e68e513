import { z } from "zod";

/** Request bodies of the public API. */
const answers = z.record(z.string().max(100), z.unknown(), { error: "must be an object of field answers" });

export const validateBody = z.object({
  page: z.number({ error: "must be a whole number" }).int({ error: "must be a whole number" }).min(1, { error: "must be 1 or more" }),
  data: answers,
});

const utm = z.string().max(200, { error: "must be at most 200 characters" }).optional();

/** Campaign tracking stored with the submission; never sent to a vendor. */
const campaign = z.strictObject(
  { utm_source: utm, utm_medium: utm, utm_campaign: utm, utm_term: utm, utm_content: utm },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? "campaign keys are utm_source, utm_medium, utm_campaign, utm_term and utm_content"
        : undefined,
  },
);

export const submitBody = z.object({
  data: answers,
  campaign: campaign.optional(),
});

/** A draft of an embedded form: the answers so far and the step shown. */
export const draftBody = z
  .object({
    data: answers,
    step: z.number().int().min(-1).max(100),
  })
  .passthrough();

export const idempotencyKey = z.string().min(1).max(255);
