/** Next.js calls this once per server start: check the configuration, migrate, start delivering. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { refuseUnrepresentableMethods } = await import("./lib/http/methods");
  refuseUnrepresentableMethods();
  const { boot } = await import("./lib/boot");
  await boot();
}
