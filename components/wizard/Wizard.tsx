"use client";

import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import type { UsernameStatus, WizardFormContext } from "@/components/theme";
import type { FormDefinition } from "@/lib/forms/types";
import type { Messages } from "@/lib/i18n";
import { translatorOf } from "@/lib/i18n/translate";
import type { ClientProtection } from "@/lib/protection/types";
import Challenge from "./Challenge";
import Confirmation, { confirmationTexts } from "./Confirmation";
import { newIdempotencyKey } from "./draft";
import { fieldTitle } from "@/lib/forms/fields";
import ErrorSummary from "./ErrorSummary";
import type { WizardEventHandler } from "./events";
import { focusField } from "./focus";
import { buildFormModel } from "./formModel";
import FormPage from "./FormPage";
import { fieldId, orderMessages, toErrorSchema } from "./paths";
import type { Campaign } from "./prefill";
import Progress from "./Progress";
import Review from "./Review";
import { beforeReview } from "./retype";
import { reviewRows } from "./reviewRows";
import type { Answers } from "./schema";
import { useDocumentTitle } from "./useDocumentTitle";
import { useDraftSync } from "./useDraftSync";
import { useProtection } from "./useProtection";
import { usePageFlow } from "./usePageFlow";
import { useSubmissionStatus, type Submission } from "./useSubmissionStatus";
import { useStepHistory } from "./useStepHistory";
import { useSubmit } from "./useSubmit";
import { useValidators } from "./useValidators";
import { initialState, wizardReducer } from "./wizardState";

export interface WizardProps {
  definition: FormDefinition;
  /** The catalogue of the form's locale, from the page: the browser bundles none. */
  messages: Messages;
  /** Answers from the URL, already coerced to the schema's types (see prefill.ts). */
  prefill?: Answers;
  /** Inside an iframe: no page chrome; the host learns about progress through onEvent. */
  embedded?: boolean;
  onEvent?: WizardEventHandler;
  /** utm_* tags of the page (or of the embedding page), stored with the submission. */
  campaign?: Campaign;
  /** From embed.js: keeps the draft on the server when the frame gets no storage. */
  draftToken?: string;
  /** Where the form's precompiled validators are (lib/forms/browser-form.ts). */
  validatorUrl?: string;
  /** From the page: the "form started" token and the challenge to show on the review. */
  protection?: ClientProtection;
}

/** A page whose root has conditions RJSF resolves once, on mount, with the validator it has then. */
const hasConditions = (schema: Record<string, unknown>) => ["if", "allOf", "anyOf", "oneOf", "dependencies"].some((key) => key in schema);

