// Fixtures for the inventory tests: sized products, opening stock written through the ledger (so the ledger
// balances from the first row), and the ledger invariant as one query any test can assert.
import type { Db } from "@pos/db";
import { createEventBus, type EventBus } from "../src/events/index.ts";
import { applyStockChanges, inStockTransaction } from "../src/services/stock-ledger.ts";

let sequence = 0;

export async function createSizedProduct(
  db: Db,
  options: { name?: string; sizes?: (string | null)[]; minStock?: number; active?: boolean } = {},
) {
  const n = ++sequence;
  const sizes = options.sizes ?? ["40", "41", "42"];
  const category = await db.category.create({ data: { name: `Stock ${n}`, slug: `stock-${n}-${Date.now()}` } });
  const product = await db.product.create({
    data: {
      name: options.name ?? `Runner ${n}`,
      slug: `runner-${n}-${Date.now()}`,
      categoryId: category.id,
      price: "59990.00",
      cost: "30000.00",
      minStock: options.minStock ?? 0,
      active: options.active ?? true,
      sizeSystem: sizes.length === 1 && sizes[0] === null ? "NONE" : "SHOES",
    },
  });
  const variants = [];
  for (const [position, sizeLabel] of sizes.entries()) {
    const code = `${n}${position}`.padStart(6, "0");
    variants.push(
      await db.variant.create({
        data: {
          productId: product.id,
          sku: `RUN-${code}`,
          barcode: `779${code}${Date.now() % 10_000}`,
          sizeLabel,
          position,
        },
      }),
    );
  }
  return { product, variants };
}

/** Opening stock as INITIAL movements, the way an import would write it. */
export async function seedStock(db: Db, branchId: number, stock: Record<number, number>) {
  await inStockTransaction(db, (tx) =>
    applyStockChanges(
      tx,
      Object.entries(stock)
        .filter(([, quantity]) => quantity !== 0)
        .map(([variantId, quantity]) => ({
          branchId,
          variantId: Number(variantId),
          quantity,
          type: "INITIAL" as const,
        })),
    ),
  );
}

export async function level(db: Db, branchId: number, variantId: number): Promise<number> {
  const row = await db.stockLevel.findUnique({ where: { branchId_variantId: { branchId, variantId } } });
  return row?.quantity ?? 0;
}

export interface LedgerProblem {
  branchId: number;
  variantId: number;
  problem: string;
}

/**
 * Everything that breaks domain rule 4, as rows: a level that is not the sum of its movements, a movement
 * whose balanceAfter does not follow from the previous one, a latest balance that is not the level.
 * An empty list means the ledger balances.
 */
export async function ledgerProblems(db: Db): Promise<LedgerProblem[]> {
  return db.$queryRaw<LedgerProblem[]>`
    WITH sums AS (
      SELECT "branchId", "variantId", SUM("quantity")::int AS total
        FROM "InventoryMovement" GROUP BY "branchId", "variantId"
    ), chain AS (
      SELECT "branchId", "variantId", "balanceAfter", "quantity",
             LAG("balanceAfter", 1, 0) OVER (PARTITION BY "branchId", "variantId" ORDER BY "id") AS previous,
             ROW_NUMBER() OVER (PARTITION BY "branchId", "variantId" ORDER BY "id" DESC) AS recency
        FROM "InventoryMovement"
    )
    SELECT COALESCE(s."branchId", m."branchId") AS "branchId", COALESCE(s."variantId", m."variantId") AS "variantId",
           'level ' || COALESCE(s."quantity", 0) || ' but movements sum to ' || COALESCE(m.total, 0) AS problem
      FROM "StockLevel" s FULL JOIN sums m ON m."branchId" = s."branchId" AND m."variantId" = s."variantId"
     WHERE COALESCE(s."quantity", 0) <> COALESCE(m.total, 0)
    UNION ALL
    SELECT "branchId", "variantId", 'balanceAfter ' || "balanceAfter" || ' after ' || previous || ' + ' || "quantity"
      FROM chain WHERE "balanceAfter" <> previous + "quantity"
    UNION ALL
    SELECT c."branchId", c."variantId", 'latest balanceAfter ' || c."balanceAfter" || ' but level ' || s."quantity"
      FROM chain c JOIN "StockLevel" s ON s."branchId" = c."branchId" AND s."variantId" = c."variantId"
     WHERE c.recency = 1 AND c."balanceAfter" <> s."quantity"
    UNION ALL
    SELECT "branchId", "variantId", 'negative level ' || "quantity" FROM "StockLevel" WHERE "quantity" < 0`;
}

export async function counts(db: Db) {
  const [movements, levels, audits, transfers] = await Promise.all([
    db.inventoryMovement.count(),
    db.stockLevel.findMany({ orderBy: [{ branchId: "asc" }, { variantId: "asc" }] }),
    db.auditEvent.count(),
    db.stockTransfer.findMany({ select: { id: true, status: true }, orderBy: { id: "asc" } }),
  ]);
  return { movements, levels: levels.map((l) => [l.branchId, l.variantId, l.quantity]), audits, transfers };
}

// Kept here too for the stock tests that import it from this module.
export { codeOf } from "./factories.ts";

/** A bus of the test's own that also records what was published in transactions, in order. */
export function recordingBus(): { bus: EventBus; published: { topic: string; data: unknown }[] } {
  const bus = createEventBus();
  const published: { topic: string; data: unknown }[] = [];
  const publishInTransaction: EventBus["publishInTransaction"] = async (tx, topic, data) => {
    published.push({ topic, data });
    await bus.publishInTransaction(tx, topic, data);
  };
  return { bus: { ...bus, publishInTransaction }, published };
}
