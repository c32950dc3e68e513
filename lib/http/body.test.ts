import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n";
import { readJson } from "./body";

const t = translator("en");
const anything = z.record(z.string(), z.unknown());
const post = (text: string) => new Request("http://app.test/x", { method: "POST", headers: { "Content-Type": "application/json" }, body: text });

async function refusal(text: string): Promise<AppError> {
  return readJson(post(text), anything, t).then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: AppError) => error,
  );
}

describe("readJson", () => {
  it("refuses a 10,000-level body with a 400 that says why (it overflowed the stack before)", async () => {
    const error = await refusal(`{"data":${"[".repeat(10_000)}${"]".repeat(10_000)}}`);
    expect([error.status, error.message]).toEqual([400, "The request body is nested too deeply (at most 16 levels)."]);
    const objects = await refusal(`${'{"a":'.repeat(5_000)}1${"}".repeat(5_000)}`);
    expect(objects.status).toBe(400);
  });

  it("refuses lists longer than a form needs", async () => {
    const error = await refusal(JSON.stringify({ data: { tags: Array.from({ length: 201 }, () => "x") } }));
    expect(error.message).toBe("A list in the request body is too long (at most 200 items).");
  });

  it("accepts an ordinary form body", async () => {
    const body = { data: { address: { street: "Fortweg", number: 9 }, tags: ["a", "b"] } };
    expect(await readJson(post(JSON.stringify(body)), anything, t)).toEqual(body);
  });
});
