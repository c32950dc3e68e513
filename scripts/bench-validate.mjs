#!/usr/bin/env node
// Benchmark: the per-page validate route under sustained load, and what it does to the
// server's memory. Prints figures; it is not a test. The app (production build) runs in
// its own process with a second instance as the vendor (Procurios sandbox), as a remote
// vendor would be. RSS is read from /proc for the app's server process.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { rssMiB } from "./rss.mjs";

const PORT = Number(process.env.BENCH_PORT ?? 3500);
const VENDOR_PORT = PORT + 1;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
// V8 sizes its heap for the load in the first seconds: "flat" is judged after this.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 15);
const VENDOR = `http://127.0.0.1:${VENDOR_PORT}/sandbox/procurios`;

if (!existsSync(".next/BUILD_ID")) spawnSync("npx", ["next", "build"], { stdio: "inherit" });

// Limits off for the load generator: one address sends far more than a person would.
const UNLIMITED = { RATE_LIMITS: "0" };

function start(port, env) {
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...UNLIMITED, PORT: String(port), LOG_LEVEL: "silent", DATA_DIR: mkdtempSync(path.join(tmpdir(), "formgate-bench-")), ...env },
    stdio: "ignore",
  });
  process.on("exit", () => child.kill("SIGKILL"));
  return child;
}

const formsConfig = path.join(mkdtempSync(path.join(tmpdir(), "formgate-bench-")), "forms.json");
writeFileSync(formsConfig, JSON.stringify({ forms: [{ id: "members", title: "Members", connector: "procurios", options: { baseUrl: VENDOR, registrationSetId: 77, tokenEnv: "PROCURIOS_TOKEN" } }] }));
const vendor = start(VENDOR_PORT, { SANDBOX: "1", DELIVERY_WORKER: "0" });
// BENCH_APP_NODE_OPTIONS: V8 flags for the app alone (e.g. to compare heap settings).
const app = start(PORT, { FORMS_CONFIG: formsConfig, PROCURIOS_TOKEN: "sandbox-token", NODE_OPTIONS: process.env.BENCH_APP_NODE_OPTIONS ?? "" });

async function waitUp(url) {
  for (let i = 0; i < 150; i++) {
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not start`);
}
await waitUp(`http://127.0.0.1:${VENDOR_PORT}`);
await waitUp(`http://127.0.0.1:${PORT}`);

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const bodies = [
  { page: 1, data: { username: "bench.user", email: "bench@example.nl", password: "correct horse" } },
  { page: 2, data: { first_name: "Anna", name: "", birth_date: "1990-13-40" } },
  { page: 3, data: { address: { street: "Fortweg", number: 9, postcode: "3992LX", town: "Houten", country: "NL" } } },
].map((body) => JSON.stringify(body));

function validate(i) {
  const body = bodies[i % bodies.length];
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port: PORT, path: "/api/forms/members/validate", method: "POST", agent, headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        response.on("end", () => (response.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${response.statusCode}`))));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

async function load(seconds) {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) await validate(done++);
    }),
  );
  return done / seconds;
}

// BENCH_HEAP_SNAPSHOTS=1 (with BENCH_APP_NODE_OPTIONS=--heapsnapshot-signal=SIGUSR2): snapshots after warm-up and at the end.
const snapshot = async () => {
  if (!process.env.BENCH_HEAP_SNAPSHOTS) return;
  process.kill(app.pid, "SIGUSR2");
  await new Promise((resolve) => setTimeout(resolve, 8000));
};
const idle = rssMiB(app.pid);
const warm = await load(WARMUP);
const afterWarmUp = rssMiB(app.pid);
await snapshot();
const samples = [];
let rate = 0;
for (let elapsed = 0; elapsed < SECONDS; elapsed += 10) {
  rate = await load(Math.min(10, SECONDS - elapsed));
  samples.push(rssMiB(app.pid));
}
await new Promise((resolve) => setTimeout(resolve, 3000));
const rested = rssMiB(app.pid);
await snapshot();

console.log(`\nvalidate, ${CONCURRENCY} concurrent, ${SECONDS} s after a ${WARMUP} s warm-up (${warm.toFixed(0)}/s), vendor in its own process, ${process.version}\n`);
console.log(`requests/s (last 10 s): ${rate.toFixed(0)}`);
console.log(`RSS MiB: idle ${idle.toFixed(0)} → after warm-up ${afterWarmUp.toFixed(0)} → every 10 s ${samples.map((s) => s.toFixed(0)).join(", ")} → 3 s after ${rested.toFixed(0)}`);
const growth = samples.at(-1) - samples[0];
console.log(`growth over the measured ${SECONDS - 10} s: ${growth.toFixed(0)} MiB (flat after warm-up: ${growth <= 32 ? "yes" : "NO"}, ≤ 32 MiB)`);
agent.destroy();
vendor.kill("SIGTERM");
app.kill("SIGTERM");
