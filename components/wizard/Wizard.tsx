"use client";

import { lazy, startTransition, Suspense, use, useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState, type ReactNode } from "react";
import { flushSync } from "react-dom";
import { allOfMergeReady } from "@/lib/bundle/all-of-merge";
import type { EmailStatus, UsernameStatus, WizardFormContext } from "@/components/theme";
import { watched } from "@/components/theme/context";
import { pendingTyping } from "@/components/theme/typing";
import type { ErrorSchema } from "@rjsf/utils";
import type { PageModel } from "@/lib/forms/page-model";
import type { FormDefinition } from "@/lib/forms/types";
import type { Messages } from "@/lib/i18n";
import { translatorOf } from "@/lib/i18n/translate";
import type { ClientProtection } from "@/lib/protection/types";
import { formApi } from "./api";
import type { Attestation } from "./submissionApi";
import { newIdempotencyKey } from "./draft";
import { fieldTitle } from "@/lib/forms/fields";
import ErrorSummary from "./ErrorSummary";
import type { WizardEventHandler } from "./events";
import { focusField, refocusField } from "./focus";
import { errorKinds, useInsights } from "./insights";
import { buildFormModel } from "./formModel";
import FormPage from "./FormPage";
import { takeGrowth } from "./growth";
import { fieldId, orderMessages, toErrorSchema } from "./paths";
import type { Campaign } from "./prefill";
import Progress from "./Progress";
import { beforeReview } from "./retype";
import { needsValidator, type Answers } from "./schema";
import { useDocumentTitle } from "./useDocumentTitle";
import { useDraftSync } from "./useDraftSync";
import { useProtection } from "./useProtection";
import { usePageFlow } from "./usePageFlow";
import type { Submission } from "./submission";
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
  /** Each page's schema and uiSchema, from the server (lib/forms/page-model.ts). */
  pageModel: PageModel;
  /** Where the form's precompiled validators are, without the part's name (lib/forms/browser-form.ts). */
  validatorsUrl?: string;
  /** From the page: the "form started" token and the challenge to show on the review. */
  protection?: ClientProtection;
  /** The staff console's assisted registration: the attestation of consent, sent with the submit. */
  attestation?: Attestation;
  /** Inside an embed: the host page's origin, already checked against the form's allowed origins. */
  hostOrigin?: string;
}

const NO_ERRORS: ErrorSchema = {};

// What only the end of the form shows, loaded when the person starts on the last page (prefetch below).
const loadReview = () => import("./Review");
const loadEnd = () => Promise.all([loadReview(), import("./Confirmation"), import("./Challenge"), import("./CodeEntry"), import("./submissionApi")]);
const Review = lazy(loadReview);
const Confirmation = lazy(() => import("./Confirmation"));
const Challenge = lazy(() => import("./Challenge"));
const CodeEntry = lazy(() => import("./CodeEntry"));

/**
 * A form with `allOf` needs RJSF's allOf merge, which the browser loads on demand
 * (lib/bundle/all-of-merge.ts): its pages wait for it, the server's HTML staying
 * in place meanwhile.
 */
function AllOfMerge({ needed, children }: { needed: boolean; children: ReactNode }) {
  if (needed && typeof window !== "undefined") use(allOfMergeReady());
  return children;
}

