// The period split four ways: by branch, channel, cashier and payment method. Branch, channel and cashier come
// from one pass over the sales and one over their lines (GROUPING SETS), not three of each.
import type { Db, PaymentType, SaleChannel } from "@pos/db";
import { Prisma } from "@pos/db";
import type { TReportPeriodParsed } from "@pos/validators";
import { branchFilter, countedSales, inReportSnapshot, money, resolvePeriod, within, type Reader } from "./period.ts";
import { linesOf, salesOf, scanSales, type SaleScan } from "./sale-scan.ts";

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
async function groupedFigures(db: Reader, scan: SaleScan): Promise<GroupRow[]> {
  // Summed once per (branch, channel, cashier) — a few dozen rows — and only those rows are regrouped three
  // ways: GROUPING SETS straight over the ~500k lines would run every numeric sum three times.
  const sets = Prisma.sql`GROUPING SETS (("branchId"), (channel), ("cashierId"))`;
  const dimension = Prisma.sql`CASE WHEN GROUPING("branchId") = 0 THEN 'branch'
      WHEN GROUPING(channel) = 0 THEN 'channel' ELSE 'cashier' END`;
  const key = Prisma.sql`coalesce("branchId"::text, channel::text, "cashierId"::text, 'none')`;
  const cells = Prisma.sql`s."branchId", s.channel, s."cashierId"`;
  return db.$queryRaw<GroupRow[]>`
    WITH sold_cells AS (
      SELECT ${cells}, count(*) AS tickets, sum(s.total) AS total FROM ${salesOf(scan)} GROUP BY ${cells}
    ), line_cells AS (
      SELECT ${cells}, sum(i.quantity) AS units, sum(i."lineTotal" - i."unitCost" * i.quantity) AS margin
        FROM ${linesOf(scan)}
       GROUP BY ${cells}
    ), sold AS (
      SELECT ${dimension} AS dimension, ${key} AS key, sum(tickets)::int AS tickets, sum(total) AS total
        FROM sold_cells GROUP BY ${sets}
    ), lines AS (
      SELECT ${dimension} AS dimension, ${key} AS key, sum(units)::int AS units, sum(margin) AS margin
        FROM line_cells GROUP BY ${sets}
    ), refunds AS (
      SELECT 'branch' AS dimension, r."branchId"::text AS key, sum(r."refundAmount") AS amount
        FROM "Return" r
       WHERE ${returnsIn(scan)}
       GROUP BY 2
    )
    SELECT dimension, key,
           CASE dimension WHEN 'branch' THEN b.name WHEN 'cashier' THEN u.name END AS label,
           coalesce(sold.tickets, 0) AS tickets, ${money(Prisma.sql`sold.total`)} AS sales,
           coalesce(lines.units, 0) AS units, ${money(Prisma.sql`lines.margin`)} AS margin,
           ${money(Prisma.sql`refunds.amount`)} AS returns,
           ${money(Prisma.sql`coalesce(sold.total, 0) - coalesce(refunds.amount, 0)`)} AS "netSales"
      FROM sold
      LEFT JOIN lines USING (dimension, key)
      FULL JOIN refunds USING (dimension, key)
      LEFT JOIN "Branch" b ON dimension = 'branch' AND b.id::text = key
      LEFT JOIN "User" u ON dimension = 'cashier' AND u.id::text = key
     ORDER BY coalesce(sold.total, 0) DESC, key`;
}

/** Returns made in the scanned window, at the scanned branch if any. */
function returnsIn(scan: SaleScan): Prisma.Sql {
  return Prisma.sql`${within(Prisma.sql`r."createdAt"`, scan.window)}
    ${branchFilter(Prisma.sql`r."branchId"`, scan.branchId)}`;
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

/** Payments of the counted sales per method; the id range keeps this to the period's payments too. */
async function paymentsByMethod(db: Reader, scan: SaleScan): Promise<MethodRow[]> {
  return db.$queryRaw<MethodRow[]>`
    WITH paid AS (
      SELECT p.method, count(*)::int AS payments, sum(p.amount) AS amount
        FROM "Payment" p JOIN "Sale" s ON s.id = p."saleId"
       WHERE p."saleId" BETWEEN ${scan.lo} AND ${scan.hi} AND s.id BETWEEN ${scan.lo} AND ${scan.hi}
         AND ${countedSales(Prisma.sql`s`, scan.window, scan.branchId)}
       GROUP BY 1
    ), refunded AS (
      SELECT r."refundMethod" AS method, sum(r."refundAmount") AS amount FROM "Return" r WHERE ${returnsIn(scan)}
       GROUP BY 1
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
  const { groups, methods } = await inReportSnapshot(db, async (tx) => {
    const scan = await scanSales(tx, resolvePeriod(input.from, input.to), input.branchId);
    return { groups: await groupedFigures(tx, scan), methods: await paymentsByMethod(tx, scan) };
  });
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
