// What a cash drawer should hold, and a cash session as the API shows it: the arithmetic both the session
// lifecycle (cash-sessions.ts) and the Z report (z-report.ts) stand on.
import type { Db, Prisma } from "@pos/db";
import { addCents, fromCents, toCents, type Cents, type DecimalLike } from "@pos/validators";
import { DomainError } from "../errors.ts";
import type { Tx } from "./stock-ledger.ts";

type Reader = Db | Tx;

export const money = (amount: DecimalLike): string => fromCents(toCents(amount));
const moneyOrNull = (amount: DecimalLike | null): string | null => (amount === null ? null : money(amount));

export const cashSessionSelect = {
  id: true,
  branchId: true,
  cashierId: true,
  openedAt: true,
  openingFloat: true,
  closedAt: true,
  countedCash: true,
  expectedCash: true,
  difference: true,
  notes: true,
  branch: { select: { id: true, name: true, code: true } },
  cashier: { select: { id: true, name: true } },
} satisfies Prisma.CashSessionSelect;

export type SessionRow = Prisma.CashSessionGetPayload<{ select: typeof cashSessionSelect }>;

/** The facts the drawer arithmetic needs. */
export interface SessionFacts {
  id: number;
  branchId: number;
  cashierId: number;
  openedAt: Date;
  openingFloat: string | DecimalLike;
  /** The end of the refund window: the close, or null while the session is open. */
  closedAt: Date | null;
}

export interface DrawerCents {
  openingFloat: Cents;
  /** CASH payments of the session's sales that still stand (not voided or cancelled); change is not in it. */
  cashSales: Cents;
  /** CASH refunds the cashier gave at this branch while the session was open. */
  cashRefunds: Cents;
  payIns: Cents;
  payOuts: Cents;
  /** openingFloat + cashSales − cashRefunds + payIns − payOuts. */
  expected: Cents;
}

export const cents = (amount: DecimalLike | null | undefined): Cents => (amount ? toCents(amount) : 0);

/**
 * What the drawer should hold. Returns carry no session, so a cash refund is the session's when its cashier gave
 * it at the session's branch between the opening and the close (`until`, or now while open). Sums are taken by
 * Postgres over numeric columns, which is exact; the combination is done in cents. Queries run one after the
 * other so this also works on a transaction's single connection.
 */
export async function drawerCents(db: Reader, session: SessionFacts): Promise<DrawerCents> {
  const sales = await db.payment.aggregate({
    _sum: { amount: true },
    where: { method: "CASH", sale: { cashSessionId: session.id, status: { notIn: ["VOIDED", "CANCELLED"] } } },
  });
  const refunds = await db.return.aggregate({
    _sum: { refundAmount: true },
    where: {
      refundMethod: "CASH",
      userId: session.cashierId,
      branchId: session.branchId,
      createdAt: { gte: session.openedAt, ...(session.closedAt ? { lt: session.closedAt } : {}) },
    },
  });
  const movements = await db.cashMovement.groupBy({
    by: ["type"],
    where: { sessionId: session.id },
    _sum: { amount: true },
  });
  const moved = (type: "PAY_IN" | "PAY_OUT") => cents(movements.find((row) => row.type === type)?._sum.amount);
  const drawer = {
    openingFloat: toCents(session.openingFloat),
    cashSales: cents(sales._sum.amount),
    cashRefunds: cents(refunds._sum.refundAmount),
    payIns: moved("PAY_IN"),
    payOuts: moved("PAY_OUT"),
  };
  const expected = addCents(drawer.openingFloat, drawer.cashSales, -drawer.cashRefunds, drawer.payIns, -drawer.payOuts);
  return { ...drawer, expected };
}

export function drawerView(drawer: DrawerCents) {
  return {
    openingFloat: fromCents(drawer.openingFloat),
    cashSales: fromCents(drawer.cashSales),
    cashRefunds: fromCents(drawer.cashRefunds),
    payIns: fromCents(drawer.payIns),
    payOuts: fromCents(drawer.payOuts),
    expected: fromCents(drawer.expected),
  };
}

function summaryOf(row: SessionRow, expectedCash: string) {
  return {
    id: row.id,
    branch: row.branch,
    cashier: row.cashier,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    notes: row.notes,
    openingFloat: money(row.openingFloat),
    /** Live while the session is open; as frozen at the close afterwards. */
    expectedCash,
    countedCash: moneyOrNull(row.countedCash),
    difference: moneyOrNull(row.difference),
  };
}

/** A session as the API shows it, with its drawer broken down (computed over the session's window). */
export async function sessionView(db: Reader, row: SessionRow) {
  const drawer = drawerView(await drawerCents(db, row));
  return { ...summaryOf(row, row.expectedCash === null ? drawer.expected : money(row.expectedCash)), drawer };
}

/** A list row: no breakdown, so a closed session costs no query; an open one gets its live expected cash. */
export async function sessionSummary(db: Reader, row: SessionRow) {
  if (row.expectedCash !== null) return summaryOf(row, money(row.expectedCash));
  return summaryOf(row, fromCents((await drawerCents(db, row)).expected));
}

export type CashSessionView = Awaited<ReturnType<typeof sessionView>>;

export async function loadCashSession(db: Reader, sessionId: number): Promise<SessionRow> {
  const row = await db.cashSession.findUnique({ where: { id: sessionId }, select: cashSessionSelect });
  if (!row) throw new DomainError("NOT_FOUND", `Cash session ${sessionId} does not exist.`, { sessionId });
  return row;
}

export async function getCashSession(db: Reader, sessionId: number): Promise<CashSessionView> {
  return sessionView(db, await loadCashSession(db, sessionId));
}
