// One PostgreSQL cluster in a data dir, driven through initdb and pg_ctl. pg_ctl starts the postmaster in
// its own session with output to a log file, so the server does not die with (or hold the terminal of) the
// node process that started it: its lifetime is decided by stop(), `pnpm db:stop`, or a reboot.
import { chown, mkdir, open, readdir, readFile, rename, rm, stat, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { choosePort } from "./ports.ts";
import { errorCode, withClient } from "./pg.ts";
import type { DataLayout, PgBinaries } from "./paths.ts";
import { isOurPostmaster } from "./processes.ts";
import { runCommand, toolEnv } from "./run.ts";
import { newPassword, type ServerState } from "./state.ts";
import type { Log, RunAs } from "./types.ts";

export interface Cluster {
  layout: DataLayout;
  bins: PgBinaries;
  runAs: RunAs | undefined;
  log: Log;
}

export interface Postmaster {
  pid: number;
  port: number;
}

export function embeddedUrl(port: number, password: string, database: string): string {
  return `postgresql://postgres:${password}@127.0.0.1:${port}/${database}`;
}

export async function isInitialised(layout: DataLayout): Promise<boolean> {
  return (await stat(join(layout.pgdata, "PG_VERSION")).catch(() => undefined)) !== undefined;
}

/** C.UTF-8 sorts by code point like the C locale but still knows upper/lower case beyond ASCII (ILIKE 'ñ'). */
async function pickLocale(): Promise<string> {
  const listed = await runCommand("locale", ["-a"]).catch(() => undefined);
  const names = new Set(
    (listed?.stdout ?? "").split("\n").map((name) => name.trim().toLowerCase().replace("utf-8", "utf8")),
  );
  if (names.has("c.utf8")) return "C.UTF-8";
  if (names.has("en_us.utf8")) return "en_US.UTF-8";
  return "C";
}

export async function initialiseCluster(cluster: Cluster): Promise<ServerState> {
  const { layout, runAs } = cluster;
  const leftovers = await readdir(layout.pgdata).catch(() => []);
  if (leftovers.length > 0) {
    // A cluster without our server.json (interrupted first run, or the file was deleted): we cannot know its
    // password, so start afresh, but keep the old files in case they matter to someone.
    const aside = `${layout.pgdata}.orphaned-${Date.now()}`;
    await rename(layout.pgdata, aside);
    cluster.log(`Moved an unusable PostgreSQL data directory aside to ${aside} (delete it if you do not need it).`);
  }
  await mkdir(layout.pgdata, { mode: 0o700 });
  const password = newPassword();
  const pwfile = join(layout.root, `.pwfile-${process.pid}`);
  await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  if (runAs) {
    await chown(layout.pgdata, runAs.uid, runAs.gid);
    await chown(pwfile, runAs.uid, runAs.gid);
  }
  const locale = await pickLocale();
  try {
    const result = await runCommand(
      cluster.bins.initdb,
      [
        `--pgdata=${layout.pgdata}`,
        "--username=postgres",
        `--pwfile=${pwfile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        `--locale=${locale}`,
        "--lc-messages=C",
        // Skips the final fsync of ~1,000 new files: a large part of initdb's time; only an OS crash in the
        // next few seconds could hurt, and then deleting the data dir is the fix.
        "--no-sync",
      ],
      { runAs: cluster.runAs, env: toolEnv() },
    );
    if (result.code !== 0) {
      throw new Error(
        `initdb failed in ${layout.pgdata} (exit ${result.code}):\n${result.stderr.trim() || result.stdout.trim()}`,
      );
    }
  } finally {
    await rm(pwfile, { force: true });
  }
  return { port: 0, password, keepRunning: false, initialisedAt: new Date().toISOString(), locale };
}

/** Parsed postmaster.pid: line 1 pid, line 4 port, line 8 status ("starting", "ready", "stopping"…). */
async function readPostmasterPid(pgdata: string): Promise<{ pid: number; port: number; status: string } | undefined> {
  const text = await readFile(join(pgdata, "postmaster.pid"), "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  const lines = text.split("\n");
  const pid = Number.parseInt(lines[0] ?? "", 10);
  const port = Number.parseInt(lines[3] ?? "", 10);
  return { pid: Number.isNaN(pid) ? 0 : pid, port: Number.isNaN(port) ? 0 : port, status: (lines[7] ?? "").trim() };
}

/** false while it is not answering yet; a wrong password is not something waiting will fix, so it throws. */
async function answers(port: number, password: string): Promise<boolean> {
  try {
    await withClient(embeddedUrl(port, password, "postgres"), async (client) => client.query("SELECT 1"));
    return true;
  } catch (error) {
    if (errorCode(error) === "28P01") {
      throw new Error(
        `The embedded PostgreSQL on port ${port} rejects the password in server.json: was the data dir edited by hand?`,
        {
          cause: error,
        },
      );
    }
    return false;
  }
}

/**
 * The server already running in this data dir (started by another process, or left behind when node was
 * killed), waiting while it starts up or recovers. A postmaster.pid whose process is gone is deleted.
 */
export async function findRunningCluster(cluster: Cluster, password: string): Promise<Postmaster | undefined> {
  const { pgdata } = cluster.layout;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const info = await readPostmasterPid(pgdata);
    if (!info) return undefined;
    if (!(await isOurPostmaster(info.pid, pgdata))) {
      await rm(join(pgdata, "postmaster.pid"), { force: true });
      cluster.log(`Removed a stale postmaster.pid in ${pgdata} (process ${info.pid} is not this server).`);
      return undefined;
    }
    if (info.status === "ready" && (await answers(info.port, password))) return { pid: info.pid, port: info.port };
    if (Date.now() > deadline) {
      throw new Error(
        `PostgreSQL (pid ${info.pid}) holds ${pgdata} but has not answered on 127.0.0.1:${info.port} for a minute ` +
          `(status "${info.status}"). See ${cluster.layout.log}; stop it with \`pnpm db:stop\` or \`kill ${info.pid}\`.`,
      );
    }
    await sleep(100);
  }
}

function serverOptions(port: number): string {
  // Loopback only, no Unix socket (nothing to clash with a system PostgreSQL in /var/run or /tmp),
  // synchronous_commit off: an OS crash may lose the last few hundred ms of commits but never corrupts,
  // and tests commit a lot. Linux gets more connections for parallel test workers (macOS semaphores are scarce).
  const connections = process.platform === "linux" ? " -c max_connections=200" : "";
  return `-p ${port} -c listen_addresses=127.0.0.1 -k '' -c synchronous_commit=off${connections}`;
}

async function readLogFrom(path: string, offset: number): Promise<string> {
  const file = await open(path, "r").catch(() => undefined);
  if (!file) return "";
  try {
    const { size } = await file.stat();
    const buffer = Buffer.alloc(Math.max(0, size - offset));
    await file.read(buffer, 0, buffer.length, offset);
    return buffer.toString("utf8");
  } finally {
    await file.close();
  }
}

export async function startCluster(cluster: Cluster, preferredPort: number): Promise<Postmaster> {
  const { layout } = cluster;
  const size = (await stat(layout.log).catch(() => undefined))?.size ?? 0;
  // pg_ctl appends forever; a development log is only interesting for the last few runs.
  const offset = size > 10 * 1024 * 1024 ? await truncate(layout.log, 0).then(() => 0) : size;
  for (let attempt = 1; ; attempt++) {
    const port = await choosePort(attempt === 1 ? preferredPort : 0);
    const args = ["start", "-D", layout.pgdata, "-l", layout.log, "-w", "-t", "60", "-s", "-o", serverOptions(port)];
    const result = await runCommand(cluster.bins.pgCtl, args, { runAs: cluster.runAs, env: toolEnv() });
    if (result.code === 0) {
      const info = await readPostmasterPid(layout.pgdata);
      return { pid: info?.pid ?? 0, port };
    }
    const logText = await readLogFrom(layout.log, offset);
    // Free when we looked, taken when the server tried: another program was quicker. Pick another port.
    if (logText.includes("Address already in use") && attempt < 3) {
      cluster.log(`Port ${port} was taken at the last moment; trying another.`);
      continue;
    }
    // The cause is usually a LOG line just before the FATAL one ("invalid value for parameter …").
    const lastLines = logText.trim().split("\n").slice(-6).join("\n");
    throw new Error(
      `The embedded PostgreSQL did not start (pg_ctl exit ${result.code}):\n` +
        `${lastLines || result.stderr.trim() || "(no message)"}\n` +
        `Full log: ${layout.log}. Fix the cause above, or delete ${layout.root} to start over ` +
        "(this erases the local database), or set DATABASE_URL to use another server.",
    );
  }
}

/** Fast shutdown (rolls back open transactions, disconnects clients); undefined if it was not running. */
export async function stopCluster(cluster: Cluster): Promise<Postmaster | undefined> {
  const { pgdata } = cluster.layout;
  const info = await readPostmasterPid(pgdata);
  if (!info || !(await isOurPostmaster(info.pid, pgdata))) return undefined;
  const args = ["stop", "-D", pgdata, "-m", "fast", "-w", "-t", "60", "-s"];
  const result = await runCommand(cluster.bins.pgCtl, args, { runAs: cluster.runAs, env: toolEnv() });
  if (result.code !== 0) {
    throw new Error(
      `Could not stop the embedded PostgreSQL (pid ${info.pid}): ${result.stderr.trim()}. Try again, or \`kill ${info.pid}\`.`,
    );
  }
  return { pid: info.pid, port: info.port };
}
