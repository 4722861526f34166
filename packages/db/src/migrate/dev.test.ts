import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  checkDrift,
  createMigration,
  defaultSchemaPath,
  deployMigrations,
  MigrationError,
  readMigrations,
} from "./index.ts";
import { nextMigrationDirName, normalizeMigrationName } from "./migrations-dir.ts";
import { withShadowDatabase } from "./shadow.ts";
import {
  copyOfMigrations,
  createTestDatabase,
  databaseExists,
  query,
  testServerUrl,
  type TestDatabase,
} from "./test-support.ts";
import { databaseName } from "./url.ts";

let db: TestDatabase;
let copy: Awaited<ReturnType<typeof copyOfMigrations>>;
beforeEach(async () => {
  [db, copy] = await Promise.all([createTestDatabase(), copyOfMigrations()]);
});
afterEach(async () => {
  await Promise.all([db.drop(), copy.cleanup()]);
});

/** schema.prisma with one more column on SaleItem, written next to the copied migrations. */
async function changedSchema(): Promise<string> {
  const original = await readFile(defaultSchemaPath(), "utf8");
  const anchor = "  lineTotal   Decimal @db.Decimal(12, 2)\n";
  if (!original.includes(anchor)) throw new Error("schema.prisma changed: update the anchor in this test");
  const path = join(copy.root, "schema.prisma");
  await writeFile(path, original.replace(anchor, `${anchor}  giftNote    String?\n`));
  return path;
}

describe("createMigration", () => {
  it("writes the schema change as a new migration, applies it, and is then in sync", async () => {
    const schemaPath = await changedSchema();
    const before = (await readMigrations(copy.dir)).map((m) => m.name);

    const created = await createMigration({ url: db.url, name: "add gift note", migrationsDir: copy.dir, schemaPath });
    expect(created.migration).toMatch(/^\d{14}_add_gift_note$/);
    expect(created.sql).toContain(`ALTER TABLE "SaleItem" ADD COLUMN     "giftNote" TEXT;`);
    // The init migration's hand-written CHECK constraints are invisible to the differ: nothing drops them.
    expect(created.sql).not.toMatch(/DROP/i);
    expect(created.applied).toEqual([...before, created.migration]);

    const after = await readMigrations(copy.dir);
    expect(after.map((m) => m.name)).toEqual([...before, created.migration]);
    expect(after.at(-1)?.script).toBe(created.sql);
    const column = await query(
      db.url,
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'SaleItem' AND column_name = 'giftNote'`,
    );
    expect(column).toHaveLength(1);

    expect(await checkDrift({ serverUrl: db.url, migrationsDir: copy.dir, schemaPath })).toBe("");
    const again = await createMigration({ url: db.url, name: "nothing", migrationsDir: copy.dir, schemaPath });
    expect(again.migration).toBeNull();
    expect((await readMigrations(copy.dir)).length).toBe(after.length);
  });

  it("with createOnly, writes the migration but leaves the database for a later deploy", async () => {
    const schemaPath = await changedSchema();
    const created = await createMigration({
      url: db.url,
      name: "gift_note",
      migrationsDir: copy.dir,
      schemaPath,
      createOnly: true,
    });
    expect(created.migration).not.toBeNull();
    expect((await deployMigrations({ url: db.url, migrationsDir: copy.dir })).applied).toEqual([created.migration]);
  });

  it("rejects a name with nothing usable in it before touching anything", async () => {
    const error: unknown = await createMigration({ url: db.url, name: " --- ", migrationsDir: copy.dir }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MigrationError);
    expect(await query(db.url, `SELECT 1 FROM pg_tables WHERE tablename = '_prisma_migrations'`)).toEqual([]);
  });
});

describe("migration names", () => {
  it("snake-cases names and keeps folder order when two migrations share a second", () => {
    expect(normalizeMigrationName("addProductColor")).toBe("add_product_color");
    expect(normalizeMigrationName(" Add-product color! ")).toBe("add_product_color");
    expect(() => normalizeMigrationName("x".repeat(201))).toThrow(MigrationError);
    const now = new Date("2026-01-02T03:04:05.678Z");
    expect(nextMigrationDirName("a", [], now)).toBe("20260102030405_a");
    expect(nextMigrationDirName("b", ["20260102030405_a"], now)).toBe("20260102030406_b");
  });
});

describe("withShadowDatabase", () => {
  it("drops the shadow database even when the work inside fails", async () => {
    let seen = "";
    const failure = withShadowDatabase(db.url, async (url) => {
      seen = databaseName(url);
      await query(url, "CREATE TABLE t (id int)");
      throw new Error("boom");
    });
    await expect(failure).rejects.toThrow("boom");
    expect(seen).toMatch(/^pos_shadow_[0-9a-z]+_[0-9a-f]+$/);
    expect(await databaseExists(seen)).toBe(false);
  });

  it("drops shadow databases that killed runs left behind over an hour ago", async () => {
    const twoHoursAgo = Math.floor(Date.now() / 1000 - 7200).toString(36);
    const leftover = `pos_shadow_${twoHoursAgo}_${db.name.slice(-8)}`;
    await query(testServerUrl(), `CREATE DATABASE "${leftover}"`);
    await withShadowDatabase(db.url, () => Promise.resolve());
    expect(await databaseExists(leftover)).toBe(false);
  });
});
