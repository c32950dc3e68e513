import { createElement, forwardRef, memo } from "react";
import { describe, expect, it } from "vitest";
import reactIs from "./react-is";

const Plain = () => null;
const Forwarded = forwardRef<HTMLInputElement>(function Forwarded() {
  return null;
});
const Memoised = memo(Plain);

describe("the browser's react-is stand-in", () => {
  it("tells forwardRef and memo widgets from the rest, as RJSF asks", () => {
    expect(reactIs.isForwardRef(createElement(Forwarded))).toBe(true);
    expect(reactIs.isForwardRef(createElement(Plain))).toBe(false);
    expect(reactIs.isForwardRef(createElement(Memoised))).toBe(false);
    expect(reactIs.isMemo(Memoised)).toBe(true);
    expect(reactIs.isMemo(createElement(Memoised))).toBe(true);
    expect(reactIs.isMemo(Plain)).toBe(false);
    expect(reactIs.isMemo("text")).toBe(false);
  });
});
