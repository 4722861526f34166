// The drift check that fails the tests: prisma/migrations must produce exactly schema.prisma.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDrift, defaultSchemaPath, diffSchemas } from "./index.ts";
import { copyOfMigrations, testServerUrl } from "./test-support.ts";

let scratch: Awaited<ReturnType<typeof copyOfMigrations>>;
beforeAll(async () => {
  scratch = await copyOfMigrations();
});
afterAll(async () => {
  await scratch.cleanup();
});

describe("checkDrift", () => {
  it("finds the repository's migrations in sync with schema.prisma", async () => {
    const drift = await checkDrift({ serverUrl: testServerUrl() });
    expect(drift, "schema.prisma changed without a migration: run `pnpm db:migrate:dev --name <change>`").toBe("");
  });

  it("reports a schema change that has no migration", async () => {
    const original = await readFile(defaultSchemaPath(), "utf8");
    const anchor = "  featured    Boolean    @default(false)\n";
    expect(original).toContain(anchor);
    const schemaPath = join(scratch.root, "schema.prisma");
    await writeFile(schemaPath, original.replace(anchor, `${anchor}  ribbon      String?\n`));

    const drift = await checkDrift({ url: testServerUrl(), schemaPath });
    expect(drift).toContain(`ALTER TABLE "Product" ADD COLUMN     "ribbon" TEXT;`);
  });
});

describe("diffSchemas (offline)", () => {
  it("gives the full schema from empty, nothing between equal schemas, and the change between two", async () => {
    const schema = await readFile(defaultSchemaPath(), "utf8");
    const full = await diffSchemas(null, schema);
    expect(full).toContain(`CREATE EXTENSION IF NOT EXISTS "pg_trgm";`);
    expect(full).toContain(`CREATE TABLE "Sale"`);
    expect(await diffSchemas(schema, schema)).toBe("");
    const withColor = schema.replace("  sizeLabel     String?\n", "  sizeLabel     String?\n  color         String?\n");
    expect(await diffSchemas(schema, withColor)).toContain(`ALTER TABLE "Variant" ADD COLUMN     "color" TEXT;`);
  });

  it("runs engines side by side without them sharing Wasm memory", async () => {
    const schema = await readFile(defaultSchemaPath(), "utf8");
    const alone = await diffSchemas(null, schema);
    const together = await Promise.all([
      diffSchemas(null, schema),
      diffSchemas(schema, null),
      diffSchemas(null, schema),
    ]);
    expect(together[0]).toBe(alone);
    expect(together[1]).toContain(`DROP TABLE "public"."Sale";`);
    expect(together[2]).toBe(alone);
  });
});
