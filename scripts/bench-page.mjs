#!/usr/bin/env node
// Benchmark: what the form page costs a person's browser. Prints figures beside their
// budgets; it is not a test. Against the production build in Debian's Chromium:
// - first-load JS: every script the page loads before anyone touches it (until the
//   network is idle: the page's chunks and the form's validator module), counted as
//   the browser receives them (gzip from `next start`; lazily loaded parts that no demo
//   page renders are not loaded, so not counted);
// - form-only JS: the scripts the form page loads that the home page does not;
// - first Next: main-thread task time (CDP TaskDuration) from the click until page 2
//   shows and 200 ms after (the page's own work: the click and the wait are done
//   without Playwright's in-page helpers, which would count too); beside it, the same
//   click with the browser alone (the floor: no event reaches the page's scripts, the
//   click only swaps the page rendered ahead into sight), as typing has the plain input;
//   and where both went: scripts, style and layout, and the browser's other work (CDP
//   Performance metrics; the other work is input and event routing, paint, network and
//   IPC messages, garbage collection);
// - typing, per keystroke into a text field: main-thread time (CDP TaskDuration from the key
//   press until 60 ms later), median and p95, beside the same typing into a plain input on
//   the same page (the floor); and the Event Timing duration (input to next paint).
// Interactions run with the CPU throttled 4× (a mid-range phone), as Lighthouse does,
// BENCH_ROUNDS times per page in fresh browser contexts (first Next: the median;
// keystrokes: all rounds' together). Timing figures need an idle machine.
// BENCH_FORMS=members,demo measures only those forms. BENCH_VERBOSE=1 lists each page's form-only scripts (scripts/chunk-sources.mjs says what is in them).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { BYTE_BUDGET, scriptsOf, weigh } from "./page-weight.mjs";

