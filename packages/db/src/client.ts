import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import { readDbEnv } from "./env.ts";

export type Db = PrismaClient;

export interface PrismaClientOptions {
  poolMax?: number;
  /** A pool of the caller's own (benchmarks count the statements it runs); `url` and `poolMax` are then unused. */
  pool?: pg.Pool;
}

export function createPrismaClient(url: string, options: PrismaClientOptions = {}): PrismaClient {
  const pool =
    options.pool ?? new pg.Pool({ connectionString: url, max: options.poolMax ?? readDbEnv().DATABASE_POOL_MAX });
  // When the server drops a connection (restart, failover, pg_terminate_backend), the client in use emits
  // 'error'; with no listener that event kills the process. The query in flight fails on its own and the
  // pool discards the broken client, so a listener that just swallows it is enough (see faults.test.ts).
  pool.on("connect", (client) => client.on("error", ignoreConnectionError));
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PrismaClient({ adapter });
}

function ignoreConnectionError(): void {
  // The failure reaches whoever awaited the query; nothing more to do here.
}

// One client per process; kept on globalThis so Next.js hot reloads do not open a new pool each time.
const globalForDb = globalThis as unknown as { posDb?: PrismaClient };

/**
 * The app's shared client. DATABASE_URL must be set by then: `pnpm dev`/`pnpm start` set it after
 * starting the embedded server when the user has none.
 */
export function getDb(): PrismaClient {
  if (!globalForDb.posDb) {
    const url = readDbEnv().DATABASE_URL;
    if (!url)
      throw new Error(
        "DATABASE_URL is not set. Start the app with `pnpm dev` (it starts a local database) or set DATABASE_URL.",
      );
    globalForDb.posDb = createPrismaClient(url);
  }
  return globalForDb.posDb;
}
