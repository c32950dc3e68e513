import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseConfig } from "@/lib/config/forms";
import type { FormContext } from "@/lib/forms/definition";
import { translator } from "@/lib/i18n";

// The app's own key file and database, in a folder of this test's.
const dataDir = mkdtempSync(path.join(tmpdir(), "formgate-screen-"));
vi.stubEnv("DATA_DIR", dataDir);
vi.stubEnv("MIN_FILL_MS", "3000");
const { clientProtection, getRefusals, screenSubmit } = await import("./index");
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const form = (protection: Record<string, unknown> = {}) =>
  parseConfig({ forms: [{ id: "members", title: "M", connector: "procurios", options: { baseUrl: "/sandbox/procurios", registrationSetId: 77, tokenEnv: "T" }, protection }] }, "test")[0];
const context = (protection?: Record<string, unknown>) => ({ form: form(protection), t: translator("en") }) as FormContext;

function refusal(run: () => void): { status: number; message: string; retryAfterMs?: number } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    const { status, message, retryAfterMs } = error as { status: number; message: string; retryAfterMs?: number };
    return { status, message, retryAfterMs };
  }
}

describe("screenSubmit: honeypot and form-started token", () => {
  beforeAll(() => void vi.useFakeTimers({ now: Date.UTC(2026, 0, 1), toFake: ["Date"] }));
  afterAll(() => void vi.useRealTimers());

  it("passes a person: empty honeypot, the page's token, after the minimum fill time", () => {
    const { started } = clientProtection(form());
    vi.advanceTimersByTime(3_000);
    expect(refusal(() => screenSubmit(context(), { started, website: "" }))).toBeUndefined();
  });

  it("refuses a filled honeypot, a forged token and a submit that comes too soon, and counts each", async () => {
    const { started } = clientProtection(form());
    expect(refusal(() => screenSubmit(context(), { started, website: "https://spam.example" }))).toMatchObject({ status: 403 });
    expect(refusal(() => screenSubmit(context(), { started: `${started}x`, website: "" }))).toMatchObject({ status: 403 });
    vi.advanceTimersByTime(1_000);
    expect(refusal(() => screenSubmit(context(), { started, website: "" }))).toEqual({
      status: 403,
      message: "That was quicker than we expected. Please check your answers, then submit again in a few seconds.",
      retryAfterMs: 2_000,
    });
    expect(await getRefusals().totals()).toEqual({ members: { honeypot: 1, token: 1, too_fast: 1 } });
  });

  it("lets an API client without a token through, unless the form requires the token; minFillMs overrides the default", () => {
    expect(refusal(() => screenSubmit(context(), undefined))).toBeUndefined();
    expect(refusal(() => screenSubmit(context({ requireToken: true }), undefined))).toMatchObject({ status: 403 });
    const { started } = clientProtection(form());
    vi.advanceTimersByTime(3_000);
    expect(refusal(() => screenSubmit(context({ minFillMs: 10_000 }), { started }))).toMatchObject({ status: 403, retryAfterMs: 7_000 });
    expect(refusal(() => screenSubmit(context({ honeypot: false }), { started, website: "filled by autofill" }))).toBeUndefined();
  });
});
