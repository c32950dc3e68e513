import "server-only";
import { getAudit } from "@/lib/audit";
import { pageOf } from "@/lib/db/schema";
import { AppError, type FieldErrors } from "@/lib/errors";
import { getFormDefinition } from "@/lib/forms/definition";
import { fieldTitle } from "@/lib/forms/fields";
import { wordRejection } from "@/lib/forms/vendor-errors";
import type { Translate } from "@/lib/i18n";
import type { StaffTranslate } from "@/lib/i18n/staff";
import { getSealer, getSubmissions } from "@/lib/submissions";
import { openedPayload } from "@/lib/submissions/deliver";
import type { SubmissionFilters } from "@/lib/submissions/store";
import { maskAnswers, withoutSecrets } from "./answers";
import { getStaffAccounts } from "./index";
import type { StaffMember } from "./session";

export type { SubmissionFilters };

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * The console's list, newest first, `limit` at a time: no answers. `older` is where the next
 * page starts (the `after` filter), or null on the last page.
 */
export async function listSubmissions(filters: SubmissionFilters, limit = 100) {
  const { rows, older } = pageOf(await (await getSubmissions()).store.search(filters, limit + 1), limit, (row) => row.created_at);
  const submissions = rows.map((row) => ({
    id: row.id,
    formId: row.form_id,
    status: row.status,
    reference: row.reference,
    attempts: row.attempts,
    lastError: row.last_error,
    assisted: row.assisted_by !== null,
    erased: row.erased_at !== null,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  }));
  return { submissions, older };
}

async function rowOf(id: string, t: StaffTranslate) {
  const row = await (await getSubmissions()).store.byId(id);
  if (!row) throw new AppError("not_found", t("unknownSubmission", { id }));
  return row;
}

export interface Attestation {
  person: string;
  how: "in_person" | "phone";
  text: string;
  staffId: string;
  at: number;
}

function opened(row: { payload: string | null; attestation: string | null }) {
  const sealer = getSealer();
  return {
    answers: row.payload ? withoutSecrets(openedPayload(sealer.open(row.payload)).data) : null,
    attestation: row.attestation ? sealer.open<Attestation>(row.attestation) : null,
  };
}

/** Each answer's label in the form (dotted path → title); the bare names when the form cannot be loaded. */
async function labelsOf(formId: string, answers: unknown): Promise<Record<string, string>> {
  if (!answers || typeof answers !== "object") return {};
  const schema = await getFormDefinition(formId, {}, "staff").then((definition) => definition.schema, () => undefined);
  if (!schema) return {};
  const labels: Record<string, string> = {};
  const walk = (value: unknown, prefix: string) => {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const path = prefix ? `${prefix}.${key}` : key;
      labels[path] = fieldTitle(schema, path);
      if (child && typeof child === "object" && !Array.isArray(child)) walk(child, path);
    }
  };
  walk(answers, "");
  return labels;
}

/** One submission with its delivery timeline; the answers and the attestation's name masked. */
export async function submissionDetail(id: string, t: StaffTranslate) {
  const submissions = await getSubmissions();
  const row = await rowOf(id, t);
  const attempts = await submissions.store.attempts(id);
  const { answers, attestation } = opened(row);
  const assistedBy = row.assisted_by ? await (await getStaffAccounts()).byId(row.assisted_by) : undefined;
  return {
    id: row.id,
    formId: row.form_id,
    status: row.status,
    reference: row.reference,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.status === "received" ? iso(row.next_attempt_at) : null,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    deliveredAt: iso(row.delivered_at),
    erasedAt: iso(row.erased_at),
    purgedAt: iso(row.purged_at),
    assisted: row.assisted_by ? { by: assistedBy?.email ?? row.assisted_by, how: attestation?.how ?? null, at: attestation ? iso(attestation.at) : null } : null,
    fieldsRefused: row.field_errors ? Object.keys(JSON.parse(row.field_errors) as Record<string, string>) : [],
    answers: answers === null ? null : maskAnswers(answers),
    labels: await labelsOf(row.form_id, answers),
    attestation: attestation ? { ...attestation, person: maskAnswers(attestation.person), text: null } : null,
    timeline: attempts.map((attempt) => ({ attempt: attempt.attempt, at: iso(attempt.at)!, outcome: attempt.outcome, detail: attempt.detail })),
  };
}

/**
 * The answers in clear, for one staff member, written to the audit log first; the vendor's
 * refusal, if any, in the staff member's language (`common`: the rules a connector gave worded,
 * a vendor's own text as it came).
 */
export async function revealSubmission(id: string, staff: StaffMember, t: StaffTranslate, common: Translate) {
  const row = await rowOf(id, t);
  await (await getAudit()).append({ actor: staff, action: "reveal", target: id, details: { form: row.form_id } });
  const { answers, attestation } = opened(row);
  const refused = row.field_errors ? (JSON.parse(row.field_errors) as FieldErrors) : null;
  const schema = refused ? await getFormDefinition(row.form_id, { requested: common.locale }, "staff").then((definition) => definition.schema, () => ({})) : {};
  return {
    answers,
    fieldErrors: refused && wordRejection(refused, schema, (answers as Record<string, unknown> | null) ?? {}, common),
    attestation,
  };
}

type AdminAction = "retry" | "replay" | "erase";

/** Retry now, replay a dead letter, or erase the answers: done, then written to the audit log. */
export async function actOnSubmission(action: AdminAction, id: string, staff: StaffMember, t: StaffTranslate) {
  const submissions = await getSubmissions();
  const row = await rowOf(id, t);
  // Audited first: the attempt a retry or replay makes may take as long as the vendor does.
  const audit = await getAudit();
  const refused = () => new AppError("conflict", t(action === "retry" ? "notRetryable" : action === "replay" ? "notReplayable" : "notErasable", { id }));
  if (action === "erase") {
    if (!(await submissions.erase(id))) throw refused();
    await audit.append({ actor: staff, action, target: id, details: { form: row.form_id, status: row.status } });
    return { submissionId: id, action };
  }
  const ready = action === "retry" ? row.status === "received" && row.payload !== null : row.status === "failed" && row.payload !== null;
  if (!ready) throw refused();
  await audit.append({ actor: staff, action, target: id, details: { form: row.form_id, status: row.status } });
  const outcome = action === "retry" ? await submissions.retry(id) : await submissions.replayNow(id);
  if (outcome === undefined) throw refused();
  return { submissionId: id, action, outcome };
}
