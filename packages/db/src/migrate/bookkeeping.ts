// Prisma's `_prisma_migrations` table, kept exactly as the schema engine keeps it (prisma-engines source,
// checked against rows the engine wrote), so a later real `prisma migrate deploy` sees a normal history.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { connectionError, isPgServerError, MigrationError } from "./errors.ts";

/** Same key as Prisma's engine, so our runs and a real `prisma migrate` exclude each other too. */
const ADVISORY_LOCK_KEY = 72707369;
export const DEFAULT_LOCK_TIMEOUT_MS = 10_000;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  // Without a listener, a server-side disconnect would crash the process instead of failing the query.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw connectionError(error, url);
  }
  return client;
}

/** Runs `use` holding the migration lock; it is released even when `use` throws. */
export async function withMigrationLock<T>(client: pg.Client, timeoutMs: number, use: () => Promise<T>): Promise<T> {
  await client.query(`SET statement_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
  } catch (error) {
    if (isPgServerError(error) && error.code === "57014") {
      throw new MigrationError(
        "LOCK_TIMEOUT",
        `Timed out after ${timeoutMs / 1000} s waiting for the migration lock (pg_advisory_lock ${ADVISORY_LOCK_KEY}): ` +
          "another migrate deploy/dev is running against this database. Let it finish and try again; if none is " +
          "running, look for a stuck session in pg_stat_activity holding the lock and end it.",
      );
    }
    throw error;
  } finally {
    await client.query("RESET statement_timeout");
  }
  try {
    return await use();
  } finally {
    // Best effort: if the connection broke, the session's end released the lock, and the caller should see
    // the original error rather than this one.
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => undefined);
  }
}

export async function hasMigrationsTable(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ exists: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = '_prisma_migrations') AS exists",
  );
  return rows[0]?.exists === true;
}

/** Tables, views or enums in the schema (extension-owned objects, e.g. from pg_trgm, do not count). */
export async function schemaIsEmpty(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ used: boolean }>(`SELECT
    EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e'))
    OR EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
               WHERE n.nspname = current_schema() AND t.typtype = 'e'
                 AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')) AS used`);
  return rows[0]?.used !== true;
}

export async function createMigrationsTable(client: pg.Client): Promise<void> {
  await client.query(CREATE_TABLE);
}

export async function readMigrationRows(client: pg.Client): Promise<MigrationRow[]> {
  const { rows } = await client.query<MigrationRow>(
    `SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );
  return rows;
}

/** Step 1 of applying: the row exists (finished_at NULL) before the script runs, so a crash leaves a trace. */
export async function recordStarted(client: pg.Client, name: string, checksum: string): Promise<string> {
  const id = randomUUID();
  await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, $3)`, [
    id,
    checksum,
    name,
  ]);
  return id;
}

export async function recordFinished(client: pg.Client, id: string): Promise<void> {
  await client.query(
    `UPDATE "_prisma_migrations" SET applied_steps_count = applied_steps_count + 1, finished_at = now() WHERE id = $1`,
    [id],
  );
}

/** finished_at stays NULL: that is what makes later deploys stop (P3009) until someone resolves it. */
export async function recordFailed(client: pg.Client, id: string, logs: string): Promise<void> {
  await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, logs]);
}

export async function markRolledBack(client: pg.Client, name: string): Promise<number> {
  const { rowCount } = await client.query(
    `UPDATE "_prisma_migrations" SET rolled_back_at = now()
     WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL`,
    [name],
  );
  return rowCount ?? 0;
}

/** Like the engine's markMigrationApplied: one row whose started_at and finished_at are the same moment. */
export async function insertApplied(client: pg.Client, name: string, checksum: string): Promise<void> {
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), now(), 0)`,
    [randomUUID(), checksum, name],
  );
}
