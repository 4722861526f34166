// Rollups: the report cells (cells.ts) of closed days, stored once in the ReportDay* tables, so a 90-day report
// sums a few thousand rows instead of joining every sale line. Today is always read live. A write that lands on a
// closed day afterwards (an offline sale synced with its original time, a void, a cancelled order, a back-dated
// return) is flagged in ReportRollupStale by the hand-written triggers of the *_report_rollups migration, so the
// sale and order services need not know rollups exist; a flagged day is read live until the next report that
// asks for it rebuilds it.
import type { Db } from "@pos/db";
import { Prisma } from "@pos/db";
import { STORE_TIME_ZONE } from "../z-report.ts";
import { categoryCells, paymentCells, productCells, returnCells, salesCells, type Days } from "./cells.ts";
import { branchFilter, inReportSnapshot, type Reader } from "./period.ts";

/** A kind of cell: the table its rollup rows live in, its columns, and how to work it out live. */
export interface Family {
  table: string;
  columns: readonly string[];
  cells: (days: Days, branchId?: number) => Prisma.Sql;
  /** How the builder fills it, when not from `cells` (once the families before it are built). */
  build?: (days: Days) => Prisma.Sql;
}

const family = (table: string, columns: string[], cells: Family["cells"], build?: Family["build"]): Family => ({
  table,
  columns: ["day", "branchId", ...columns],
  cells,
  ...(build ? { build } : {}),
});

export const SALES = family(
  "ReportDaySales",
  ["channel", "cashierId", "tickets", "total", "units", "margin"],
  salesCells,
);
export const PAYMENTS = family("ReportDayPayments", ["method", "payments", "amount"], paymentCells);
export const RETURNS = family("ReportDayReturns", ["method", "refunds", "units", "margin"], returnCells);
export const PRODUCTS = family("ReportDayProducts", ["productId", "units", "revenue", "margin"], productCells);
/** Built from the day's product rows just stored, rather than from every sale line a second time. */
export const CATEGORIES = family(
  "ReportDayCategories",
  ["categoryId", "units", "revenue", "margin"],
  categoryCells,
  (days) => Prisma.sql`SELECT r."day", r."branchId", p."categoryId", sum(r.units)::int AS units,
      sum(r.revenue) AS revenue, sum(r.margin) AS margin
    FROM "ReportDayProducts" r JOIN "Product" p ON p.id = r."productId"
   WHERE r."day" = ANY (${days}::date[])
   GROUP BY 1, 2, 3`,
);

/** In build order: categories are summed from products. */
const FAMILIES = [SALES, PAYMENTS, RETURNS, PRODUCTS, CATEGORIES];

/** Calendar days, inclusive, in the store's zone. */
export interface DayRange {
  fromDay: string;
  toDay: string;
}

/** The days of a period a report reads from rollups, and those it works out live. */
export interface DaySplit {
  rolled: Days;
  live: Days;
  /**
   * Changes whenever a rolled day's rows do: the database and the latest build time of those days. Builds are
   * serialized and stamp clock_timestamp() once they hold the lock, so a rebuild always moves it forward.
   */
  fingerprint: string;
}

const table = (f: Family) => Prisma.raw(`"${f.table}"`);
const columns = (f: Family) => Prisma.raw(f.columns.map((column) => `"${column}"`).join(", "));

/** `SELECT` of a family's cells over the split: stored rows for rolled-up days, live ones for the rest. */
export function cellsOf(f: Family, split: DaySplit, branchId: number | undefined): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (split.rolled.length > 0) {
    parts.push(Prisma.sql`SELECT ${columns(f)} FROM ${table(f)}
       WHERE "day" = ANY (${split.rolled}::date[]) ${branchFilter(Prisma.sql`"branchId"`, branchId)}`);
  }
  if (split.live.length > 0) {
    parts.push(Prisma.sql`SELECT ${columns(f)} FROM (${f.cells(split.live, branchId)}) live`);
  }
  if (parts.length === 0) parts.push(Prisma.sql`SELECT ${columns(f)} FROM ${table(f)} WHERE false`);
  return Prisma.join(parts, " UNION ALL ");
}

/**
 * Which days of the range have a built rollup that no later write flagged, read in the report's own snapshot:
 * a late write and its flag commit together, so the snapshot sees either both (the day is read live) or neither.
 */
