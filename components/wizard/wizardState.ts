import type { Dispatch } from "react";
import type { EmailStatus, UsernameStatus } from "@/components/theme/context";
import type { FormDefinition } from "@/lib/forms/types";
import type { Translate } from "@/lib/i18n";
import type { WizardEventHandler } from "./events";
import type { FormModel } from "./formModel";
import { olderStarted, type Draft } from "./draft";
import type { FieldMessages } from "./paths";
import type { Answers } from "./schema";
import type { Submission } from "./submission";
import type { ReadyValidators } from "./validators";

/** What the wizard's hooks (page flow, submit) work with. */
export interface WizardHookOptions {
  definition: FormDefinition;
  model: FormModel;
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  t: Translate;
  emit: WizardEventHandler;
  /** The loaded validators, or the waiting ones when they cannot load (see useValidators). */
  validators: ReadyValidators;
}

export interface WizardState {
  data: Answers;
  /** 0…pages-1: a page; pages: the review. The confirmation shows once `submission` is set. */
  step: number;
  /** Reached through a review "Change" link: the primary button returns to the review. */
  changing: boolean;
  idempotencyKey: string;
  submission?: Submission;
  errors: FieldMessages;
  /** Messages that belong to no field on the current page. */
  general: string[];
  /** Bumped when the error summary must take focus. */
  focusToken: number;
  /** A non-blocking note on the current page (the vendor could not check the last page). */
  notice?: string;
  /** Sending the registration (a page's Next shows its check through the page's own button, see usePageFlow). */
  busy: "sending" | null;
  submitFailed: boolean;
  username: UsernameStatus;
  /** The email check's verdict on the address typed, and the person's choice to transfer. */
  email: EmailStatus;
  /** Bumped by every page change the person causes (not by restoring a draft): focus follows it. */
  navigation: number;
  /** Field to focus after the next page change instead of the heading. */
  focusField?: string;
  /** Whether sessionStorage was read: before that, nothing is saved over the draft. */
  hydrated: boolean;
  /** The server's "form started" token, sent with the submit. */
  started?: string;
  /** Password fields (dotted) that had an answer before a reload dropped it: they must be typed again. */
  retype: string[];
  /** Browser Back reached the finished form: the confirmation says it was sent already. */
  revisited: boolean;
}

export type WizardAction =
  | { type: "hydrated"; draft?: Draft; hiddenPrefill: Answers }
  | { type: "changed"; data: Answers; fields: string[] }
  /** `checked`: the username value the verdict was about; a verdict on a value since changed is dropped. */
  | { type: "errors"; errors: FieldMessages; general?: string[]; focus: boolean; checked?: { field: string; value: unknown } }
  | { type: "go"; step: number; changing?: boolean; focusField?: string; notice?: string }
  | { type: "busy"; busy: WizardState["busy"] }
  /** `field`: the username field, whose error about another value no longer applies. */
  | { type: "username"; status: UsernameStatus; field?: string }
  | { type: "email"; status: EmailStatus }
  | { type: "revisited" }
  | { type: "submitted"; submission: Submission }
  /** After a rejection the vendor reported later: back to the review, as a new attempt. */
  | { type: "reopen"; step: number; idempotencyKey: string }
  | { type: "submitFailed"; message?: string }
  | { type: "rejected"; step: number; errors: FieldMessages; general: string[]; idempotencyKey: string };

export function initialState(prefill: Answers, idempotencyKey: string, started?: string): WizardState {
  return {
    data: prefill,
    step: 0,
    changing: false,
    idempotencyKey,
    errors: {},
    general: [],
    focusToken: 0,
    busy: null,
    submitFailed: false,
    username: { value: "", state: "idle" },
    email: { value: "", state: "idle", transfer: false },
    navigation: 0,
    hydrated: false,
    started,
    retype: [],
    revisited: false,
  };
}

const isBlank = (value: unknown) => value === undefined || value === null || value === "";

function valueAt(data: Answers, path: string): unknown {
  return path.split(".").reduce<unknown>((node, segment) => (node && typeof node === "object" ? (node as Answers)[segment] : undefined), data);
}

