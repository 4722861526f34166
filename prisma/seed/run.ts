// Runs a generated shop into a database: one transaction, rows streamed through COPY, then the placeholder
// images on disk and a row count per table. Demo and large seed differ only in the scale they ask for.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ClientBase } from "pg";
import { CopySink } from "./copy-sink.ts";
import { hasData, tableCounts, withPg } from "./database.ts";
import { generateShop, type GenerateOptions, type GenerateResult } from "./generate.ts";

export interface SeedReport {
  counts: Record<string, number>;
  elapsedMs: number;
  summary: GenerateResult["counts"];
}

export class SeedRefusedError extends Error {
  constructor() {
    super("The database already holds data; run with --reset to wipe it and seed again.");
    this.name = "SeedRefusedError";
  }
}

async function writeFiles(root: string, files: ReadonlyMap<string, string>): Promise<void> {
  const dirs = new Set([...files.keys()].map((path) => dirname(join(root, path))));
  await Promise.all([...dirs].map((dir) => mkdir(dir, { recursive: true })));
  await Promise.all([...files].map(([path, content]) => writeFile(join(root, path), content)));
}

/**
 * PostgreSQL checks each foreign key with a per-row trigger; on the large seed that is half the load time. The
 * generator writes parents before children with ids it assigned itself, and check.ts verifies every foreign key
 * of a seeded database in the tests, so for this one transaction the seed asks PostgreSQL to skip those
 * triggers (`session_replication_role = replica`, what logical replication uses). Nothing in the schema
 * changes and the setting ends with the transaction. Only a superuser may do it; otherwise keys are checked.
 */
async function skipForeignKeyTriggers(client: ClientBase): Promise<void> {
  const { rows } = await client.query<{ super: boolean }>(
    "SELECT rolsuper AS super FROM pg_roles WHERE rolname = current_user",
  );
  if (rows[0]?.super) await client.query("SET LOCAL session_replication_role = replica");
}

export interface RunOptions {
  uploadsDir: string;
  log: (line: string) => void;
  /** Called at every flush with the rows PostgreSQL has confirmed so far. */
  onRows?: (rows: number) => void;
}

export async function runSeed(url: string, generate: GenerateOptions, options: RunOptions): Promise<SeedReport> {
  const started = Date.now();
  return withPg(url, async (client) => {
    if (await hasData(client)) throw new SeedRefusedError();
    const sink = new CopySink(client, options.onRows);
    await client.query("BEGIN");
    let result: GenerateResult;
    try {
      // All or nothing: a failure leaves the database as empty as it was. Durability of this one commit is
      // irrelevant (a crash means seeding again), so skip waiting for the WAL flush.
      await client.query("SET LOCAL synchronous_commit = off");
      await skipForeignKeyTriggers(client);
      result = await generateShop(sink, generate);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
    options.log(`committed ${sink.rows.toLocaleString("en")} rows; ANALYZE…`);
    // Fresh statistics, or the first queries plan as if the tables were empty.
    await client.query("ANALYZE");
    await writeFiles(options.uploadsDir, result.files);
    options.log(`images: ${result.files.size} SVG files under ${join(options.uploadsDir, "demo")}`);
    return { counts: await tableCounts(client), elapsedMs: Date.now() - started, summary: result.counts };
  });
}
