import { fieldId } from "./paths";

const FOCUSABLE = "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])";

/**
 * Moves focus to the field at a dotted path: its own input, or the first input of
 * a group (an address fieldset). The label or legend is scrolled into view too,
 * so sighted users see what the field is (GOV.UK error summary behaviour).
 */
export function focusField(path: string): boolean {
  const element = document.getElementById(fieldId(path));
  if (!element) return false;
  const target = element.matches(FOCUSABLE) ? element : element.querySelector<HTMLElement>(FOCUSABLE);
  if (!target) return false;
  const container = element.closest(".fg-field, fieldset") ?? element;
  target.focus({ preventScroll: true });
  container.scrollIntoView({ block: "start" });
  return true;
}

/** Back into the element the person was in before its page was mounted again, with the caret at the end of what they typed. */
export function refocusField(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  element.focus({ preventScroll: true });
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    try {
      element.setSelectionRange(element.value.length, element.value.length);
    } catch {
      // email and number fields have no caret to place
    }
  }
}
