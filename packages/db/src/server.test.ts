// The embedded server against real PostgreSQL, in throwaway data dirs (never the dev one). initdb is the
// expensive part (~1 s of CPU), so most tests share one initialised data dir and run one at a time, each
// starting from a stopped server; only the tests about initialising or breaking a cluster get their own.
import type { ChildProcess } from "node:child_process";
import { appendFile, chmod, mkdtemp, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureDatabaseServer, stopDatabaseServer } from "./server.ts";
import { chooseDataRoot, postgresRunAs, reachableBinaries } from "./server/os-user.ts";
import { binariesIn, locateBinaries } from "./server/paths.ts";
import { answers, holdServerInChild, query, quiet, useTempDataDirs } from "./server/test-fixtures/temp-servers.ts";

const tempDataDir = useTempDataDirs();
const children: ChildProcess[] = [];
afterAll(() => children.forEach((child) => child.kill("SIGKILL")));

// env: {} so that a DATABASE_URL or POS_PG_DATA_DIR in the developer's shell cannot redirect these tests.
const embedded = (dataDir: string) => ensureDatabaseServer({ env: {}, dataDir, log: quiet });

describe("embedded PostgreSQL in an initialised data dir", () => {
  let dataDir = "";
  beforeAll(async () => {
    dataDir = await tempDataDir();
    const server = await embedded(dataDir);
    expect(server.details?.action).toBe("initialised");
    await server.stop();
  });
  afterEach(() => stopDatabaseServer({ env: {}, dataDir, log: quiet }));

  it("answers on 127.0.0.1 only, and keeps its data and port across a restart", async () => {
    const first = await embedded(dataDir);
    expect(first.embedded).toBe(true);
    expect(first.details?.action).toBe("started");
    const url = new URL(first.url);
    expect(url.hostname).toBe("127.0.0.1");
    expect(url.pathname).toBe("/pos");
    expect(await query(first.adminUrl, "SHOW listen_addresses")).toEqual([{ listen_addresses: "127.0.0.1" }]);
    await query(first.url, "CREATE TABLE survivor (name text); INSERT INTO survivor VALUES ('kept')");

    await first.stop();
    expect(await answers(first.url)).toBe(false);

    const second = await embedded(dataDir);
    expect(second.details?.action).toBe("started");
    expect(second.url).toBe(first.url); // same remembered port, same password
    expect(await query(second.url, "SELECT name FROM survivor")).toEqual([{ name: "kept" }]);
    await second.stop();
  });

  it("reuses a running server without initialising, and stops it only when the last user leaves", async () => {
    const first = await embedded(dataDir);
    const pgVersion = await stat(join(dataDir, "pgdata", "PG_VERSION"));
    const second = await embedded(dataDir);
    expect(second.details?.action).toBe("reused");
    expect(second.details?.pid).toBe(first.details?.pid);
    expect((await stat(join(dataDir, "pgdata", "PG_VERSION"))).mtimeMs).toBe(pgVersion.mtimeMs);

    await first.stop();
    expect(await answers(second.url)).toBe(true);
    await second.stop();
    expect(await answers(second.url)).toBe(false);
  });

  it("removes a stale postmaster.pid (its pid now belongs to another process) and starts", async () => {
    const first = await embedded(dataDir);
    const pidFile = join(dataDir, "pgdata", "postmaster.pid");
    const lines = (await readFile(pidFile, "utf8")).split("\n");
    await first.stop();
    // As after a reboot: the file survived and its pid is alive, but it is some other program (this one).
    await writeFile(pidFile, [String(process.pid), ...lines.slice(1)].join("\n"));
    const logs: string[] = [];
    const second = await ensureDatabaseServer({ env: {}, dataDir, log: (line) => logs.push(line) });
    expect(second.details?.action).toBe("started");
    expect(logs.join("\n")).toContain("stale postmaster.pid");
    expect(await answers(second.url)).toBe(true);
    await second.stop();
  });

  it("moves to another port when the remembered one is taken", async () => {
    const first = await embedded(dataDir);
    const port = first.details?.port ?? 0;
    await first.stop();
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, "127.0.0.1", resolve));
    try {
      const second = await embedded(dataDir);
      expect(second.details?.port).not.toBe(port);
      expect(await answers(second.url)).toBe(true);
      await second.stop();
    } finally {
      squatter.close();
    }
  });

  it("keeps a server pinned by keepRunning (db:up) until stopDatabaseServer (db:stop)", async () => {
    const pinned = await ensureDatabaseServer({ env: {}, dataDir, keepRunning: true, log: quiet });
    await pinned.stop();
    expect(await answers(pinned.url)).toBe(true);
    const report = await stopDatabaseServer({ env: {}, dataDir, log: quiet });
    expect(report.stopped?.pid).toBe(pinned.details?.pid);
    expect(await answers(pinned.url)).toBe(false);
    expect((await stopDatabaseServer({ env: {}, dataDir, log: quiet })).stopped).toBeUndefined();
    // Unpinned again: the next ordinary user's stop() stops it.
    const ordinary = await embedded(dataDir);
    await ordinary.stop();
    expect(await answers(ordinary.url)).toBe(false);
  });

  it("DATABASE_URL: uses the given server, creates its database if missing, and never stops it", async () => {
    const host = await embedded(dataDir);
    const url = host.adminUrl.replace(/\/postgres$/, "/given_db");
    const server = await ensureDatabaseServer({ env: { DATABASE_URL: url }, log: quiet });
    expect(server).toMatchObject({ url, adminUrl: host.adminUrl, embedded: false });
    expect(await query(server.url, "SELECT current_database() AS db")).toEqual([{ db: "given_db" }]);
    await server.stop();
    expect(await answers(host.url)).toBe(true);
    await host.stop();
  });
});

