// Helpers shared by this folder's tests. Databases come from @pos/db/testing (the vitest global setup
// provides the server); migration tests want them empty, so they never clone the migrated template.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createTestDatabase as createDatabase, testServerUrl, type TestDatabase } from "../testing/index.ts";
import { defaultMigrationsDir } from "./migrations-dir.ts";

export { testServerUrl, type TestDatabase };

/** An empty database of its own (no migrations applied). */
export const createTestDatabase = (): Promise<TestDatabase> => createDatabase({ migrated: false });

export async function query<R extends pg.QueryResultRow>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** A scratch directory holding a copy of the repository's migrations, removed by `cleanup`. */
export async function copyOfMigrations(): Promise<{ dir: string; root: string; cleanup(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), "pos-migrate-"));
  const dir = join(root, "migrations");
  await cp(defaultMigrationsDir(), dir, { recursive: true });
  return { dir, root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

export async function databaseExists(name: string): Promise<boolean> {
  const rows = await query<{ n: number }>(
    testServerUrl(),
    "SELECT count(*)::int AS n FROM pg_database WHERE datname = $1",
    [name],
  );
  return rows[0]?.n === 1;
}
