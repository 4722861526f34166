// What sold best in the period: products and categories by revenue (units break ties). Figures are the lines
// sold, before returns: the ranking answers "what do customers take to the till", and returns are few and late.
import type { Db } from "@pos/db";
import { Prisma } from "@pos/db";
import type { TReportTopParsed } from "@pos/validators";
import { money, type Reader } from "./period.ts";
import { rolledTopProductIds } from "./rolled-top.ts";
import { CATEGORIES, cellsOf, PRODUCTS, readWithRollups, type DaySplit } from "./rollups.ts";

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

export async function readTopProducts(db: Db, input: TReportTopParsed): Promise<TopProduct[]> {
  return readWithRollups(db, { fromDay: input.from, toDay: input.to }, (tx, split) => topProducts(tx, split, input));
}

/** Ranked among the candidates of rolled-top.ts: the rolled days' top N and whatever sold on the live days. */
async function topProducts(db: Reader, split: DaySplit, input: TReportTopParsed): Promise<TopProduct[]> {
  const rolledTop = await rolledTopProductIds(db, split, input.branchId, input.limit);
  const live = { ...split, rolled: [] };
  const rolled = { ...split, live: [] };
  return db.$queryRaw<TopProduct[]>`
    WITH live AS MATERIALIZED (${cellsOf(PRODUCTS, live, input.branchId)}),
    candidates AS (SELECT unnest(${rolledTop}::int[]) AS "productId" UNION SELECT "productId" FROM live),
    day_cells AS (
      -- Per candidate, so each reads its own few rows through the (productId, day) index; OFFSET 0 keeps the
      -- planner from flattening this into a hash join over every rolled row of the period.
      SELECT own.* FROM candidates c,
             LATERAL (SELECT * FROM (${cellsOf(PRODUCTS, rolled, input.branchId)}) rolled
                       WHERE rolled."productId" = c."productId" OFFSET 0) own
      UNION ALL
      SELECT * FROM live
    ), ranked AS (
      SELECT "productId", sum(units)::int AS units, sum(revenue) AS revenue, sum(margin) AS margin
        FROM day_cells
       GROUP BY "productId"
       ORDER BY revenue DESC, units DESC, "productId"
       LIMIT ${input.limit}
    )
    SELECT p.id AS "productId", p.name, p."categoryId", ranked.units,
           ${money(Prisma.sql`ranked.revenue`)} AS revenue, ${money(Prisma.sql`ranked.margin`)} AS margin
      FROM ranked JOIN "Product" p ON p.id = ranked."productId"
     ORDER BY ranked.revenue DESC, ranked.units DESC, p.id`;
}

/**
 * By each product's category as it is now (a product moved between categories counts where it is): moving one
 * flags the days it sold on, so their category rollups are rebuilt.
 */
export async function readTopCategories(db: Db, input: TReportTopParsed): Promise<TopCategory[]> {
  return readWithRollups(db, { fromDay: input.from, toDay: input.to }, (tx, split) => topCategories(tx, split, input));
}

async function topCategories(db: Reader, split: DaySplit, input: TReportTopParsed): Promise<TopCategory[]> {
  return db.$queryRaw<TopCategory[]>`
    WITH ranked AS (
      SELECT "categoryId", sum(units)::int AS units, sum(revenue) AS revenue, sum(margin) AS margin
        FROM (${cellsOf(CATEGORIES, split, input.branchId)}) day_cells
       GROUP BY "categoryId"
       ORDER BY revenue DESC, units DESC, "categoryId"
       LIMIT ${input.limit}
    )
    SELECT c.id AS "categoryId", c.name, parent.name AS "parentName", ranked.units,
           ${money(Prisma.sql`ranked.revenue`)} AS revenue, ${money(Prisma.sql`ranked.margin`)} AS margin
      FROM ranked
      JOIN "Category" c ON c.id = ranked."categoryId"
      LEFT JOIN "Category" parent ON parent.id = c."parentId"
     ORDER BY ranked.revenue DESC, ranked.units DESC, c.id`;
}
