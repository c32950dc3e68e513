import { describe, expect, it } from "vitest";
import { olderStarted } from "./draft";
import { initialState, toDraft, wizardReducer } from "./wizardState";

const token = (at: number) => `${at.toString(36)}.mac`;
const start = Date.UTC(2026, 0, 1);

describe("the form-started token across a reload", () => {
  it("keeps the draft's earlier token, so a reload does not restart the fill time", () => {
    expect(olderStarted(token(start), token(start + 60_000))).toBe(token(start));
    const state = initialState({}, "key", token(start + 60_000));
    const hydrated = wizardReducer(state, { type: "hydrated", draft: { data: {}, step: 2, idempotencyKey: "key", started: token(start) }, hiddenPrefill: {} });
    expect(hydrated.started).toBe(token(start));
    expect(toDraft(hydrated).started).toBe(token(start));
  });

  it("takes the page's token when the draft has none, or one over a day old", () => {
    expect(olderStarted(undefined, token(start))).toBe(token(start));
    expect(olderStarted(token(start), token(start + 86_400_000 + 1))).toBe(token(start + 86_400_000 + 1));
    expect(olderStarted("junk", token(start))).toBe(token(start));
    expect(olderStarted(token(start), undefined)).toBe(token(start));
  });
});
