// Who sees which stock levels live (domain rules 6–8). A watch is decided once, when the subscription starts
// (and again on every resync), then applied to every stock event as a cheap in-memory filter.
import type { Db } from "@pos/db";
import type { TStockWatchParsed } from "@pos/validators";
import type { SessionUser } from "../context.ts";
import { DomainError } from "../errors.ts";
import type { BusEvent } from "../events/index.ts";

export interface StockLevelView {
  branchId: number;
  variantId: number;
  quantity: number;
}

export interface StockWatch {
  /** Branches whose levels are shown; undefined: every branch (managers and admins). */
  branchIds: ReadonlySet<number> | undefined;
  /** Variants watched; undefined: every variant of those branches (a register following its branch). */
  variantIds: ReadonlySet<number> | undefined;
  /** A shopper's view: an offline sale's negative level reads as 0 ("sold out", never "−2 left"). */
  shopper: boolean;
}

/** Staff: their scope of the input. A cashier watches their own branch, whatever else they name. */
export function staffStockWatch(user: SessionUser, input: TStockWatchParsed): StockWatch {
  if (user.role === "CASHIER" && input.branchId !== undefined && input.branchId !== user.branchId) {
    throw new DomainError("FORBIDDEN", "Cashiers can only work with their own branch.");
  }
  const branchId = input.branchId ?? (user.role === "CASHIER" ? user.branchId : null);
  if (user.role === "CASHIER" && branchId === null) {
    throw new DomainError("FORBIDDEN", "This cashier has no branch; ask a manager to assign one.");
  }
  return {
    branchIds: branchId === null ? undefined : new Set([branchId]),
    variantIds: input.variantIds && new Set(input.variantIds),
    shopper: false,
  };
}

/**
 * Shoppers: the named variants that are on sale online (active, of an active product shown online), at the
 * active branches that sell online. Anything else named is silently left out, as if it did not exist.
 */
export async function shopperStockWatch(db: Db, input: TStockWatchParsed): Promise<StockWatch> {
  if (!input.variantIds) {
    throw new DomainError("BAD_REQUEST", "Name the variants to watch (a product's sizes).", { field: "variantIds" });
  }
  const [branches, variants] = await Promise.all([
    db.branch.findMany({
      where: { active: true, sellsOnline: true, ...(input.branchId === undefined ? {} : { id: input.branchId }) },
      select: { id: true },
    }),
    db.variant.findMany({
      where: { id: { in: input.variantIds }, active: true, product: { active: true, showOnline: true } },
      select: { id: true },
    }),
  ]);
  return {
    branchIds: new Set(branches.map((branch) => branch.id)),
    variantIds: new Set(variants.map((variant) => variant.id)),
    shopper: true,
  };
}

function shows(watch: StockWatch, level: { branchId: number; variantId: number }): boolean {
  return (
    (!watch.branchIds || watch.branchIds.has(level.branchId)) &&
    (!watch.variantIds || watch.variantIds.has(level.variantId))
  );
}

function view(watch: StockWatch, level: StockLevelView): StockLevelView {
  const { branchId, variantId, quantity } = level;
  return { branchId, variantId, quantity: watch.shopper ? Math.max(0, quantity) : quantity };
}

/** The watched part of a stock event, or undefined when none of it is watched. */
export function watchedChanges(watch: StockWatch, event: BusEvent<"stock.changed">): StockLevelView[] | undefined {
  const levels = event.data.changes.filter((change) => shows(watch, change)).map((change) => view(watch, change));
  return levels.length > 0 ? levels : undefined;
}

/**
 * The watched levels as they are now, or null when the watch is a whole branch (tens of thousands of levels):
 * then the client re-reads its own copy (a register reloads its catalog's stock).
 */
export async function watchedLevels(db: Db, watch: StockWatch): Promise<StockLevelView[] | null> {
  if (!watch.variantIds) return null;
  if (watch.variantIds.size === 0 || watch.branchIds?.size === 0) return [];
  const rows = await db.stockLevel.findMany({
    where: {
      variantId: { in: [...watch.variantIds] },
      ...(watch.branchIds ? { branchId: { in: [...watch.branchIds] } } : {}),
    },
    select: { branchId: true, variantId: true, quantity: true },
    orderBy: [{ variantId: "asc" }, { branchId: "asc" }],
  });
  return rows.map((row) => view(watch, row));
}
