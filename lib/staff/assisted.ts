import "server-only";
import { createHmac } from "node:crypto";
import type { FormData, JsonSchema } from "@/lib/connectors/types";
import { getAudit } from "@/lib/audit";
import type { FormContext } from "@/lib/forms/definition";
import { propertiesOf } from "@/lib/forms/json";
import { submitForm } from "@/lib/submissions/submit-form";
import { staffSecret } from "./index";
import type { StaffMember } from "./session";

export interface AttestationInput {
  /** The person's name as the staff member gives it. */
  person: string;
  how: "in_person" | "phone";
}

export const HOW_TEXT: Record<AttestationInput["how"], string> = { in_person: "in person", phone: "by phone" };

/**
 * The password of a person registered by staff: made on the server, never shown, never
 * typed. Derived from the submission's idempotency key with the server's secret, so a
 * retried submit sends the same answers (and stays one registration); about 190 bits.
 */
export function generatedPassword(secret: string, formId: string, idempotencyKey: string, field: string, schema: JsonSchema): string {
  const random = createHmac("sha256", secret).update(`assisted-password\0${formId}\0${idempotencyKey}\0${field}`).digest("base64url");
  // Every class a vendor's rule may ask for: lower and upper case, a digit, a symbol.
  const password = `${random.replace(/[-_]/g, "x").slice(0, 32)}Aa1!`;
  const max = typeof schema.maxLength === "number" ? schema.maxLength : password.length;
  return max >= password.length ? password : `${password.slice(0, Math.max(0, max - 4))}Aa1!`;
}

/**
 * An assisted registration: the staff form's answers, a generated password where the
 * form has one, and the attestation of consent, through the same checks and the same
 * outbox as the person's own submit; stored as assisted, with the staff member's id,
 * and written to the audit log.
 */
export async function submitAssisted(
  context: FormContext,
  input: { data: FormData; idempotencyKey: string; attestation: AttestationInput; staff: StaffMember; choices?: { transfer?: boolean } },
) {
  const { definition } = context;
  const generated = definition.generated ?? [];
  const fields = propertiesOf(definition.schema) as Record<string, JsonSchema>;
  const data: FormData = { ...input.data };
  for (const field of generated) data[field] = generatedPassword(staffSecret(), definition.id, input.idempotencyKey, field, fields[field] ?? {});
  const person = input.attestation.person.trim();
  const attestation = {
    person,
    how: input.attestation.how,
    text: `${person} agreed to the terms and the privacy notice (${HOW_TEXT[input.attestation.how]}).`,
    staffId: input.staff.id,
    at: Date.now(),
  };
  const answer = await submitForm(context, { data, idempotencyKey: input.idempotencyKey, choices: input.choices, assisted: { by: input.staff.id, attestation } });
  if (!answer.replayed) {
    await (await getAudit()).append({
      actor: input.staff,
      action: "assisted_registration",
      target: answer.body.submissionId,
      details: { form: definition.id, how: input.attestation.how, status: answer.body.status },
    });
  }
  return { ...answer, passwordGenerated: generated.length > 0 };
}
