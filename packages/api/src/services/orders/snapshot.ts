// How an order reads back: what the shopper may see of it (their order page, a replayed checkout) and what a
// manager sees in the queue. Declared as `select`s so nothing else (costs, cashier, other customers) can leak.
import type { Prisma } from "@pos/db";
import { formatSaleReference } from "@pos/validators";

export const publicOrderSelect = {
  id: true,
  number: true,
  channel: true,
  status: true,
  createdAt: true,
  expiresAt: true,
  contactName: true,
  fulfillment: true,
  shippingAddress: true,
  subtotal: true,
  discount: true,
  surcharge: true,
  shipping: true,
  tax: true,
  total: true,
  branch: { select: { code: true, name: true, address: true } },
  items: {
    select: { productName: true, sizeLabel: true, quantity: true, unitPrice: true, lineTotal: true },
    orderBy: { id: "asc" },
  },
  payments: { select: { method: true, methodConfig: { select: { name: true } } }, orderBy: { id: "asc" } },
} satisfies Prisma.SaleSelect;

export type PublicOrderRow = Prisma.SaleGetPayload<{ select: typeof publicOrderSelect }>;

export interface OrderItemView {
  productName: string;
  sizeLabel: string | null;
  quantity: number;
  unitPrice: string;
  lineTotal: string;
}

/** The method an order is paid with (orders have at most one; WhatsApp ones none until agreed in the chat). */
export function paymentOf(row: Pick<PublicOrderRow, "payments">) {
  const payment = row.payments[0];
  return payment ? { type: payment.method, name: payment.methodConfig?.name ?? payment.method } : null;
}

/** What a shopper sees of their own order: no ids, costs, staff or contact details beyond their name. */
export function toPublicOrder(row: PublicOrderRow) {
  return {
    reference: formatSaleReference(row.branch.code, row.number),
    channel: row.channel,
    status: row.status,
    createdAt: row.createdAt,
    /** WhatsApp orders still PENDING: when the held stock goes back on the shelf. */
    expiresAt: row.status === "PENDING" ? row.expiresAt : null,
    contactName: row.contactName,
    fulfillment: row.fulfillment,
    shippingAddress: row.shippingAddress,
    pickupAt: row.fulfillment === "PICKUP" ? { name: row.branch.name, address: row.branch.address } : null,
    items: row.items.map((item): OrderItemView => ({
      productName: item.productName,
      sizeLabel: item.sizeLabel,
      quantity: item.quantity,
      unitPrice: item.unitPrice.toFixed(2),
      lineTotal: item.lineTotal.toFixed(2),
    })),
    subtotal: row.subtotal.toFixed(2),
    discount: row.discount.toFixed(2),
    surcharge: row.surcharge.toFixed(2),
    shipping: row.shipping.toFixed(2),
    tax: row.tax.toFixed(2),
    total: row.total.toFixed(2),
    paymentMethod: paymentOf(row)?.name ?? null,
  };
}

export type PublicOrder = ReturnType<typeof toPublicOrder>;
