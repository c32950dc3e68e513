import type { Generated } from "kysely";

/**
 * Public life cycle of a submission (what GET /api/submissions/{id} shows). "awaiting_person":
 * the vendor waits for the person (a one-time code, `challenge`), neither retried nor failed;
 * "expired": they never answered within AWAITING_PERSON_MS.
 */
export type SubmissionStatus = "received" | "delivered" | "rejected" | "failed" | "awaiting_person" | "expired";

export interface SubmissionsTable {
  id: string;
  form_id: string;
  idempotency_key: string;
  /** sha256 of the request (form and answers): same key with other answers is refused. */
  request_hash: string;
  status: SubmissionStatus;
  /** The answers, AES-256-GCM encrypted; null once purged after the retention period. */
  payload: string | null;
  /** utm_* values and similar, kept with the submission and never sent to vendors. */
  campaign: string | null;
  reference: string | null;
  /** JSON: field → message, when the vendor refused the data. */
  field_errors: string | null;
  /** JSON: the first answer given for the idempotency key, replayed verbatim. */
  response: string | null;
  /** JSON: delivery journal, step name → {state, result?}. */
  steps: string;
  attempts: Generated<number>;
  next_attempt_at: number;
  locked_until: number | null;
  locked_by: string | null;
  /** JSON: what the person is asked while "awaiting_person" (PersonChallenge: where the code went, expiry, tries); never a secret. */
  challenge: string | null;
  /** Error code and message of the last failed attempt; never personal data. */
  last_error: string | null;
  created_at: number;
  updated_at: number;
  delivered_at: number | null;
  purged_at: number | null;
}

export interface ConnectorStoreTable {
  form_id: string;
  key: string;
  value: string;
  updated_at: number;
}

/** Server-side drafts for frames that get no storage; the id is a hash of the client's token. */
export interface DraftsTable {
  id: string;
  form_id: string;
  payload: string;
  expires_at: number;
  updated_at: number;
}

/** Requests refused by the abuse protection, counted per form and reason (no addresses, no answers). */
export interface ProtectionRefusalsTable {
  form_id: string;
  reason: string;
  count: number;
  updated_at: number;
}

export interface Database {
  submissions: SubmissionsTable;
  connector_store: ConnectorStoreTable;
  drafts: DraftsTable;
  protection_refusals: ProtectionRefusalsTable;
}
