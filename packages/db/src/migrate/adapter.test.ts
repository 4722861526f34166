// The four adapter-pg defects the migration adapter exists to fix (adapter.ts), each checked on a real server.
import { readFile } from "node:fs/promises";
import { ColumnTypeEnum, type SqlQuery } from "@prisma/driver-adapter-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMigrationAdapterFactory, type MigrationAdapterFactory } from "./adapter.ts";
import { diffMigrationsWithEngine } from "./diff.ts";
import { defaultMigrationsDir, defaultSchemaPath, readMigrations, toMigrationList } from "./migrations-dir.ts";
import { createTestDatabase, databaseExists, query, type TestDatabase } from "./test-support.ts";

const sql = (text: string): SqlQuery => ({ sql: text, args: [], argTypes: [] });

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

/** Steps 1–3 on a shadow connection; returns the shadow database's name. */
async function exerciseShadow(factory: MigrationAdapterFactory): Promise<string> {
  const shadow = await factory.connectToShadowDb();
  // 3. The shadow connection really is another database.
  const [current] = (await shadow.queryRaw(sql("SELECT current_database()"))).rows;
  const shadowName = String(current?.[0]);
  expect(shadowName).not.toBe(db.name);

  // 1. "char" (OID 18) is reported as Character, inside and outside transactions.
  const probe = sql(`SELECT 'c'::"char" AS kind, 1 AS n`);
  expect((await shadow.queryRaw(probe)).columnTypes).toEqual([ColumnTypeEnum.Character, ColumnTypeEnum.Int32]);
  const tx = await shadow.startTransaction();
  expect((await tx.queryRaw(probe)).rows).toEqual([["c", 1]]);
  expect((await tx.queryRaw(probe)).columnTypes[0]).toBe(ColumnTypeEnum.Character);
  // Like the engine: the adapter's rollback() only releases the connection, the statement ends the transaction.
  await tx.executeRaw(sql("ROLLBACK"));
  await tx.rollback();

  // 2. A script is one statement batch: $$ bodies survive, and a failure leaves nothing behind.
  await shadow.executeScript(
    `CREATE TABLE a (x int); CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;`,
  );
  await expect(shadow.executeScript(`CREATE TABLE b (x int); SELECT * FROM missing;`)).rejects.toThrow();
  const tables = (await shadow.queryRaw(sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")))
    .rows;
  expect(tables).toEqual([["a"]]);
  return shadowName;
}

describe("createMigrationAdapterFactory", () => {
  it("fixes char columns, scripts, shadow database URLs and shadow clean-up", async () => {
    const factory = createMigrationAdapterFactory(db.url);
    // 4. close() drops shadow databases the engine never disposed of (nothing here disposes this one).
    const shadowName = await exerciseShadow(factory).finally(() => factory.close());
    expect(shadowName).toMatch(/^prisma_migrate_shadow_db_/);
    expect(await databaseExists(shadowName)).toBe(false);
  });

  it("lets the engine replay the migrations in its own shadow database, away from the main one", async () => {
    const dir = defaultMigrationsDir();
    const schemaPath = defaultSchemaPath();
    const schema = { path: schemaPath, content: await readFile(schemaPath, "utf8") };
    const diff = await diffMigrationsWithEngine(db.url, await toMigrationList(dir, await readMigrations(dir)), schema);
    // The Wasm engine describes its shadow database without the postgresqlExtensions preview feature, so it
    // always asks for the extension again; everything else matches (our drift check does not take this route).
    expect(diff).toBe(`-- CreateExtension\nCREATE EXTENSION IF NOT EXISTS "pg_trgm";\n`);
    expect(await query(db.url, "SELECT 1 FROM pg_tables WHERE schemaname = 'public'")).toEqual([]);
    const leftovers = await query(db.url, "SELECT 1 FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'");
    expect(leftovers).toEqual([]);
  });
});
