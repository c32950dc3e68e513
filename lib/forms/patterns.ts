import type { RegExpEngine } from "ajv/dist/types";
import { RE2JS } from "re2js";
import safeRegex from "safe-regex2";

/**
 * Vendor `pattern`s are untrusted: a backtracking engine turns `^(a+)+$` into seconds of
 * CPU per answer. The server runs them on RE2 (re2js: pure JavaScript, linear time).
 * RE2 has no lookaround or backreferences; such a pattern is kept only if safe-regex2
 * finds no nested quantifier (then backtracking stays bounded), else it is dropped
 * (see normalise.ts: the vendor still enforces its own rule on validate and submit).
 */
export function compilesInRe2(pattern: string): boolean {
  try {
    RE2JS.compile(pattern);
    return true;
  } catch {
    return false;
  }
}

export function isUsablePattern(pattern: string): boolean {
  return compilesInRe2(pattern) || (isValidJsPattern(pattern) && safeRegex(pattern));
}

function isValidJsPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

/** Ajv's `code.regExp`: RE2 where it can, native RegExp for the patterns isUsablePattern let through. */
export const linearRegExp: RegExpEngine = Object.assign(
  (pattern: string, flags: string) => {
    if (!compilesInRe2(pattern)) return new RegExp(pattern, flags);
    const re2 = RE2JS.compile(pattern);
    // Ajv shares compiled patterns by their toString(): it must name the pattern.
    return { test: (text: string) => re2.test(text), toString: () => `/${pattern}/${flags}` };
  },
  { code: "linearRegExp" },
);