const cleared: Pick<WizardState, "errors" | "general" | "notice" | "submitFailed"> = { errors: {}, general: [], notice: undefined, submitFailed: false };

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case "hydrated": {
      const { draft, hiddenPrefill } = action;
      if (!draft) return { ...state, hydrated: true };
      // What was typed wins over the URL, except fields the person cannot see or change.
      const data = { ...state.data, ...draft.data, ...hiddenPrefill };
      const started = olderStarted(draft.started, state.started);
      const retype = (draft.retype ?? []).filter((path) => isBlank(valueAt(data, path)));
      const email = draft.email ?? state.email;
      return { ...state, data, step: draft.step, changing: draft.changing ?? false, idempotencyKey: draft.idempotencyKey, submission: draft.submission, hydrated: true, started, retype, email };
    }
    case "changed": {
      // A page speaks for its own fields only: the others it was given (a condition reads them) are as it last saw them.
      const data = { ...state.data };
      for (const field of action.fields) {
        if (field in action.data) data[field] = action.data[field];
        else delete data[field];
      }
      const retype = state.retype.filter((path) => isBlank(valueAt(data, path)));
      return { ...state, data, retype: retype.length === state.retype.length ? state.retype : retype };
    }
    case "errors": {
      const { checked } = action;
      // The server answered after the person typed another username: its verdict on the old one is stale.
      const stale = checked && checked.field in action.errors && String(state.data[checked.field] ?? "").trim() !== String(checked.value ?? "").trim();
      const errors = stale ? Object.fromEntries(Object.entries(action.errors).filter(([path]) => path !== checked.field)) : action.errors;
      return { ...state, errors, general: action.general ?? [], focusToken: action.focus ? state.focusToken + 1 : state.focusToken };
    }
    case "go":
      return {
        ...state,
        ...cleared,
        step: action.step,
        changing: action.changing ?? state.changing,
        focusField: action.focusField,
        notice: action.notice,
        busy: null,
        navigation: state.navigation + 1,
      };
    case "busy":
      return { ...state, busy: action.busy };
    case "username": {
      // A "taken" verdict belongs to the value it checked: once another value is typed, its error goes.
      const { field, status } = action;
      const stale = field && state.username.state === "taken" && status.value !== state.username.value && field in state.errors;
      if (!stale) return { ...state, username: status };
      const { [field]: _dropped, ...errors } = state.errors;
      return { ...state, username: status, errors };
    }
    case "email":
      return { ...state, email: action.status };
    case "revisited":
      return { ...state, revisited: true };
    case "submitted": {
      const first = !state.submission;
      return { ...state, ...cleared, submission: action.submission, busy: null, navigation: state.navigation + (first ? 1 : 0) };
    }
    case "reopen":
      return { ...state, ...cleared, submission: undefined, step: action.step, changing: false, idempotencyKey: action.idempotencyKey, navigation: state.navigation + 1 };
    case "submitFailed":
      return { ...state, busy: null, submitFailed: true, general: action.message ? [action.message] : [], errors: {}, focusToken: state.focusToken + 1 };
    case "rejected":
      return {
        ...state,
        ...cleared,
        busy: null,
        step: action.step,
        changing: true,
        errors: action.errors,
        general: action.general,
        idempotencyKey: action.idempotencyKey,
        focusToken: state.focusToken + 1,
        focusField: undefined,
        navigation: state.navigation + 1,
      };
  }
}

export function toDraft(state: Pick<WizardState, "data" | "step" | "changing" | "idempotencyKey" | "submission" | "started" | "retype"> & { email?: WizardState["email"] }): Draft {
  const { data, step, idempotencyKey, changing, submission, started, retype, email } = state;
  // A verdict is kept once there is one (not while checking): the choice to transfer survives a reload.
  const verdict = email && email.state !== "idle" && email.state !== "checking" ? { email } : {};
  // What the person is asked while a registration waits on them is asked of the server again after a reload.
  const kept = submission && { id: submission.id, status: submission.status, ...(submission.reference ? { reference: submission.reference } : {}) };
  return { data, step, idempotencyKey, changing, submission: kept, started, ...(retype.length > 0 ? { retype } : {}), ...verdict };
}
