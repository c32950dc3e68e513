import type { Generated } from "kysely";

/**
 * Public life cycle of a submission (what GET /api/submissions/{id} shows). "awaiting_person":
 * the vendor waits for the person (a one-time code, `challenge`), neither retried nor failed;
 * "expired": they never answered within AWAITING_PERSON_MS.
 */
export const SUBMISSION_STATUSES = ["received", "awaiting_person", "delivered", "rejected", "failed", "expired"] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

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
  /** The staff account that registered the person on their behalf (assisted registration). */
  assisted_by: string | null;
  /** JSON, sealed: the attestation of consent given for an assisted registration (see lib/staff/assisted.ts). */
  attestation: string | null;
  /** When a staff member erased the answers on the person's request. */
  erased_at: number | null;
}

/** One delivery attempt's outcome, for the staff console's timeline (no answers, no personal data). */
export interface DeliveryAttemptsTable {
  submission_id: string;
  attempt: number;
  at: number;
  /** delivered, rejected, retry or failed. */
  outcome: string;
  /** The error code and message, the reference, or the fields the vendor refused. */
  detail: string | null;
}

export type StaffRole = "staff" | "admin";

export interface StaffAccountsTable {
  id: string;
  /** Lower case; the sign-in name. */
  email: string;
  name: string;
  role: StaffRole;
  /** scrypt (lib/staff/password.ts); null for an account that signs in only through OpenID Connect. */
  password_hash: string | null;
  disabled_at: number | null;
  /** Bumped when the account is disabled, reset or changes role: older sessions end at their next request. */
  session_version: number;
  created_at: number;
  updated_at: number;
}

/** Append-only: the code has no update or delete path for this table (lib/audit). */
export interface AuditLogTable {
  id: string;
  at: number;
  actor_id: string | null;
  /** The account's email, or the name typed at a failed sign-in. */
  actor_email: string | null;
  action: string;
  /** What the action was about: a submission id, an account's email, a form. */
  target: string | null;
  /** JSON: what else the entry needs to be understood; no answers. */
  details: string | null;
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

/** One insights event (lib/insights): never an answer; `field` is a field name of the form, `kind` a rule kind. */
export interface InsightEventsTable {
  form_id: string;
  session_id: string;
  at: number;
  type: string;
  page: number | null;
  field: string | null;
  kind: string | null;
  /** Time spent on the page, for "passed". */
  ms: number | null;
}

/** A form session as the funnel sees it (lib/insights/funnel.ts). */
export interface InsightSessionsTable {
  session_id: string;
  form_id: string;
  first_at: number;
  last_at: number;
  /** 1 inside an embed, 0 on the form's own page. */
  embedded: number;
  /** The embedding page's origin. */
  host: string | null;
  /** "source / medium / campaign" of the utm tags. */
  campaign: string | null;
  /** The pages shown, as ",1,2,4,": a page skipped by a condition is not there. */
  pages: string;
  /** The page shown last (the review is pages + 1). */
  last_page: number;
  /** viewed, submitted, delivered, rejected or failed. */
  outcome: string;
  /** The field and rule kind of the last refusal the session met, on its last page or before (cleared by submitting). */
  end_field: string | null;
  end_kind: string | null;
}

export interface InsightDailyTable {
  form_id: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  type: string;
  /** 0 when the event has no page, or when the browser asked not to be tracked (totals only). */
  page: number;
  field: string;
  kind: string;
  count: number;
}

export interface Database {
  submissions: SubmissionsTable;
  connector_store: ConnectorStoreTable;
  drafts: DraftsTable;
  protection_refusals: ProtectionRefusalsTable;
  delivery_attempts: DeliveryAttemptsTable;
  staff_accounts: StaffAccountsTable;
  audit_log: AuditLogTable;
  insight_events: InsightEventsTable;
  insight_sessions: InsightSessionsTable;
  insight_daily: InsightDailyTable;
}

/**
 * Keyset paging for the console's lists, newest first: a page ends on a row's time and id
 * (rows of the same millisecond go by id), and the next page starts after it, so a row
 * added meanwhile never shifts a page, and none is repeated or skipped.
 */
export interface ListCursor {
  at: number;
  id: string;
}

/** The cursor as the list's link carries it (`after=…`): "1764000000123.<id>". */
export const CURSOR_PATTERN = /^\d{1,15}\.[\w-]{1,100}$/;

export function parseCursor(value: string): ListCursor {
  const dot = value.indexOf(".");
  return { at: Number(value.slice(0, dot)), id: value.slice(dot + 1) };
}

/** Of `limit + 1` rows read, the page and where the next one starts (null on the last page). */
export function pageOf<T extends { id: string }>(found: T[], limit: number, timeOf: (row: T) => number | string): { rows: T[]; older: string | null } {
  const rows = found.slice(0, limit);
  const last = rows.at(-1);
  return { rows, older: found.length > limit && last ? `${timeOf(last)}.${last.id}` : null };
}
