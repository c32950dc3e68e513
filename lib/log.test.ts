import { afterEach, describe, expect, it, vi } from "vitest";
import { log } from "./log";

describe("logs", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it("write one JSON line and redact secrets and answers by key", () => {
    vi.stubEnv("LOG_LEVEL", "info");
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    log.info("submission delivered", { submission: "s-1", password: "hunter22", token: "abc", data: { email: "a@b.c" }, Authorization: "Bearer x" });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: "info", msg: "submission delivered", submission: "s-1" });
    expect(lines[0]).not.toMatch(/hunter22|abc|a@b\.c|Bearer/);
  });
});
