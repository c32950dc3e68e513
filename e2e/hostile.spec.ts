import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { validRegistration } from "@/lib/testing/registration";
import { type AppServer, startApp, stopAll, tempDir } from "./support/app-server";

// The hostile-input suite: hundreds of requests an attacker or a broken client sends,
// over raw HTTP (paths exactly as written, any method), against a production build of
// its own (so its rate limits do not touch the other specs). Every answer must be a
// non-5xx, arrive in time, show no stack trace and carry no secret.

const PORT = 3207;
const ADMIN_TOKEN = "hostile-suite-admin-token-0123456789";
const CONTROL_TOKEN = "hostile-suite-sandbox-control-token";

interface Case {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

const NAUGHTY = [
  "", " ", "\u0000", "\u202Eevil", "\uFEFF", "\uD800", "🙂‍👩‍👩‍👧", "Ω≈ç√", "ＡＢＣ", "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "' OR '1'='1", "1; DROP TABLE submissions;--", "${7*7}", "{{7*7}}",
  "#{7*7}", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "%", "%E0%A4%A", "\r\nX-Injected: 1", "__proto__",
  "constructor", "prototype", "toString", "hasOwnProperty", "null", "undefined", "NaN", "Infinity", "-1", "1e309", "0x1F",
  "true", "[]", "{}", "$where", "a".repeat(5_000),
];

const VALUES: unknown[] = [...NAUGHTY, null, true, false, 0, -1, 1e308, -0.0, [], {}, [[[]]], { $gt: "" }, ["a", 1, null]];

const json = (body: unknown) => ({ headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

function send(base: URL, c: Case): Promise<Answer> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: base.hostname, port: base.port, method: c.method, path: c.path, headers: { ...c.headers, ...(c.body !== undefined ? { "Content-Length": Buffer.byteLength(c.body) } : {}) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - start }));
      },
    );
    request.setTimeout(10_000, () => request.destroy(new Error("no answer within 10 s")));
    request.on("error", reject);
    if (c.body !== undefined) request.write(c.body);
    request.end();
  });
}

