import { appendFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checksumOf, defaultMigrationsDir, readMigrations } from "./migrations-dir.ts";
import { deployMigrations, migrationStatus, MigrationError, resolveMigration } from "./index.ts";
import { copyOfMigrations, createTestDatabase, query, type TestDatabase } from "./test-support.ts";

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

const repoMigrations = async () => (await readMigrations(defaultMigrationsDir())).map((m) => m.name);
const rowsOf = (url: string) =>
  query<{
    migration_name: string;
    checksum: string;
    finished_at: Date | null;
    applied_steps_count: number;
    logs: string | null;
  }>(
    url,
    `SELECT migration_name, checksum, finished_at, applied_steps_count, logs FROM "_prisma_migrations" ORDER BY started_at`,
  );

async function rejection(promise: Promise<unknown>): Promise<MigrationError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof MigrationError)) throw new Error(`expected a MigrationError, got ${String(error)}`);
  return error;
}

describe("deployMigrations", () => {
  it("applies the repository's migrations to an empty database, then has nothing left to do", async () => {
    const names = await repoMigrations();
    expect(names.length).toBeGreaterThan(0);

    const first = await deployMigrations({ url: db.url });
    expect(first).toEqual({ applied: names, alreadyApplied: [] });

    const rows = await rowsOf(db.url);
    const files = await readMigrations(defaultMigrationsDir());
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(checksumOf(await readFile(files[i]?.path ?? "")));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
    const ext = await query(db.url, "SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'");
    expect(ext).toHaveLength(1);

    const second = await deployMigrations({ url: db.url });
    expect(second).toEqual({ applied: [], alreadyApplied: names });
    expect(await rowsOf(db.url)).toHaveLength(names.length);
  });

  it("installs the hand-written CHECK constraints, and none on stock levels", async () => {
    await deployMigrations({ url: db.url });
    const insertConfig = query(
      db.url,
      `INSERT INTO "StoreConfig" (id, "storeName", "updatedAt") VALUES (2, 'x', now())`,
    );
    await expect(insertConfig).rejects.toThrow(/StoreConfig_singleton_check/);
    const checks = await query<{ conname: string }>(
      db.url,
      "SELECT conname FROM pg_constraint WHERE contype = 'c' AND conrelid::regclass::text = '\"StockLevel\"'",
    );
    expect(checks).toEqual([]);
    const user = query(
      db.url,
      `INSERT INTO "User" (name, email, "passwordHash", role, "updatedAt") VALUES ('a', 'a@x', 'h', 'CASHIER', now())`,
    );
    await expect(user).rejects.toThrow(/User_cashierBranch_check/);
  });

  it("applies each migration exactly once when two deploys race on a fresh database", async () => {
    const names = await repoMigrations();
    const [a, b] = await Promise.all([deployMigrations({ url: db.url }), deployMigrations({ url: db.url })]);
    expect([...a.applied, ...b.applied].sort()).toEqual([...names].sort());
    expect(await rowsOf(db.url)).toHaveLength(names.length);
    const tables = await query(
      db.url,
      `SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('Sale', 'Variant')`,
    );
    expect(tables).toHaveLength(2);
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    const copy = await copyOfMigrations();
    try {
      const [first] = await readMigrations(copy.dir);
      if (!first) throw new Error("no migrations");
      await deployMigrations({ url: db.url, migrationsDir: copy.dir });
      await appendFile(first.path, "\n-- an afterthought\n");

      const error = await rejection(deployMigrations({ url: db.url, migrationsDir: copy.dir }));
      expect(error.code).toBe("EDITED");
      expect(error.message).toContain(`Migration ${first.name} was edited after it was applied`);
      expect((await migrationStatus({ url: db.url, migrationsDir: copy.dir })).edited).toEqual([first.name]);
    } finally {
      await copy.cleanup();
    }
  });

  it("records a failed migration, leaves no partial changes, and blocks later deploys until resolved", async () => {
    const copy = await copyOfMigrations();
    try {
      const broken = "20990101000000_broken";
      await mkdir(join(copy.dir, broken));
      const script = `CREATE TABLE "Half" (id int);\nSELECT * FROM "NoSuchTable";\n`;
      await writeFile(join(copy.dir, broken, "migration.sql"), script);

      const failed = await rejection(deployMigrations({ url: db.url, migrationsDir: copy.dir }));
      expect(failed.code).toBe("P3018");
      expect(failed.message).toMatch(/NoSuchTable/);
      const row = (await rowsOf(db.url)).find((r) => r.migration_name === broken);
      expect(row?.finished_at).toBeNull();
      expect(row?.logs).toMatch(/42P01/);
      expect(await query(db.url, `SELECT 1 FROM pg_tables WHERE tablename = 'Half'`)).toEqual([]);

      const blocked = await rejection(deployMigrations({ url: db.url, migrationsDir: copy.dir }));
      expect(blocked.code).toBe("P3009");
      expect(blocked.message).toContain(`Migration ${broken} failed`);
      expect(blocked.message).toContain(`--rolled-back ${broken}`);
      expect((await migrationStatus({ url: db.url, migrationsDir: copy.dir })).failed.map((f) => f.name)).toEqual([
        broken,
      ]);

      await writeFile(join(copy.dir, broken, "migration.sql"), `CREATE TABLE "Half" (id int);\n`);
      await resolveMigration({ url: db.url, migrationsDir: copy.dir, name: broken, as: "rolled-back" });
      expect((await deployMigrations({ url: db.url, migrationsDir: copy.dir })).applied).toEqual([broken]);
    } finally {
      await copy.cleanup();
    }
  });

  it("refuses when an applied migration is missing from the folder", async () => {
    const copy = await copyOfMigrations();
    try {
      const extra = "20990101000000_extra";
      await mkdir(join(copy.dir, extra));
      await writeFile(join(copy.dir, extra, "migration.sql"), `CREATE TABLE "Extra" (id int);\n`);
      await deployMigrations({ url: db.url, migrationsDir: copy.dir });
      await rm(join(copy.dir, extra), { recursive: true });

      const error = await rejection(deployMigrations({ url: db.url, migrationsDir: copy.dir }));
      expect(error.code).toBe("MISSING");
      expect(error.message).toContain(extra);
      expect((await migrationStatus({ url: db.url, migrationsDir: copy.dir })).missingFromFolder).toEqual([extra]);
    } finally {
      await copy.cleanup();
    }
  });

  it("refuses a non-empty schema that has no migration history (P3005)", async () => {
    await query(db.url, `CREATE TABLE "Legacy" (id int)`);
    const error = await rejection(deployMigrations({ url: db.url }));
    expect(error.code).toBe("P3005");
    expect(await query(db.url, `SELECT 1 FROM pg_tables WHERE tablename = '_prisma_migrations'`)).toEqual([]);
  });

  it("gives up with a readable error when another deploy holds the lock", async () => {
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock(72707369)");
      const error = await rejection(deployMigrations({ url: db.url, lockTimeoutMs: 300 }));
      expect(error.code).toBe("LOCK_TIMEOUT");
      expect(error.message).toMatch(/another migrate deploy\/dev is running/);
    } finally {
      await holder.end();
    }
  });

  it("says so when the database does not exist", async () => {
    const url = db.url.replace(db.name, `${db.name}_nope`);
    const error = await rejection(deployMigrations({ url }));
    expect(error.code).toBe("P1003");
    expect(error.message).toMatch(/does not exist/);
  });
});

describe("migrationStatus", () => {
  it("reports pending migrations before a deploy and applied ones after", async () => {
    const names = await repoMigrations();
    const before = await migrationStatus({ url: db.url });
    expect(before).toMatchObject({ hasMigrationsTable: false, applied: [], pending: names, upToDate: false });

    await deployMigrations({ url: db.url });
    const after = await migrationStatus({ url: db.url });
    expect(after).toMatchObject({ hasMigrationsTable: true, applied: names, pending: [], failed: [], upToDate: true });
  });
});
