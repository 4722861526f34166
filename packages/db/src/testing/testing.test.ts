// The test harness against the server the global setup prepared (embedded, or DATABASE_URL if set).
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultMigrationsDir, readMigrations } from "../migrate/migrations-dir.ts";
import { quoteIdent, withClient } from "../server/pg.ts";
import { createdAt, newTestDatabaseName } from "./databases.ts";
import {
  createTestDatabase,
  dropStaleTestDatabases,
  ensureTemplateDatabase,
  migrationsHash,
  testServerUrl,
  useTestDb,
} from "./index.ts";

const rows = async (url: string, sql: string) =>
  withClient(url, async (client) => (await client.query<Record<string, unknown>>(sql)).rows);
const exists = async (name: string) =>
  (await withClient(testServerUrl(), (client) => client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])))
    .rowCount === 1;

describe("createTestDatabase", () => {
  it("gives each caller its own migrated database, and drop() removes it", async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      expect(a.name).not.toBe(b.name);
      const applied = await rows(a.url, "SELECT migration_name FROM _prisma_migrations ORDER BY migration_name");
      expect(applied).toEqual((await readMigrations(defaultMigrationsDir())).map((m) => ({ migration_name: m.name })));
      await rows(
        a.url,
        `INSERT INTO "Branch" (name, code, address, "updatedAt") VALUES ('Centro', 'CEN', 'Main St 1', now())`,
      );
      expect(await rows(a.url, `SELECT code FROM "Branch"`)).toEqual([{ code: "CEN" }]);
      expect(await rows(b.url, `SELECT code FROM "Branch"`)).toEqual([]);
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
    expect(await exists(a.name)).toBe(false);
    await a.drop(); // twice is fine
  });

  it("gives an empty database with migrated: false", async () => {
    const empty = await createTestDatabase({ migrated: false });
    try {
      expect(await rows(empty.url, "SELECT to_regclass('_prisma_migrations') AS t")).toEqual([{ t: null }]);
    } finally {
      await empty.drop();
    }
  });
});

describe("useTestDb", () => {
  const testDb = useTestDb();

  it("is a Prisma client on a database of this file's own", async () => {
    expect(testDb.name).toMatch(/^pos_test_/);
    await testDb.db.branch.create({ data: { name: "Norte", code: "NOR", address: "North Rd 2" } });
    expect(await testDb.db.branch.count()).toBe(1);
    expect(await rows(testDb.url, "SELECT current_database() AS db")).toEqual([{ db: testDb.name }]);
  });
});

describe("templates", () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));
  async function migrationsDir(sql: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "pos-migrations-"));
    dirs.push(dir);
    await mkdir(join(dir, "20260101000000_only"));
    await writeFile(join(dir, "20260101000000_only", "migration.sql"), sql);
    return dir;
  }

  it("are named after the migrations' contents", async () => {
    const one = await migrationsHash(await migrationsDir("CREATE TABLE a (x int);"));
    expect(await migrationsHash(await migrationsDir("CREATE TABLE a (x int);"))).toBe(one);
    expect(await migrationsHash(await migrationsDir("CREATE TABLE a (x bigint);"))).not.toBe(one);
  });

  it("are built once when several processes ask at the same time", async () => {
    // Fixed contents, so every run reuses one extra template instead of piling up new ones.
    const dir = await migrationsDir("CREATE TABLE template_probe (x int);");
    const name = `pos_template_${await migrationsHash(dir)}`;
    await withClient(testServerUrl(), async (admin) => {
      if (!(await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount) return;
      await admin.query(`ALTER DATABASE ${quoteIdent(name)} IS_TEMPLATE false`);
      await admin.query(`DROP DATABASE ${quoteIdent(name)} WITH (FORCE)`);
    });
    const built: string[] = [];
    const log = (line: string) => (line.startsWith("Built") ? built.push(line) : undefined);
    const names = await Promise.all(
      [1, 2, 3].map(() => ensureTemplateDatabase(testServerUrl(), { migrationsDir: dir, log })),
    );
    expect(names).toEqual([name, name, name]);
    expect(built).toHaveLength(1);
    const clone = await createTestDatabase({ template: name });
    try {
      expect(await rows(clone.url, "SELECT count(*)::int AS n FROM template_probe")).toEqual([{ n: 0 }]);
    } finally {
      await clone.drop();
    }
  });
});

describe("stale test databases", () => {
  it("are recognised by the creation time in their name and dropped after an hour", async () => {
    const fresh = newTestDatabaseName();
    expect(Math.abs((createdAt(fresh)?.getTime() ?? 0) - Date.now())).toBeLessThan(2_000);
    const hoursAgo = Math.floor((Date.now() - 2 * 3_600_000) / 1000).toString(36);
    const old = `pos_test_1_1_${hoursAgo}_abcd`;
    const young = await createTestDatabase({ migrated: false });
    await withClient(testServerUrl(), (client) => client.query(`CREATE DATABASE ${quoteIdent(old)}`));
    const dropped = await dropStaleTestDatabases(testServerUrl());
    expect(dropped).toContain(old);
    expect(dropped).not.toContain(young.name);
    expect(await exists(old)).toBe(false);
    expect(await exists(young.name)).toBe(true);
    await young.drop();
  });
});