/** Every public route, each hit with hostile path parts, queries, bodies, headers and methods. */
function cases(): Case[] {
  const out: Case[] = [];
  // Percent-encodes UTF-8 bytes (a lone surrogate too, which encodeURIComponent refuses).
  const bytes = (ch: string) => [...Buffer.from(ch, "utf8")].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
  const enc = (value: string) => [...value].map((ch) => (/^[A-Za-z0-9_.~-]$/.test(ch) ? ch : bytes(ch))).join("");
  // As written, "%", "..", "/" included: only what HTTP cannot carry raw is encoded.
  const raw = (value: string) => [...value].map((ch) => (/^[\x21-\x7e]$/.test(ch) && ch !== "?" && ch !== "#" ? ch : bytes(ch))).join("");
  // Path injection and bad encodings in every path parameter.
  for (const bad of [...NAUGHTY.slice(0, 30), "%E0%A4%A", "%", "%%", "%2e%2e", "..", ".", "%c0%ae%c0%ae", "a%00b"]) {
    for (const form of [raw(bad), enc(bad)]) {
      out.push({ method: "GET", path: `/api/forms/${form}` });
      out.push({ method: "GET", path: `/api/submissions/${form}` });
      out.push({ method: "GET", path: `/register/${form}` });
      out.push({ method: "GET", path: `/embed/${form}` });
      out.push({ method: "GET", path: `/sandbox/${form}/x` });
      out.push({ method: "GET", path: `/api/forms/members/drafts/${form}` });
      out.push({ method: "POST", path: `/api/forms/${form}/validate`, ...json({ page: 1, data: {} }) });
    }
  }
  // Hostile query values.
  for (const bad of NAUGHTY) {
    out.push({ method: "GET", path: `/api/forms/members/checks/username?value=${enc(bad)}` });
    out.push({ method: "GET", path: `/register/members?first_name=${enc(bad)}&utm_source=${enc(bad)}` });
    out.push({ method: "GET", path: `/embed/members?origin=${enc(bad)}&locale=${enc(bad)}&p.first_name=${enc(bad)}` });
  }
  // Hostile answers in every field position of validate and submit, and in drafts.
  for (const value of VALUES) {
    out.push({ method: "POST", path: "/api/forms/members/validate", ...json({ page: 1, data: { username: value, email: value, address: value } }) });
    out.push({ method: "POST", path: "/api/forms/members/validate", ...json({ page: value, data: value }) });
    out.push({ method: "POST", path: "/api/forms/members/submit", headers: { "Content-Type": "application/json", "Idempotency-Key": randomUUID() }, body: JSON.stringify({ data: { ...validRegistration("hostile"), name: value, birth_date: value } }) });
    out.push({ method: "PUT", path: `/api/forms/members/drafts/${"h".repeat(40)}`, ...json({ data: { first_name: value }, step: value }) });
  }
  // Prototype keys, deep nesting, huge and malformed bodies, wrong content types.
  const protoBodies = [
    '{"__proto__":{"polluted":1},"page":1,"data":{}}',
    '{"page":1,"data":{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}}',
    '{"data":{"__proto__":null},"campaign":{"__proto__":{"utm_source":"x"}}}',
    `{"page":1,"data":{"a":${"[".repeat(10_000)}${"]".repeat(10_000)}}}`,
    `${'{"a":'.repeat(5_000)}1${"}".repeat(5_000)}`,
    JSON.stringify({ page: 1, data: { a: "x".repeat(70_000) } }),
    JSON.stringify({ page: 1, data: Object.fromEntries(Array.from({ length: 3_000 }, (_, i) => [`k${i}`, i])) }),
    "{", "[]", "null", "1", '"text"', "", "{\"page\":1,\"data\":{}}garbage", "\uFEFF{}", '{"page":1,"data":{"a":1e999}}',
  ];
  for (const body of protoBodies) {
    for (const [method, route] of [["POST", "/api/forms/members/validate"], ["POST", "/api/forms/members/submit"], ["PUT", `/api/forms/members/drafts/${"p".repeat(40)}`]]) {
      out.push({ method, path: route, headers: { "Content-Type": "application/json" }, body });
      out.push({ method, path: route, headers: { "Content-Type": "text/plain" }, body });
    }
  }
  out.push({ method: "POST", path: "/api/forms/members/submit", headers: { "Content-Type": "application/json", "Content-Length": "99999999" }, body: "{}" });
  for (const key of ["", " ", "x".repeat(300), "\u00e9", "a\tb"]) {
    out.push({ method: "POST", path: "/api/forms/members/submit", headers: { "Content-Type": "application/json", "Idempotency-Key": encodeURI(key) }, body: JSON.stringify({ data: validRegistration("key") }) });
  }
  // Odd methods on every route.
  const routes = ["/", "/api/forms", "/api/forms/members", "/api/forms/members/validate", "/api/forms/members/submit", "/api/forms/members/checks/username?value=x", `/api/submissions/${randomUUID()}`, `/api/forms/members/drafts/${"m".repeat(40)}`, "/api/health", "/api/admin/submissions", `/api/admin/submissions/${randomUUID()}/replay`, "/api/nope", "/register/members", "/embed/members", "/embed.js", "/sandbox/procurios/l/profile_api/registrationset", "/sandbox/procurios/_sandbox/stats"];
  for (const route of routes) for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]) out.push({ method, path: route });
  // The operator API with wrong tokens.
  for (const auth of ["", "Bearer", "Bearer x", `Bearer ${ADMIN_TOKEN}x`, `Basic ${Buffer.from("admin:admin").toString("base64")}`, `Bearer ${"a".repeat(10_000)}`]) {
    out.push({ method: "GET", path: "/api/admin/submissions?status=failed", headers: { Authorization: auth } });
    out.push({ method: "POST", path: `/api/admin/submissions/${randomUUID()}/replay`, headers: { Authorization: auth } });
  }
  for (const status of ["", "x", "failed'--", "%", "delivered", "a".repeat(500)]) {
    out.push({ method: "GET", path: `/api/admin/submissions?status=${encodeURIComponent(status)}`, headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  }
  return out;
}

let app: AppServer;
let secrets: string[];

test.beforeAll(async () => {
  const dataDir = tempDir("formgate-hostile-suite-");
  // Limits off: every hostile payload must reach the handlers (e2e/abuse.spec.ts tests the limits).
  app = await startApp(PORT, { DATA_DIR: dataDir, ADMIN_TOKEN, SANDBOX_CONTROL_TOKEN: CONTROL_TOKEN, SUBMIT_INLINE_WAIT_MS: "0", RATE_LIMITS: "0" });
  // Make the app generate its key, then read it: no answer may ever contain it.
  await fetch(`${app.url}/api/forms/members/drafts/${"s".repeat(40)}`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: '{"data":{},"step":0}' });
  secrets = [ADMIN_TOKEN, CONTROL_TOKEN, "sandbox-token", readFileSync(path.join(dataDir, "encryption.key"), "utf8").trim()];
});
test.afterAll(stopAll);

test("hundreds of hostile requests: no 5xx, no hang, no stack trace, no secret", async () => {
  test.setTimeout(240_000);
  const all = cases();
  expect(all.length).toBeGreaterThanOrEqual(500);
  const base = new URL(app.url);
  const failures: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      while (next < all.length) {
        const c = all[next++];
        const label = `${c.method} ${c.path.slice(0, 80)}${c.body ? ` ${c.body.slice(0, 40)}` : ""}`;
        try {
          const answer = await send(base, c);
          if (answer.status >= 500) failures.push(`${label} → ${answer.status} ${answer.body.slice(0, 120)}`);
          if (/\n\s+at .+[:(]\d+|node_modules|webpack-internal|\.next\/server/.test(answer.body)) failures.push(`${label} → a stack trace`);
          for (const secret of secrets) if (answer.body.includes(secret) || JSON.stringify(answer.headers).includes(secret)) failures.push(`${label} → a secret`);
          if (answer.ms > 5_000) failures.push(`${label} → ${Math.round(answer.ms)} ms`);
        } catch (error) {
          failures.push(`${label} → ${(error as Error).message}`);
        }
      }
    }),
  );
  expect(failures, `${failures.length} of ${all.length} hostile requests failed`).toEqual([]);
  // Still serving after all that.
  expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
});
