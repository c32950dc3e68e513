#!/usr/bin/env node
// Benchmark: how fast the app accepts submissions, and whether a slow or down
// vendor leaks into the answer time. Starts the production build with the inline
// wait at 0 and the built-in sandbox as the vendor, and prints figures; it is not a
// test. Budgets (issue "durable submissions"): with the vendor slow or down, p95
// ack ≤ 50 ms, and accepted/s ≥ 0.7 × an empty route handler's in the same run.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const URL_BASE = `http://127.0.0.1:${PORT}`;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

if (!existsSync(".next/BUILD_ID")) spawnSync("npx", ["next", "build"], { stdio: "inherit" });

const server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT), "-H", "127.0.0.1"], {
  env: {
    ...process.env,
    PORT: String(PORT),
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "formgate-bench-")),
    SUBMIT_INLINE_WAIT_MS: "0",
    DELIVERY_MAX_ATTEMPTS: "3",
    LOG_LEVEL: "silent",
  },
  stdio: "ignore",
});
process.on("exit", () => server.kill("SIGKILL"));

async function waitUp() {
  for (let i = 0; i < 150; i++) {
    if (await fetch(`${URL_BASE}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the app did not start");
}

let sequence = 0;
function person() {
  const n = ++sequence;
  return {
    username: `bench.${process.pid}.${n}`,
    email: `bench.${n}@example.nl`,
    password: "correct horse",
    first_name: "Bench",
    name: "Mark",
    birth_date: "1990-04-01",
    address: { street: "Fortweg", number: 9, postcode: "3992LX", town: "Houten", country: "NL" },
    membership: "senior",
    terms: true,
  };
}

const emptyRoute = () => fetch(`${URL_BASE}/api/health`);
const submit = () =>
  fetch(`${URL_BASE}/api/forms/members/submit`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ data: person() }),
  });

async function measure(call, expected) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next++;
        const t0 = performance.now();
        const response = await call();
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (!expected.includes(response.status)) throw new Error(`unexpected HTTP ${response.status}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { rate: latencies.length / seconds, p50: at(0.5), p95: at(0.95) };
}

const fault = (body) =>
  fetch(`${URL_BASE}/sandbox/procurios/_sandbox/faults`, {
    method: body ? "POST" : "DELETE",
    headers: { "Content-Type": "application/json" },
    body: body && JSON.stringify(body),
  });

await waitUp();
await measure(emptyRoute, [200]); // warm-up
await measure(submit, [202]);

const rows = [];
const baseline = await measure(emptyRoute, [200]);
rows.push(["empty route handler", baseline]);
for (const [name, setting] of [
  ["submit, vendor 0 ms", null],
  ["submit, vendor 2 s", { mode: "slow", delayMs: 2000 }],
  ["submit, vendor down", { mode: "down" }],
]) {
  await fault(null);
  if (setting) await fault(setting);
  rows.push([name, await measure(submit, [202])]);
}
await fault(null);

console.log(`\n${REQUESTS} requests per row, ${CONCURRENCY} concurrent, inline wait 0, ${process.version}\n`);
console.log("scenario                 accepted/s   p50 ms   p95 ms   vs empty");
for (const [name, r] of rows) {
  console.log(
    `${name.padEnd(24)} ${r.rate.toFixed(0).padStart(10)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${(r.rate / baseline.rate).toFixed(2).padStart(10)}`,
  );
}
const checks = rows.slice(2).map(([name, r]) => [name, r.p95 <= 50, r.rate >= 0.7 * baseline.rate]);
console.log("");
for (const [name, latencyOk, rateOk] of checks) {
  console.log(`${name}: p95 ≤ 50 ms ${latencyOk ? "met" : "MISSED"}; rate ≥ 0.7 × empty ${rateOk ? "met" : "MISSED"}`);
}
server.kill("SIGTERM");
process.exit(0);
