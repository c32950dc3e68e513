import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NEXT_START_ARGS } from "../../playwright.config";

export interface AppServer {
  url: string;
  process: ChildProcess;
  /** kill -9: no shutdown hooks, no flushing. */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
const dirs = new Set<string>();

/** Kills every app a test started and left running, and removes its files (call from afterEach). */
export function stopAll(): void {
  for (const child of running) if (child.exitCode === null) child.kill("SIGKILL");
  running.clear();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs.clear();
}

/** Starts the production build (`next start`) on `port` with its own environment. */
export async function startApp(port: number, env: Record<string, string>): Promise<AppServer> {
  const url = `http://127.0.0.1:${port}`;
  if (await fetch(`${url}/api/health`).then(() => true, () => false)) {
    throw new Error(`port ${port} is already taken by another server`);
  }
  const child = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1", ...NEXT_START_ARGS], {
    env: { ...process.env, LOG_LEVEL: "silent", ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  running.add(child);
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // A cold start (a new data directory's migrations, the first request's modules) beside the
  // suite's other servers and browsers on a 2-core machine can take tens of seconds; each
  // health check is bounded too, so a start that hangs fails here, saying so.
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited at start: ${stderr}`);
    const ok = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) }).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > until) throw new Error(`the app did not start on ${url}: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    process: child,
    async crash() {
      child.kill("SIGKILL");
      await exited;
    },
    /** SIGTERM, and SIGKILL if the app has not exited 10 s later (a test's end never waits on a shutdown that hangs). */
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000))]);
      if (!stopped) {
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
}

/** Writes a forms configuration to a temporary file and returns its path. */
export function writeFormsConfig(config: unknown): string {
  const file = path.join(tempDir("formgate-forms-"), "forms.json");
  writeFileSync(file, JSON.stringify(config));
  return file;
}

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.add(dir);
  return dir;
}
