import { z } from "zod";

/** Request bodies of the public API. */
const answers = z.record(z.string().max(100), z.unknown(), { error: "must be an object of field answers" });

export const validateBody = z.object({
  page: z.number({ error: "must be a whole number" }).int({ error: "must be a whole number" }).min(1, { error: "must be 1 or more" }),
  data: answers,
  /** Checks to answer with the page's errors (one request for Next): "email", the page's address. */
  checks: z.array(z.literal("email", { error: 'must be "email"' })).max(1, { error: "must have at most 1 item" }).optional(),
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

/** The server-signed "form started" token the page carried (lib/protection/started.ts). */
const startedToken = z.string().max(200);

/** What the wizard sends beside the answers: never stored, never sent to a vendor (lib/protection). */
const protection = z.strictObject({
  started: startedToken.optional(),
  /** The off-screen honeypot field: people leave it empty. */
  website: z.string().max(2000).optional(),
  /** The challenge provider's token, when the form has a challenge. */
  challenge: z.string().max(8192).optional(),
});

/** The person's choices that change the delivery (DeliveryChoices in lib/connectors/types.ts). */
const choices = z.strictObject({ transfer: z.boolean({ error: "must be true or false" }).optional() });

export const submitBody = z.object({
  data: answers,
  choices: choices.optional(),
  campaign: campaign.optional(),
  protection: protection.optional(),
});

/** The person's answer to a one-time code (POST …/submissions/{id}/code); its form is checked in the person's language. */
export const codeBody = z.strictObject({ code: z.string({ error: "must be the code, as text" }).max(40, { error: "must be at most 40 characters" }) });

/** A new code (POST …/submissions/{id}/code/resend): nothing to say but the request itself. */
export const resendBody = z.strictObject({});

export const emailCheckBody = z.strictObject({ value: z.string({ error: "must be an email address" }).max(254, { error: "must be at most 254 characters" }) });

export const idempotencyKey = z.string().min(1).max(255);

/**
 * A draft of an embedded form: the answers so far and where the person is. Exactly
 * what the wizard keeps (components/wizard/draft.ts), nothing else.
 */
export const draftBody = z.strictObject({
  data: answers,
  step: z.number().int().min(-1).max(100),
  idempotencyKey: idempotencyKey.optional(),
  changing: z.boolean().optional(),
  /** Kept so a reload does not restart the fill time. */
  started: startedToken.optional(),
  /** Password fields to type again after a reload: names, never values. */
  retype: z.array(z.string().regex(/^[\w.-]{1,200}$/)).max(50).optional(),
  /** The email check's verdict and the person's choice to transfer (components/theme/context.ts EmailStatus). */
  email: z
    .strictObject({
      value: z.string().max(254),
      state: z.enum(["unknown", "new", "registered", "transferable", "not_transferable"]),
      transfer: z.boolean(),
    })
    .optional(),
  submission: z
    .strictObject({
      id: z.uuid(),
      status: z.enum(["received", "delivered", "rejected", "failed", "awaiting_person", "expired"]),
      reference: z.string().max(100).optional(),
    })
    .optional(),
});

export type DraftBody = z.infer<typeof draftBody>;
