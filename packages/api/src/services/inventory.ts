// Inventory: what is on hand where, the ledger that explains it, and the two ways staff correct it
// (an adjustment with a reason, a count). Every change goes through stock-ledger.ts.
import type { Db, Prisma } from "@pos/db";
import type {
  TLedgerQueryParsed,
  TLowStockParsed,
  TStockAdjust,
  TStockByBranchParsed,
  TStockCount,
} from "@pos/validators";
import type { SessionUser } from "../context.ts";
import { DomainError } from "../errors.ts";
import type { EventBus } from "../events/index.ts";
import { recordAudit } from "./audit.ts";
import { mostUrgentLowStock, type LowStockRow } from "./low-stock.ts";
import { announceStockChanges, applyStockChanges, inStockTransaction, lockStockLevels } from "./stock-ledger.ts";

export interface StockDeps {
  db: Db;
  bus: EventBus;
}

type Actor = Pick<SessionUser, "id">;

const variantSummary = {
  id: true,
  sku: true,
  sizeLabel: true,
  product: { select: { id: true, name: true, minStock: true } },
} satisfies Prisma.VariantSelect;

/** Variants whose SKU or product name contains the text, or whose barcode is exactly it. */
const variantMatching = (search: string): Prisma.VariantWhereInput => ({
  OR: [
    { sku: { contains: search, mode: "insensitive" } },
    { barcode: search },
    { product: { name: { contains: search, mode: "insensitive" } } },
  ],
});

/** A product's sizes × branches: one row per variant, one column per branch (in `branches` order). */
export async function readStockGrid(db: Db, input: { productId: number; branchIds?: readonly number[] }) {
  const product = await db.product.findUnique({
    where: { id: input.productId },
    select: {
      id: true,
      name: true,
      sizeSystem: true,
      minStock: true,
      variants: { select: { id: true, sku: true, sizeLabel: true }, orderBy: [{ position: "asc" }, { id: "asc" }] },
    },
  });
  if (!product) throw new DomainError("NOT_FOUND", `Product ${input.productId} does not exist.`);
  const branches = await db.branch.findMany({
    where: input.branchIds ? { id: { in: [...input.branchIds] } } : { active: true },
    select: { id: true, name: true, code: true },
    orderBy: { id: "asc" },
  });
  const levels = await db.stockLevel.findMany({
    where: { variantId: { in: product.variants.map((v) => v.id) }, branchId: { in: branches.map((b) => b.id) } },
    select: { branchId: true, variantId: true, quantity: true },
  });
  const onHand = new Map(levels.map((level) => [`${level.branchId}:${level.variantId}`, level.quantity]));
  const rows = product.variants.map((variant) => {
    const quantities = branches.map((branch) => onHand.get(`${branch.id}:${variant.id}`) ?? 0);
    return { ...variant, quantities, total: quantities.reduce((sum, q) => sum + q, 0) };
  });
  const branchTotals = branches.map((_, column) => rows.reduce((sum, row) => sum + (row.quantities[column] ?? 0), 0));
  const { variants: _variants, ...summary } = product;
  return { product: summary, branches, rows, branchTotals };
}

