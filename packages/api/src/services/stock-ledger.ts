// The one door every stock change goes through: adjustments, counts and transfers today, sales and returns
// tomorrow. It keeps domain rules 1 and 4 in one place: a decrement is decided by the database (a conditional
// UPDATE, never read-then-write), and every level change writes its movement in the same transaction, so
// StockLevel.quantity = Σ movements and each movement's balanceAfter is the level it left behind.
import type { Db, MovementType, Prisma } from "@pos/db";
import { DomainError } from "../errors.ts";
import type { EventBus } from "../events/index.ts";

export type Tx = Prisma.TransactionClient;

export interface LedgerChange {
  branchId: number;
  variantId: number;
  /** Signed, never zero: negative leaves the branch, positive arrives. */
  quantity: number;
  type: MovementType;
  reason?: string | null;
  userId?: number | null;
  saleId?: number | null;
  transferId?: number | null;
  returnId?: number | null;
}

export interface AppliedChange extends LedgerChange {
  /** The level this change left behind (what its movement records as balanceAfter). */
  balanceAfter: number;
  productId: number;
  minStock: number;
  productActive: boolean;
}

export interface ApplyOptions {
  /** Offline sync only (domain rule 2): the goods already left, so the level may go below zero. */
  allowNegative?: boolean;
  /**
   * What the caller already read about the variants (a sale has priced them): saves the lookup. The caller
   * vouches that every variant exists and the branch too.
   */
  facts?: ReadonlyMap<number, VariantFacts>;
}

/**
 * Long enough for a queue of registers selling the same item to take turns on its row lock; a transaction
 * that still has not got a connection or finished by then is a real problem and should fail loudly.
 */
const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

export function inStockTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(work, TX_OPTIONS);
}

export interface VariantFacts {
  sizeLabel: string | null;
  product: { id: number; name: string; minStock: number; active: boolean };
}

const pairKey = (branchId: number, variantId: number) => `${branchId}:${variantId}`;

/** One lock order for everyone, (branchId, variantId), so two multi-line changes never wait on each other. */
const byLockOrder = (a: { branchId: number; variantId: number }, b: { branchId: number; variantId: number }) =>
  a.branchId - b.branchId || a.variantId - b.variantId;

async function loadFacts(tx: Tx, changes: readonly LedgerChange[]) {
  const variantIds = [...new Set(changes.map((change) => change.variantId))];
  const branchIds = [...new Set(changes.map((change) => change.branchId))];
  // One after the other: a transaction is one connection, and pg warns about overlapping queries on it.
  const variants = await tx.variant.findMany({
    where: { id: { in: variantIds } },
    select: { id: true, sizeLabel: true, product: { select: { id: true, name: true, minStock: true, active: true } } },
  });
  const branches = await tx.branch.findMany({ where: { id: { in: branchIds } }, select: { id: true, name: true } });
  const variantById = new Map<number, VariantFacts>(variants.map((variant) => [variant.id, variant]));
  const branchName = new Map(branches.map((branch) => [branch.id, branch.name]));
  const missingVariant = variantIds.find((variantId) => !variantById.has(variantId));
  if (missingVariant !== undefined) {
    throw new DomainError("NOT_FOUND", `Item ${missingVariant} does not exist. Reload the catalog and try again.`, {
      variantId: missingVariant,
    });
  }
  const missingBranch = branchIds.find((branchId) => !branchName.has(branchId));
  if (missingBranch !== undefined) {
    throw new DomainError("NOT_FOUND", `Branch ${missingBranch} does not exist.`, { branchId: missingBranch });
  }
  return { variantById, branchName };
}

/** Moves one level by `quantity`; null when a decrement would go below zero (nothing was changed then). */
async function shift(tx: Tx, change: LedgerChange, allowNegative: boolean): Promise<number | null> {
  const { branchId, variantId, quantity } = change;
  if (quantity > 0 || allowNegative) {
    // Arrivals may meet a branch that never held the item: the row is created on the spot, atomically.
    const rows = await tx.$queryRaw<{ quantity: number }[]>`
      INSERT INTO "StockLevel" ("branchId", "variantId", "quantity", "updatedAt")
      VALUES (${branchId}, ${variantId}, ${quantity}, now())
      ON CONFLICT ("branchId", "variantId")
      DO UPDATE SET "quantity" = "StockLevel"."quantity" + EXCLUDED."quantity", "updatedAt" = now()
      RETURNING "quantity"`;
    return rows[0]?.quantity ?? null;
  }
  // Under READ COMMITTED a waiting UPDATE re-checks its WHERE on the row as the previous holder left it, so
  // twenty registers racing for the last five units get exactly five successes.
  const rows = await tx.$queryRaw<{ quantity: number }[]>`
    UPDATE "StockLevel" SET "quantity" = "quantity" + ${quantity}, "updatedAt" = now()
     WHERE "branchId" = ${branchId} AND "variantId" = ${variantId} AND "quantity" + ${quantity} >= 0
    RETURNING "quantity"`;
  return rows[0]?.quantity ?? null;
}

