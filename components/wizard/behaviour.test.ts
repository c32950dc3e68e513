import { describe, expect, it } from "vitest";
import { withoutPasswords } from "./draft";
import { beforeReview } from "./retype";
import { stepParam } from "./useStepHistory";
import { initialState, wizardReducer, type WizardState } from "./wizardState";

const start = (): WizardState => initialState({}, "key-1");
const model = { pageOf: (path: string) => (path === "password" ? 0 : -1) };

describe("passwords after a reload", () => {
  it("the draft names the passwords it drops, never their values", () => {
    const draft = withoutPasswords({ data: { password: "secret", email: "a@b.nl" }, step: 2, idempotencyKey: "k" }, ["password", "pin"]);
    expect(draft).toEqual({ data: { email: "a@b.nl" }, step: 2, idempotencyKey: "k", retype: ["password"] });
    expect(withoutPasswords({ ...draft, data: { email: "a@b.nl" } }, ["password"]).retype).toEqual(["password"]);
  });

  it("are asked for again until typed, before the review", () => {
    let state = wizardReducer(start(), { type: "hydrated", draft: { data: {}, step: 3, idempotencyKey: "k", retype: ["password"] }, hiddenPrefill: {} });
    expect(state.retype).toEqual(["password"]);
    expect(beforeReview(2, 4, state.retype, model)).toEqual({ step: 2 });
    expect(beforeReview(4, 4, state.retype, model)).toEqual({ step: 0, changing: true, focusField: "password" });
    state = wizardReducer(state, { type: "changed", data: { password: "typed again" }, fields: ["password"] });
    expect(state.retype).toEqual([]);
    expect(beforeReview(4, 4, state.retype, model)).toEqual({ step: 4 });
  });
});

describe("a username verdict", () => {
  it("goes with its value: typing another name drops the old 'not available' error", () => {
    let state = wizardReducer(start(), { type: "username", status: { value: "jdevries", state: "taken" }, field: "username" });
    state = wizardReducer(state, { type: "errors", errors: { username: "jdevries is not available", email: "Enter Email" }, focus: true });
    state = wizardReducer(state, { type: "username", status: { value: "jdevries", state: "taken" }, field: "username" });
    expect(state.errors.username).toBe("jdevries is not available");
    state = wizardReducer(state, { type: "username", status: { value: "anna", state: "checking" }, field: "username" });
    expect(state.errors).toEqual({ email: "Enter Email" });
  });

  it("from the server, is dropped when another name was typed while it was on its way", () => {
    let state = wizardReducer(start(), { type: "changed", data: { username: "anna" }, fields: ["username"] });
    const verdict = { username: "jdevries is not available", email: "Enter Email" };
    state = wizardReducer(state, { type: "errors", errors: verdict, focus: true, checked: { field: "username", value: "jdevries" } });
    expect(state.errors).toEqual({ email: "Enter Email" });
    state = wizardReducer(state, { type: "errors", errors: verdict, focus: true, checked: { field: "username", value: "anna " } });
    expect(state.errors).toEqual(verdict);
  });
});

describe("the step in the address", () => {
  it("is the page's number, then review and done", () => {
    expect(stepParam({ step: 0, changing: false, done: false }, 4)).toBe("1");
    expect(stepParam({ step: 4, changing: false, done: false }, 4)).toBe("review");
    expect(stepParam({ step: 4, changing: false, done: true }, 4)).toBe("done");
  });
});
