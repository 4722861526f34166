// A day-by-day series for the dashboard's charts: one row per calendar day of the period in the store's time
// zone, days without sales included as zeros (a chart with gaps would hide the quiet days).
import type { Db } from "@pos/db";
import { Prisma } from "@pos/db";
import type { TReportPeriodParsed } from "@pos/validators";
import { branchFilter, inReportSnapshot, money, resolvePeriod, storeDay, within, type Reader } from "./period.ts";
import { linesOf, salesOf, scanSales } from "./sale-scan.ts";

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
  return inReportSnapshot(db, (tx) => dailyRows(tx, input));
}

async function dailyRows(db: Reader, input: TReportPeriodParsed): Promise<DailyRow[]> {
  const period = resolvePeriod(input.from, input.to);
  const scan = await scanSales(db, period, input.branchId);
  // Sales are first summed per quarter hour (plain arithmetic on the timestamp), and only those ~100 buckets a
  // day are turned into store days: converting every sale's time zone cost more than the rest of the query.
  // Every zone's offset from UTC is a whole number of quarter hours, so no bucket straddles a midnight.
  const quarter = Prisma.sql`date_bin('15 minutes', s."createdAt", TIMESTAMP '2000-01-01')`;
  const returnsWhere = Prisma.sql`${within(Prisma.sql`r."createdAt"`, period)}
    ${branchFilter(Prisma.sql`r."branchId"`, input.branchId)}`;
  return db.$queryRaw<DailyRow[]>`
    WITH days AS (
      SELECT d::date AS day FROM generate_series(${period.fromDay}::date, ${period.toDay}::date, interval '1 day') d
    ), sold_q AS (
      SELECT ${quarter} AS at, count(*) AS tickets, sum(s.total) AS total
        FROM ${salesOf(scan)}
       GROUP BY 1
    ), sold AS (
      SELECT ${storeDay(Prisma.sql`at`)} AS day, sum(tickets)::int AS tickets, sum(total) AS total
        FROM sold_q GROUP BY 1
    ), lines_q AS (
      SELECT ${quarter} AS at, sum(i.quantity) AS units, sum(i."lineTotal" - i."unitCost" * i.quantity) AS margin
        FROM ${linesOf(scan)}
       GROUP BY 1
    ), lines AS (
      SELECT ${storeDay(Prisma.sql`at`)} AS day, sum(units)::int AS units, sum(margin) AS margin
        FROM lines_q GROUP BY 1
    ), refunds AS (
      SELECT ${storeDay(Prisma.sql`r."createdAt"`)} AS day, sum(r."refundAmount") AS amount
        FROM "Return" r WHERE ${returnsWhere}
       GROUP BY 1
    ), returned AS (
      SELECT ${storeDay(Prisma.sql`r."createdAt"`)} AS day, sum(ri.amount - si."unitCost" * ri.quantity) AS margin
        FROM "ReturnItem" ri
        JOIN "Return" r ON r.id = ri."returnId"
        JOIN "SaleItem" si ON si.id = ri."saleItemId"
       WHERE ${returnsWhere}
       GROUP BY 1
    )
    SELECT days.day::text AS day,
           coalesce(sold.tickets, 0) AS tickets,
           ${money(Prisma.sql`sold.total`)} AS sales,
           ${money(Prisma.sql`refunds.amount`)} AS returns,
           ${money(Prisma.sql`coalesce(sold.total, 0) - coalesce(refunds.amount, 0)`)} AS "netSales",
           coalesce(lines.units, 0) AS units,
           ${money(Prisma.sql`coalesce(lines.margin, 0) - coalesce(returned.margin, 0)`)} AS margin
      FROM days
      LEFT JOIN sold USING (day)
      LEFT JOIN lines USING (day)
      LEFT JOIN refunds USING (day)
      LEFT JOIN returned USING (day)
     ORDER BY days.day`;
}
