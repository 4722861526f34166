// `pnpm db:migrate:dev --name <name> [--create-only]`, `pnpm db:migrate:deploy`, `pnpm db:migrate:status`,
// plus `resolve --rolled-back|--applied <migration>` and `drift` (run with `pnpm exec tsx packages/db/scripts/migrate.ts`).
// Prisma's own `migrate` commands need a native engine we cannot download; these keep the same files and
// the same _prisma_migrations bookkeeping (see src/migrate). The database comes from ensureDatabaseServer():
// DATABASE_URL when set, else the embedded PostgreSQL.
import { parseArgs } from "node:util";
import {
  checkDrift,
  createMigration,
  deployMigrations,
  MigrationError,
  migrationStatus,
  resolveMigration,
  type MigrationStatus,
} from "../src/migrate/index.ts";
import { ensureDatabaseServer } from "../src/server.ts";

const USAGE = `Usage: migrate.ts <command>
  dev --name <name> [--create-only]   create a migration from schema.prisma changes and apply it
  deploy                              apply pending migrations
  status                              list applied / pending / failed / edited migrations (exit 1 unless up to date)
  drift                               print the SQL schema.prisma needs beyond the migrations (exit 1 if any)
  resolve --rolled-back <migration>   mark a failed migration rolled back, so a fixed version can be deployed
  resolve --applied <migration>       record a migration as applied without running it (baseline, manual fix)`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: "string" },
    "create-only": { type: "boolean", default: false },
    "rolled-back": { type: "string" },
    applied: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});

const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

function printStatus(status: MigrationStatus): void {
  const section = (title: string, names: string[]) => {
    if (names.length > 0) console.info(`${title}:\n${names.map((n) => `  ${n}`).join("\n")}`);
  };
  if (!status.hasMigrationsTable) console.info("No _prisma_migrations table yet: nothing has been applied.");
  section("Applied", status.applied);
  section("Pending", status.pending);
  section(
    "Failed (blocks deploys)",
    status.failed.map((f) => `${f.name} (started ${f.startedAt.toISOString()})`),
  );
  section("Edited after being applied", status.edited);
  section("Applied but missing from prisma/migrations", status.missingFromFolder);
  console.info(status.upToDate ? "Database schema is up to date." : "Database schema is NOT up to date.");
}

/** Returns the process exit code. */
async function run(command: string | undefined, url: string): Promise<number> {
  const started = performance.now();
  const log = (line: string) => console.info(line);
  switch (command) {
    case "deploy": {
      const result = await deployMigrations({ url, log });
      console.info(
        result.applied.length === 0
          ? `No pending migrations (${plural(result.alreadyApplied.length, "migration")} already applied).`
          : `${plural(result.applied.length, "migration")} applied in ${seconds(started)}.`,
      );
      return 0;
    }
    case "status": {
      const status = await migrationStatus({ url });
      printStatus(status);
      return status.upToDate ? 0 : 1;
    }
    case "dev": {
      if (!values.name)
        throw new MigrationError(
          "INVALID_NAME",
          "Give the migration a name: `pnpm db:migrate:dev --name add_product_color`.",
        );
      const result = await createMigration({ url, name: values.name, createOnly: values["create-only"], log });
      if (result.migration && values["create-only"]) {
        console.info(
          `Not applied (--create-only): edit it if needed, then \`pnpm db:migrate:deploy\`. ${seconds(started)}.`,
        );
      } else if (result.migration) {
        console.info(`Migration ${result.migration} created and applied in ${seconds(started)}.`);
      }
      return 0;
    }
    case "drift": {
      const sql = await checkDrift({ url });
      console.info(
        sql === "" ? `Migrations match schema.prisma (${seconds(started)}).` : `schema.prisma needs:\n${sql}`,
      );
      return sql === "" ? 0 : 1;
    }
    case "resolve": {
      const [as, name] = values["rolled-back"]
        ? (["rolled-back", values["rolled-back"]] as const)
        : (["applied", values.applied] as const);
      if (!name)
        throw new MigrationError("INVALID_NAME", "resolve needs --rolled-back <migration> or --applied <migration>.");
      await resolveMigration({ url, name, as });
      console.info(`Marked ${name} as ${as}.`);
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

const [command] = positionals;
if (values.help || !command) {
  console.info(USAGE);
  process.exitCode = values.help ? 0 : 2;
} else {
  let server: Awaited<ReturnType<typeof ensureDatabaseServer>> | undefined;
  try {
    // It prints which server it uses (DATABASE_URL or embedded) itself.
    server = await ensureDatabaseServer();
    process.exitCode = await run(command, server.url);
  } catch (error) {
    const code = error instanceof MigrationError ? ` [${error.code}]` : "";
    console.error(`✗${code} ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await server?.stop();
  }
}
