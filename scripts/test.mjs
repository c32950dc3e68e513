#!/usr/bin/env node
// The whole test suite, as the README's second command: type check, unit and
// integration tests (SQLite, and PostgreSQL when TEST_DATABASE_URL is set), a
// production build and a check of its client chunks, then Playwright in Debian's Chromium.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// Builds in tests report nothing to anyone.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

function run(command, args, { onFailure, ...options } = {}) {
  console.log(`\n> ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.status !== 0) {
    onFailure?.();
    console.error(`\n${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

/**
 * A failed browser test's error and the page as it stood (Playwright's error-context.md
 * without its instructions and source listing): where a run leaves no artifacts behind, as in CI, the log
 * is all there is to tell a slow server from a wrong page.
 */
function printFailedPages(dir = "test-results") {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { recursive: true })) {
    if (path.basename(String(entry)) !== "error-context.md") continue;
    const text = readFileSync(path.join(dir, String(entry)), "utf8").replace(/(^|\n)# (Instructions|Test source)\n[\s\S]*?(?=\n# |$)/g, "");
    console.error(`\n──── ${path.dirname(String(entry))} ────\n${text.slice(0, 20_000)}`);
  }
}

function ensureChromium() {
  if (existsSync(chromium)) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("Chromium is missing: installing Debian's chromium package…");
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "chromium"], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    return;
  }
  console.error(
    `Chromium is needed for the browser tests and was not found at ${chromium}.\n` +
      "Install it with: sudo apt-get install -y chromium   (Debian/Ubuntu)\n" +
      "or point CHROMIUM_PATH at an existing Chromium or Chrome binary.",
  );
  process.exit(1);
}

ensureChromium();
run("npx", ["tsc", "--noEmit", "-p", "."]);
run("npx", ["vitest", "run"]);
run("npx", ["next", "build"]);
run("node", ["scripts/check-client-bundle.mjs"]);
run("npx", ["playwright", "test"], { onFailure: printFailedPages });
