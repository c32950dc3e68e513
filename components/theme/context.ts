import type { Translate } from "@/lib/i18n";
import type { PendingTyping } from "./typing";

export type UsernameState = "idle" | "checking" | "available" | "taken" | "unknown";

export interface UsernameStatus {
  value: string;
  state: UsernameState;
}

/** The email check's verdict (EmailVerdict in lib/connectors/types.ts), or where the check is. */
export type EmailState = "idle" | "checking" | "unknown" | "new" | "registered" | "transferable" | "not_transferable";

/** The verdict on one address, and whether the person chose to continue with a transfer. */
export interface EmailStatus {
  value: string;
  state: EmailState;
  transfer: boolean;
}

/** A value the widgets that show it listen to, outside React's props: a new one renders them alone, not the whole form. */
export interface Watched<T> {
  get: () => T;
  subscribe: (listener: () => void) => () => void;
}

/** A Watched value its owner sets. */
export function watched<T>(initial: T): Watched<T> & { set: (value: T) => void } {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(value) {
      if (Object.is(value, current)) return;
      current = value;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** What the wizard hands every template and widget through RJSF's formContext. */
export interface WizardFormContext {
  formId: string;
  /** Where the form's checks go (components/wizard/api.ts, formApi). */
  api: string;
  t: Translate;
  /** The username check's verdict: in a store, since a context change renders the whole form again. */
  username: Watched<UsernameStatus>;
  onUsernameStatus: (status: UsernameStatus) => void;
  /** The email check's verdict (a store, like the username's) and the person's choice to transfer. */
  email: Watched<EmailStatus>;
  onEmailTransfer: (transfer: boolean) => void;
  /** Notes shown at fields by DOM id (a password to type again), not errors. */
  notes?: Record<string, string>;
  /** The page's text fields with typing RJSF has not heard yet (typing.ts); set by the page. */
  typing?: PendingTyping;
  /** The password fields (by id) the person chose to show: still shown when their page is mounted again. */
  shownPasswords?: Set<string>;
}

export function wizardContext(formContext: unknown): WizardFormContext {
  return formContext as WizardFormContext;
}
