// The reports' figures per store day, worked out live from the base tables. One definition serves twice: the
// rollup builder stores these rows for closed days, and a report reads them directly for the days that are not
// rolled up (today, or a day a late write made stale). So a rolled-up day can only ever say what a live read
// would have said.
import { Prisma } from "@pos/db";
import { STORE_TIME_ZONE } from "../z-report.ts";
import { branchFilter, isCounted } from "./period.ts";

/** Store-zone calendar days ("2026-03-05"), in any order. */
export type Days = readonly string[];

/**
 * Each day with the instants [lo, hi) it covers, as the UTC wall-clock `timestamp` createdAt is stored as.
 * Sales are then matched by range per day (the createdAt index), never by converting each sale's time zone.
 */
function daysOf(days: Days): Prisma.Sql {
  return Prisma.sql`SELECT d AS day,
           (d::timestamp AT TIME ZONE ${STORE_TIME_ZONE}) AT TIME ZONE 'UTC' AS lo,
           ((d + 1)::timestamp AT TIME ZONE ${STORE_TIME_ZONE}) AT TIME ZONE 'UTC' AS hi
      FROM unnest(${days}::date[]) d`;
}

/**
 * `WITH counted AS (…)`: the counted sales of those days with their day. The line and payment joins also get
 * the id range of those sales, which the (saleId) indexes turn into a range scan of just their rows; ids follow
 * createdAt, and the bound is exact either way (it comes from the very sales joined).
 */
function withCountedSales(days: Days, branchId: number | undefined): Prisma.Sql {
  return Prisma.sql`WITH counted AS MATERIALIZED (
      SELECT d.day, s.id, s."branchId", s.channel, s."cashierId", s.total
        FROM (${daysOf(days)}) d
        JOIN "Sale" s ON s."createdAt" >= d.lo AND s."createdAt" < d.hi
       WHERE ${isCounted(Prisma.sql`s`)} ${branchFilter(Prisma.sql`s."branchId"`, branchId)}
    ), ids AS (SELECT min(id) AS lo, max(id) AS hi FROM counted)`;
}

const inCountedIds = (column: Prisma.Sql) =>
  Prisma.sql`${column} BETWEEN (SELECT lo FROM ids) AND (SELECT hi FROM ids)`;

/** day, branchId, channel, cashierId (null: online orders) → tickets, total; their lines' units and margin. */
export function salesCells(days: Days, branchId?: number): Prisma.Sql {
  return Prisma.sql`${withCountedSales(days, branchId)}, lines AS (
      SELECT i."saleId", sum(i.quantity) AS units, sum(i."lineTotal" - i."unitCost" * i.quantity) AS margin
        FROM counted c JOIN "SaleItem" i ON i."saleId" = c.id
       WHERE ${inCountedIds(Prisma.sql`i."saleId"`)}
       GROUP BY 1
    )
    SELECT c.day, c."branchId", c.channel, c."cashierId", count(*)::int AS tickets, sum(c.total) AS total,
           coalesce(sum(l.units), 0)::int AS units, coalesce(sum(l.margin), 0) AS margin
      FROM counted c LEFT JOIN lines l ON l."saleId" = c.id
     GROUP BY 1, 2, 3, 4`;
}

/** day, branchId, method → payments and amount of the counted sales (surcharges included). */
export function paymentCells(days: Days, branchId?: number): Prisma.Sql {
  return Prisma.sql`${withCountedSales(days, branchId)}
    SELECT c.day, c."branchId", p.method, count(*)::int AS payments, sum(p.amount) AS amount
      FROM counted c JOIN "Payment" p ON p."saleId" = c.id
     WHERE ${inCountedIds(Prisma.sql`p."saleId"`)}
     GROUP BY 1, 2, 3`;
}

/**
 * day, branchId, method → refunds, units and margin of the returns taken that day, at that branch, refunded that
 * way: a return counts on its own date, whenever the sale was made (see Kpis in dashboard.ts).
 */
export function returnCells(days: Days, branchId?: number): Prisma.Sql {
  return Prisma.sql`WITH taken AS MATERIALIZED (
      SELECT d.day, r.id, r."branchId", r."refundMethod" AS method, r."refundAmount"
        FROM (${daysOf(days)}) d
        JOIN "Return" r ON r."createdAt" >= d.lo AND r."createdAt" < d.hi
             ${branchFilter(Prisma.sql`r."branchId"`, branchId)}
    ), lines AS (
      SELECT ri."returnId", sum(ri.quantity) AS units, sum(ri.amount - si."unitCost" * ri.quantity) AS margin
        FROM taken t
        JOIN "ReturnItem" ri ON ri."returnId" = t.id
        JOIN "SaleItem" si ON si.id = ri."saleItemId"
       GROUP BY 1
    )
    SELECT t.day, t."branchId", t.method, sum(t."refundAmount") AS refunds,
           coalesce(sum(l.units), 0)::int AS units, coalesce(sum(l.margin), 0) AS margin
      FROM taken t LEFT JOIN lines l ON l."returnId" = t.id
     GROUP BY 1, 2, 3`;
}

/** day, branchId, productId → units, revenue (Σ line total) and margin of the lines sold. */
export function productCells(days: Days, branchId?: number): Prisma.Sql {
  return Prisma.sql`${withCountedSales(days, branchId)}
    SELECT c.day, c."branchId", v."productId", sum(i.quantity)::int AS units, sum(i."lineTotal") AS revenue,
           sum(i."lineTotal" - i."unitCost" * i.quantity) AS margin
      FROM counted c
      JOIN "SaleItem" i ON i."saleId" = c.id
      JOIN "Variant" v ON v.id = i."variantId"
     WHERE ${inCountedIds(Prisma.sql`i."saleId"`)}
     GROUP BY 1, 2, 3`;
}

/** day, branchId, categoryId → the product cells by each product's category as it is now. */
export function categoryCells(days: Days, branchId?: number): Prisma.Sql {
  return Prisma.sql`SELECT sold.day, sold."branchId", p."categoryId", sum(sold.units)::int AS units,
           sum(sold.revenue) AS revenue, sum(sold.margin) AS margin
      FROM (${productCells(days, branchId)}) sold
      JOIN "Product" p ON p.id = sold."productId"
     GROUP BY 1, 2, 3`;
}
