// The migrated template database: built once per set of migrations, then cloned per test file.
// CREATE DATABASE … TEMPLATE copies files (~tens of ms) where replaying the migrations takes seconds.
import { createHash } from "node:crypto";
import type pg from "pg";
import { deployMigrations } from "../migrate/index.ts";
import { defaultMigrationsDir, readMigrations } from "../migrate/migrations-dir.ts";
import { likeLiteral, quoteIdent, withClient, withDatabase } from "../server/pg.ts";
import type { Log } from "../server/types.ts";

export const TEMPLATE_PREFIX = "pos_template_";
/** Templates of other migration sets (other branches) kept around, newest first, before being dropped. */
const TEMPLATES_KEPT = 3;

/** Names and checksums of the migration files: any edit, addition or removal gives another template. */
export async function migrationsHash(migrationsDir: string): Promise<string> {
  const hash = createHash("sha256");
  for (const migration of await readMigrations(migrationsDir))
    hash.update(`${migration.name}\0${migration.checksum}\n`);
  return hash.digest("hex").slice(0, 16);
}

export interface TemplateOptions {
  migrationsDir?: string;
  log?: Log;
}

/**
 * Returns the template's name, building it if no database of that name exists yet. Several processes may
 * ask at once (turbo runs packages' tests in parallel): an advisory lock on the server makes one build and
 * the others wait and reuse. The build happens under a temporary name and is renamed at the end, so a
 * crashed build never leaves a half-migrated template behind.
 */
export async function ensureTemplateDatabase(serverUrl: string, options: TemplateOptions = {}): Promise<string> {
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir();
  const name = `${TEMPLATE_PREFIX}${await migrationsHash(migrationsDir)}`;
  return withClient(serverUrl, async (admin) => {
    await admin.query("SELECT pg_advisory_lock(hashtext('pos_test_template'))");
    try {
      const existing = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (existing.rowCount) return name;
      const building = `${name}_wip`;
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(building)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${quoteIdent(building)}`);
      const result = await deployMigrations({
        url: withDatabase(serverUrl, building),
        migrationsDir,
        log: options.log,
      });
      await admin.query(`ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(name)}`);
      // No connections: CREATE DATABASE … TEMPLATE refuses to copy a database someone is connected to.
      await admin.query(`ALTER DATABASE ${quoteIdent(name)} WITH ALLOW_CONNECTIONS false IS_TEMPLATE true`);
      options.log?.(`Built test template ${name} (${result.applied.length} migrations).`);
      await pruneTemplates(admin, name);
      return name;
    } finally {
      await admin.query("SELECT pg_advisory_unlock(hashtext('pos_test_template'))");
    }
  });
}

async function pruneTemplates(admin: pg.Client, current: string): Promise<void> {
  // OIDs grow with creation, so ordering by oid is ordering by age without storing a timestamp.
  const { rows } = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2 ORDER BY oid DESC",
    [`${likeLiteral(TEMPLATE_PREFIX)}%`, current],
  );
  for (const { datname } of rows.slice(TEMPLATES_KEPT - 1)) {
    await admin.query(`ALTER DATABASE ${quoteIdent(datname)} IS_TEMPLATE false`);
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
  }
}
