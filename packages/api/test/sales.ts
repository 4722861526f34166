// Sales, payments and returns written straight into the tables, for tests of what is built on them (cash
// sessions, Z reports). They bypass the sale service on purpose: a report test decides exactly which rows exist,
// including voided sales, odd timestamps and refunds, without depending on pricing or stock.
import { randomUUID } from "node:crypto";
import type { Db, PaymentType, SaleChannel, SaleStatus } from "@pos/db";
import { addCents, fromCents, lineTotalCents, sumCents, toCents } from "@pos/validators";

export interface LineSpec {
  variantId: number;
  quantity: number;
  unitPrice: string;
  /** Amount off the line (not per unit). */
  discount?: string;
}

export interface PaymentSpec {
  method: PaymentType;
  /** What this method pays towards the total. */
  amount: string;
  /** Cash handed over; the change (tendered − amount) goes back to the customer. */
  tendered?: string;
  surcharge?: string;
}

export interface SaleSpec {
  branchId: number;
  cashierId: number | null;
  cashSessionId?: number | null;
  channel?: SaleChannel;
  status?: SaleStatus;
  lines: LineSpec[];
  payments: PaymentSpec[];
  /** Sale-wide discount, payment-method discounts included (as Sale.discount holds them). */
  discount?: string;
  surcharge?: string;
  createdAt?: Date;
}

/** One sale with its lines and payments; subtotal and total follow from the lines (total = subtotal − discount + surcharge). */
export async function insertSale(db: Db, spec: SaleSpec) {
  const { lastSaleNumber: number } = await db.branch.update({
    where: { id: spec.branchId },
    data: { lastSaleNumber: { increment: 1 } },
    select: { lastSaleNumber: true },
  });
  const lineTotals = spec.lines.map((line) =>
    lineTotalCents(line.quantity, toCents(line.unitPrice), toCents(line.discount ?? "0")),
  );
  const subtotal = sumCents(lineTotals);
  const discount = toCents(spec.discount ?? "0");
  const surcharge = toCents(spec.surcharge ?? "0");
  const createdAt = spec.createdAt ?? new Date();
  return db.sale.create({
    data: {
      channel: spec.channel ?? "POS",
      status: spec.status ?? "COMPLETED",
      branchId: spec.branchId,
      number,
      clientId: randomUUID(),
      cashierId: spec.cashierId,
      cashSessionId: spec.cashSessionId ?? null,
      subtotal: fromCents(subtotal),
      discount: fromCents(discount),
      surcharge: fromCents(surcharge),
      total: fromCents(addCents(subtotal, -discount, surcharge)),
      createdAt,
      items: {
        create: spec.lines.map((line, index) => ({
          variantId: line.variantId,
          productName: "Test item",
          sku: `TEST-${line.variantId}`,
          quantity: line.quantity,
          unitPrice: line.unitPrice,
          unitCost: "0.00",
          discount: line.discount ?? "0.00",
          lineTotal: fromCents(lineTotals[index] ?? 0),
        })),
      },
      payments: {
        create: spec.payments.map((payment) => ({
          method: payment.method,
          amount: payment.amount,
          tendered: payment.tendered ?? null,
          surcharge: payment.surcharge ?? "0.00",
          createdAt,
        })),
      },
    },
    select: { id: true, number: true, total: true },
  });
}

export interface ReturnSpec {
  saleId: number;
  branchId: number;
  userId: number;
  refundAmount: string;
  refundMethod: PaymentType;
  createdAt?: Date;
}

/** A refund as the returns service would leave it (lines are not needed by the cash figures). */
export function insertReturn(db: Db, spec: ReturnSpec) {
  return db.return.create({
    data: { ...spec, clientId: randomUUID(), reason: "Test return" },
    select: { id: true, createdAt: true },
  });
}