export function describeVariant(variant: { sizeLabel: string | null; product: { name: string } }): string {
  return variant.sizeLabel ? `${variant.product.name} ${variant.sizeLabel}` : variant.product.name;
}

async function outOfStock(tx: Tx, change: LedgerChange, variant: VariantFacts): Promise<DomainError> {
  const level = await tx.stockLevel.findUnique({
    where: { branchId_variantId: { branchId: change.branchId, variantId: change.variantId } },
    select: { quantity: true },
  });
  const found = await tx.branch.findUnique({ where: { id: change.branchId }, select: { name: true } });
  const branch = found?.name ?? `branch ${change.branchId}`;
  const available = Math.max(level?.quantity ?? 0, 0);
  const what = describeVariant(variant);
  const message =
    available === 0
      ? `No ${what} left at ${branch}.`
      : `Only ${available} left of ${what} at ${branch}; ${-change.quantity} requested.`;
  return new DomainError("OUT_OF_STOCK", message, {
    branchId: change.branchId,
    variantId: change.variantId,
    available,
    requested: -change.quantity,
  });
}

/**
 * Applies signed changes to stock levels and writes one movement per change, inside the caller's
 * transaction. All or nothing: a decrement that would go below zero throws OUT_OF_STOCK and, the caller's
 * transaction rolling back, leaves every level and the ledger as they were. Returns the applied changes in
 * input order, for `announceStockChanges` and for callers that show the new balances.
 */
export async function applyStockChanges(
  tx: Tx,
  changes: readonly LedgerChange[],
  options: ApplyOptions = {},
): Promise<AppliedChange[]> {
  const applied = await shiftStockLevels(tx, changes, options);
  await recordMovements(tx, applied);
  return applied;
}

/**
 * The first half of `applyStockChanges`: moves the levels (the atomic guard) without writing movements yet,
 * for a caller whose movements point at a row it can only insert after the guard passed (a sale, whose
 * number must not be taken by a sale that then fails for stock). The caller must `recordMovements` in the
 * same transaction.
 */
export async function shiftStockLevels(
  tx: Tx,
  changes: readonly LedgerChange[],
  { allowNegative = false, facts }: ApplyOptions = {},
): Promise<AppliedChange[]> {
  if (changes.length === 0) return [];
  const invalid = changes.find((change) => !Number.isSafeInteger(change.quantity) || change.quantity === 0);
  if (invalid) {
    throw new DomainError("BAD_REQUEST", "A stock change must be a whole number of units other than zero.", {
      variantId: invalid.variantId,
      quantity: invalid.quantity,
    });
  }
  const variantById = facts ?? (await loadFacts(tx, changes)).variantById;
  const factsOf = (change: LedgerChange) => {
    const variant = variantById.get(change.variantId);
    if (!variant) throw new Error(`Variant ${change.variantId} vanished while applying stock changes`);
    return variant;
  };
  const pairs = new Set(changes.map((change) => pairKey(change.branchId, change.variantId)));
  const balances =
    !allowNegative && pairs.size === changes.length && changes.every((change) => change.quantity < 0)
      ? await decrementAll(tx, changes, factsOf)
      : await shiftOneByOne(tx, changes, allowNegative, factsOf);
  return changes.map((change, index) => {
    const { product } = factsOf(change);
    return {
      ...change,
      balanceAfter: balances[index] ?? 0,
      productId: product.id,
      minStock: product.minStock,
      productActive: product.active,
    };
  });
}

/** One statement per change, in lock order; balances in input order. */
async function shiftOneByOne(
  tx: Tx,
  changes: readonly LedgerChange[],
  allowNegative: boolean,
  factsOf: (change: LedgerChange) => VariantFacts,
): Promise<number[]> {
  // A stable sort keeps several changes to one pair in input order, so their balances follow each other.
  const ordered = changes.map((change, index) => ({ change, index })).sort((a, b) => byLockOrder(a.change, b.change));
  const balances: number[] = [];
  for (const { change, index } of ordered) {
    const balanceAfter = await shift(tx, change, allowNegative);
    if (balanceAfter === null) throw await outOfStock(tx, change, factsOf(change));
    balances[index] = balanceAfter;
  }
  return balances;
}

/**
 * All of a sale's decrements in one statement (one round trip however many lines): the rows are locked in
 * lock order first, then each is decremented only if it stays at or above zero. A decrement that did not
 * happen means that line is short; the caller's transaction then rolls the others back.
 */