/** A branch's stock, one line per active variant (zero where the branch never held it), paged by variant. */
export async function listStockByBranch(db: Db, input: TStockByBranchParsed) {
  const search = input.search || undefined;
  const where: Prisma.VariantWhereInput = {
    active: true,
    ...(input.cursor ? { id: { gt: input.cursor } } : {}),
    product: {
      active: true,
      ...(input.productId ? { id: input.productId } : {}),
      ...(input.categoryId ? { categoryId: input.categoryId } : {}),
    },
    ...(search ? variantMatching(search) : {}),
    ...(input.inStockOnly ? { stockLevels: { some: { branchId: input.branchId, quantity: { gt: 0 } } } } : {}),
  };
  const variants = await db.variant.findMany({
    where,
    select: { ...variantSummary, stockLevels: { where: { branchId: input.branchId }, select: { quantity: true } } },
    orderBy: { id: "asc" },
    take: input.limit + 1,
  });
  const page = variants.slice(0, input.limit);
  return {
    items: page.map(({ stockLevels, ...variant }) => ({ ...variant, quantity: stockLevels[0]?.quantity ?? 0 })),
    nextCursor: variants.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

export type { LowStockRow } from "./low-stock.ts";

/**
 * Levels at or below their product's minimum at one branch, active products only, most urgent first. Pairs
 * the branch never stocked (no StockLevel row) are not listed: not carrying an item is not running low on it.
 */
export async function listLowStock(db: Db, input: TLowStockParsed): Promise<LowStockRow[]> {
  const rows = await db.$transaction(
    (tx) => mostUrgentLowStock(tx, { branchId: input.branchId, activeBranchesOnly: false, limit: input.limit }),
    { isolationLevel: "RepeatableRead" },
  );
  return rows.map(({ branchId: _branchId, branchName: _branchName, ...row }) => row);
}

/** The ledger, newest first, paged by movement id. */
export async function readLedger(db: Db, input: TLedgerQueryParsed) {
  const where: Prisma.InventoryMovementWhereInput = {
    ...(input.branchId ? { branchId: input.branchId } : {}),
    ...(input.variantId ? { variantId: input.variantId } : {}),
    ...(input.productId ? { variant: { productId: input.productId } } : {}),
    ...(input.search ? { AND: [{ variant: variantMatching(input.search) }] } : {}),
    ...(input.reason ? { reason: { contains: input.reason, mode: "insensitive" } } : {}),
    ...(input.type ? { type: input.type } : {}),
    ...(input.from || input.to ? { createdAt: { gte: input.from, lte: input.to } } : {}),
    ...(input.cursor ? { id: { lt: input.cursor } } : {}),
  };
  const movements = await db.inventoryMovement.findMany({
    where,
    select: {
      id: true,
      branchId: true,
      quantity: true,
      balanceAfter: true,
      type: true,
      reason: true,
      saleId: true,
      transferId: true,
      returnId: true,
      createdAt: true,
      variant: { select: variantSummary },
      branch: { select: { id: true, name: true } },
      user: { select: { id: true, name: true } },
    },
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  const page = movements.slice(0, input.limit);
  return { items: page, nextCursor: movements.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}

/** Adds or removes units with a reason (breakage, theft, found stock); cannot remove what is not there. */
export async function adjustStock(deps: StockDeps, input: TStockAdjust, actor: Actor) {
  return inStockTransaction(deps.db, async (tx) => {
    const [applied] = await applyStockChanges(tx, [
      { ...input, type: "ADJUSTMENT", reason: input.reason, userId: actor.id },
    ]);
    if (!applied) throw new Error("applyStockChanges returned nothing for one change");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "stock.adjusted",
      entity: "StockLevel",
      entityId: `${input.branchId}:${input.variantId}`,
      data: { quantity: input.quantity, balanceAfter: applied.balanceAfter, reason: input.reason },
    });
    await announceStockChanges(tx, deps.bus, [applied]);
    const { branchId, variantId, quantity, balanceAfter } = applied;
    return { branchId, variantId, quantity, balanceAfter };
  });
}

/**
 * A stock count: what staff found on the shelf for some variants at a branch. Each difference from what
 * the system expected becomes one ADJUSTMENT movement; a line that matches writes nothing. The levels are
 * locked while counting, so a sale during the count lands before or after it, never in between.
 */
export async function countStock(deps: StockDeps, input: TStockCount, actor: Actor) {
  return inStockTransaction(deps.db, async (tx) => {
    const variantIds = input.lines.map((line) => line.variantId);
    const found = await tx.variant.count({ where: { id: { in: variantIds } } });
    if (found !== variantIds.length) {
      throw new DomainError("NOT_FOUND", "Some counted items do not exist. Reload the catalog and count again.");
    }
    if (!(await tx.branch.count({ where: { id: input.branchId } }))) {
      throw new DomainError("NOT_FOUND", `Branch ${input.branchId} does not exist.`, { branchId: input.branchId });
    }
    const expected = await lockStockLevels(tx, input.branchId, variantIds);
    const lines = input.lines.map((line) => {
      const before = expected.get(line.variantId) ?? 0;
      return { variantId: line.variantId, expected: before, counted: line.counted, difference: line.counted - before };
    });
    const reason = input.reason ?? "Stock count";
    const applied = await applyStockChanges(
      tx,
      lines
        .filter((line) => line.difference !== 0)
        .map((line) => ({
          branchId: input.branchId,
          variantId: line.variantId,
          quantity: line.difference,
          type: "ADJUSTMENT" as const,
          reason,
          userId: actor.id,
        })),
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: "stock.counted",
      entity: "Branch",
      entityId: input.branchId,
      data: { reason, lines },
    });
    await announceStockChanges(tx, deps.bus, applied);
    return { branchId: input.branchId, lines, adjusted: applied.length };
  });
}
