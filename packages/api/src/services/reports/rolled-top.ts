// Ranking products over a period means summing every product sold in it: ~75k products and 200k rollup rows for
// 90 days of the large seed, since most products sell a few times a quarter (rollups shrink the sales, not the
// catalog's long tail). But the rolled-up days of a period do not change until one of them is rebuilt, so their
// top N is worked out once and remembered, and a report only adds today's products to it:
//
//   Every line is worth ≥ 0 (CHECK lineTotal ≥ 0, quantity > 0), so adding the live days' figures to a product
//   can only move it up. A product that is neither in the rolled days' top N nor sold on a live day therefore
//   still has N products ahead of it, and the period's top N is among those candidates, each summed exactly.
//
// Only product ids are remembered, never figures: every number shown is read in the report's own snapshot.
import { Prisma } from "@pos/db";
import { branchFilter, type Reader } from "./period.ts";
import type { DaySplit } from "./rollups.ts";

interface Remembered {
  fingerprint: string;
  productIds: number[];
}

/** Per process; a handful of periods are in use on any day, so a small bound is plenty. */
const remembered = new Map<string, Remembered>();
const REMEMBERED_MAX = 64;

/** The ids of the top `limit` products of the split's rolled days (revenue, then units, then id). */
export async function rolledTopProductIds(
  db: Reader,
  split: DaySplit,
  branchId: number | undefined,
  limit: number,
): Promise<number[]> {
  if (split.rolled.length === 0) return [];
  const key = JSON.stringify([branchId ?? null, limit, split.rolled]);
  const known = remembered.get(key);
  const productIds =
    known?.fingerprint === split.fingerprint ? known.productIds : await rankRolled(db, split, branchId, limit);
  remembered.delete(key);
  remembered.set(key, { fingerprint: split.fingerprint, productIds });
  // Map keeps insertion order: the first key is the one used least recently.
  const oldest = remembered.keys().next();
  if (remembered.size > REMEMBERED_MAX && !oldest.done) remembered.delete(oldest.value);
  return productIds;
}

async function rankRolled(db: Reader, split: DaySplit, branchId: number | undefined, limit: number) {
  const rows = await db.$queryRaw<{ productId: number }[]>`
    SELECT "productId" FROM "ReportDayProducts"
     WHERE "day" = ANY (${split.rolled}::date[]) ${branchFilter(Prisma.sql`"branchId"`, branchId)}
     GROUP BY "productId"
     ORDER BY sum(revenue) DESC, sum(units) DESC, "productId"
     LIMIT ${limit}`;
  return rows.map((row) => row.productId);
}