async function decrementAll(
  tx: Tx,
  changes: readonly LedgerChange[],
  factsOf: (change: LedgerChange) => VariantFacts,
): Promise<number[]> {
  const rows = await tx.$queryRaw<{ branchId: number; variantId: number; quantity: number }[]>`
    WITH wanted AS (
      SELECT * FROM unnest(${changes.map((change) => change.branchId)}::int[],
                           ${changes.map((change) => change.variantId)}::int[],
                           ${changes.map((change) => change.quantity)}::int[]) AS w("branchId", "variantId", "delta")
    ), locked AS MATERIALIZED (
      SELECT s."branchId", s."variantId" FROM "StockLevel" s JOIN wanted w USING ("branchId", "variantId")
       ORDER BY s."branchId", s."variantId" FOR UPDATE OF s
    )
    UPDATE "StockLevel" s SET "quantity" = s."quantity" + w."delta", "updatedAt" = now()
      FROM wanted w JOIN locked l USING ("branchId", "variantId")
     WHERE s."branchId" = w."branchId" AND s."variantId" = w."variantId" AND s."quantity" + w."delta" >= 0
    RETURNING s."branchId", s."variantId", s."quantity"`;
  const after = new Map(rows.map((row) => [pairKey(row.branchId, row.variantId), row.quantity]));
  const short = [...changes].sort(byLockOrder).find((change) => !after.has(pairKey(change.branchId, change.variantId)));
  if (short) throw await outOfStock(tx, short, factsOf(short));
  return changes.map((change) => after.get(pairKey(change.branchId, change.variantId)) ?? 0);
}

/** The second half of `applyStockChanges`: one ledger row per applied change. */
export async function recordMovements(tx: Tx, applied: readonly AppliedChange[]): Promise<void> {
  if (applied.length === 0) return;
  await tx.inventoryMovement.createMany({
    data: applied.map((change) => ({
      branchId: change.branchId,
      variantId: change.variantId,
      quantity: change.quantity,
      balanceAfter: change.balanceAfter,
      type: change.type,
      reason: change.reason ?? null,
      userId: change.userId ?? null,
      saleId: change.saleId ?? null,
      transferId: change.transferId ?? null,
      returnId: change.returnId ?? null,
    })),
  });
}

/**
 * Locks the levels of some variants at a branch (in lock order) and returns what is on hand, creating
 * missing rows at zero, which keeps the ledger balanced (no movements, no stock). For decisions that need the
 * current number itself, like a count, where a conditional UPDATE cannot express the rule.
 */
export async function lockStockLevels(tx: Tx, branchId: number, variantIds: readonly number[]) {
  const onHand = new Map<number, number>();
  for (const variantId of [...new Set(variantIds)].sort((a, b) => a - b)) {
    // The no-op DO UPDATE is what takes the row lock on an existing row (DO NOTHING would not).
    const rows = await tx.$queryRaw<{ quantity: number }[]>`
      INSERT INTO "StockLevel" ("branchId", "variantId", "quantity", "updatedAt")
      VALUES (${branchId}, ${variantId}, 0, now())
      ON CONFLICT ("branchId", "variantId") DO UPDATE SET "quantity" = "StockLevel"."quantity"
      RETURNING "quantity"`;
    onHand.set(variantId, rows[0]?.quantity ?? 0);
  }
  return onHand;
}

/**
 * Announces applied changes on the bus from inside the transaction: with the app's LISTEN/NOTIFY transport
 * the events are released by the COMMIT (and dropped by a rollback), in commit order, so a register never
 * sees a level older than one it already showed. One batched `stock.changed` with each pair's final level,
 * plus `stock.low` for each pair that crossed its product's minimum from above.
 */
export async function announceStockChanges(tx: Tx, bus: EventBus, applied: readonly AppliedChange[]): Promise<void> {
  if (applied.length === 0) return;
  const pairs = new Map<string, { first: AppliedChange; last: AppliedChange }>();
  for (const change of applied) {
    const key = pairKey(change.branchId, change.variantId);
    const seen = pairs.get(key);
    pairs.set(key, { first: seen?.first ?? change, last: change });
  }
  const finals = [...pairs.values()];
  await bus.publishInTransaction(tx, "stock.changed", {
    changes: finals.map(({ last }) => ({
      branchId: last.branchId,
      variantId: last.variantId,
      quantity: last.balanceAfter,
      productId: last.productId,
    })),
  });
  for (const { first, last } of finals) {
    const before = first.balanceAfter - first.quantity;
    if (last.productActive && before > last.minStock && last.balanceAfter <= last.minStock) {
      await bus.publishInTransaction(tx, "stock.low", {
        branchId: last.branchId,
        variantId: last.variantId,
        quantity: last.balanceAfter,
        minStock: last.minStock,
      });
    }
  }
}
