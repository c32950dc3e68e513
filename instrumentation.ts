/** Next.js calls this once per server start: check the configuration, migrate, start delivering. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // First: the rate limits need each request's true peer address (lib/http/client-address.ts).
  (await import("./lib/http/client-address")).trackPeers();
  const { refuseUnrepresentableMethods } = await import("./lib/http/methods");
  refuseUnrepresentableMethods();
  const { boot } = await import("./lib/boot");
  await boot();
}
