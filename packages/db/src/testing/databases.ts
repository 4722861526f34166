// Test databases: one per test file, named so that leftovers from crashed runs can be recognised and dropped.
import { randomBytes } from "node:crypto";
import { errorCode, likeLiteral, quoteIdent, withClient } from "../server/pg.ts";

export const TEST_DB_PREFIX = "pos_test_";
const NAME_PATTERN = /^pos_test_\d+_\d+_([0-9a-z]+)_[0-9a-f]+$/;
let created = 0;

/** pos_test_<pid>_<n>_<created, base-36 seconds>_<random>: unique across processes and machines sharing a server. */
export function newTestDatabaseName(): string {
  created += 1;
  const seconds = Math.floor(Date.now() / 1000).toString(36);
  return `${TEST_DB_PREFIX}${process.pid}_${created}_${seconds}_${randomBytes(2).toString("hex")}`;
}

/** When a test database was created, from its name; undefined for names we did not make. */
export function createdAt(name: string): Date | undefined {
  const seconds = NAME_PATTERN.exec(name)?.[1];
  return seconds === undefined ? undefined : new Date(Number.parseInt(seconds, 36) * 1000);
}

export async function createDatabase(serverUrl: string, name: string, template: string | undefined): Promise<void> {
  await withClient(serverUrl, async (admin) => {
    try {
      await admin.query(`CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ""}`);
    } catch (error) {
      if (template && errorCode(error) === "3D000") {
        throw new Error(
          `The test template ${template} does not exist (dropped while tests ran?). Run the tests again to rebuild it.`,
          {
            cause: error,
          },
        );
      }
      throw error;
    }
  });
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  // FORCE: a test that forgot to disconnect must not turn cleanup into a failure.
  await withClient(serverUrl, async (admin) => admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

/** Drops test databases older than maxAgeMs: what crashed or killed runs left behind. Returns their names. */
export async function dropStaleTestDatabases(serverUrl: string, maxAgeMs = 60 * 60_000): Promise<string[]> {
  const { rows } = await withClient(serverUrl, async (admin) =>
    admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${likeLiteral(TEST_DB_PREFIX)}%`,
    ]),
  );
  const stale = rows
    .map((row) => row.datname)
    .filter((name) => {
      const created = createdAt(name);
      return created !== undefined && Date.now() - created.getTime() > maxAgeMs;
    });
  for (const name of stale) await dropDatabase(serverUrl, name);
  return stale;
}
