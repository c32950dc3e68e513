import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

/**
 * E2E against a production build (`npm run build` first; `npm test` does both) in
 * Debian's Chromium. Each run gets a fresh embedded database and fresh sandboxes.
 */
export const APP_PORT = Number(process.env.E2E_PORT ?? 3100);
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;
/** The app's sandbox control token in the e2e run (its default is generated into DATA_DIR). */
export const SANDBOX_CONTROL_TOKEN = "e2e-sandbox-control-token";
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * `next start`'s options for every server the suite starts. Node closes a connection after 5 s
 * idle; a test's API client (Playwright's, kept alive) that sends on it just then gets ECONNRESET,
 * as a loaded machine once showed. Idle connections are kept longer than any test lasts.
 */
export const NEXT_START_ARGS = ["--keepAliveTimeout", "120000"];

/** The suite's server's settings besides its port and data (e2e/accessibility.spec.ts starts a second server with them). */
export const APP_ENV = {
  LOG_LEVEL: "silent",
  SANDBOX_CONTROL_TOKEN,
  // The suite registers more people from 127.0.0.1 in a minute than one person would,
  // and fills forms faster than anyone types; e2e/abuse.spec.ts checks the defaults
  // on a server of its own.
  RATE_LIMIT_SUBMIT: "100/1m",
  RATE_LIMIT_EMAIL: "100/1m",
  MIN_FILL_MS: "0",
};

/** Specs that never reach the suite's server (accessibility.spec.ts is a third of the run). */
// durability.spec.ts stays in "app": beside the accessibility walks its 100-submission burst once
// missed its 60-second delivery deadline (3 left) on a loaded CI machine.
const OWN_SERVERS = ["accessibility.spec.ts", "abuse.spec.ts", "conditions.spec.ts", "hostile.spec.ts", "insights.spec.ts", "staff-oidc.spec.ts"];

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two projects side by side, one worker each, of about equal length. The specs of "app" share
  // the suite's server and set faults in its sandboxes, so they run one at a time; the specs of
  // "own-servers" start servers of their own (on ports no other spec uses) and run alongside them.
  workers: 2,
  projects: [
    { name: "app", testIgnore: OWN_SERVERS, workers: 1 },
    { name: "own-servers", testMatch: OWN_SERVERS, workers: 1 },
  ],
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: APP_URL,
    browserName: "chromium",
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: {
    command: `npx next start ${NEXT_START_ARGS.join(" ")}`,
    url: `${APP_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(APP_PORT),
      HOSTNAME: "127.0.0.1",
      DATA_DIR: path.join(tmpdir(), `formgate-e2e-${Date.now()}`),
      ...APP_ENV,
    },
  },
});
