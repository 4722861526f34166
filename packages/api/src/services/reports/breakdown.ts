// The period split four ways: by branch, channel, cashier and payment method. Branch, channel and cashier come
// from one pass over the day cells (GROUPING SETS), not three.
import type { Db, PaymentType, SaleChannel } from "@pos/db";
import { Prisma } from "@pos/db";
import type { TReportPeriodParsed } from "@pos/validators";
import { money, type Reader } from "./period.ts";
import { cellsOf, PAYMENTS, readWithRollups, RETURNS, SALES, type DaySplit } from "./rollups.ts";

/** Before returns, except where a row says otherwise. */
interface Figures {
  tickets: number;
  sales: string;
  units: number;
  /** Gross margin of the lines sold (line total − unit cost × quantity), before returns. */
  margin: string;
}

type Dimension = "branch" | "channel" | "cashier";

interface GroupRow extends Figures {
  dimension: Dimension;
  key: string;
  label: string | null;
  /** Branch rows only: refunds given at the branch in the period (by return date). */
  returns: string;
  /** Branch rows only: sales − returns, net of returns. */
  netSales: string;
}

/**
 * Tickets, sales, units and margin per branch, channel and cashier in one statement; branch rows also get the
 * refunds given there, and a branch that only took returns in the period still shows (FULL JOIN).
 */
async function groupedFigures(db: Reader, split: DaySplit, branchId: number | undefined): Promise<GroupRow[]> {
  // The day cells are first summed per (branch, channel, cashier) — a few dozen rows — and only those rows are
  // regrouped three ways, so every numeric sum over the cells runs once rather than three times.
  const sets = Prisma.sql`GROUPING SETS (("branchId"), (channel), ("cashierId"))`;
  const dimension = Prisma.sql`CASE WHEN GROUPING("branchId") = 0 THEN 'branch'
      WHEN GROUPING(channel) = 0 THEN 'channel' ELSE 'cashier' END`;
  const key = Prisma.sql`coalesce("branchId"::text, channel::text, "cashierId"::text, 'none')`;
  const cells = Prisma.sql`"branchId", channel, "cashierId"`;
  return db.$queryRaw<GroupRow[]>`
    WITH period_cells AS (
      SELECT ${cells}, sum(tickets) AS tickets, sum(total) AS total, sum(units) AS units, sum(margin) AS margin
        FROM (${cellsOf(SALES, split, branchId)}) day_cells
       GROUP BY ${cells}
    ), sold AS (
      SELECT ${dimension} AS dimension, ${key} AS key, sum(tickets)::int AS tickets, sum(total) AS total,
             sum(units)::int AS units, sum(margin) AS margin
        FROM period_cells GROUP BY ${sets}
    ), refunds AS (
      SELECT 'branch' AS dimension, "branchId"::text AS key, sum(refunds) AS amount
        FROM (${cellsOf(RETURNS, split, branchId)}) day_cells
       GROUP BY 2
    )
    SELECT dimension, key,
           CASE dimension WHEN 'branch' THEN b.name WHEN 'cashier' THEN u.name END AS label,
           coalesce(sold.tickets, 0) AS tickets, ${money(Prisma.sql`sold.total`)} AS sales,
           coalesce(sold.units, 0) AS units, ${money(Prisma.sql`sold.margin`)} AS margin,
           ${money(Prisma.sql`refunds.amount`)} AS returns,
           ${money(Prisma.sql`coalesce(sold.total, 0) - coalesce(refunds.amount, 0)`)} AS "netSales"
      FROM sold
      FULL JOIN refunds USING (dimension, key)
      LEFT JOIN "Branch" b ON dimension = 'branch' AND b.id::text = key
      LEFT JOIN "User" u ON dimension = 'cashier' AND u.id::text = key
     ORDER BY coalesce(sold.total, 0) DESC, key`;
}

interface MethodRow {
  method: PaymentType;
  payments: number;
  /** What the method paid towards counted sales (its surcharges included), before refunds. */
  amount: string;
  /** Refunds given by this method in the period (by return date). */
  refunds: string;
  /** amount − refunds. */
  net: string;
}

/** Payments of the counted sales per method, and the refunds given each way. */
async function paymentsByMethod(db: Reader, split: DaySplit, branchId: number | undefined): Promise<MethodRow[]> {
  return db.$queryRaw<MethodRow[]>`
    WITH paid AS (
      SELECT method, sum(payments)::int AS payments, sum(amount) AS amount
        FROM (${cellsOf(PAYMENTS, split, branchId)}) day_cells
       GROUP BY 1
    ), refunded AS (
      SELECT method, sum(refunds) AS amount FROM (${cellsOf(RETURNS, split, branchId)}) day_cells GROUP BY 1
    )
    SELECT method, coalesce(paid.payments, 0) AS payments, ${money(Prisma.sql`paid.amount`)} AS amount,
           ${money(Prisma.sql`refunded.amount`)} AS refunds,
           ${money(Prisma.sql`coalesce(paid.amount, 0) - coalesce(refunded.amount, 0)`)} AS net
      FROM paid FULL JOIN refunded USING (method)
     ORDER BY coalesce(paid.amount, 0) DESC, method`;
}

function figures(row: GroupRow): Figures {
  return { tickets: row.tickets, sales: row.sales, units: row.units, margin: row.margin };
}

export async function readBreakdown(db: Db, input: TReportPeriodParsed) {
  const range = { fromDay: input.from, toDay: input.to };
  const { groups, methods } = await readWithRollups(db, range, async (tx, split) => ({
    groups: await groupedFigures(tx, split, input.branchId),
    methods: await paymentsByMethod(tx, split, input.branchId),
  }));
  const of = (dimension: Dimension) => groups.filter((row) => row.dimension === dimension);
  return {
    byBranch: of("branch").map((row) => ({
      branchId: Number(row.key),
      name: row.label ?? "",
      ...figures(row),
      returns: row.returns,
      netSales: row.netSales,
    })),
    /** Before returns. */
    byChannel: of("channel").map((row) => ({ channel: row.key as SaleChannel, ...figures(row) })),
    /** Before returns; sales without a cashier (online orders) are the `cashierId: null` row. */
    byCashier: of("cashier").map((row) => ({
      cashierId: row.key === "none" ? null : Number(row.key),
      name: row.label,
      ...figures(row),
    })),
    byPaymentMethod: methods,
  };
}
