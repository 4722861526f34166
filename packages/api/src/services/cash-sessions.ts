// Cash sessions: a register shift from the opening float to the counted close, and the Z report built on it.
import type { Db } from "@pos/db";
import type { Tx } from "./stock-ledger.ts";

/** The cashier's open session at this branch, if any: every register sale belongs to one. */
export function findOpenCashSession(db: Db | Tx, branchId: number, cashierId: number) {
  return db.cashSession.findFirst({
    where: { branchId, cashierId, closedAt: null },
    select: { id: true, openedAt: true },
    orderBy: { openedAt: "desc" },
  });
}
