// A day-by-day series for the dashboard's charts: one row per calendar day of the period in the store's time
// zone, days without sales included as zeros (a chart with gaps would hide the quiet days).
import type { Db } from "@pos/db";
import { Prisma } from "@pos/db";
import type { TReportPeriodParsed } from "@pos/validators";
import { money, type Reader } from "./period.ts";
import { cellsOf, readWithRollups, RETURNS, SALES, type DayRange, type DaySplit } from "./rollups.ts";

export interface DailyRow {
  /** "2026-11-22", a day in the store's zone. */
  day: string;
  tickets: number;
  /** Before returns. */
  sales: string;
  /** Refunds given that day (by return date, see Kpis). */
  returns: string;
  /** sales − returns: net of returns. */
  netSales: string;
  /** Before returns. */
  units: number;
  /** Gross margin of the lines sold that day minus that of the lines returned that day: net of returns. */
  margin: string;
}

export async function readDaily(db: Db, input: TReportPeriodParsed): Promise<DailyRow[]> {
  const range = { fromDay: input.from, toDay: input.to };
  return readWithRollups(db, range, (tx, split) => dailyRows(tx, range, split, input.branchId));
}

async function dailyRows(db: Reader, range: DayRange, split: DaySplit, branchId: number | undefined) {
  return db.$queryRaw<DailyRow[]>`
    WITH days AS (
      SELECT d::date AS day FROM generate_series(${range.fromDay}::date, ${range.toDay}::date, interval '1 day') d
    ), sold AS (
      SELECT day, sum(tickets)::int AS tickets, sum(total) AS total, sum(units)::int AS units, sum(margin) AS margin
        FROM (${cellsOf(SALES, split, branchId)}) cells
       GROUP BY 1
    ), returned AS (
      SELECT day, sum(refunds) AS amount, sum(margin) AS margin
        FROM (${cellsOf(RETURNS, split, branchId)}) cells
       GROUP BY 1
    )
    SELECT days.day::text AS day,
           coalesce(sold.tickets, 0) AS tickets,
           ${money(Prisma.sql`sold.total`)} AS sales,
           ${money(Prisma.sql`returned.amount`)} AS returns,
           ${money(Prisma.sql`coalesce(sold.total, 0) - coalesce(returned.amount, 0)`)} AS "netSales",
           coalesce(sold.units, 0) AS units,
           ${money(Prisma.sql`coalesce(sold.margin, 0) - coalesce(returned.margin, 0)`)} AS margin
      FROM days
      LEFT JOIN sold USING (day)
      LEFT JOIN returned USING (day)
     ORDER BY days.day`;
}
