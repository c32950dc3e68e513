// Resident memory of a benchmark's server process, from /proc (Linux).
import { readFileSync } from "node:fs";

function children(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** RSS in MiB of `pid` and its descendants (next start may serve from a child process). */
export function rssMiB(pid) {
  let total = 0;
  for (const id of [pid, ...children(pid).flatMap((child) => [child, ...children(child)])]) {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // the process has just exited
    }
  }
  return total / 1024;
}
