// The managers' order queue in the admin section: online and WhatsApp orders, newest first, and one order in
// full with the statuses it can move to next.
import type { Db, Prisma } from "@pos/db";
import { formatSaleReference, ORDER_CHANNELS, type TOrderListParsed } from "@pos/validators";
import { DomainError } from "../../errors.ts";
import { publicOrderSelect, toPublicOrder } from "./snapshot.ts";
import { nextStatuses } from "./transitions.ts";

const orderRowSelect = {
  id: true,
  number: true,
  channel: true,
  status: true,
  createdAt: true,
  expiresAt: true,
  contactName: true,
  fulfillment: true,
  total: true,
  branch: { select: { id: true, code: true, name: true } },
  _count: { select: { items: true } },
} satisfies Prisma.SaleSelect;

export async function listOrders(db: Db, input: TOrderListParsed) {
  const rows = await db.sale.findMany({
    where: {
      channel: input.channel ?? { in: [...ORDER_CHANNELS] },
      status: input.status,
      id: input.cursor ? { lt: input.cursor } : undefined,
    },
    select: orderRowSelect,
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  const items = rows.slice(0, input.limit).map(({ branch, _count, total, number, ...row }) => ({
    ...row,
    reference: formatSaleReference(branch.code, number),
    branchId: branch.id,
    branchName: branch.name,
    total: total.toFixed(2),
    lineCount: _count.items,
  }));
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

/** Everything a manager needs to handle the order: contact details, notes, payment, and what it can become. */
export async function getOrder(db: Db, saleId: number) {
  const order = await db.sale.findFirst({
    where: { id: saleId, channel: { in: [...ORDER_CHANNELS] } },
    select: {
      ...publicOrderSelect,
      contactEmail: true,
      contactPhone: true,
      notes: true,
      updatedAt: true,
      cancelledAt: true,
      branchId: true,
      payments: { select: { method: true, amount: true, methodConfig: { select: { name: true } } } },
    },
  });
  if (!order) throw new DomainError("NOT_FOUND", `Order ${saleId} does not exist. Reload the order queue.`);
  const { contactEmail, contactPhone, notes, updatedAt, cancelledAt, branchId, payments } = order;
  return {
    ...toPublicOrder(order),
    id: order.id,
    expiresAt: order.expiresAt,
    branch: { id: branchId, code: order.branch.code, name: order.branch.name },
    contact: { name: order.contactName, email: contactEmail, phone: contactPhone },
    notes,
    updatedAt,
    cancelledAt,
    payments: payments.map((payment) => ({
      method: payment.method,
      name: payment.methodConfig?.name ?? payment.method,
      amount: payment.amount.toFixed(2),
    })),
    next: nextStatuses(order.status),
  };
}
