// @pos/db/testing — real PostgreSQL for tests: every test file gets its own database, cloned from a
// template migrated once per run (global-setup.ts), so files run in parallel without seeing each other's rows.
import { afterAll, beforeAll } from "vitest";
import { createPrismaClient, type Db } from "../client.ts";
import { withDatabase } from "../server/pg.ts";
import { providedServerUrl, providedTemplate } from "./context.ts";
import { createDatabase, dropDatabase, newTestDatabaseName } from "./databases.ts";

export { dropStaleTestDatabases } from "./databases.ts";
export { ensureTemplateDatabase, migrationsHash } from "./template.ts";

export interface TestDatabase {
  url: string;
  name: string;
  /** Drops the database, disconnecting anyone still connected. Safe to call twice. */
  drop(): Promise<void>;
}

export interface CreateTestDatabaseOptions {
  /** Clone of the migrated template (default), or an empty database (to test migrations themselves). */
  migrated?: boolean;
  /** Outside the vitest global setup: the server's maintenance URL and the template to clone. */
  serverUrl?: string;
  template?: string;
}

/** The test server's maintenance database URL (for tests that manage databases themselves). */
export function testServerUrl(): string {
  return providedServerUrl();
}

export async function createTestDatabase(options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = options.serverUrl ?? providedServerUrl();
  const template = options.migrated === false ? undefined : (options.template ?? providedTemplate());
  const name = newTestDatabaseName();
  await createDatabase(serverUrl, name, template);
  let dropping: Promise<void> | undefined;
  return { url: withDatabase(serverUrl, name), name, drop: () => (dropping ??= dropDatabase(serverUrl, name)) };
}

export interface TestDb {
  /** A Prisma client on this file's database; available inside tests and hooks, not at import time. */
  readonly db: Db;
  readonly url: string;
  readonly name: string;
}

/**
 * Call at the top of a test file: a migrated database of its own for the whole file, created in beforeAll,
 * disconnected and dropped in afterAll.
 */
export function useTestDb(options: { poolMax?: number } = {}): TestDb {
  let current: { database: TestDatabase; db: Db } | undefined;
  beforeAll(async () => {
    const database = await createTestDatabase();
    // A small pool: many files run at once against one server (max_connections 200 on the embedded one).
    current = { database, db: createPrismaClient(database.url, { poolMax: options.poolMax ?? 4 }) };
  });
  afterAll(async () => {
    if (!current) return;
    const { database, db } = current;
    current = undefined;
    await db.$disconnect();
    await database.drop();
  });
  const ready = () => {
    if (!current)
      throw new Error(
        "useTestDb(): the database exists only inside tests and hooks (after beforeAll), not at import time.",
      );
    return current;
  };
  return {
    get db() {
      return ready().db;
    },
    get url() {
      return ready().database.url;
    },
    get name() {
      return ready().database.name;
    },
  };
}
