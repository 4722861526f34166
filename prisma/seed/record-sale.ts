// Writes one sale: the Sale row with its totals, the lines with their snapshots, the payments, and the stock
// leaving the branch through SALE movements (domain rules 4 and 5: ledger and exact money).
import type { Fulfillment, SaleChannel, SaleStatus } from "@pos/db";
import { fromCents, includedTax, sumCents } from "@pos/validators";
import type { CustomerRef } from "./customers.ts";
import type { Settlement } from "./payments.ts";
import type { Line } from "./sales.ts";
import type { CashSessionState, Sim } from "./sim.ts";

const TAX_RATE = 21;

export interface OrderFields {
  contactName: string;
  contactEmail: string | null;
  contactPhone: string | null;
  fulfillment: Fulfillment;
  shippingAddress: string | null;
  expiresAt: number | null;
  notes: string | null;
}

export interface SaleInput {
  channel: SaleChannel;
  status: SaleStatus;
  branchId: number;
  at: number;
  cashierId: number | null;
  session: CashSessionState | null;
  customer: CustomerRef | null;
  lines: Line[];
  settlement: Settlement;
  updatedAt: number;
  cancelledAt: number | null;
  offlineAt: number | null;
  order: OrderFields | null;
}

export function recordSale(sim: Sim, input: SaleInput): { id: number; itemIds: number[] } {
  const { sink, ids } = sim;
  const id = ids.sale.next();
  const at = new Date(input.at);
  const subtotal = sumCents(input.lines.map((line) => line.lineTotal));
  const { discount, surcharge, payments } = input.settlement;
  const total = subtotal - discount + surcharge;
  sink.push("Sale", {
    id,
    channel: input.channel,
    status: input.status,
    branchId: input.branchId,
    number: sim.nextNumber(input.branchId),
    clientId: sim.rng.uuid(),
    requestHash: null,
    cashierId: input.cashierId,
    customerId: input.customer?.id ?? null,
    cashSessionId: input.session?.id ?? null,
    subtotal: fromCents(subtotal),
    discount: fromCents(discount),
    tax: fromCents(includedTax(total, TAX_RATE)),
    surcharge: fromCents(surcharge),
    // Orders ship free here: the seed only ships above the free-shipping threshold.
    shipping: "0.00",
    total: fromCents(total),
    notes: input.order?.notes ?? null,
    contactName: input.order?.contactName ?? null,
    contactEmail: input.order?.contactEmail ?? null,
    contactPhone: input.order?.contactPhone ?? null,
    fulfillment: input.order?.fulfillment ?? null,
    shippingAddress: input.order?.shippingAddress ?? null,
    expiresAt: input.order?.expiresAt ? new Date(input.order.expiresAt) : null,
    createdOffline: input.offlineAt !== null,
    offlineCreatedAt: input.offlineAt === null ? null : new Date(input.offlineAt),
    createdAt: at,
    updatedAt: new Date(input.updatedAt),
    cancelledAt: input.cancelledAt === null ? null : new Date(input.cancelledAt),
  });
  const itemIds = input.lines.map((line) => {
    const itemId = ids.saleItem.next();
    sink.push("SaleItem", {
      id: itemId,
      saleId: id,
      variantId: line.variant.id,
      productName: line.productName,
      sizeLabel: line.variant.sizeLabel,
      sku: line.variant.sku,
      quantity: line.quantity,
      unitPrice: fromCents(line.unitPrice),
      unitCost: fromCents(line.variant.costCents),
      discount: fromCents(line.discount),
      taxRate: "21.00",
      lineTotal: fromCents(line.lineTotal),
    });
    sim.ledger.move({
      branchId: input.branchId,
      variantId: line.variant.id,
      quantity: -line.quantity,
      type: "SALE",
      at,
      saleId: id,
      userId: input.cashierId,
    });
    sim.considerRestock(input.branchId, line.variant.id, input.at);
    return itemId;
  });
  for (const payment of payments) {
    sink.push("Payment", {
      id: ids.payment.next(),
      saleId: id,
      method: payment.method.type,
      methodConfigId: payment.method.id,
      amount: fromCents(payment.amount),
      installments: payment.installments,
      surcharge: fromCents(payment.surcharge),
      tendered: payment.tendered === null ? null : fromCents(payment.tendered),
      reference: payment.reference,
      createdAt: at,
    });
    if (payment.method.type === "CASH" && input.session) input.session.cashIn += payment.amount;
  }
  return { id, itemIds };
}
