// Compares the migrations folder with the `_prisma_migrations` rows. Deploy, status and resolve all read the
// same report, so they cannot disagree about what is applied, pending, failed, edited or missing.
import type { MigrationRow } from "./bookkeeping.ts";
import { MigrationError, RESOLVE_COMMAND } from "./errors.ts";
import { checksumMatches, type MigrationFile } from "./migrations-dir.ts";

export interface FailedMigration {
  name: string;
  startedAt: Date;
  logs: string | null;
}

export interface HistoryReport {
  /** In the folder and applied (finished, not rolled back), in folder order. */
  applied: string[];
  /** In the folder, never applied (or failed and then marked rolled back). */
  pending: string[];
  /** Started and never finished nor rolled back: blocks deploys (P3009). */
  failed: FailedMigration[];
  /** Applied, but the file's checksum no longer matches the one recorded. */
  edited: string[];
  /** Recorded as applied, but no longer in the folder. */
  missingFromFolder: string[];
}

export function analyzeHistory(files: readonly MigrationFile[], rows: readonly MigrationRow[]): HistoryReport {
  const live = rows.filter((r) => r.rolled_back_at === null);
  const finished = new Map(live.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r]));
  const failedRows = live.filter((r) => r.finished_at === null);
  const failedNames = new Set(failedRows.map((r) => r.migration_name));
  const inFolder = new Set(files.map((f) => f.name));
  return {
    applied: files.filter((f) => finished.has(f.name)).map((f) => f.name),
    pending: files.filter((f) => !finished.has(f.name) && !failedNames.has(f.name)).map((f) => f.name),
    failed: failedRows.map((r) => ({ name: r.migration_name, startedAt: r.started_at, logs: r.logs })),
    edited: files
      .filter((f) => {
        const row = finished.get(f.name);
        return row !== undefined && !checksumMatches(row.checksum, f.script);
      })
      .map((f) => f.name),
    missingFromFolder: [...finished.keys()].filter((name) => !inFolder.has(name)),
  };
}

/** Throws the first reason not to apply anything, with what to do about it. */
export function assertDeployable(report: HistoryReport, migrationsDir: string): void {
  const [failed] = report.failed;
  if (failed) {
    const firstLog = failed.logs?.split("\n").find((line) => line.trim() !== "") ?? "no logs recorded";
    throw new MigrationError(
      "P3009",
      `Migration ${failed.name} failed (started ${failed.startedAt.toISOString()}: ${firstLog}) and blocks new ` +
        "migrations, so none were applied. Its script ran in one transaction, so it left no partial changes " +
        "unless it committed on its own. Fix the migration, then mark it rolled back with " +
        `\`${RESOLVE_COMMAND} --rolled-back ${failed.name}\` and deploy again; or, if you completed it by hand, ` +
        `\`${RESOLVE_COMMAND} --applied ${failed.name}\`.`,
    );
  }
  const [edited] = report.edited;
  if (edited) {
    throw new MigrationError(
      "EDITED",
      `Migration ${edited} was edited after it was applied: migration.sql no longer matches the checksum recorded ` +
        `when it ran. Restore the file (e.g. \`git checkout -- ${migrationsDir}/${edited}/migration.sql\`) and put ` +
        "the change in a new migration (`pnpm db:migrate:dev --name <change>`).",
    );
  }
  if (report.missingFromFolder.length > 0) {
    throw new MigrationError(
      "MISSING",
      `The database has applied migration(s) that are not in ${migrationsDir}: ${report.missingFromFolder.join(", ")}. ` +
        "This checkout is behind the database: pull or restore those migration folders, then deploy again.",
    );
  }
}
