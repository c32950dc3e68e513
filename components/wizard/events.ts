/** What an embedding page learns about the wizard: never an answer, only where it is. */
export type WizardEventType = "ready" | "page" | "validation-failed" | "submitted" | "verifying" | "confirmed" | "error";

export interface WizardEvent {
  type: WizardEventType;
  detail: Record<string, unknown>;
}

export type WizardEventHandler = (event: WizardEvent) => void;
