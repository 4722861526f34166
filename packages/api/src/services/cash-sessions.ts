// Cash sessions: a register shift from the opening float to the counted close. What the drawer should hold is
// computed (cash-drawer.ts), never kept as a running total while the session is open, so a sale, a refund or a
// pay-out can never leave a stale figure behind; the close freezes it. The Z report is in z-report.ts.
import type { Db } from "@pos/db";
import {
  fromCents,
  toCents,
  type TCashCloseParsed,
  type TCashMovementParsed,
  type TCashOpenParsed,
  type TCashSessionListParsed,
} from "@pos/validators";
import type { SessionUser } from "../context.ts";
import { DomainError } from "../errors.ts";
import { recordAudit } from "./audit.ts";
import { cashSessionSelect, drawerCents, getCashSession, sessionSummary, type CashSessionView } from "./cash-drawer.ts";
import type { Tx } from "./stock-ledger.ts";

type Actor = Pick<SessionUser, "id" | "role">;
/** A queue of registers on one cashier's row is short; a transaction still waiting after this is a real fault. */
const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/** The cashier's open session at this branch, if any: every register sale belongs to one. */
export function findOpenCashSession(db: Db | Tx, branchId: number, cashierId: number) {
  return db.cashSession.findFirst({
    where: { branchId, cashierId, closedAt: null },
    select: { id: true, openedAt: true },
    orderBy: { openedAt: "desc" },
  });
}

/** The caller's open session at the branch with its running drawer, or null when they have none. */
export async function currentCashSession(db: Db, branchId: number, actor: Actor): Promise<CashSessionView | null> {
  const open = await findOpenCashSession(db, branchId, actor.id);
  return open ? getCashSession(db, open.id) : null;
}

/**
 * Opens the actor's session at a branch. The actor's User row is locked first, so two "open" presses at once
 * take turns: the second finds the first's session (read committed sees it once the first commits) and is
 * refused, instead of both reading "none" and both inserting.
 */
