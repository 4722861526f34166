// The embedded server's life cycle across processes: initialise once, start or reuse under a lock, count
// the processes using it (leases), and stop it when the last one leaves unless `pnpm db:up` pinned it.
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import {
  embeddedUrl,
  findRunningCluster,
  initialiseCluster,
  isInitialised,
  startCluster,
  stopCluster,
  type Cluster,
  type Postmaster,
} from "./cluster.ts";
import { withFileLock } from "./lock.ts";
import { chooseDataRoot, makeDataRoot, postgresRunAs, reachableBinaries } from "./os-user.ts";
import { dataLayout, locateBinaries, majorVersion } from "./paths.ts";
import { createDatabaseIfMissing, withClient } from "./pg.ts";
import { addLease, liveLeaseHolders, readState, removeLease, writeState } from "./state.ts";
import type { DatabaseServer, EmbeddedAction, Log } from "./types.ts";

export interface EmbeddedOptions {
  /** From the option or POS_PG_DATA_DIR; undefined = <repo>/.data/postgres (or the temp-dir fallback). */
  dataDir: string | undefined;
  database: string;
  keepRunning: boolean;
  log: Log;
}

async function openCluster(dataDir: string | undefined, log: Log): Promise<Cluster> {
  const runAs = await postgresRunAs(log);
  const bins = await reachableBinaries(locateBinaries(), runAs, log);
  const root = await chooseDataRoot(dataDir, runAs, log);
  return { layout: dataLayout(root), bins, runAs, log };
}

async function checkVersion(cluster: Cluster): Promise<void> {
  const onDisk = (await readFile(join(cluster.layout.pgdata, "PG_VERSION"), "utf8")).trim();
  const ours = majorVersion(cluster.bins.version);
  if (onDisk !== ours) {
    throw new Error(
      `${cluster.layout.pgdata} holds a PostgreSQL ${onDisk} cluster but the embedded binaries are version ${ours}. ` +
        `Dump it with a matching pg_dump, then delete ${cluster.layout.root} (or set POS_PG_DATA_DIR elsewhere).`,
    );
  }
}

function lockWaitNotice(cluster: Cluster, log: Log) {
  return () =>
    log(`Waiting for another process that is starting or stopping the embedded PostgreSQL in ${cluster.layout.root}…`);
}

interface BroughtUp {
  postmaster: Postmaster;
  password: string;
  action: EmbeddedAction;
  initMs?: number;
  startMs?: number;
  lease: string;
}

/** Runs under the data dir's lock: initialise if needed, reuse the running server or start one, sign in. */
async function bringUp(cluster: Cluster, options: EmbeddedOptions): Promise<BroughtUp> {
  const { layout } = cluster;
  let state = await readState(layout);
  let action: EmbeddedAction = "reused";
  let initMs: number | undefined;
  let startMs: number | undefined;
  if (!state || !(await isInitialised(layout))) {
    const t = performance.now();
    state = await initialiseCluster(cluster);
    await writeState(layout, state);
    initMs = performance.now() - t;
    action = "initialised";
  }
  await checkVersion(cluster);
  let postmaster = await findRunningCluster(cluster, state.password);
  if (!postmaster) {
    const t = performance.now();
    postmaster = await startCluster(cluster, state.port);
    startMs = performance.now() - t;
    if (action === "reused") action = "started";
  }
  // Whoever starts the server decides whether it outlives its users; db:up on a running one pins it.
  const keepRunning = action === "reused" ? state.keepRunning || options.keepRunning : options.keepRunning;
  state = { ...state, port: postmaster.port, keepRunning };
  await writeState(layout, state);
  await withClient(embeddedUrl(postmaster.port, state.password, "postgres"), (client) =>
    createDatabaseIfMissing(client, options.database),
  );
  // Taken under the lock so that a concurrent stop() cannot see zero users and stop the server under us.
  const lease = await addLease(layout);
  return { postmaster, password: state.password, action, initMs, startMs, lease };
}

export async function ensureEmbeddedServer(options: EmbeddedOptions): Promise<DatabaseServer> {
  const began = performance.now();
  const cluster = await openCluster(options.dataDir, options.log);
  const { layout } = cluster;
  await makeDataRoot(layout.root);
  const onWait = lockWaitNotice(cluster, options.log);
  const up = await withFileLock(layout.lock, () => bringUp(cluster, options), { onWait });
  const { postmaster, password, action } = up;
  const url = embeddedUrl(postmaster.port, password, options.database);
  options.log(`PostgreSQL (embedded) at ${url} data: ${layout.root} (${action}, pid ${postmaster.pid})`);

  const release = () =>
    withFileLock(
      layout.lock,
      async () => {
        await removeLease(up.lease);
        const users = await liveLeaseHolders(layout);
        const state = await readState(layout);
        if (users.length > 0 || state?.keepRunning) return;
        await stopCluster(cluster);
      },
      { onWait },
    );
  let stopping: Promise<void> | undefined;
  return {
    url,
    adminUrl: embeddedUrl(postmaster.port, password, "postgres"),
    embedded: true,
    stop: () => (stopping ??= release()),
    details: {
      dataDir: layout.root,
      port: postmaster.port,
      pid: postmaster.pid,
      action,
      timings: { initMs: up.initMs, startMs: up.startMs, totalMs: performance.now() - began },
    },
  };
}

export interface StopReport {
  /** undefined when there is no data dir at all (nothing was ever started). */
  dataDir: string | undefined;
  /** The postmaster that was stopped, if one was running. */
  stopped: { pid: number; port: number } | undefined;
  /** Live processes that were still using it (they will see their connections fail). */
  users: number[];
}

/** `pnpm db:stop`: stops the server whoever started it and whoever still uses it, and unpins it. */
export async function stopEmbeddedServer(dataDir: string | undefined, log: Log): Promise<StopReport> {
  const cluster = await openCluster(dataDir, log);
  const { layout } = cluster;
  if (!(await stat(layout.root).catch(() => undefined))) return { dataDir: undefined, stopped: undefined, users: [] };
  return withFileLock(
    layout.lock,
    async () => {
      const users = (await liveLeaseHolders(layout)).filter((pid) => pid !== process.pid);
      const stopped = await stopCluster(cluster);
      const state = await readState(layout);
      if (state?.keepRunning) await writeState(layout, { ...state, keepRunning: false });
      return { dataDir: layout.root, stopped, users };
    },
    { onWait: lockWaitNotice(cluster, log) },
  );
}
