// A cross-process lock on a file created with O_EXCL ("wx"). Node has no flock(), and this works on every
// OS and filesystem we care about. A lock whose owner died (kill -9, crash) is detected and broken.
import { randomUUID } from "node:crypto";
import { readFile, stat, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { isProcessAlive } from "./processes.ts";

interface LockOwner {
  pid: number;
  host: string;
  token: string;
  since: number;
}

export interface LockOptions {
  /** Give up waiting after this long (default 2 minutes: initdb plus crash recovery fit easily). */
  timeoutMs?: number;
  /** A lock older than this is stale even if its pid is alive (pid reuse, a hung process). */
  staleMs?: number;
  /** Called once if we have to wait, to tell the user why nothing happens. */
  onWait?: (owner: LockOwner | undefined) => void;
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return undefined;
    const { pid, host, token, since } = value as Record<string, unknown>;
    if (typeof pid === "number" && typeof host === "string" && typeof token === "string" && typeof since === "number") {
      return { pid, host, token, since };
    }
  } catch {
    // Half-written by an owner that is still in writeFile: judged by the file's age below.
  }
  return undefined;
}

async function isStale(path: string, text: string, staleMs: number): Promise<boolean> {
  const owner = parseOwner(text);
  if (!owner) {
    const info = await stat(path).catch(() => undefined);
    return info !== undefined && Date.now() - info.mtimeMs > 10_000;
  }
  if (Date.now() - owner.since > staleMs) return true;
  // A pid only means something on the machine that wrote it (a data dir on a shared disk).
  return owner.host === hostname() && !isProcessAlive(owner.pid);
}

export async function withFileLock<T>(path: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const staleMs = options.staleMs ?? 5 * 60_000;
  const me: LockOwner = { pid: process.pid, host: hostname(), token: randomUUID(), since: 0 };
  const deadline = Date.now() + timeoutMs;
  let waited = false;
  for (;;) {
    try {
      await writeFile(path, JSON.stringify({ ...me, since: Date.now() }), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const text = await readFile(path, "utf8").catch(() => undefined);
    if (text === undefined) continue; // released between our attempt and the read: try again at once
    if (await isStale(path, text, staleMs)) {
      // Compare-then-unlink so that of several waiters breaking the same stale lock, none deletes the fresh
      // lock another has just taken; the remaining window is microseconds, and PostgreSQL's own
      // postmaster.pid lock still refuses a second server in the same data dir.
      if ((await readFile(path, "utf8").catch(() => undefined)) === text) await unlink(path).catch(() => undefined);
      continue;
    }
    if (Date.now() > deadline) {
      const owner = parseOwner(text);
      throw new Error(
        `Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${path}` +
          (owner ? `, held by process ${owner.pid} on ${owner.host}` : "") +
          ". If no other pnpm command is starting or stopping the database, delete that file and try again.",
      );
    }
    if (!waited) options.onWait?.(parseOwner(text));
    waited = true;
    await sleep(25 + Math.random() * 50);
  }
  try {
    return await fn();
  } finally {
    const text = await readFile(path, "utf8").catch(() => undefined);
    if (text !== undefined && parseOwner(text)?.token === me.token) await unlink(path).catch(() => undefined);
  }
}