export async function openCashSession(db: Db, input: TCashOpenParsed, actor: Actor): Promise<CashSessionView> {
  const id = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${actor.id} FOR UPDATE`;
    const branch = await tx.branch.findUnique({ where: { id: input.branchId }, select: { name: true, active: true } });
    if (!branch) throw new DomainError("NOT_FOUND", `Branch ${input.branchId} does not exist.`);
    if (!branch.active) {
      throw new DomainError("PRECONDITION_FAILED", `${branch.name} is closed; cash sessions need an open branch.`);
    }
    const open = await findOpenCashSession(tx, input.branchId, actor.id);
    if (open) {
      throw new DomainError(
        "CONFLICT",
        `You already have a cash session open at ${branch.name} (since ${open.openedAt.toISOString()}). Keep using it, or close it before opening another.`,
        { sessionId: open.id },
      );
    }
    const created = await tx.cashSession.create({
      data: {
        branchId: input.branchId,
        cashierId: actor.id,
        openingFloat: input.openingFloat,
        notes: input.notes ?? null,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "cash_session.opened",
      entity: "CashSession",
      entityId: created.id,
      data: { branchId: input.branchId, openingFloat: input.openingFloat },
    });
    return created.id;
  }, TX_OPTIONS);
  return getCashSession(db, id);
}

interface LockedSession {
  id: number;
  branchId: number;
  cashierId: number;
  openedAt: Date;
  openingFloat: string;
  closedAt: Date | null;
  /** The database's clock: the same clock that stamps returns, so the refund window has one time source. */
  now: Date;
}

/**
 * Locks a session row: pay-ins, pay-outs and the close of one drawer take turns, so two pay-outs cannot both
 * spend the same cash and a session cannot be closed twice.
 */
async function lockSession(tx: Tx, sessionId: number): Promise<LockedSession> {
  const rows = await tx.$queryRaw<LockedSession[]>`
    SELECT "id", "branchId", "cashierId", "openedAt", "openingFloat"::text AS "openingFloat", "closedAt",
           clock_timestamp() AS "now"
      FROM "CashSession" WHERE "id" = ${sessionId} FOR UPDATE`;
  const session = rows[0];
  if (!session) throw new DomainError("NOT_FOUND", `Cash session ${sessionId} does not exist.`, { sessionId });
  return session;
}

/** A pay-in or pay-out on the actor's own open session at the branch. Pay-outs never take the drawer below zero. */
export async function moveCash(
  db: Db,
  type: "PAY_IN" | "PAY_OUT",
  input: TCashMovementParsed,
  actor: Actor,
): Promise<{ movementId: number; session: CashSessionView }> {
  const { movementId, sessionId } = await db.$transaction(async (tx) => {
    const open = await findOpenCashSession(tx, input.branchId, actor.id);
    const session = open ? await lockSession(tx, open.id) : null;
    // Re-checked under the lock: a close that committed while we waited wins.
    if (!session || session.closedAt) {
      throw new DomainError(
        "PRECONDITION_FAILED",
        "You have no open cash session at this branch. Open one before moving cash in or out of the drawer.",
      );
    }
    const amount = toCents(input.amount);
    if (type === "PAY_OUT") {
      const { expected } = await drawerCents(tx, { ...session, closedAt: null });
      if (amount > expected) {
        throw new DomainError(
          "PRECONDITION_FAILED",
          `The drawer should hold only ${fromCents(expected)}; a pay-out of ${input.amount} would leave it short. Pay out at most ${fromCents(Math.max(expected, 0))}, or count the drawer first.`,
          { available: fromCents(expected), requested: input.amount },
        );
      }
    }
    const movement = await tx.cashMovement.create({
      data: { sessionId: session.id, type, amount: input.amount, reason: input.reason, userId: actor.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: type === "PAY_IN" ? "cash_session.pay_in" : "cash_session.pay_out",
      entity: "CashSession",
      entityId: session.id,
      data: { movementId: movement.id, amount: input.amount, reason: input.reason },
    });
    return { movementId: movement.id, sessionId: session.id };
  }, TX_OPTIONS);
  return { movementId, session: await getCashSession(db, sessionId) };
}

/**
 * Counts the drawer out: expected cash is frozen as of the close, and the difference (counted − expected,
 * negative when cash is missing) is stored with it. Cashiers close their own sessions; managers and admins any.
 */
export async function closeCashSession(db: Db, input: TCashCloseParsed, actor: Actor): Promise<CashSessionView> {
  await db.$transaction(async (tx) => {
    const session = await lockSession(tx, input.sessionId);
    if (actor.role === "CASHIER" && session.cashierId !== actor.id) {
      throw new DomainError("FORBIDDEN", "This is another cashier's session: only they or a manager can close it.");
    }
    if (session.closedAt) {
      throw new DomainError(
        "CONFLICT",
        `Cash session ${session.id} was already closed at ${session.closedAt.toISOString()}. Open a new session to keep selling.`,
        { sessionId: session.id },
      );
    }
    const closedAt = session.now;
    const drawer = await drawerCents(tx, { ...session, closedAt });
    const counted = toCents(input.countedCash);
    const difference = counted - drawer.expected;
    await tx.cashSession.update({
      where: { id: session.id },
      data: {
        closedAt,
        countedCash: fromCents(counted),
        expectedCash: fromCents(drawer.expected),
        difference: fromCents(difference),
        ...(input.notes ? { notes: input.notes } : {}),
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "cash_session.closed",
      entity: "CashSession",
      entityId: session.id,
      data: {
        cashierId: session.cashierId,
        expectedCash: fromCents(drawer.expected),
        countedCash: fromCents(counted),
        difference: fromCents(difference),
      },
    });
  }, TX_OPTIONS);
  return getCashSession(db, input.sessionId);
}

/** Newest first; `branchIds` undefined means every branch. Each row carries its drawer figures. */
export async function listCashSessions(
  db: Db,
  input: Omit<TCashSessionListParsed, "branchId"> & { branchIds: readonly number[] | undefined },
) {
  const rows = await db.cashSession.findMany({
    where: {
      ...(input.branchIds ? { branchId: { in: [...input.branchIds] } } : {}),
      cashierId: input.cashierId,
      openedAt: { gte: input.from, lt: input.to },
      ...(input.open === undefined ? {} : { closedAt: input.open ? null : { not: null } }),
      ...(input.cursor ? { id: { lt: input.cursor } } : {}),
    },
    select: cashSessionSelect,
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  const items = [];
  for (const row of rows.slice(0, input.limit)) items.push(await sessionSummary(db, row));
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}
