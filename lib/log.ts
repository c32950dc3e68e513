/**
 * One-line JSON logs. Callers pass identifiers and codes only — never answers,
 * tokens or passwords; `redact` guards the keys that must never appear anyway.
 */
type Level = "info" | "warn" | "error";

const SECRET_KEYS = /pass(word)?|token|secret|authorization|api[_-]?key|payload|data/i;

function redact(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, SECRET_KEYS.test(k) ? "[redacted]" : v]));
}

function write(level: Level, message: string, fields: Record<string, unknown> = {}) {
  if (process.env.LOG_LEVEL === "silent") return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg: message, ...redact(fields) });
  (level === "error" ? console.error : level === "warn" ? console.warn : console.log)(line);
}

export const log = {
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};

export type Logger = typeof log;
