// The expensive part of every report is joining sale lines to their sales: ~485k lines for 90 days of the large
// seed. A plain join makes Postgres scan all of SaleItem (2M rows) to hash it. So each report first reads the
// counted sales of its window (cheap, through the createdAt index) and notes their smallest and largest id; the
// line join then also says `saleId BETWEEN lo AND hi`, which the SaleItem(saleId) index turns into a range
// scan of just those lines. The bound is exact (it comes from the very sales the join keeps), so it can never
// drop a line; it is only *fast* because ids follow createdAt (both grow as sales arrive), and it stays correct
// where they do not (back-dated imports), merely slower.
import { Prisma } from "@pos/db";
import { countedSales, type Reader, type Window } from "./period.ts";

export interface SaleScan {
  window: Window;
  branchId: number | undefined;
  tickets: number;
  /** Σ Sale.total as exact decimal text, before returns. */
  total: string;
  /** Smallest and largest id of the counted sales; an empty range (1, 0) when there are none. */
  lo: number;
  hi: number;
}

/** Tickets, their total and the id range of the counted sales in the window. */
export async function scanSales(db: Reader, window: Window, branchId: number | undefined): Promise<SaleScan> {
  const [row] = await db.$queryRaw<{ tickets: number; total: string; lo: number | null; hi: number | null }[]>`
    SELECT count(*)::int AS tickets, coalesce(sum(s.total), 0)::text AS total, min(s.id) AS lo, max(s.id) AS hi
      FROM "Sale" s
     WHERE ${countedSales(Prisma.sql`s`, window, branchId)}`;
  return {
    window,
    branchId,
    tickets: row?.tickets ?? 0,
    total: row?.total ?? "0",
    lo: row?.lo ?? 1,
    hi: row?.hi ?? 0,
  };
}

/**
 * `FROM … WHERE …` of the lines (`i`) of the scanned sales (`s`). Only the lines get the id range: repeating it on
 * the sales made the planner multiply two overlapping filters and expect 1% of the real rows, which turned
 * every grouping into a slow sort.
 */
export function linesOf(scan: SaleScan): Prisma.Sql {
  return Prisma.sql`"SaleItem" i JOIN "Sale" s ON s.id = i."saleId"
     WHERE i."saleId" BETWEEN ${scan.lo} AND ${scan.hi}
       AND ${countedSales(Prisma.sql`s`, scan.window, scan.branchId)}`;
}

/** The scanned sales themselves (`s`), for grouped sale-level figures. */
export function salesOf(scan: SaleScan): Prisma.Sql {
  return Prisma.sql`"Sale" s WHERE ${countedSales(Prisma.sql`s`, scan.window, scan.branchId)}`;
}