export default function Wizard({ definition, messages, prefill = {}, embedded = false, onEvent, campaign, draftToken, pageModel, validatorsUrl, protection, attestation, hostOrigin }: WizardProps) {
  const t = useMemo(() => translatorOf(messages, definition.locale), [messages, definition.locale]);
  const model = useMemo(() => buildFormModel(definition, pageModel), [definition, pageModel]);
  const needsAllOfMerge = useMemo(() => JSON.stringify(definition.schema).includes('"allOf"'), [definition.schema]);
  const [state, dispatch] = useReducer(wizardReducer, prefill, (answers) => initialState(answers, newIdempotencyKey(), protection?.started));
  // Typing the form has not heard yet (components/theme/typing.ts), taken in before anything reads the answers.
  const [typing] = useState(pendingTyping);
  const hearTyping = useCallback(() => flushSync(() => typing.flush()), [typing]);
  // A page that needs its own validator is mounted again once it is in: what was just typed is heard
  // first, and the field the person is in keeps the focus (a shown password stays shown: shownPasswords).
  const refocus = useRef<string | null>(null);
  const beforeValidators = useCallback(() => {
    hearTyping();
    const active = document.activeElement;
    refocus.current = active instanceof HTMLElement && active.id ? active.id : null;
  }, [hearTyping]);
  const validation = useValidators(validatorsUrl, definition.schema, model.pageSchemas, state.step, beforeValidators);
  const { validators, ready } = validation;
  useLayoutEffect(() => {
    const id = refocus.current;
    refocus.current = null;
    if (id && (!document.activeElement || document.activeElement === document.body)) refocusField(id);
  }, [validators]);
  const hiddenPrefill = useMemo(() => Object.fromEntries(Object.entries(prefill).filter(([name]) => definition.hidden.includes(name))), [prefill, definition.hidden]);
  useDraftSync(definition.id, state, dispatch, hiddenPrefill, model.passwordPaths, draftToken, hearTyping);

  const onEventRef = useRef(onEvent);
  useEffect(() => {
    onEventRef.current = onEvent;
  });
  // The insights hear what the host page hears (components/wizard/insights.ts); an assisted registration is not counted.
  const insights = useInsights({ formId: definition.id, reviewPage: definition.pages.length + 1, embedded, hostOrigin, campaign, disabled: Boolean(attestation || definition.api) });
  const insightsRef = useRef(insights);
  insightsRef.current = insights;
  const emit = useCallback<WizardEventHandler>((event) => {
    onEventRef.current?.(event);
    insightsRef.current(event);
  }, []);

  const reviewStep = definition.pages.length;
  const destination = useCallback((step: number, retype: string[]) => beforeReview(step, reviewStep, retype, model), [reviewStep, model]);
  useStepHistory({ state, dispatch, reviewStep, embedded, destination, hearTyping });
  const [checking] = useState(() => watched(false));
  // The email check's verdict reaches its widget alone, like the username's (below); Next shows its "checking" there directly.
  const [emailStatus] = useState(() => watched<EmailStatus>(state.email));
  useLayoutEffect(() => emailStatus.set(state.email), [emailStatus, state.email]);
  const { next, back, change, rehearse } = usePageFlow({ definition, model, state, dispatch, t, emit, validators: ready, destination, checking, emailStatus });
  // Once the person starts on a page (types, clicks, taps), what its Next and the next page need is fetched.
  // Not on focus: the wizard itself focuses each new page's heading.
  const started = useRef(-1);
  // Pages stay rendered once shown, out of sight while another one is, and the next page is rendered
  // ahead, unhurried, once the person starts on this one: Next and Back then only show another page.
  const [ahead, setAhead] = useState(0);
  const prefetch = () => {
    if (started.current === state.step) return;
    started.current = state.step;
    if (state.step + 1 < definition.pages.length) startTransition(() => setAhead((page) => Math.max(page, state.step + 1)));
    validation.prefetch();
    rehearse().catch(() => undefined);
    if (state.step >= definition.pages.length - 1) loadEnd().catch(() => undefined);
  };
  const guard = useProtection(protection, state.started);
  const submit = useSubmit({ definition, model, state, dispatch, t, emit, campaign, validators: ready, protection: guard, attestation });
  // The registration moved on (from the status poll, or from the person's code): the host page hears where it is.
  const onSubmission = useCallback(
    (submission: Submission) => {
      dispatch({ type: "submitted", submission });
      if (submission.status === "delivered") emit({ type: "confirmed", detail: { reference: submission.reference } });
      else if (submission.status === "awaiting_person") emit({ type: "verifying", detail: { submissionId: submission.id } });
      else if (submission.status !== "received") emit({ type: "error", detail: { code: submission.status } });
    },
    [emit],
  );

  const pages = definition.pages;
  const onReview = !state.submission && state.step >= reviewStep;
  const pageIndex = state.submission || onReview ? -1 : Math.min(state.step, pages.length - 1);
  // A page shown stays rendered (out of sight on the review too), so the high-water mark follows the page shown.
  if (pageIndex > ahead) setAhead(pageIndex);
  const rendered = Math.max(ahead, pageIndex);
  const title = onReview ? t("reviewTitle") : pageIndex >= 0 ? pages[pageIndex].title : "";
  const shownErrors = Object.keys(state.errors).length > 0 || state.general.length > 0;
  // The confirmation's title comes from the confirmation (loaded with the end of the form); the code's is one text.
  const [endTitle, setEndTitle] = useState("");
  const shownTitle = state.submission?.status === "awaiting_person" ? t("codeHeading") : state.submission ? endTitle : title;
  useDocumentTitle({ t, form: definition.title, page: shownTitle, step: pageIndex, pages: pages.length, errors: shownErrors });

  const heading = useRef<HTMLHeadingElement>(null);
  // Announced once the draft is read, so the host learns the page actually shown.
  useEffect(() => {
    if (state.hydrated) emit({ type: "ready", detail: { pages: pages.length, page: Math.min(state.step, reviewStep) + 1, title: definition.title } });
  }, [state.hydrated]);
  // Loaded again because the vendor turned out to require fields the form lacked (growth.ts):
  // the person is taken to the first of them, each marked as still to answer.
  useEffect(() => {
    if (!state.hydrated) return;
    const grown = takeGrowth(definition.id);
    if (!grown) return;
    const shown = grown.filter((field) => model.pageOf(field) >= 0);
    const titles = [...new Set(grown.map((field) => fieldTitle(definition.schema, field)))];
    const general = [t("fieldsAdded", { fields: titles.join(", ") })];
    if (shown.length === 0) {
      dispatch({ type: "rejected", step: reviewStep, errors: {}, general, idempotencyKey: newIdempotencyKey() });
      return;
    }
    const step = Math.min(...shown.map((field) => model.pageOf(field)));
    const errors = Object.fromEntries(shown.filter((field) => model.pageOf(field) === step).map((field) => [field, t("required", { field: fieldTitle(definition.schema, field) })]));
    dispatch({ type: "rejected", step, errors, general, idempotencyKey: newIdempotencyKey() });
  }, [state.hydrated]);

  // Keyed on navigation only: restoring a draft must not steal focus on load.
  useEffect(() => {
    if (state.navigation === 0 || state.submission) return;
    emit({ type: "page", detail: { page: state.step + 1, title } });
    // Only a rejected submit navigates with errors: the host hears the page first, then why.
    if (Object.keys(state.errors).length > 0 || state.general.length > 0) {
      // Refused at submit: by the vendor, or a username someone else took meanwhile.
      const field = model.usernameField;
      const taken = field && state.username.state === "taken" && field in state.errors ? { [field]: "" } : {};
      emit({ type: "validation-failed", detail: { page: state.step + 1, fields: Object.keys(state.errors), kinds: errorKinds({ refused: state.errors, taken, data: state.data }) } });
    }
    if (state.focusField && focusField(state.focusField)) return;
    if (Object.keys(state.errors).length === 0 && state.general.length === 0) heading.current?.focus();
  }, [state.navigation]);

  // The username check's verdict reaches its widget alone (a new context would render the whole form again).
  const [usernameStatus] = useState(() => watched(state.username));
  useLayoutEffect(() => usernameStatus.set(state.username), [usernameStatus, state.username]);
  // A note stays while its page is shown: one that went away as the password is typed would move the
  // buttons as the person reaches for them (the field hears the typing when it loses focus).
  const [noted, setNoted] = useState({ navigation: state.navigation, hydrated: state.hydrated, retype: state.retype });
  if (noted.navigation !== state.navigation || noted.hydrated !== state.hydrated) {
    setNoted({ navigation: state.navigation, hydrated: state.hydrated, retype: state.retype });
  }
  // Kept across a page mounted again (its validator arrived): a password the person chose to show stays shown.
  const [shownPasswords] = useState(() => new Set<string>());
  const emailRef = useRef(state.email);
  emailRef.current = state.email;
  const context = useMemo<WizardFormContext>(
    () => ({
      formId: definition.id,
      api: formApi(definition),
      t,
      username: usernameStatus,
      onUsernameStatus: (status: UsernameStatus) => dispatch({ type: "username", status, field: model.usernameField }),
      email: emailStatus,
      onEmailTransfer: (transfer: boolean) => dispatch({ type: "email", status: { ...emailRef.current, transfer } }),
      notes: Object.fromEntries(noted.retype.map((path) => [fieldId(path), t("passwordRetype")])),
      typing,
      shownPasswords,
    }),
    [definition.id, t, usernameStatus, emailStatus, noted.retype, model.usernameField, typing, shownPasswords],
  );
  // No errors is always the same object: a page shown again is not rendered again for a new empty one.
  const errorSchema = useMemo(() => (Object.keys(state.errors).length > 0 ? toErrorSchema(state.errors) : NO_ERRORS), [state.errors]);
  const entries = orderMessages(state.errors, pageIndex >= 0 ? pages[pageIndex].fields : []);

  if (state.submission?.status === "awaiting_person") {
    return (
      <div className={embedded ? "fg-wizard fg-wizard--embedded" : "fg-wizard"}>
        <Suspense fallback={null}>
          <CodeEntry key={state.submission.id} t={t} formId={definition.id} submission={state.submission} onUpdate={onSubmission} />
        </Suspense>
      </div>
    );
  }

  if (state.submission) {
    return (
      <div className={embedded ? "fg-wizard fg-wizard--embedded" : "fg-wizard"}>
        <Suspense fallback={null}>
          <Confirmation
            t={t}
            submission={state.submission}
            referenceKind={definition.referenceKind}
            next={definition.confirmation?.[definition.locale] ?? Object.values(definition.confirmation ?? {})[0]}
            revisited={state.revisited}
            embedded={embedded}
            onReview={() => dispatch({ type: "reopen", step: reviewStep, idempotencyKey: newIdempotencyKey() })}
            onUpdate={onSubmission}
            onTitle={setEndTitle}
          />
        </Suspense>
      </div>
    );
  }

  return (
    <div className={embedded ? "fg-wizard fg-wizard--embedded" : "fg-wizard"} onPointerDown={prefetch} onKeyDown={prefetch} onInput={prefetch}>
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
          <Suspense fallback={null}>
            <Review t={t} definition={definition} data={state.data} pageSchemas={model.pageSchemas} validators={validators.pages} onChange={change} />
            {guard.challenge && (
              <Challenge key={guard.challengeRound} provider={guard.challenge.provider} siteKey={guard.challenge.siteKey} t={t} onToken={guard.onChallengeToken} />
            )}
          </Suspense>
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
          <Suspense fallback={null}>
            <AllOfMerge needed={needsAllOfMerge}>
              {pages.slice(0, rendered + 1).map((page, index) => (
                <FormPage
                  // RJSF resolves a page's conditions once, on mount, with the validator it has then
                  // (which decides the conditions of vendors' forms before the page's own is there).
                  key={needsValidator(model.pageSchemas[index]) ? `${index}:${validators.loaded[index]}` : index}
                  hidden={index !== pageIndex}
                  schema={model.pageSchemas[index]}
                  validator={validators.pages[index]}
                  uiSchema={model.pageUiSchemas[index]}
                  data={state.data}
                  reads={model.pageReads[index]}
                  errors={index === pageIndex ? errorSchema : NO_ERRORS}
                  context={context}
                  checking={checking}
                  primaryLabel={state.changing ? t("continue") : t("next")}
                  onChange={(data) => dispatch({ type: "changed", data, fields: page.fields })}
                  onNext={next}
                  onBack={index > 0 ? back : undefined}
                />
              ))}
            </AllOfMerge>
          </Suspense>
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
