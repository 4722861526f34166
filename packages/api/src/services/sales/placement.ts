// Writes a priced sale inside the caller's transaction, for every channel: the stock guard first (domain rule
// 1: a conditional decrement decided by the database), then the branch's next number, then the rows. The
// number is taken only once the stock is secured, so a sale that fails for stock never burns a number, and
// the branch row lock that keeps numbers gapless is held for the few inserts that follow, not the whole sale.
import type { Fulfillment, SaleChannel, SaleStatus } from "@pos/db";
import { formatSaleReference, fromCents } from "@pos/validators";
import type { EventBus } from "../../events/index.ts";
import {
  announceStockChanges,
  recordMovements,
  shiftStockLevels,
  type AppliedChange,
  type Tx,
} from "../stock-ledger.ts";
import type { PricedSale } from "./pricing.ts";

export interface OrderContact {
  contactName: string;
  contactEmail: string | null;
  contactPhone: string | null;
  fulfillment: Fulfillment;
  shippingAddress: string | null;
  /** WhatsApp holds: when the stock goes back on the shelf if nobody confirms. */
  expiresAt: Date | null;
}

export interface SaleDraft {
  clientId: string;
  requestHash: string;
  channel: SaleChannel;
  status: SaleStatus;
  branchId: number;
  cashierId: number | null;
  cashSessionId: number | null;
  customerId: number | null;
  priced: PricedSale;
  notes: string | null;
  order: OrderContact | null;
  /** Offline sync: when the register made the sale. Stock may go below zero; the shortfall is recorded. */
  offlineAt: Date | null;
}

export interface Shortfall {
  variantId: number;
  /** Units sold beyond what the branch had when the sale reached the server. */
  quantity: number;
}

export interface PlacedSale {
  id: number;
  number: number;
  reference: string;
  applied: AppliedChange[];
  shortfalls: Shortfall[];
}

async function takeSaleNumber(tx: Tx, branchId: number): Promise<{ number: number; code: string }> {
  // The UPDATE's row lock queues concurrent sales of one branch, and a rollback gives the number back: gapless.
  const rows = await tx.$queryRaw<{ number: number; code: string }[]>`
    UPDATE "Branch" SET "lastSaleNumber" = "lastSaleNumber" + 1 WHERE "id" = ${branchId}
    RETURNING "lastSaleNumber" AS "number", "code"`;
  const row = rows[0];
  if (!row) throw new Error(`Branch ${branchId} vanished while numbering a sale`);
  return row;
}

function shortfallsOf(applied: readonly AppliedChange[]): Shortfall[] {
  return applied.flatMap((change) =>
    change.balanceAfter < 0
      ? [{ variantId: change.variantId, quantity: Math.min(-change.balanceAfter, -change.quantity) }]
      : [],
  );
}

export async function placeSale(tx: Tx, draft: SaleDraft): Promise<PlacedSale> {
  const { priced, branchId } = draft;
  const applied = await shiftStockLevels(
    tx,
    priced.lines.map((line) => ({
      branchId,
      variantId: line.variantId,
      quantity: -line.quantity,
      type: "SALE" as const,
      userId: draft.cashierId,
    })),
    { allowNegative: draft.offlineAt !== null },
  );
  const { number, code } = await takeSaleNumber(tx, branchId);
  const { totals } = priced;
  const sale = await tx.sale.create({
    data: {
      channel: draft.channel,
      status: draft.status,
      branchId,
      number,
      clientId: draft.clientId,
      requestHash: draft.requestHash,
      cashierId: draft.cashierId,
      customerId: draft.customerId,
      cashSessionId: draft.cashSessionId,
      subtotal: fromCents(totals.subtotal),
      discount: fromCents(totals.discount),
      tax: fromCents(totals.tax),
      surcharge: fromCents(totals.surcharge),
      shipping: fromCents(totals.shipping),
      total: fromCents(totals.total),
      notes: draft.notes,
      ...draft.order,
      createdOffline: draft.offlineAt !== null,
      offlineCreatedAt: draft.offlineAt,
    },
    select: { id: true },
  });
  await tx.saleItem.createMany({
    data: priced.lines.map((line) => ({
      saleId: sale.id,
      variantId: line.variantId,
      productName: line.productName,
      sizeLabel: line.sizeLabel,
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: fromCents(line.unitPrice),
      unitCost: fromCents(line.unitCost),
      discount: fromCents(line.discount),
      taxRate: line.taxRate,
      lineTotal: fromCents(line.lineTotal),
    })),
  });
  if (priced.payments.length > 0) {
    await tx.payment.createMany({
      data: priced.payments.map((payment) => ({
        saleId: sale.id,
        method: payment.type,
        methodConfigId: payment.methodId,
        amount: fromCents(payment.amount),
        installments: payment.installments,
        surcharge: fromCents(payment.surcharge),
        tendered: payment.tendered === null ? null : fromCents(payment.tendered),
        reference: payment.reference,
      })),
    });
  }
  const withSale = applied.map((change) => ({ ...change, saleId: sale.id }));
  await recordMovements(tx, withSale);
  const shortfalls = shortfallsOf(withSale);
  if (shortfalls.length > 0) {
    await tx.stockShortfall.createMany({
      data: shortfalls.map((shortfall) => ({ ...shortfall, branchId, saleId: sale.id })),
    });
  }
  return { id: sale.id, number, reference: formatSaleReference(code, number), applied: withSale, shortfalls };
}

/** Tells registers, product pages and the dashboard, released by the COMMIT (see stock-ledger.ts). */
export async function announceSale(
  tx: Tx,
  bus: EventBus,
  placed: PlacedSale,
  sale: { branchId: number; channel: SaleChannel; total: string },
): Promise<void> {
  await announceStockChanges(tx, bus, placed.applied);
  await bus.publishInTransaction(tx, "sale.created", {
    saleId: placed.id,
    branchId: sale.branchId,
    channel: sale.channel,
    total: sale.total,
  });
}
