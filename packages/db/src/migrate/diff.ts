// Schema diffs through Prisma's own engine, so the SQL is byte for byte what `prisma migrate dev` writes.
import { dirname } from "node:path";
import type { DiffTarget, MigrationList } from "@prisma/schema-engine-wasm";
import { createMigrationAdapterFactory } from "./adapter.ts";
import { withSchemaEngine, type SchemaEngine, type SchemaFile } from "./engine.ts";
import { createOfflineAdapterFactory } from "./offline-adapter.ts";

const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** A Prisma schema: its text, or its text with the path it is reported under. */
export type SchemaInput = string | SchemaFile;

const asFile = (input: SchemaInput): SchemaFile =>
  typeof input === "string" ? { path: "schema.prisma", content: input } : input;

/** The SQL script turning `from` into `to`, or "" when there is nothing to do. */
async function runDiff(engine: SchemaEngine, from: DiffTarget, to: DiffTarget): Promise<string> {
  // exitCode: true makes the engine report 2 for a non-empty diff; the empty script is a comment, not "".
  const result = await engine.diff({ from, to, script: true, exitCode: true, filters: NO_FILTERS });
  return result.exitCode === 2 ? (result.stdout ?? "") : "";
}

/**
 * SQL from one Prisma schema to another (null = empty database), with no database at all. From the empty
 * schema the engine also emits `CREATE SCHEMA IF NOT EXISTS "public"`, which `migrate dev` (diffing from a
 * real, empty shadow database) does not; `diffDatabaseToSchema` gives the `migrate dev` output exactly.
 */
export async function diffSchemas(from: SchemaInput | null, to: SchemaInput | null): Promise<string> {
  const fromFile = from === null ? null : asFile(from);
  const toFile = to === null ? null : asFile(to);
  const target = (file: SchemaFile | null): DiffTarget =>
    file ? { tag: "schemaDatamodel", files: [file] } : { tag: "empty" };
  // The engine reads the provider (and preview features) from the schema it starts with.
  const base = toFile ?? fromFile;
  if (!base) return "";
  return withSchemaEngine({ schemaFiles: [base], adapterFactory: createOfflineAdapterFactory() }, (engine) =>
    runDiff(engine, target(fromFile), target(toFile)),
  );
}

/** SQL from the live database at `url` to the schema: what `migrate dev` would write after its shadow replay. */
export async function diffDatabaseToSchema(url: string, schema: SchemaFile): Promise<string> {
  const factory = createMigrationAdapterFactory(url);
  try {
    return await withSchemaEngine({ schemaFiles: [schema], adapterFactory: factory }, (engine) =>
      runDiff(
        engine,
        { tag: "schemaDatasource", files: [schema], configDir: dirname(schema.path) },
        { tag: "schemaDatamodel", files: [schema] },
      ),
    );
  } finally {
    await factory.close();
  }
}

/**
 * The engine's own route from migrations to schema: it replays the scripts in a shadow database it creates
 * through the adapter (fixes 2–4 in adapter.ts). Our tools use deploy + `diffDatabaseToSchema` instead, which
 * keeps the shadow database's life in our hands; this one exists to cross-check that route against Prisma's.
 */
export async function diffMigrationsWithEngine(
  serverUrl: string,
  migrations: MigrationList,
  schema: SchemaFile,
): Promise<string> {
  const factory = createMigrationAdapterFactory(serverUrl);
  try {
    return await withSchemaEngine({ schemaFiles: [schema], adapterFactory: factory }, (engine) =>
      runDiff(engine, { tag: "migrations", ...migrations }, { tag: "schemaDatamodel", files: [schema] }),
    );
  } finally {
    await factory.close();
  }
}
