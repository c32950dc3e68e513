#!/usr/bin/env node
// The whole test suite, as the README's second command: type check, unit and
// integration tests (SQLite, and PostgreSQL when TEST_DATABASE_URL is set), a
// production build and a check of its client chunks, then Playwright in Debian's Chromium.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// Builds in tests report nothing to anyone.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

function run(command, args, options = {}) {
  console.log(`\n> ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
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
run("npx", ["playwright", "test"]);
