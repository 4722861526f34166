// Taking a sale back: an order cancelled by a manager, a WhatsApp hold that expired, a register sale voided.
// One function for all three, so each restocks the same way: every line back on the shelf through CANCEL
// movements (domain rule 4), the status and cancelledAt set, an audit event, and the news announced — all
// inside the caller's transaction, with the sale's row locked first so two cancellations restock once.
import type { SaleChannel, SaleStatus } from "@pos/db";
import { formatSaleReference } from "@pos/validators";
import { DomainError } from "../../errors.ts";
import type { EventBus } from "../../events/index.ts";
import { recordAudit } from "../audit.ts";
import { announceStockChanges, applyStockChanges, type Tx } from "../stock-ledger.ts";
import { assertTransition, type TransitionVia } from "./transitions.ts";

export interface LockedSale {
  id: number;
  branchId: number;
  channel: SaleChannel;
  status: SaleStatus;
  reference: string;
  hasReturns: boolean;
}

interface LockedRow {
  id: number;
  branchId: number;
  channel: SaleChannel;
  status: SaleStatus;
  number: number;
  code: string;
  hasReturns: boolean;
}

const toLocked = ({ number, code, ...row }: LockedRow): LockedSale => ({
  ...row,
  reference: formatSaleReference(code, number),
});

/**
 * Locks a sale's row until the transaction ends and reads its status under the lock: a decision taken on it
 * (by the transition table) cannot be overtaken by a concurrent change.
 */
export async function lockSale(tx: Tx, saleId: number): Promise<LockedSale> {
  const rows = await tx.$queryRaw<LockedRow[]>`
    SELECT s."id", s."branchId", s."channel", s."status", s."number", b."code",
           EXISTS (SELECT 1 FROM "Return" r WHERE r."saleId" = s."id") AS "hasReturns"
      FROM "Sale" s JOIN "Branch" b ON b."id" = s."branchId"
     WHERE s."id" = ${saleId}
       FOR UPDATE OF s`;
  const row = rows[0];
  if (!row) throw new DomainError("NOT_FOUND", `Sale ${saleId} does not exist.`, { saleId });
  return toLocked(row);
}

/** Up to `limit` WhatsApp holds past their expiry, locked; ones another sweeper holds are skipped, not awaited. */
export async function lockExpiredHolds(tx: Tx, now: Date, limit: number): Promise<LockedSale[]> {
  const rows = await tx.$queryRaw<LockedRow[]>`
    SELECT s."id", s."branchId", s."channel", s."status", s."number", b."code", false AS "hasReturns"
      FROM "Sale" s JOIN "Branch" b ON b."id" = s."branchId"
     WHERE s."channel" = 'WHATSAPP' AND s."status" = 'PENDING' AND s."expiresAt" <= ${now}
     ORDER BY s."expiresAt", s."id"
     LIMIT ${limit}
       FOR UPDATE OF s SKIP LOCKED`;
  return rows.map(toLocked);
}

export interface Cancellation {
  to: Extract<SaleStatus, "CANCELLED" | "VOIDED">;
  via: TransitionVia;
  /** Null when the system does it (an expired hold). */
  actorId: number | null;
  reason: string;
  /** The audit action: "order.cancelled", "order.expired", "sale.voided". */
  action: string;
}

/** `sale` must have been locked by this transaction (lockSale / lockExpiredHolds). */
export async function cancelSale(tx: Tx, bus: EventBus, sale: LockedSale, change: Cancellation): Promise<void> {
  const what = `${sale.channel === "POS" ? "Sale" : "Order"} ${sale.reference}`;
  assertTransition(sale.status, change.to, change.via, what);
  const items = await tx.saleItem.findMany({
    where: { saleId: sale.id },
    select: { variantId: true, quantity: true },
    orderBy: { id: "asc" },
  });
  const applied = await applyStockChanges(
    tx,
    items.map((item) => ({
      branchId: sale.branchId,
      variantId: item.variantId,
      quantity: item.quantity,
      type: "CANCEL" as const,
      reason: change.reason,
      userId: change.actorId,
      saleId: sale.id,
    })),
  );
  await tx.sale.update({ where: { id: sale.id }, data: { status: change.to, cancelledAt: new Date() } });
  await recordAudit(tx, {
    actorId: change.actorId,
    action: change.action,
    entity: "Sale",
    entityId: sale.id,
    data: { reference: sale.reference, from: sale.status, to: change.to, reason: change.reason },
  });
  await announceStockChanges(tx, bus, applied);
  await bus.publishInTransaction(tx, "order.updated", {
    saleId: sale.id,
    branchId: sale.branchId,
    channel: sale.channel,
    status: change.to,
  });
}
