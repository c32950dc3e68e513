import type { Translate } from "@/lib/i18n";

export type UsernameState = "idle" | "checking" | "available" | "taken" | "unknown";

export interface UsernameStatus {
  value: string;
  state: UsernameState;
}

/** What the wizard hands every template and widget through RJSF's formContext. */
export interface WizardFormContext {
  formId: string;
  t: Translate;
  username: UsernameStatus;
  onUsernameStatus: (status: UsernameStatus) => void;
  /** Notes shown at fields by DOM id (a password to type again), not errors. */
  notes?: Record<string, string>;
}

export function wizardContext(formContext: unknown): WizardFormContext {
  return formContext as WizardFormContext;
}
