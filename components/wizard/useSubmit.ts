import { useRef } from "react";
import { formApi } from "./api";
import type { Attestation } from "./submissionApi";
import { growAndReload } from "./growth";
import { topField } from "./paths";
import { propertiesOf } from "./schema";
import { newIdempotencyKey } from "./draft";
import { cleanAnswers } from "./formModel";
import { orderMessages, type FieldMessages } from "./paths";
import type { ProtectionHandle } from "./useProtection";
import type { WizardHookOptions } from "./wizardState";

const MAX_WAIT_MS = 10_000;

interface Options extends WizardHookOptions {
  campaign?: Record<string, string>;
  protection: ProtectionHandle;
  attestation?: Attestation;
}

/**
 * Sends the registration once. The idempotency key belongs to the form session:
 * a double click, a retry after a network error or a reload all reuse it, so the
 * server registers the person once. Only a rejection (the answers must change)
 * starts a new key, since a key is bound to the answers first sent with it.
 */
export function useSubmit({ definition, model, state, dispatch, t, emit, campaign, validators, protection, attestation }: Options) {
  const inFlight = useRef(false);

  const showRejection = (errors: FieldMessages, message: string | undefined) => {
    // A field the vendor requires that the form lacks: the server's form has it now; load it again.
    const fields = propertiesOf(definition.schema);
    const missing = Object.keys(errors).filter((path) => !Object.hasOwn(fields, topField(path)));
    if (missing.length > 0 && growAndReload(definition.id, missing.map(topField))) return;
    const emailField = model.emailField;
    if (emailField && errors[emailField] && typeof state.data[emailField] === "string") {
      // Registered meanwhile: the address is now known here, and the check says so again on page 1.
      dispatch({ type: "email", status: { value: String(state.data[emailField]).trim(), state: "registered", transfer: false } });
    }
    const ordered = orderMessages(errors, definition.pages.flatMap((page) => page.fields));
    const first = ordered.find(([path]) => model.pageOf(path) >= 0);
    const step = first ? model.pageOf(first[0]) : definition.pages.length;
    const onPage = Object.fromEntries(ordered.filter(([path]) => model.pageOf(path) === step));
    // Errors for fields nobody can see (a hidden campaign code) can only be reported in words.
    const elsewhere = ordered.filter(([path]) => model.pageOf(path) < 0).map(([, text]) => text);
    const general = first ? [] : elsewhere.length > 0 ? elsewhere : [message ?? t("rejectedBody")];
    const field = model.usernameField;
    if (field && onPage[field] && typeof state.data[field] === "string") {
      dispatch({ type: "username", status: { value: String(state.data[field]).trim(), state: "taken" } });
    }
    // The wizard reports the page change and then this validation-failed (see Wizard.tsx).
    dispatch({ type: "rejected", step, errors: onPage, general, idempotencyKey: newIdempotencyKey() });
  };

  return async function submit() {
    if (inFlight.current || state.busy) return;
    if (protection.challengeMissing()) {
      dispatch({ type: "submitFailed", message: t("challengeFailed") });
      return;
    }
    inFlight.current = true;
    dispatch({ type: "busy", busy: "sending" });
    try {
      // If the sending code cannot load (a dropped connection), nothing is sent: the person is told
      // so, and trying again sends with the same key, so the vendor gets the registration once.
      const [{ root }, api] = await Promise.all([validators(), import("./submissionApi").catch(() => undefined)]);
      // The choice to transfer holds for the address it was made for only.
      const emailField = model.emailField;
      const transfer = Boolean(emailField && state.email.state === "transferable" && state.email.transfer && state.email.value === String(state.data[emailField] ?? "").trim());
      const choices = transfer ? { transfer: true } : undefined;
      const send = async () =>
        api ? api.submitRegistration(formApi(definition), cleanAnswers(definition, state.data, root), state.idempotencyKey, campaign, protection.values(), choices, attestation) : { kind: "failed" as const, message: undefined };
      let outcome = await send();
      // Quicker than the form's minimum fill time (a short form, autofill): wait that little, then send again.
      if (outcome.kind === "wait" && outcome.ms <= MAX_WAIT_MS) {
        const { ms } = outcome;
        await new Promise((resolve) => setTimeout(resolve, ms));
        outcome = await send();
      }
      if (outcome.kind !== "accepted") protection.reset();
      if (outcome.kind === "accepted") {
        const { submissionId, status, reference, challenge } = outcome;
        dispatch({ type: "submitted", submission: { id: submissionId, status, reference, challenge } });
        emit({ type: "submitted", detail: { submissionId } });
        if (status === "delivered") emit({ type: "confirmed", detail: { reference } });
        // The vendor waits for the person (a code sent by SMS): the host page learns they are verifying.
        if (status === "awaiting_person") emit({ type: "verifying", detail: { submissionId } });
      } else if (outcome.kind === "rejected") {
        showRejection(outcome.errors, outcome.message);
      } else {
        dispatch({ type: "submitFailed", message: outcome.message ?? t("submitFailed") });
        emit({ type: "error", detail: { code: "submit_failed" } });
      }
    } finally {
      inFlight.current = false;
    }
  };
}
