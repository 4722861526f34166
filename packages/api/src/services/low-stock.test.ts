// The bounded low-stock search against the plain query it replaced (join everything, sort, limit), on a small
// catalog shaped to reach every path: several minimums, ties on names, stock below zero, inactive variants,
// products and branches, and a lowered product-side limit that sends large groups to the StockLevel pass.
import { useTestDb } from "@pos/db/testing";
import { Prisma } from "@pos/db";
import { beforeAll, describe, expect, it } from "vitest";
import { createBranch } from "../../test/factories.ts";
import { createSizedProduct } from "../../test/stock.ts";
import { mostUrgentLowStock, type LowStockQuery } from "./low-stock.ts";

const t = useTestDb();

let branches: number[] = [];

beforeAll(async () => {
  const open = [await createBranch(t.db, "Centro"), await createBranch(t.db, "Norte")];
  const closed = await t.db.branch.update({
    where: { id: (await createBranch(t.db, "Sur")).id },
    data: { active: false },
  });
  branches = [...open.map((branch) => branch.id), closed.id];
  for (let n = 0; n < 24; n++) {
    const { variants } = await createSizedProduct(t.db, {
      name: `Item ${n % 5}`,
      sizes: n % 3 === 0 ? [null] : ["S", "M", "L"],
      minStock: [0, 1, 2, 2, 3, 5][n % 6],
      active: n !== 7,
    });
    if (n === 4) await t.db.variant.update({ where: { id: variants[1]?.id ?? 0 }, data: { active: false } });
    // Levels written directly (this only reads them): a deterministic spread from −3 to 6, below zero as an
    // offline sale can leave it, and a few pairs never stocked.
    await t.db.stockLevel.createMany({
      data: branches.flatMap((branchId, b) =>
        variants
          .map((variant, v) => ({ branchId, variantId: variant.id, quantity: ((n * 5 + b * 3 + v * 7) % 10) - 3 }))
          .filter((_, v) => (n + b + v) % 7 !== 0),
      ),
    });
  }
});

/** The query the reports used before: every low level joined, sorted and cut. */
function plainQuery(query: LowStockQuery) {
  return t.db.$queryRaw`
    SELECT b.id AS "branchId", b.name AS "branchName", v.id AS "variantId", v.sku, v."sizeLabel",
           p.id AS "productId", p.name AS "productName", s.quantity, p."minStock"
      FROM "StockLevel" s
      JOIN "Variant" v ON v.id = s."variantId"
      JOIN "Product" p ON p.id = v."productId"
      JOIN "Branch" b ON b.id = s."branchId"
     WHERE v.active AND p.active AND s.quantity <= p."minStock"
           ${query.activeBranchesOnly ? Prisma.sql`AND b.active` : Prisma.empty}
           ${query.branchId === undefined ? Prisma.empty : Prisma.sql`AND s."branchId" = ${query.branchId}`}
     ORDER BY s.quantity - p."minStock", p.name, b.id, v.position, v.id
     LIMIT ${query.limit}`;
}

describe("mostUrgentLowStock", () => {
  it("lists exactly what the plain query lists, whatever the limit, branch and path", async () => {
    let compared = 0;
    for (const limit of [1, 2, 3, 5, 8, 13, 40, 500]) {
      for (const branchId of [undefined, ...branches]) {
        for (const activeBranchesOnly of [true, false]) {
          for (const productSideMax of [1, 4, 5000]) {
            const query = { branchId, activeBranchesOnly, limit, productSideMax };
            const found = await t.db.$transaction((tx) => mostUrgentLowStock(tx, query), {
              isolationLevel: "RepeatableRead",
            });
            expect(found, JSON.stringify(query)).toEqual(await plainQuery(query));
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(8 * 4 * 2 * 3);
  });
});
