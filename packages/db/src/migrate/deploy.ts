// `migrate deploy` without the schema engine: plain SQL over one pg connection, same bookkeeping as Prisma.
import type pg from "pg";
import {
  connect,
  createMigrationsTable,
  DEFAULT_LOCK_TIMEOUT_MS,
  hasMigrationsTable,
  readMigrationRows,
  recordFailed,
  recordFinished,
  recordStarted,
  schemaIsEmpty,
  withMigrationLock,
} from "./bookkeeping.ts";
import { isPgServerError, MigrationError, RESOLVE_COMMAND } from "./errors.ts";
import { analyzeHistory, assertDeployable } from "./history.ts";
import { defaultMigrationsDir, readMigrations, type MigrationFile } from "./migrations-dir.ts";

export interface DeployOptions {
  /** The target database; it must exist. */
  url: string;
  /** Defaults to the repository's prisma/migrations. */
  migrationsDir?: string;
  log?: (line: string) => void;
  /** How long to wait for another deploy to finish; Prisma waits 10 s. */
  lockTimeoutMs?: number;
}

export interface DeployResult {
  /** Applied by this run, in order. */
  applied: string[];
  /** Already applied before this run. */
  alreadyApplied: string[];
}

export async function deployMigrations(options: DeployOptions): Promise<DeployResult> {
  const dir = options.migrationsDir ?? defaultMigrationsDir();
  const log = options.log ?? (() => undefined);
  const files = await readMigrations(dir);
  const client = await connect(options.url);
  try {
    // Everything from reading the history to the last script happens under the lock: a second deploy waits,
    // then reads the history the first one wrote and finds nothing left to do.
    return await withMigrationLock(client, options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, async () => {
      if (!(await hasMigrationsTable(client))) {
        if (!(await schemaIsEmpty(client))) throw nonEmptySchemaError();
        await createMigrationsTable(client);
      }
      const report = analyzeHistory(files, await readMigrationRows(client));
      assertDeployable(report, dir);
      const pending = new Set(report.pending);
      const applied: string[] = [];
      for (const migration of files.filter((f) => pending.has(f.name))) {
        const started = performance.now();
        await applyOne(client, migration);
        applied.push(migration.name);
        log(`Applied ${migration.name} (${Math.round(performance.now() - started)} ms)`);
      }
      return { applied, alreadyApplied: report.applied };
    });
  } finally {
    await client.end();
  }
}

function nonEmptySchemaError(): MigrationError {
  return new MigrationError(
    "P3005",
    "The database schema is not empty but has no _prisma_migrations table, so nothing records which migrations " +
      "it already has. Deploy into an empty database, or baseline this one: if it already matches the first " +
      `migration, mark it applied with \`${RESOLVE_COMMAND} --applied <migration>\`.`,
  );
}

/**
 * Insert the row, run the script as one simple-protocol query (all its statements in one implicit transaction,
 * exactly as the engine sends it), then stamp finished_at. On failure the row keeps finished_at NULL and the logs.
 */
async function applyOne(client: pg.Client, migration: MigrationFile): Promise<void> {
  const id = await recordStarted(client, migration.name, migration.checksum);
  try {
    await client.query(migration.script);
  } catch (error) {
    // A script with its own BEGIN leaves the session in an aborted transaction; end it before writing logs.
    await client.query("ROLLBACK").catch(() => undefined);
    const logs = failureLogs(migration, error);
    // If even this fails (connection lost), the row still has finished_at NULL: the failure stays recorded.
    await recordFailed(client, id, logs).catch(() => undefined);
    throw new MigrationError(
      "P3018",
      `Migration ${migration.name} failed to apply; later migrations were not applied.\n${logs}\n` +
        "Fix migration.sql (it is not applied, so it may still be edited), mark it rolled back with " +
        `\`${RESOLVE_COMMAND} --rolled-back ${migration.name}\`, and deploy again.`,
    );
  }
  await recordFinished(client, id);
}

function failureLogs(migration: MigrationFile, error: unknown): string {
  if (!isPgServerError(error)) return `Error: ${error instanceof Error ? error.message : String(error)}`;
  const position = Number(error.position);
  const line =
    Number.isFinite(position) && position > 0 ? migration.script.slice(0, position).split("\n").length : undefined;
  return [
    `Database error code: ${error.code}`,
    `Database error: ${error.message}`,
    error.detail ? `Detail: ${error.detail}` : undefined,
    error.hint ? `Hint: ${error.hint}` : undefined,
    line === undefined ? undefined : `At line ${line} of ${migration.path}`,
  ]
    .filter((part): part is string => part !== undefined)
    .join("\n");
}
