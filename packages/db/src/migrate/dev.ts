// `migrate dev` and the drift check share one mechanism: replay prisma/migrations into a shadow database with
// our deploy, then let Prisma's engine diff that live database against schema.prisma. The diff is what
// `prisma migrate dev` would write; CHECK constraints and other hand-written SQL are invisible to the engine's
// differ (verified: it neither drops nor reports them), so hand-written additions never cause DROP statements.
import { readFile } from "node:fs/promises";
import { deployMigrations } from "./deploy.ts";
import { diffDatabaseToSchema } from "./diff.ts";
import type { SchemaFile } from "./engine.ts";
import {
  defaultMigrationsDir,
  defaultSchemaPath,
  nextMigrationDirName,
  normalizeMigrationName,
  readMigrations,
  writeMigration,
} from "./migrations-dir.ts";
import { withShadowDatabase } from "./shadow.ts";

/** `serverUrl` (or `url`): any existing database on the server; only used to create and drop the shadow database. */
export type DriftOptions = ({ serverUrl: string } | { url: string }) & {
  migrationsDir?: string;
  schemaPath?: string;
};

/**
 * The SQL that would bring a database built from the migrations to schema.prisma: "" when they agree.
 * A non-empty result means schema.prisma changed without a migration (run `pnpm db:migrate:dev --name …`).
 */
export async function checkDrift(options: DriftOptions): Promise<string> {
  const schema = await readSchema(options.schemaPath ?? defaultSchemaPath());
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir();
  const serverUrl = "serverUrl" in options ? options.serverUrl : options.url;
  return withShadowDatabase(serverUrl, async (shadowUrl) => {
    await deployMigrations({ url: shadowUrl, migrationsDir });
    return diffDatabaseToSchema(shadowUrl, schema);
  });
}

async function readSchema(path: string): Promise<SchemaFile> {
  return { path, content: await readFile(path, "utf8") };
}

export interface CreateMigrationOptions {
  /** The development database: brought up to date first, then given the new migration. */
  url: string;
  name: string;
  migrationsDir?: string;
  schemaPath?: string;
  /** Write the migration but do not apply it (to add hand-written SQL first), like `--create-only`. */
  createOnly?: boolean;
  log?: (line: string) => void;
}

export interface CreateMigrationResult {
  /** The new migration's folder name, or null when the schema already matched the migrations. */
  migration: string | null;
  path: string | null;
  sql: string;
  /** Migrations applied to the development database by this call (earlier pending ones and the new one). */
  applied: string[];
}

export async function createMigration(options: CreateMigrationOptions): Promise<CreateMigrationResult> {
  const name = normalizeMigrationName(options.name);
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir();
  const log = options.log ?? (() => undefined);
  // Like migrate dev: first the development database catches up, refusing on edited or failed migrations.
  const before = await deployMigrations({ url: options.url, migrationsDir, log });
  const sql = await checkDrift({ serverUrl: options.url, migrationsDir, schemaPath: options.schemaPath });
  if (sql === "") {
    log("Already in sync, no migration created.");
    return { migration: null, path: null, sql, applied: before.applied };
  }
  const existing = (await readMigrations(migrationsDir)).map((m) => m.name);
  const file = await writeMigration(migrationsDir, nextMigrationDirName(name, existing), sql);
  log(`Created ${file.path}`);
  if (options.createOnly) return { migration: file.name, path: file.path, sql, applied: before.applied };
  const after = await deployMigrations({ url: options.url, migrationsDir, log });
  return { migration: file.name, path: file.path, sql, applied: [...before.applied, ...after.applied] };
}
