// `migrate status`: what is applied, pending, failed, edited or missing, without changing anything.
import { connect, hasMigrationsTable, readMigrationRows } from "./bookkeeping.ts";
import { analyzeHistory, type HistoryReport } from "./history.ts";
import { defaultMigrationsDir, readMigrations } from "./migrations-dir.ts";

export interface MigrationStatus extends HistoryReport {
  hasMigrationsTable: boolean;
  /** Nothing pending, failed, edited or missing. */
  upToDate: boolean;
}

export async function migrationStatus(options: { url: string; migrationsDir?: string }): Promise<MigrationStatus> {
  const files = await readMigrations(options.migrationsDir ?? defaultMigrationsDir());
  const client = await connect(options.url);
  try {
    const hasTable = await hasMigrationsTable(client);
    const report = analyzeHistory(files, hasTable ? await readMigrationRows(client) : []);
    const upToDate =
      report.pending.length + report.failed.length + report.edited.length + report.missingFromFolder.length === 0;
    return { ...report, hasMigrationsTable: hasTable, upToDate };
  } finally {
    await client.end();
  }
}
