import { createElement } from "react";
import deepEquals from "@rjsf/utils/lib/deepEquals.js";
import { describe, expect, it } from "vitest";
import { deepEqual } from "./equals";

const cycle = () => {
  const node: Record<string, unknown> = { name: "a", children: [] };
  (node.children as unknown[]).push({ parent: node });
  return node;
};

// [a, b] pairs: every verdict must be RJSF's own (fast-equals underneath).
const pairs: [unknown, unknown][] = [
  [1, 1], [1, 2], [NaN, NaN], [0, -0], ["a", "a"], ["a", "b"], [null, undefined], [null, {}], [undefined, undefined],
  [{ a: 1, b: [1, 2, { c: "x" }] }, { b: [1, 2, { c: "x" }], a: 1 }],
  [{ a: 1 }, { a: 1, b: undefined }], [{ a: undefined }, { b: undefined }], [[1, 2], [2, 1]], [[], {}], [[1], [1, 2]],
  [{ widget: () => 1 }, { widget: () => 2 }], [{ widget: () => 1 }, { widget: "text" }],
  [new Date(0), new Date(0)], [new Date(0), new Date(1)], [/a/g, /a/g], [/a/g, /a/i],
  [new Map([["a", { b: 1 }]]), new Map([["a", { b: 1 }]])], [new Map([["a", 1]]), new Map([["a", 2]])],
  [new Set([1, 2]), new Set([1, 2])], [new Set([1]), new Set([2])],
  [createElement("b", { id: "x" }, "bold"), createElement("b", { id: "x" }, "bold")],
  [createElement("b", { id: "x" }, "bold"), createElement("i", { id: "x" }, "bold")],
  [cycle(), cycle()],
  [{ properties: { email: { type: "string", format: "email" } }, required: ["email"] }, { properties: { email: { type: "string", format: "email" } }, required: ["email"] }],
  [{ properties: { email: { type: "string", format: "email" } } }, { properties: { email: { type: "string" } } }],
];

describe("the browser's deep equality", () => {
  it("gives RJSF's verdict on schemas, answers, props, elements and cycles", () => {
    for (const [a, b] of pairs) {
      expect(deepEqual(a, b), `${String(a)} vs ${String(b)}`).toBe(deepEquals(a, b));
      expect(deepEqual(b, a)).toBe(deepEquals(b, a));
    }
  });
});
