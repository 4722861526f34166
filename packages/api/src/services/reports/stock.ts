// Stock that needs a manager's eye: levels at or below their product's minimum across branches, and the
// shortfalls offline sales left behind (domain rule 2: the sale was accepted, the missing units are flagged).
import type { Db, Prisma } from "@pos/db";
import type { TReportLowStockParsed, TReportShortfallsParsed, TShortfallResolveParsed } from "@pos/validators";
import type { SessionUser } from "../../context.ts";
import { DomainError } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { mostUrgentLowStock } from "../low-stock.ts";
import { inReportSnapshot } from "./period.ts";
import type { LowStockRow as BranchLowStockRow } from "../inventory.ts";

/** A branch's low-stock row (inventory.lowStock), naming the branch: this report spans them all. */
export interface LowStockRow extends BranchLowStockRow {
  branchId: number;
  branchName: string;
}

/**
 * Active variants of active products at or below their product's minStock, most urgent first (furthest below the
 * minimum). Pairs a branch never stocked have no StockLevel row and are not listed: not carrying an item is not
 * running low on it. Inactive branches are left out: nobody restocks a closed shop.
 */
export async function listLowStockAcrossBranches(db: Db, input: TReportLowStockParsed): Promise<LowStockRow[]> {
  return inReportSnapshot(db, (tx) =>
    mostUrgentLowStock(tx, { branchId: input.branchId, activeBranchesOnly: true, limit: input.limit }),
  );
}

const shortfallSelect = {
  id: true,
  quantity: true,
  createdAt: true,
  resolvedAt: true,
  branch: { select: { id: true, name: true, code: true } },
  variant: { select: { id: true, sku: true, sizeLabel: true, product: { select: { id: true, name: true } } } },
  sale: { select: { id: true, number: true, createdAt: true, offlineCreatedAt: true } },
} satisfies Prisma.StockShortfallSelect;

/** Unresolved shortfalls, oldest first (the longest-standing gap in the books comes first). */
export async function listShortfalls(db: Db, input: TReportShortfallsParsed) {
  return db.stockShortfall.findMany({
    where: { resolvedAt: null, ...(input.branchId === undefined ? {} : { branchId: input.branchId }) },
    select: shortfallSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: input.limit,
  });
}

/**
 * A manager says a shortfall has been dealt with (found the goods, counted, wrote them off). Only an unresolved
 * one can be resolved: the conditional update decides, so two managers clicking at once resolve it once and
 * audit it once.
 */
export async function resolveShortfall(db: Db, input: TShortfallResolveParsed, actor: Pick<SessionUser, "id">) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.stockShortfall.updateMany({
      where: { id: input.shortfallId, resolvedAt: null },
      data: { resolvedAt: new Date() },
    });
    const shortfall = await tx.stockShortfall.findUnique({
      where: { id: input.shortfallId },
      select: { id: true, branchId: true, variantId: true, saleId: true, quantity: true },
    });
    if (!shortfall) throw new DomainError("NOT_FOUND", `Shortfall ${input.shortfallId} does not exist.`);
    if (count === 0) {
      throw new DomainError("CONFLICT", "This shortfall was already resolved. Reload the list.", {
        shortfallId: input.shortfallId,
      });
    }
    const { id, ...facts } = shortfall;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "shortfall.resolved",
      entity: "StockShortfall",
      entityId: id,
      data: { ...facts, ...(input.note ? { note: input.note } : {}) },
    });
  });
  // Read after the commit: Prisma loads the nested relations with concurrent queries, which a transaction's
  // single connection would have to queue.
  return db.stockShortfall.findUniqueOrThrow({ where: { id: input.shortfallId }, select: shortfallSelect });
}
