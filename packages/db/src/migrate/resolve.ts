// `migrate resolve`: the way out of a failed migration (P3009) or into an existing database (baseline, P3005).
import {
  connect,
  createMigrationsTable,
  DEFAULT_LOCK_TIMEOUT_MS,
  hasMigrationsTable,
  insertApplied,
  markRolledBack,
  readMigrationRows,
  withMigrationLock,
} from "./bookkeeping.ts";
import { MigrationError } from "./errors.ts";
import { analyzeHistory } from "./history.ts";
import { defaultMigrationsDir, readMigrations } from "./migrations-dir.ts";

export interface ResolveOptions {
  url: string;
  migrationsDir?: string;
  /** The migration folder name. */
  name: string;
  /** rolled-back: a failed migration is to be retried; applied: it was completed by hand (or baselined). */
  as: "rolled-back" | "applied";
}

export async function resolveMigration(options: ResolveOptions): Promise<void> {
  const dir = options.migrationsDir ?? defaultMigrationsDir();
  const file = (await readMigrations(dir)).find((m) => m.name === options.name);
  if (!file) throw new MigrationError("MISSING", `There is no migration ${options.name} in ${dir}.`);
  const client = await connect(options.url);
  try {
    await withMigrationLock(client, DEFAULT_LOCK_TIMEOUT_MS, async () => {
      if (!(await hasMigrationsTable(client))) await createMigrationsTable(client);
      if (options.as === "rolled-back") {
        if ((await markRolledBack(client, options.name)) === 0) {
          throw new MigrationError(
            "P3009",
            `Migration ${options.name} is not in a failed state: nothing to roll back.`,
          );
        }
        return;
      }
      const report = analyzeHistory([file], await readMigrationRows(client));
      if (report.applied.includes(options.name)) {
        throw new MigrationError("P3009", `Migration ${options.name} is already recorded as applied.`);
      }
      await markRolledBack(client, options.name);
      await insertApplied(client, options.name, file.checksum);
    });
  } finally {
    await client.end();
  }
}
