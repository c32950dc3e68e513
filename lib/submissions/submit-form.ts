import "server-only";
import { randomUUID } from "node:crypto";
import type { FormData } from "@/lib/connectors/types";
import { AppError } from "@/lib/errors";
import { getFormContext } from "@/lib/forms/definition";
import { validateData } from "@/lib/forms/validate";
import { getSubmissions, type SubmitAnswer } from "./index";

export interface SubmitFormInput {
  formId: string;
  data: FormData;
  /** From the Idempotency-Key header; generated when absent. */
  idempotencyKey?: string;
  campaign?: Record<string, string>;
}

/**
 * Checks the whole form, then hands it to the outbox: stored before any vendor
 * call, delivered inline for a short while, else in the background.
 */
export async function submitForm(input: SubmitFormInput): Promise<SubmitAnswer & { idempotencyKey: string; generatedKey: boolean; replayed: boolean }> {
  const { definition, connector, t } = await getFormContext(input.formId);
  const errors = validateData(definition.schema, input.data, t);
  if (Object.keys(errors).length > 0) throw new AppError("validation_failed", t("errorSummaryTitle"), { fields: errors });

  const submissions = await getSubmissions();
  const seen = input.idempotencyKey && (await submissions.store.byKey(input.formId, input.idempotencyKey));
  const username = definition.checks.username;
  const value = username ? input.data[username] : undefined;
  if (!seen && username && typeof value === "string" && connector.isUsernameAvailable) {
    // Taken since the user checked it: say so now rather than after a vendor round trip.
    const available = await connector.isUsernameAvailable(value).catch(() => null);
    if (available === false) {
      throw new AppError("validation_failed", t("errorSummaryTitle"), { fields: { [username]: t("usernameTaken", { value }) } });
    }
  }

  const idempotencyKey = input.idempotencyKey ?? randomUUID();
  const answer = await submissions.submit(
    { formId: input.formId, idempotencyKey, data: input.data, campaign: input.campaign },
    t("rejectedBody"),
  );
  return { ...answer, idempotencyKey, generatedKey: !input.idempotencyKey };
}
