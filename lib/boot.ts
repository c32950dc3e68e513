import "server-only";
import { loadConfig } from "@/lib/config/forms";
import { getDb } from "@/lib/db";
import { log } from "@/lib/log";
import { ensureFirstAdmin, staffSecret } from "@/lib/staff";
import { startDeliveryWorker } from "@/lib/submissions";

/**
 * Start-up: a configuration mistake stops the server with a message naming the
 * file, the JSON path and the problem, instead of failing on the first request.
 */
export async function boot(): Promise<void> {
  try {
    const config = loadConfig();
    await getDb();
    await ensureFirstAdmin();
    try {
      staffSecret();
    } catch (error) {
      // The forms run without it; only the staff console cannot sign anyone in.
      log.warn("the staff console cannot sign anyone in", { error: (error as Error).message });
    }
    await startDeliveryWorker();
    log.info("formgate started", { forms: config.forms.map((form) => form.id), config: config.source, sandbox: config.sandboxEnabled });
  } catch (error) {
    console.error(`formgate cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
