import { describe, expect, it } from "vitest";
import { initialState, wizardReducer, type WizardState } from "./wizardState";

const start = (): WizardState => initialState({ action_code: 1, email: "url@example.nl" }, "key-1");

describe("wizardReducer", () => {
  it("restores a draft over the URL's answers, except hidden fields", () => {
    const state = wizardReducer(start(), {
      type: "hydrated",
      draft: { data: { action_code: 9, email: "typed@example.nl" }, step: 2, idempotencyKey: "key-draft" },
      hiddenPrefill: { action_code: 1 },
    });
    expect(state).toMatchObject({ data: { action_code: 1, email: "typed@example.nl" }, step: 2, idempotencyKey: "key-draft", hydrated: true });
    expect(state.navigation).toBe(0);
  });

  it("merges a page's change and forgets that page's fields RJSF left out", () => {
    const state = wizardReducer({ ...start(), data: { a: 1, b: 2, c: 3 } }, { type: "changed", data: { a: 1, b: 5 }, fields: ["b", "c"] });
    expect(state.data).toEqual({ a: 1, b: 5 });
  });

  it("takes only the page's own fields from its change: another page's answer it was given stays as the wizard has it", () => {
    // The page shows b and reads a (a condition); a changed on its own page since this page last rendered.
    const state = wizardReducer({ ...start(), data: { a: "new", b: 2 } }, { type: "changed", data: { a: "old", b: 3 }, fields: ["b"] });
    expect(state.data).toEqual({ a: "new", b: 3 });
  });

  it("clears the errors when the page changes", () => {
    let state = wizardReducer(start(), { type: "errors", errors: { email: "x" }, focus: true });
    expect(state.focusToken).toBe(1);
    state = wizardReducer(state, { type: "go", step: 1 });
    expect(state).toMatchObject({ errors: {}, step: 1, navigation: 1 });
  });

  it("a rejection returns to the page in change mode with a new key", () => {
    const state = wizardReducer({ ...start(), step: 4 }, { type: "rejected", step: 0, errors: { username: "taken" }, general: [], idempotencyKey: "key-2" });
    expect(state).toMatchObject({ step: 0, changing: true, idempotencyKey: "key-2", errors: { username: "taken" } });
  });

  it("a failed send keeps the key for the retry", () => {
    const state = wizardReducer({ ...start(), busy: "sending" }, { type: "submitFailed", message: "offline" });
    expect(state).toMatchObject({ idempotencyKey: "key-1", busy: null, submitFailed: true, general: ["offline"] });
  });
});

describe("reopen", () => {
  it("leaves a rejected submission for the review with a new key", () => {
    const rejected = { ...start(), submission: { id: "s1", status: "rejected" as const } };
    const state = wizardReducer(rejected, { type: "reopen", step: 4, idempotencyKey: "key-3" });
    expect(state).toMatchObject({ submission: undefined, step: 4, idempotencyKey: "key-3" });
  });
});
