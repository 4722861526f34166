// Sales, returns and shortfalls written straight into the tables for report tests. They bypass the sale service
// on purpose (and test/sales.ts, whose lines cost nothing): a report test decides exactly which rows exist —
// costs, statuses that must not count, times a minute either side of a store-zone midnight.
import { randomUUID } from "node:crypto";
import type { Db, PaymentType, SaleChannel, SaleStatus } from "@pos/db";
import { addCents, fromCents, lineTotalCents, sumCents, toCents } from "@pos/validators";

/**
 * An instant given as Buenos Aires wall-clock time ("2026-03-05", "23:30"). Argentina keeps UTC−3 all year (no
 * daylight saving since 2009), so a fixed offset is exact for the dates these tests use.
 */
export function storeTime(day: string, time: string): Date {
  return new Date(`${day}T${time}:00-03:00`);
}

export interface ReportLine {
  variantId: number;
  quantity: number;
  unitPrice: string;
  unitCost: string;
  /** Amount off the line (not per unit). */
  discount?: string;
}

export interface ReportSale {
  branchId: number;
  at: Date;
  lines: ReportLine[];
  cashierId?: number | null;
  channel?: SaleChannel;
  status?: SaleStatus;
  shipping?: string;
  /** How it was paid; one payment of the whole total in cash by default. */
  payments?: { method: PaymentType; amount: string }[];
  /** Made offline and kept at the time the register made it (a late sync that keeps its original time). */
  offline?: boolean;
}

/** One sale with its lines and payments: total = Σ line totals + shipping. */
export async function insertReportSale(db: Db, spec: ReportSale) {
  const { lastSaleNumber: number } = await db.branch.update({
    where: { id: spec.branchId },
    data: { lastSaleNumber: { increment: 1 } },
    select: { lastSaleNumber: true },
  });
  const lineTotals = spec.lines.map((line) =>
    lineTotalCents(line.quantity, toCents(line.unitPrice), toCents(line.discount ?? "0")),
  );
  const subtotal = sumCents(lineTotals);
  const shipping = toCents(spec.shipping ?? "0");
  const total = fromCents(addCents(subtotal, shipping));
  return db.sale.create({
    data: {
      channel: spec.channel ?? "POS",
      status: spec.status ?? "COMPLETED",
      branchId: spec.branchId,
      number,
      clientId: randomUUID(),
      cashierId: spec.cashierId ?? null,
      subtotal: fromCents(subtotal),
      shipping: fromCents(shipping),
      total,
      createdAt: spec.at,
      ...(spec.offline ? { createdOffline: true, offlineCreatedAt: spec.at } : {}),
      items: {
        create: spec.lines.map((line, index) => ({
          variantId: line.variantId,
          productName: "Report item",
          sku: `REP-${line.variantId}`,
          quantity: line.quantity,
          unitPrice: line.unitPrice,
          unitCost: line.unitCost,
          discount: line.discount ?? "0.00",
          lineTotal: fromCents(lineTotals[index] ?? 0),
        })),
      },
      payments: {
        create: (spec.payments ?? [{ method: "CASH" as const, amount: total }]).map((payment) => ({
          ...payment,
          createdAt: spec.at,
        })),
      },
    },
    select: { id: true, number: true, total: true, items: { select: { id: true, variantId: true } } },
  });
}

/** A refund of some lines of a sale, as the returns service would leave it. */
export async function insertReportReturn(
  db: Db,
  spec: {
    saleId: number;
    branchId: number;
    userId: number;
    at: Date;
    method: PaymentType;
    lines: { saleItemId: number; variantId: number; quantity: number; amount: string }[];
  },
) {
  const refund = fromCents(sumCents(spec.lines.map((line) => toCents(line.amount))));
  return db.return.create({
    data: {
      saleId: spec.saleId,
      branchId: spec.branchId,
      userId: spec.userId,
      clientId: randomUUID(),
      refundAmount: refund,
      refundMethod: spec.method,
      reason: "Report test return",
      createdAt: spec.at,
      items: { create: spec.lines },
    },
    select: { id: true },
  });
}

/** A shortfall an offline sale left at a branch (domain rule 2). */
export function insertShortfall(
  db: Db,
  spec: { saleId: number; branchId: number; variantId: number; quantity: number },
) {
  return db.stockShortfall.create({ data: spec, select: { id: true } });
}
