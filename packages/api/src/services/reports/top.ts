// What sold best in the period: products and categories by revenue (units break ties). Figures are the lines
// sold, before returns: the ranking answers "what do customers take to the till", and returns are few and late.
import type { Db } from "@pos/db";
import { Prisma } from "@pos/db";
import type { TReportTopParsed } from "@pos/validators";
import { inReportSnapshot, money, resolvePeriod, type Reader } from "./period.ts";
import { linesOf, scanSales } from "./sale-scan.ts";

interface TopFigures {
  units: number;
  /** Σ line total (after line discounts, before sale-wide discounts), before returns. */
  revenue: string;
  /** Σ(line total − unit cost × quantity), before returns. */
  margin: string;
}

export interface TopProduct extends TopFigures {
  productId: number;
  name: string;
  categoryId: number;
}

export interface TopCategory extends TopFigures {
  categoryId: number;
  name: string;
  parentName: string | null;
}

/**
 * Lines are summed per variant first (a few hundred thousand lines become far fewer rows) and only then joined to
 * the catalog, so the 100k-product tables are probed once per variant sold rather than once per line.
 */
function perVariant(scan: Awaited<ReturnType<typeof scanSales>>): Prisma.Sql {
  return Prisma.sql`SELECT i."variantId", sum(i.quantity) AS units, sum(i."lineTotal") AS revenue,
           sum(i."lineTotal" - i."unitCost" * i.quantity) AS margin
      FROM ${linesOf(scan)}
     GROUP BY i."variantId"`;
}

export async function readTopProducts(db: Db, input: TReportTopParsed): Promise<TopProduct[]> {
  return inReportSnapshot(db, (tx) => topProducts(tx, input));
}

async function topProducts(db: Reader, input: TReportTopParsed): Promise<TopProduct[]> {
  const scan = await scanSales(db, resolvePeriod(input.from, input.to), input.branchId);
  return db.$queryRaw<TopProduct[]>`
    WITH sold AS (${perVariant(scan)}),
    ranked AS (
      SELECT v."productId", sum(sold.units)::int AS units, sum(sold.revenue) AS revenue, sum(sold.margin) AS margin
        FROM sold JOIN "Variant" v ON v.id = sold."variantId"
       GROUP BY v."productId"
       ORDER BY revenue DESC, units DESC, v."productId"
       LIMIT ${input.limit}
    )
    SELECT p.id AS "productId", p.name, p."categoryId", ranked.units,
           ${money(Prisma.sql`ranked.revenue`)} AS revenue, ${money(Prisma.sql`ranked.margin`)} AS margin
      FROM ranked JOIN "Product" p ON p.id = ranked."productId"
     ORDER BY ranked.revenue DESC, ranked.units DESC, p.id`;
}

/** By each product's category as it is now (a product moved between categories counts where it is). */
export async function readTopCategories(db: Db, input: TReportTopParsed): Promise<TopCategory[]> {
  return inReportSnapshot(db, (tx) => topCategories(tx, input));
}

async function topCategories(db: Reader, input: TReportTopParsed): Promise<TopCategory[]> {
  const scan = await scanSales(db, resolvePeriod(input.from, input.to), input.branchId);
  return db.$queryRaw<TopCategory[]>`
    WITH sold AS (${perVariant(scan)}),
    ranked AS (
      SELECT p."categoryId", sum(sold.units)::int AS units, sum(sold.revenue) AS revenue, sum(sold.margin) AS margin
        FROM sold
        JOIN "Variant" v ON v.id = sold."variantId"
        JOIN "Product" p ON p.id = v."productId"
       GROUP BY p."categoryId"
       ORDER BY revenue DESC, units DESC, p."categoryId"
       LIMIT ${input.limit}
    )
    SELECT c.id AS "categoryId", c.name, parent.name AS "parentName", ranked.units,
           ${money(Prisma.sql`ranked.revenue`)} AS revenue, ${money(Prisma.sql`ranked.margin`)} AS margin
      FROM ranked
      JOIN "Category" c ON c.id = ranked."categoryId"
      LEFT JOIN "Category" parent ON parent.id = c."parentId"
     ORDER BY ranked.revenue DESC, ranked.units DESC, c.id`;
}