export default function Wizard({ definition, messages, prefill = {}, embedded = false, onEvent, campaign, draftToken, validatorUrl, protection }: WizardProps) {
  const t = useMemo(() => translatorOf(messages, definition.locale), [messages, definition.locale]);
  const model = useMemo(() => buildFormModel(definition), [definition]);
  const { validators, ready } = useValidators(validatorUrl, definition.schema, model.pageSchemas);
  const [state, dispatch] = useReducer(wizardReducer, prefill, (answers) => initialState(answers, newIdempotencyKey(), protection?.started));
  const hiddenPrefill = useMemo(() => Object.fromEntries(Object.entries(prefill).filter(([name]) => definition.hidden.includes(name))), [prefill, definition.hidden]);
  useDraftSync(definition.id, state, dispatch, hiddenPrefill, model.passwordPaths, draftToken);

  const onEventRef = useRef(onEvent);
  useEffect(() => {
    onEventRef.current = onEvent;
  });
  const emit = useCallback<WizardEventHandler>((event) => onEventRef.current?.(event), []);

  const reviewStep = definition.pages.length;
  const destination = useCallback((step: number, retype: string[]) => beforeReview(step, reviewStep, retype, model), [reviewStep, model]);
  useStepHistory({ state, dispatch, reviewStep, embedded, destination });
  const { next, back, change } = usePageFlow({ definition, model, state, dispatch, t, emit, validators: ready, destination });
  const guard = useProtection(protection, state.started);
  const submit = useSubmit({ definition, model, state, dispatch, t, emit, campaign, validators: ready, protection: guard });
  useSubmissionStatus(state.submission, (submission: Submission) => {
    dispatch({ type: "submitted", submission });
    if (submission.status === "delivered") emit({ type: "confirmed", detail: { reference: submission.reference } });
    else emit({ type: "error", detail: { code: submission.status } });
  });

  const pages = definition.pages;
  const onReview = !state.submission && state.step >= reviewStep;
  const pageIndex = state.submission || onReview ? -1 : Math.min(state.step, pages.length - 1);
  const title = onReview ? t("reviewTitle") : pageIndex >= 0 ? pages[pageIndex].title : "";
  const shownErrors = Object.keys(state.errors).length > 0 || state.general.length > 0;
  const shownTitle = state.submission ? confirmationTexts(state.submission, t).title : title;
  useDocumentTitle({ t, form: definition.title, page: shownTitle, step: pageIndex, pages: pages.length, errors: shownErrors });

  const heading = useRef<HTMLHeadingElement>(null);
  // Announced once the draft is read, so the host learns the page actually shown.
  useEffect(() => {
    if (state.hydrated) emit({ type: "ready", detail: { pages: pages.length, page: Math.min(state.step, reviewStep) + 1, title: definition.title } });
  }, [state.hydrated]);
  // Keyed on navigation only: restoring a draft must not steal focus on load.
  useEffect(() => {
    if (state.navigation === 0 || state.submission) return;
    emit({ type: "page", detail: { page: state.step + 1, title } });
    // Only a rejected submit navigates with errors: the host hears the page first, then why.
    if (Object.keys(state.errors).length > 0 || state.general.length > 0) {
      emit({ type: "validation-failed", detail: { page: state.step + 1, fields: Object.keys(state.errors) } });
    }
    if (state.focusField && focusField(state.focusField)) return;
    if (Object.keys(state.errors).length === 0 && state.general.length === 0) heading.current?.focus();
  }, [state.navigation]);

  const context = useMemo<WizardFormContext>(
    () => ({
      formId: definition.id,
      t,
      username: state.username,
      onUsernameStatus: (status: UsernameStatus) => dispatch({ type: "username", status, field: model.usernameField }),
      notes: Object.fromEntries(state.retype.map((path) => [fieldId(path), t("passwordRetype")])),
    }),
    [definition.id, t, state.username, state.retype, model.usernameField],
  );
  const errorSchema = useMemo(() => toErrorSchema(state.errors), [state.errors]);
  const entries = orderMessages(state.errors, pageIndex >= 0 ? pages[pageIndex].fields : []);

  if (state.submission) {
    return (
      <div className={embedded ? "fg-wizard fg-wizard--embedded" : "fg-wizard"}>
        <Confirmation
          t={t}
          submission={state.submission}
          next={definition.confirmation?.[definition.locale] ?? Object.values(definition.confirmation ?? {})[0]}
          revisited={state.revisited}
          embedded={embedded}
          onReview={() => dispatch({ type: "reopen", step: reviewStep, idempotencyKey: newIdempotencyKey() })}
        />
      </div>
    );
  }

  return (
    <div className={embedded ? "fg-wizard fg-wizard--embedded" : "fg-wizard"}>
      <Progress t={t} titles={pages.map((page) => page.title)} current={pageIndex} />
      <ErrorSummary
        t={t}
        entries={entries}
        general={state.general}
        focusToken={state.focusToken}
        titleOf={(path) => fieldTitle(definition.schema, path)}
      />
      {state.notice && <p className="fg-inset">{state.notice}</p>}
      <p className="fg-caption">{definition.title}</p>
      <h1 className="fg-heading" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {onReview ? (
        <>
          <Review t={t} rows={reviewRows(definition, state.data, (page) => model.pageSchemas[page - 1], (page) => validators.pages[page - 1], t)} onChange={change} />
          {guard.challenge && (
            <Challenge key={guard.challengeRound} provider={guard.challenge.provider} siteKey={guard.challenge.siteKey} t={t} onToken={guard.onChallengeToken} />
          )}
          <div className="fg-actions">
            <button type="button" className="fg-button" disabled={state.busy === "sending"} onClick={submit}>
              {state.busy === "sending" ? t("sending") : state.submitFailed ? t("retry") : t("submit")}
            </button>
            <button type="button" className="fg-button fg-button--secondary" onClick={back}>
              {t("back")}
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="fg-hint">{t("requiredHint")}</p>
          <FormPage
            key={hasConditions(model.pageSchemas[pageIndex]) ? `${pageIndex}:${validators.loaded}` : pageIndex}
            schema={model.pageSchemas[pageIndex]}
            validator={validators.pages[pageIndex]}
            uiSchema={model.pageUiSchemas[pageIndex]}
            data={state.data}
            errors={errorSchema}
            context={context}
            busy={state.busy === "checking"}
            primaryLabel={state.changing ? t("continue") : t("next")}
            onChange={(data) => dispatch({ type: "changed", data, fields: pages[pageIndex].fields })}
            onNext={next}
            onBack={pageIndex > 0 ? back : undefined}
          />
        </>
      )}
      {/* A honeypot: off screen, out of the tab order and hidden from assistive technology; people leave it empty. */}
      <div className="fg-honeypot" aria-hidden="true">
        <label htmlFor={`${definition.id}-website`}>{t("honeypotLabel")}</label>
        <input id={`${definition.id}-website`} ref={guard.honeypot} type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
    </div>
  );
}