describe.concurrent("embedded PostgreSQL in fresh data dirs", () => {
  it("gives concurrent callers in several processes one server, which outlives a killed process", async ({
    expect,
  }) => {
    const dataDir = await tempDataDir();
    const [a, b, local] = await Promise.all([
      holdServerInChild(dataDir, children),
      holdServerInChild(dataDir, children),
      embedded(dataDir),
    ]);
    expect(new Set([a.report.pid, b.report.pid, local.details?.pid]).size).toBe(1);
    expect(new Set([a.report.url, b.report.url, local.url]).size).toBe(1);
    const actions = [a.report.action, b.report.action, local.details?.action].sort();
    expect(actions).toEqual(["initialised", "reused", "reused"]);

    // kill -9 never reaches the server (its own session), and dead processes' leases do not keep it up.
    a.child.kill("SIGKILL");
    b.child.kill("SIGKILL");
    await Promise.all([a, b].map(({ child }) => new Promise((resolve) => child.once("exit", resolve))));
    expect(await answers(local.url)).toBe(true);
    const again = await embedded(dataDir);
    expect(again.details?.action).toBe("reused");
    await again.stop();
    await local.stop();
    expect(await answers(local.url)).toBe(false);
  });

  it("stopOnSignals: a caller killed by SIGTERM stops its server first, then dies of the signal", async ({
    expect,
  }) => {
    const dataDir = await tempDataDir();
    const holder = await holdServerInChild(dataDir, children, ["--stop-on-signals"]);
    expect(await answers(holder.report.url)).toBe(true);
    const exited = new Promise((resolve) => holder.child.once("exit", (_code, signal) => resolve(signal)));
    holder.child.kill("SIGTERM");
    expect(await exited).toBe("SIGTERM");
    expect(await answers(holder.report.url)).toBe(false);
  });

  it("explains a server that cannot start", async ({ expect }) => {
    const dataDir = await tempDataDir();
    await (await embedded(dataDir)).stop();
    await appendFile(join(dataDir, "pgdata", "postgresql.conf"), "\nshared_buffers = 'lots'\n");
    await expect(embedded(dataDir)).rejects.toThrow(/did not start[\s\S]*shared_buffers[\s\S]*Full log: /);
  });

  it("DATABASE_URL: says what to do when nothing listens there", async ({ expect }) => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === "object" && address ? address.port : 1));
      });
    });
    const env = { DATABASE_URL: `postgresql://postgres@127.0.0.1:${closed}/pos` };
    await expect(ensureDatabaseServer({ env, log: quiet })).rejects.toThrow(
      /Nothing is listening at 127\.0\.0\.1:\d+.*unset DATABASE_URL/,
    );
  });
});

describe("as root", () => {
  it("falls back to the temp dir when the postgres user cannot reach the repository's data dir", async () => {
    const runAs = await postgresRunAs(quiet);
    const privateDir = await mkdtemp(join(tmpdir(), "pos-private-")); // 0700, owned by us
    try {
      const defaults = { dir: join(privateDir, ".data", "postgres"), fallback: join(tmpdir(), "fallback") };
      const logs: string[] = [];
      const chosen = await chooseDataRoot(undefined, runAs, (line) => logs.push(line), defaults);
      // Not root: the server runs as us and can reach anything we can.
      expect(chosen).toBe(runAs ? defaults.fallback : defaults.dir);
      expect(logs.join("\n")).toContain(runAs ? "cannot reach" : "");
      if (runAs) await expect(chooseDataRoot(defaults.dir, runAs, quiet)).rejects.toThrow(/chmod o\+x/);
    } finally {
      await rm(privateDir, { recursive: true, force: true });
    }
  });

  it("runs the binaries from a copy when the postgres user cannot execute them where they are", async () => {
    const runAs = await postgresRunAs(quiet);
    const real = locateBinaries();
    const privateDir = await mkdtemp(join(tmpdir(), "pos-private-"));
    const copyDir = await mkdtemp(join(tmpdir(), "pos-copies-"));
    await chmod(copyDir, 0o755);
    try {
      // A link behind a private directory: unreachable for `postgres`, and cheap to "copy" (links stay links).
      await symlink(real.nativeDir, join(privateDir, "native"));
      const hidden = binariesIn(join(privateDir, "native"), real.version);
      const usable = await reachableBinaries(hidden, runAs, quiet, copyDir);
      expect(usable.nativeDir).toBe(runAs ? join(copyDir, `pos-postgres-bin-${real.version}`) : hidden.nativeDir);
    } finally {
      await rm(privateDir, { recursive: true, force: true });
      await rm(copyDir, { recursive: true, force: true });
    }
  });
});
