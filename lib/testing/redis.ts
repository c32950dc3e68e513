import { Socket } from "node:net";

/**
 * The Redis the tests run against: TEST_REDIS_URL, else the local default. Not
 * reachable: the Redis tests are skipped, except under CI=true, where they fail.
 */
export async function testRedisUrl(): Promise<string | undefined> {
  const url = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  const { hostname, port } = new URL(url);
  const reachable = await new Promise<boolean>((resolve) => {
    const socket = new Socket();
    socket.setTimeout(1_000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(false));
    socket.connect(Number(port || 6379), hostname);
  });
  if (reachable) return url;
  if (process.env.CI === "true") throw new Error(`CI=true but Redis at ${url} is not reachable: the Redis tests cannot run.`);
  return undefined;
}