export async function splitDays(db: Reader, range: DayRange): Promise<DaySplit> {
  const rows = await db.$queryRaw<{ day: string; rolled: boolean; fingerprint: string }[]>`
    WITH days AS (
      SELECT d::date AS day,
             EXISTS (SELECT 1 FROM "ReportRollupDay" r WHERE r."day" = d::date)
               AND NOT EXISTS (SELECT 1 FROM "ReportRollupStale" f WHERE f."day" = d::date) AS rolled
        FROM generate_series(${range.fromDay}::date, ${range.toDay}::date, interval '1 day') d
    )
    SELECT day::text AS day, rolled,
           (SELECT current_database() || ' ' || coalesce(max(r."builtAt")::text, '')
              FROM "ReportRollupDay" r JOIN days USING ("day") WHERE days.rolled) AS fingerprint
      FROM days ORDER BY day`;
  const days = (rolled: boolean) => rows.filter((row) => row.rolled === rolled).map((row) => row.day);
  return { rolled: days(true), live: days(false), fingerprint: rows[0]?.fingerprint ?? "" };
}

/** Rolls up the range's closed days that have no rollup or a flagged one; then reads in one snapshot. */
export async function readWithRollups<T>(
  db: Db,
  range: DayRange,
  read: (tx: Reader, split: DaySplit) => Promise<T>,
): Promise<T> {
  await ensureRollups(db, range);
  return inReportSnapshot(db, async (tx) => read(tx, await splitDays(tx, range)));
}

/** Days built per transaction: a first 90-day report backfills in a few short steps, each kept if a later fails. */
const DAYS_PER_BUILD = 31;

export async function ensureRollups(db: Db, range: DayRange): Promise<void> {
  const due = await daysDue(db, range);
  for (let i = 0; i < due.length; i += DAYS_PER_BUILD) {
    if (!(await buildDays(db, due.slice(i, i + DAYS_PER_BUILD)))) return;
  }
}

/**
 * Closed days of the range without a clean rollup. A day counts as closed a quarter of an hour after its
 * midnight (by the database's clock, as the triggers see it): a sale whose transaction started before midnight
 * carries the old day yet is not flagged (it was "today" for its trigger), so it must have committed before its
 * day is rolled up.
 */
async function daysDue(db: Db, range: DayRange): Promise<string[]> {
  const rows = await db.$queryRaw<{ day: string }[]>`
    SELECT d::date::text AS day
      FROM generate_series(${range.fromDay}::date,
             least(${range.toDay}::date, ((now() - interval '15 minutes') AT TIME ZONE ${STORE_TIME_ZONE})::date - 1),
             interval '1 day') d
     WHERE NOT EXISTS (SELECT 1 FROM "ReportRollupDay" r WHERE r."day" = d::date)
        OR EXISTS (SELECT 1 FROM "ReportRollupStale" f WHERE f."day" = d::date)
     ORDER BY 1`;
  return rows.map((row) => row.day);
}

/**
 * (Re)builds the rollup rows of `days`. One builder at a time; one that finds another at work returns false and
 * its report reads those days live meanwhile, rather than queueing behind it. READ COMMITTED on purpose: the
 * flags are cleared first, and each later statement takes a fresh snapshot, so every write whose flag was
 * cleared is in the rows built; a write committing after the clearing keeps its flag and the day is rebuilt again.
 */
async function buildDays(db: Db, days: string[]): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(hashtext('pos_report_rollups')) AS locked,
               set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`;
      if (!lock?.locked) return false;
      await tx.$executeRaw`DELETE FROM "ReportRollupStale" WHERE "day" = ANY (${days}::date[])`;
      for (const f of FAMILIES) {
        await tx.$executeRaw`DELETE FROM ${table(f)} WHERE "day" = ANY (${days}::date[])`;
        const rows = f.build ? f.build(days) : f.cells(days);
        await tx.$executeRaw`INSERT INTO ${table(f)} (${columns(f)}) SELECT ${columns(f)} FROM (${rows}) live`;
      }
      await tx.$executeRaw`
        INSERT INTO "ReportRollupDay" ("day", "builtAt") SELECT unnest(${days}::date[]), clock_timestamp()
        ON CONFLICT ("day") DO UPDATE SET "builtAt" = excluded."builtAt"`;
      return true;
    },
    { isolationLevel: "ReadCommitted", timeout: 120_000 },
  );
}
