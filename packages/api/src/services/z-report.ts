// The end-of-day (Z) report: for one cash session, and for one branch over one calendar day. Sales that were
// voided or cancelled are counted apart and left out of every total, the way the drawer leaves them out.
import type { Db, PaymentType, Prisma } from "@pos/db";
import { dayBounds as calendarDayBounds, fromCents, sumCents } from "@pos/validators";
import { DomainError } from "../errors.ts";
import { cashSessionSelect, cents, loadCashSession, sessionView } from "./cash-drawer.ts";

/**
 * The shop's calendar. StoreConfig has no time zone yet (the receipt prints in this one too), so the reference
 * shop's is fixed here: a day is midnight to midnight in Buenos Aires, not in UTC, or a late sale would land in
 * the next day's report.
 */
export const STORE_TIME_ZONE = "America/Argentina/Buenos_Aires";

const NOT_STANDING = ["VOIDED", "CANCELLED"] as const;

/** `day` ("2026-11-23") as the instants [from, to) of its midnight-to-midnight in the store's zone. */
export function dayBounds(day: string, timeZone: string = STORE_TIME_ZONE): { from: Date; to: Date } {
  return calendarDayBounds(day, timeZone);
}

const sortByMethod = <T extends { method: PaymentType }>(rows: T[]) =>
  rows.sort((a, b) => a.method.localeCompare(b.method));

/** Tickets, units, discounts, surcharges and money by payment method of the sales `where` selects. */
async function salesSummary(db: Db, where: Prisma.SaleWhereInput) {
  const standing: Prisma.SaleWhereInput = { ...where, status: { notIn: [...NOT_STANDING] } };
  const [tickets, voided, totals, lines, payments] = await Promise.all([
    db.sale.count({ where: standing }),
    db.sale.count({ where: { ...where, status: { in: [...NOT_STANDING] } } }),
    db.sale.aggregate({ where: standing, _sum: { subtotal: true, discount: true, surcharge: true, total: true } }),
    db.saleItem.aggregate({ where: { sale: standing }, _sum: { quantity: true, discount: true } }),
    db.payment.groupBy({
      by: ["method"],
      where: { sale: standing },
      _sum: { amount: true, surcharge: true },
      _count: { _all: true },
    }),
  ]);
  const lineDiscounts = cents(lines._sum.discount);
  // Sale.discount holds the sale-wide discount plus the payment methods' (cash −10 %); lines keep their own.
  const saleDiscounts = cents(totals._sum.discount);
  return {
    tickets,
    voided,
    units: lines._sum.quantity ?? 0,
    subtotal: fromCents(cents(totals._sum.subtotal)),
    discounts: {
      lines: fromCents(lineDiscounts),
      sale: fromCents(saleDiscounts),
      total: fromCents(lineDiscounts + saleDiscounts),
    },
    surcharges: fromCents(cents(totals._sum.surcharge)),
    total: fromCents(cents(totals._sum.total)),
    byMethod: sortByMethod(
      payments.map((row) => ({
        method: row.method,
        payments: row._count._all,
        amount: fromCents(cents(row._sum.amount)),
        surcharge: fromCents(cents(row._sum.surcharge)),
      })),
    ),
  };
}

/** Count and refunded money, in total and by refund method. */
async function returnsSummary(db: Db, where: Prisma.ReturnWhereInput) {
  const byMethod = await db.return.groupBy({
    by: ["refundMethod"],
    where,
    _sum: { refundAmount: true },
    _count: { _all: true },
  });
  const rows = sortByMethod(
    byMethod.map((row) => ({ method: row.refundMethod, count: row._count._all, cents: cents(row._sum.refundAmount) })),
  );
  return {
    count: rows.reduce((sum, row) => sum + row.count, 0),
    refunded: fromCents(sumCents(rows.map((row) => row.cents))),
    byMethod: rows.map(({ method, count, cents: refunded }) => ({ method, count, refunded: fromCents(refunded) })),
  };
}

const movementSelect = {
  id: true,
  sessionId: true,
  type: true,
  amount: true,
  reason: true,
  createdAt: true,
  user: { select: { id: true, name: true } },
} satisfies Prisma.CashMovementSelect;

async function cashMovements(db: Db, where: Prisma.CashMovementWhereInput) {
  const rows = await db.cashMovement.findMany({ where, select: movementSelect, orderBy: { id: "asc" } });
  const total = (type: "PAY_IN" | "PAY_OUT") =>
    fromCents(sumCents(rows.filter((row) => row.type === type).map((row) => cents(row.amount))));
  return {
    payIns: total("PAY_IN"),
    payOuts: total("PAY_OUT"),
    items: rows.map((row) => ({ ...row, amount: fromCents(cents(row.amount)) })),
  };
}

/** The Z report of one session: its drawer, its sales, the cashier's refunds while it was open, its pay-ins/outs. */
export async function sessionZReport(db: Db, sessionId: number) {
  const row = await loadCashSession(db, sessionId);
  const [session, sales, returns, movements] = await Promise.all([
    sessionView(db, row),
    salesSummary(db, { cashSessionId: row.id }),
    returnsSummary(db, {
      userId: row.cashierId,
      branchId: row.branchId,
      createdAt: { gte: row.openedAt, ...(row.closedAt ? { lt: row.closedAt } : {}) },
    }),
    cashMovements(db, { sessionId: row.id }),
  ]);
  return { session, sales, returns, movements };
}

/**
 * One branch's register day: POS sales made that day (online orders are the managers' queue, not a drawer's),
 * by payment method and by cashier; returns made at the branch; and every session that was open at some point
 * of the day, with what its drawer should hold and what was counted.
 */
export async function branchDayReport(db: Db, branchId: number, day: string) {
  const branch = await db.branch.findUnique({ where: { id: branchId }, select: { id: true, name: true, code: true } });
  if (!branch) throw new DomainError("NOT_FOUND", `Branch ${branchId} does not exist.`, { branchId });
  const { from, to } = dayBounds(day);
  const window = { gte: from, lt: to };
  const salesWhere: Prisma.SaleWhereInput = { branchId, channel: "POS", createdAt: window };
  const standing: Prisma.SaleWhereInput = { ...salesWhere, status: { notIn: [...NOT_STANDING] } };
  const [sales, perCashier, returns, sessionRows, movements] = await Promise.all([
    salesSummary(db, salesWhere),
    db.sale.groupBy({ by: ["cashierId"], where: standing, _sum: { total: true }, _count: { _all: true } }),
    returnsSummary(db, { branchId, createdAt: window }),
    db.cashSession.findMany({
      where: { branchId, openedAt: { lt: to }, OR: [{ closedAt: null }, { closedAt: { gte: from } }] },
      select: cashSessionSelect,
      orderBy: { openedAt: "asc" },
    }),
    cashMovements(db, { session: { branchId }, createdAt: window }),
  ]);
  const cashierIds = perCashier.flatMap((row) => (row.cashierId === null ? [] : [row.cashierId]));
  const names = await db.user.findMany({ where: { id: { in: cashierIds } }, select: { id: true, name: true } });
  const byCashier = perCashier
    .map((row) => ({
      cashier: names.find((user) => user.id === row.cashierId) ?? null,
      tickets: row._count._all,
      total: fromCents(cents(row._sum.total)),
    }))
    .sort((a, b) => (a.cashier?.name ?? "").localeCompare(b.cashier?.name ?? ""));
  const sessions = [];
  for (const row of sessionRows) sessions.push(await sessionView(db, row));
  return { branch, day, timeZone: STORE_TIME_ZONE, from, to, sales, byCashier, returns, sessions, movements };
}
