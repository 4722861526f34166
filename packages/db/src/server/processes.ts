// Facts about other processes: alive or not, and whether a pid is really our postmaster.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { runCommand } from "./run.ts";

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user (the postgres user, when we are not root).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return !isZombie(pid);
}

/**
 * A process that exited but was never reaped still answers kill(pid, 0). Orphans are re-parented to PID 1,
 * and in containers PID 1 often never reaps (seen here: every stopped postmaster stays <defunct>).
 */
function isZombie(pid: number): boolean {
  if (process.platform !== "linux") return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) S …": the state follows the last ")", since comm itself may contain parentheses.
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z";
  } catch {
    return false;
  }
}

/**
 * After a reboot the pid in a leftover postmaster.pid may belong to an unrelated process (or to a zombie
 * nobody reaps, common in containers), so "alive" is not enough: the command line must name our data dir.
 * Where we cannot tell (no /proc, no ps) we trust the pid.
 */
export async function isOurPostmaster(pid: number, pgdata: string): Promise<boolean> {
  if (!isProcessAlive(pid)) return false;
  if (process.platform === "linux") {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => undefined);
    if (cmdline !== undefined) return cmdline.split("\0").includes(pgdata);
  }
  const ps = await runCommand("ps", ["-o", "command=", "-p", String(pid)]).catch(() => undefined);
  if (!ps) return true;
  return ps.code === 0 && ps.stdout.includes(pgdata);
}
