import "server-only";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A secret made once into the data folder when the environment gives none (the
 * embedded default): readable by the owner only, and the same for every process that
 * shares the folder. `warn` is told the first time it is made.
 */
export function dataDirSecret(dataDir: string, name: string, make: () => string, warn?: (message: string) => void): string {
  const file = path.join(/*turbopackIgnore: true*/ dataDir, name);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, make(), { mode: 0o600, flag: "wx" });
      warn?.(`generated ${file}`);
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    chmodSync(file, 0o600);
  }
  return readFileSync(file, "utf8").trim();
}
