// Our bookkeeping in the data dir: the remembered port and password, the keep-running flag, and the list
// of processes currently using the server.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { DataLayout } from "./paths.ts";
import { isProcessAlive } from "./processes.ts";

const stateSchema = z.object({
  /** The last port the server listened on; the next start reuses it when free, so URLs stay stable. */
  port: z.number().int().min(1).max(65_535),
  /** Random per data dir: the server only listens on 127.0.0.1, but other OS users on the machine can reach that. */
  password: z.string().min(16),
  /** Set by `pnpm db:up`: no process's stop() shuts the server down, only `pnpm db:stop`. */
  keepRunning: z.boolean(),
  initialisedAt: z.string(),
  locale: z.string(),
});
export type ServerState = z.infer<typeof stateSchema>;

export function newPassword(): string {
  return randomBytes(18).toString("hex");
}

export async function readState(layout: DataLayout): Promise<ServerState | undefined> {
  const text = await readFile(layout.state, "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const parsed = stateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // unreadable: treated like a missing file (the cluster is then moved aside and re-created)
  }
}

export async function writeState(layout: DataLayout, state: ServerState): Promise<void> {
  // Write-then-rename: a reader never sees half a file. 0600 because it holds the password.
  const partial = `${layout.state}.${process.pid}.tmp`;
  await writeFile(partial, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await rename(partial, layout.state);
}

/** Registers this process as a user of the server; returns the lease to hand back to removeLease. */
export async function addLease(layout: DataLayout): Promise<string> {
  await mkdir(layout.clients, { recursive: true });
  const lease = join(layout.clients, `${process.pid}-${randomBytes(4).toString("hex")}`);
  await writeFile(lease, "");
  return lease;
}

export async function removeLease(lease: string): Promise<void> {
  await rm(lease, { force: true });
}

/** Pids of live processes holding a lease; leases of dead processes (crash, kill -9) are removed. */
export async function liveLeaseHolders(layout: DataLayout): Promise<number[]> {
  const names = await readdir(layout.clients).catch(() => []);
  const live: number[] = [];
  for (const name of names) {
    const pid = Number.parseInt(name, 10);
    if (Number.isInteger(pid) && isProcessAlive(pid)) live.push(pid);
    else await rm(join(layout.clients, name), { force: true });
  }
  return live;
}
