import { describe, expect, it } from "vitest";
import { batched } from "./batch";

describe("batched (group commit)", () => {
  it("flushes calls made in the same turn together and answers each with its own result", async () => {
    const flushes: number[][] = [];
    const double = batched(async (items: number[]) => {
      flushes.push(items);
      return items.map((item) => item * 2);
    });
    const results = await Promise.all([1, 2, 3].map((n) => double(n)));
    expect(results).toEqual([2, 4, 6]);
    expect(flushes).toEqual([[1, 2, 3]]);
    expect(await double(4)).toBe(8);
    expect(flushes).toEqual([[1, 2, 3], [4]]);
  });

  it("splits a large group and fails every caller of a failed flush", async () => {
    const sizes: number[] = [];
    const store = batched(async (items: number[]) => {
      sizes.push(items.length);
      if (items.includes(-1)) throw new Error("disk full");
      return items;
    }, 2);
    const settled = await Promise.allSettled([1, 2, 3, -1, 5].map((n) => store(n)));
    expect(sizes).toEqual([2, 2, 1]);
    expect(settled.map((result) => result.status)).toEqual(["fulfilled", "fulfilled", "rejected", "rejected", "fulfilled"]);
  });
});
