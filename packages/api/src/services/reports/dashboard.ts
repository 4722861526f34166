// The managers' dashboard: the same KPIs for today, for the period asked, and for the equal-length period just
// before it. Every amount is summed and subtracted in SQL as numeric and comes back as decimal text.
import type { Db } from "@pos/db";
import { Prisma } from "@pos/db";
import type { TReportPeriodParsed } from "@pos/validators";
import { money, previousPeriod, resolvePeriod, storeToday, type Reader } from "./period.ts";
import { cellsOf, ensureRollups, readWithRollups, RETURNS, SALES, type DaySplit } from "./rollups.ts";

/**
 * Which figures are net of returns: `netSales`, `netUnits` and `margin`. `sales`, `tickets`, `averageTicket`
 * and `units` are what was rung up in the window, before returns. Returns count on the day the goods came back
 * (Return.createdAt), at the branch that took them back, whenever the sale was made: that is when the money
 * left the till, and it keeps a closed period's figures from changing later.
 */
export interface Kpis {
  /** Counted sales (see COUNTED_STATUSES) made in the window. */
  tickets: number;
  /** Σ Sale.total: goods after discounts, plus surcharges and shipping, as the customer paid. Before returns. */
  sales: string;
  /** sales / tickets, rounded half-up to the cent; "0.00" without tickets. */
  averageTicket: string;
  /** Units sold, before returns. */
  units: number;
  /** Σ Return.refundAmount of returns made in the window. */
  returns: string;
  returnedUnits: number;
  /** sales − returns. */
  netSales: string;
  /** units − returnedUnits. */
  netUnits: number;
  /**
   * Gross margin net of returns: Σ(line total − unit cost × quantity) of the lines sold, minus
   * Σ(refunded amount − unit cost × quantity) of the lines returned. Sale-wide discounts, card surcharges and
   * shipping are not in it: they are not the goods' margin.
   */
  margin: string;
}

export interface KpiBlock extends Kpis {
  /** The calendar days covered, inclusive, in the store's time zone. */
  from: string;
  to: string;
}

/** The KPIs of the split's days; one statement, all money in numeric. */
async function kpisOf(db: Reader, split: DaySplit, branchId: number | undefined): Promise<Kpis> {
  const [row] = await db.$queryRaw<Kpis[]>`
    WITH sold AS (
      SELECT coalesce(sum(tickets), 0)::int AS tickets, coalesce(sum(total), 0) AS total,
             coalesce(sum(units), 0)::int AS units, sum(margin) AS margin
        FROM (${cellsOf(SALES, split, branchId)}) cells
    ), returned AS (
      SELECT sum(refunds) AS amount, coalesce(sum(units), 0)::int AS units, sum(margin) AS margin
        FROM (${cellsOf(RETURNS, split, branchId)}) cells
    )
    SELECT sold.tickets,
           ${money(Prisma.sql`sold.total`)} AS sales,
           ${money(Prisma.sql`round(sold.total / nullif(sold.tickets, 0), 2)`)} AS "averageTicket",
           sold.units,
           ${money(Prisma.sql`returned.amount`)} AS returns,
           returned.units AS "returnedUnits",
           ${money(Prisma.sql`sold.total - coalesce(returned.amount, 0)`)} AS "netSales",
           sold.units - returned.units AS "netUnits",
           ${money(Prisma.sql`coalesce(sold.margin, 0) - coalesce(returned.margin, 0)`)} AS margin
      FROM sold, returned`;
  if (!row) throw new Error("The KPI query returned no row");
  return row;
}

/** KPIs of the calendar days `from`..`to` (inclusive) in the store's zone, optionally at one branch. */
export async function periodKpis(db: Db, period: { from: string; to: string }, branchId?: number): Promise<KpiBlock> {
  const range = { fromDay: period.from, toDay: period.to };
  const kpis = await readWithRollups(db, range, (tx, split) => kpisOf(tx, split, branchId));
  return { from: period.from, to: period.to, ...kpis };
}

/**
 * Today, the period and the period before it. The three are independent, so they run side by side on the pool;
 * `now` is a parameter so tests can pin "today".
 */
export async function readDashboard(db: Db, input: TReportPeriodParsed, now: Date = new Date()) {
  const today = storeToday(now);
  const period = resolvePeriod(input.from, input.to);
  const previous = previousPeriod(period);
  // Both periods' closed days in one go, before the three reads below run side by side.
  await ensureRollups(db, { fromDay: previous.fromDay, toDay: period.toDay });
  const [todayKpis, periodBlock, previousBlock] = await Promise.all([
    periodKpis(db, { from: today, to: today }, input.branchId),
    periodKpis(db, { from: period.fromDay, to: period.toDay }, input.branchId),
    periodKpis(db, { from: previous.fromDay, to: previous.toDay }, input.branchId),
  ]);
  return {
    branchId: input.branchId ?? null,
    days: period.days,
    today: todayKpis,
    period: periodBlock,
    previous: previousBlock,
  };
}