const PORT = Number(process.env.BENCH_PORT ?? 3400);
const BASE = `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const THROTTLE = 4;
const BUDGET = { ...BYTE_BUDGET, firstNextMs: 100, keyP95Ms: 30 };

// Page 1 of each demo form, filled through the URL (passwords cannot be: typed below).
// The page's Next button and progress are found by class, not by words: the club form is French.
const NEXT = ".fg-page:not([hidden]) .fg-actions button[type=submit]";

const FORMS = {
  members: { prefill: { username: "bench.user", email: "bench@example.nl" }, password: "correct horse battery", typeInto: "#root_email" },
  demo: { prefill: { first_name: "Anna", name: "Jansen", birth_date: "1990-04-01" }, typeInto: "#root_name" },
  // Page 1 is the email alone, checked across the club chain on Next (a new address: on to page 2).
  club: { prefill: { email: "bench.club@example.fr" }, typeInto: "#root_email" },
  // Page 1 asks how the person signs in (a condition the page decides itself), then email and password or a phone number.
  crmcom: { prefill: { provider: "EMAIL", email: "bench@example.com" }, password: "correct horse 1", typeInto: "#root_email" },
  dnl: { prefill: { client_name: "Bench Ltd", username: "bench.user", main_email: "bench@example.nl" }, password: "correct horse battery", typeInto: "#root_main_email" },
  // The largest, most conditional form: typing happens on its payment page (page 3: BACS option and bank
  // details shown by conditions, nested if/then inside them), reached unmeasured; its "first Next" is page 3's.
  purepro: {
    prefill: { Name: "Bench Ltd", Email: "bench@acme.example", InvoiceDeliveryMethod: "Email", Currency: "GBP", ApprovalFrequency: "60", PayMethod: "BACS" },
    startPage: 3,
    // Page 3's fields are set on the page, as its first Next's answers: BacsOption ticked (true), the rest typed.
    fill: { "#root_BacsOption": true, "#root_Bank_AccountName": "Bench Ltd", "#root_Bank_AccountNumber": "12345678", "#root_Bank_SortCode": "601613" },
    typeInto: "#root_Bank_AccountName",
  },
};

if (!existsSync(".next/BUILD_ID")) spawnSync("npx", ["next", "build"], { stdio: "inherit" });
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
  env: { ...process.env, PORT: String(PORT), LOG_LEVEL: "silent", RATE_LIMITS: "0", DATA_DIR: mkdtempSync(path.join(tmpdir(), "formgate-bench-page-")) },
  stdio: "ignore",
});
process.on("exit", () => server.kill("SIGKILL"));
for (let i = 0; ; i++) {
  if (await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false)) break;
  if (i > 150) throw new Error("the app did not start");
  await new Promise((resolve) => setTimeout(resolve, 200));
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

const kb = (bytes) => bytes / 1024;

// What the renderer's main thread spent its task time on (CDP Performance metrics, seconds): scripts,
// style and layout; the rest of TaskDuration is the browser's other work (input and event routing,
// paint, network and IPC messages, garbage collection).
const SPLIT = { script: "ScriptDuration", style: "RecalcStyleDuration", layout: "LayoutDuration" };

/**
 * The page's CPU throttled from now on; returns a reader of the renderer's main-thread task time
 * so far (CDP TaskDuration, seconds), which also gives the split (`split()`: SPLIT's metrics, seconds).
 */
async function throttled(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
  let last = {};
  const taskTime = async () => {
    const metrics = new Map((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
    last = Object.fromEntries(Object.entries(SPLIT).map(([key, name]) => [key, metrics.get(name)]));
    return metrics.get("TaskDuration");
  };
  taskTime.split = () => last;
  return taskTime;
}

/**
 * Main-thread time of one Next (ms): clicked by coordinates, the following page awaited by one
 * observer set up before it, then 200 ms more; `split`: its scripts, style and layout (ms).
 */
async function clickNext(page, taskTime, following) {
  // In view first: coordinates below the fold click nothing.
  const nextButton = page.locator(NEXT);
  await nextButton.scrollIntoViewIfNeeded();
  const box = await nextButton.boundingBox();
  await page.evaluate((following) => {
    window.__shown = new Promise((resolve) => {
      const seen = () => document.querySelectorAll(".fg-progress__steps li")[following - 1]?.getAttribute("aria-current") === "step";
      new MutationObserver((_, observer) => seen() && (observer.disconnect(), resolve(true))).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  }, following);
  await page.waitForTimeout(300);
  const before = await taskTime();
  const splitBefore = taskTime.split();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await Promise.race([page.evaluate(() => window.__shown), page.waitForTimeout(15_000).then(() => Promise.reject(new Error(`page ${following} did not show`)))]).catch(async (error) => {
    await page.screenshot({ path: "/tmp/bench-page-failure.png", fullPage: true });
    throw error;
  });
  await page.waitForTimeout(200);
  const ms = ((await taskTime()) - before) * 1000;
  const splitAfter = taskTime.split();
  return { ms, split: Object.fromEntries(Object.keys(SPLIT).map((key) => [key, (splitAfter[key] - splitBefore[key]) * 1000])) };
}

/**
 * The floor of a first Next: on the same page, the browser alone shows the page the wizard
 * rendered ahead (out of sight) when the button is clicked: no event reaches the page's
 * scripts, the click only swaps the `hidden` pages and the progress. What is left is the
 * browser's own work (events, style, layout, hover, paint) on that machine, beside which the
 * first Next's figure reads as the page's scripts and what they add.
 */
async function floorOfNext(url, form) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "networkidle" });
  const following = (await reachStart(page, form)) + 1;
  // The page ahead is rendered once the person starts on this one.
  await page.locator(form.typeInto).focus();
  await page.keyboard.press("End");
  await page.waitForFunction((following) => document.querySelectorAll(".fg-page").length >= following, following);
  await page.evaluate((following) => {
    for (const type of ["pointerover", "pointerenter", "pointerdown", "pointermove", "pointerup", "pointerout", "pointerleave", "mouseover", "mouseenter", "mousedown", "mousemove", "mouseup", "mouseout", "mouseleave", "focusin", "focusout", "focus", "blur"]) {
      window.addEventListener(type, (event) => event.stopImmediatePropagation(), true);
    }
    window.addEventListener("click", (event) => {
      event.stopImmediatePropagation();
      event.preventDefault();
      const pages = document.querySelectorAll(".fg-page");
      const steps = document.querySelectorAll(".fg-progress__steps li");
      pages[following - 2].hidden = true;
      pages[following - 1].hidden = false;
      steps[following - 2].removeAttribute("aria-current");
      steps[following - 1].setAttribute("aria-current", "step");
    }, true);
  }, following);
  const next = await clickNext(page, await throttled(context, page), following);
  await context.close();
  return next;
}

/** The form's page where the measures start, reached with its own Next (unmeasured); its number. */
async function reachStart(page, form) {
  const startPage = form.startPage ?? 1;
  for (let step = 2; step <= startPage; step++) {
    await page.locator(NEXT).click();
    await page.waitForFunction((n) => document.querySelectorAll(".fg-progress__steps li")[n - 1]?.getAttribute("aria-current") === "step", step);
  }
  return startPage;
}

async function interactions(url, form) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "networkidle" });
  const startPage = await reachStart(page, form);
  for (const [selector, value] of Object.entries(form.fill ?? {})) {
    if (value === true) await page.locator(selector).check();
    else await page.locator(selector).fill(value);
  }
  await page.waitForTimeout(startPage > 1 ? 500 : 0);
  const taskTime = await throttled(context, page);
  const frame = page;
  if (form.password) await frame.locator("#root_password").fill(form.password);
  await page.evaluate(() => {
    window.__keys = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.interactionId) window.__keys.push([entry.interactionId, entry.duration]);
    }).observe({ type: "event", durationThreshold: 16, buffered: false });
  });
  // Typing: a keystroke is one interaction; its Event Timing duration is the longest of its
  // events (input to the next paint, waiting for the frame included). Its main-thread time is
  // every task the renderer ran from the key press until 60 ms later (CDP TaskDuration): the
  // handlers, React and RJSF, style, layout and paint, and anything they deferred.
  const typeInto = async (selector) => {
    const mainThread = [];
    await frame.locator(selector).click();
    await frame.locator(selector).press("End");
    await page.waitForTimeout(300);
    for (const key of [...Array(KEYSTROKES).fill("x"), ...Array(KEYSTROKES).fill("Backspace")]) {
      const before = await taskTime();
      await page.keyboard.press(key);
      await page.waitForTimeout(60);
      mainThread.push(((await taskTime()) - before) * 1000);
    }
    return mainThread;
  };
  const mainThread = await typeInto(form.typeInto);
  await page.waitForTimeout(300);
  const perKey = new Map();
  for (const [id, duration] of await page.evaluate(() => window.__keys)) perKey.set(id, Math.max(perKey.get(id) ?? 0, duration));
  // Keystrokes below the 16 ms threshold report nothing: they count as 8 ms (Event Timing's granularity).
  const keys = [...perKey.values()];
  while (keys.length < KEYSTROKES * 2) keys.push(8);
  // The floor: the same typing into a plain input on the same page, outside React.
  await page.evaluate(() => {
    const input = Object.assign(document.createElement("input"), { id: "bench-plain", type: "text", value: "plain" });
    document.body.prepend(input);
  });
  const plain = await typeInto("#bench-plain");
  await page.evaluate(() => document.getElementById("bench-plain")?.remove());

  const firstNext = await clickNext(page, taskTime, startPage + 1);
  await context.close();
  return { firstNext, keys, mainThread, plain };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

const home = await scriptsOf(browser, `${BASE}/`);
const rows = [];
// BENCH_FORMS=demo,club measures those forms only.
const only = process.env.BENCH_FORMS?.split(",");
for (const [formId, form] of Object.entries(FORMS).filter(([formId]) => !only || only.includes(formId))) {
  for (const kind of ["register", "embed"]) {
    // The embed takes prefill as p.{field}, as embed.js passes it.
    const prefill = Object.entries(form.prefill).map(([key, value]) => [kind === "embed" ? `p.${key}` : key, value]);
    const url = `${BASE}/${kind}/${formId}?${new URLSearchParams(prefill)}`;
    const weight = weigh(await scriptsOf(browser, url), home);
    if (process.env.BENCH_VERBOSE) for (const [script, size] of weight.formOnlyScripts) console.log(`${url.slice(BASE.length)}: ${script} ${kb(size).toFixed(1)} KB (${size} B)`);
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) rounds.push({ ...(await interactions(url, form)), floor: await floorOfNext(url, form) });
    const all = (name) => rounds.flatMap((round) => round[name]);
    const spread = (values) => `${quantile(values, 0.5).toFixed(0)} / ${quantile(values, 0.95).toFixed(0)}`;
    const nexts = rounds.map((round) => round.firstNext.ms);
    // Where the first Next's time went, each part's median over the rounds: the page's and the browser alone's.
    const splitOf = (which) => {
      const part = (key) => median(rounds.map((round) => round[which].split[key]));
      const rest = median(rounds.map((round) => round[which].ms - Object.values(round[which].split).reduce((a, b) => a + b, 0)));
      return `${part("script").toFixed(0)} / ${(part("style") + part("layout")).toFixed(0)} / ${rest.toFixed(0)}`;
    };
    const timing = {
      firstNextMs: median(nexts),
      firstNextFloor: median(rounds.map((round) => round.floor.ms)),
      firstNextSplit: splitOf("firstNext"),
      floorSplit: splitOf("floor"),
      // The rounds' spread: a median of a few rounds moves from run to run.
      firstNextRange: `${Math.min(...nexts).toFixed(0)}–${Math.max(...nexts).toFixed(0)}`,
      keyP95: quantile(all("mainThread"), 0.95),
      keyMainThread: spread(all("mainThread")),
      plainMainThread: spread(all("plain")),
      keyEventTiming: spread(all("keys")),
    };
    rows.push({ page: `/${kind}/${formId}`, firstLoad: kb(weight.firstLoad), formOnly: kb(weight.formOnly), ...timing });
  }
}
await browser.close();
server.kill("SIGTERM");

const mark = (ok) => (ok ? "ok" : "OVER");
console.log(`\nChromium ${browser.version?.() ?? ""}, CPU ×${THROTTLE} for interactions, ${ROUNDS} rounds of ${KEYSTROKES * 2} keystrokes and one Next per page`);
const [load] = loadavg();
if (load > cpus().length / 2) console.log(`load average ${load.toFixed(1)} on ${cpus().length} CPUs at the end: timing figures are inflated by other work`);
console.log("");
console.log("page                 first-load KB   form-only KB   first Next ms   browser alone   key main-thread ms p50 / p95   plain input   key Event Timing p50 / p95   first Next rounds");
for (const r of rows) {
  console.log(
    `${r.page.padEnd(20)} ${r.firstLoad.toFixed(1).padStart(9)} ${mark(r.firstLoad <= BUDGET.firstLoadKb).padStart(4)} ${r.formOnly.toFixed(1).padStart(9)} ${mark(r.formOnly <= BUDGET.formOnlyKb).padStart(4)} ` +
      `${r.firstNextMs.toFixed(0).padStart(10)} ${mark(r.firstNextMs <= BUDGET.firstNextMs).padStart(4)} ${r.firstNextFloor.toFixed(0).padStart(15)} ${r.keyMainThread.padStart(24)} ${mark(r.keyP95 <= BUDGET.keyP95Ms).padStart(4)} ${r.plainMainThread.padStart(13)} ${r.keyEventTiming.padStart(28)} ${r.firstNextRange.padStart(19)}`,
  );
}
console.log("\nfirst Next, where its main-thread time went (ms, medians of the rounds): scripts / style and layout / the browser's other work");
console.log("page                 the form's Next     browser alone");
for (const r of rows) console.log(`${r.page.padEnd(20)} ${r.firstNextSplit.padStart(15)} ${r.floorSplit.padStart(17)}`);
console.log(`\nbudgets: first-load ≤ ${BUDGET.firstLoadKb} KB, form-only ≤ ${BUDGET.formOnlyKb} KB, first Next ≤ ${BUDGET.firstNextMs} ms, key main-thread p95 ≤ ${BUDGET.keyP95Ms} ms (gzip; main-thread ms; Event Timing: input to the next paint, the wait for the frame included)`);
