// Database chores around a seed: is there data already, wipe everything (--reset), and the closing statements
// (sale counters, sequences after explicit ids, planner statistics).
import { Prisma } from "@pos/db";
import pg from "pg";
import type { RowSink } from "./rows.ts";

/** Every table of the schema (model names are table names: the schema maps none). */
export const ALL_TABLES: readonly string[] = Object.values(Prisma.ModelName);

const quote = (table: string) => `"${table}"`;

export async function withPg<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** One round trip: does any table hold a row? */
export async function hasData(client: pg.ClientBase): Promise<boolean> {
  const exists = ALL_TABLES.map((table) => `EXISTS (SELECT 1 FROM ${quote(table)})`).join(" OR ");
  const { rows } = await client.query<{ hasData: boolean }>(`SELECT ${exists} AS "hasData"`);
  return rows[0]?.hasData ?? false;
}

/** Empties every table and restarts its ids (the migrations table is not a model, so it is kept). */
export async function truncateAll(client: pg.ClientBase): Promise<void> {
  await client.query(`TRUNCATE TABLE ${ALL_TABLES.map(quote).join(", ")} RESTART IDENTITY CASCADE`);
}

/** Row counts of every table, for the closing report. */
export async function tableCounts(client: pg.ClientBase): Promise<Record<string, number>> {
  const union = ALL_TABLES.map((table) => `SELECT '${table}' AS "table", COUNT(*)::int AS "rows" FROM ${quote(table)}`);
  const { rows } = await client.query<{ table: string; rows: number }>(union.join(" UNION ALL "));
  return Object.fromEntries(rows.map((row) => [row.table, row.rows]));
}

/**
 * Rows were written with explicit ids, which leaves the sequences at 1: move each to its table's highest id so
 * the app's next insert does not collide. Branch counters continue from the last number the history used.
 */
export async function finishSeed(sink: RowSink, lastSaleNumbers: ReadonlyMap<number, number>): Promise<void> {
  for (const [branchId, number] of lastSaleNumbers) {
    await sink.sql(`UPDATE "Branch" SET "lastSaleNumber" = ${number} WHERE "id" = ${branchId}`);
  }
  // Every table whose id comes from a sequence, as the database says: tables keyed otherwise (stock levels,
  // single-row settings, login throttles) have none, and a new table needs no change here.
  await sink.sql(`DO $$
    DECLARE t text;
    BEGIN
      FOR t IN SELECT table_name FROM information_schema.columns
               WHERE table_schema = current_schema() AND column_name = 'id' AND column_default LIKE 'nextval(%'
      LOOP
        EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, ''id''), COALESCE(MAX("id"), 1), MAX("id") IS NOT NULL) FROM %I', quote_ident(t), t);
      END LOOP;
    END $$`);
}
