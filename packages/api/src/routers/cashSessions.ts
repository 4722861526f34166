import { TRPCError } from "@trpc/server";
import {
  ZBranchDayReport,
  ZBranchRef,
  ZCashClose,
  ZCashMovement,
  ZCashOpen,
  ZCashSessionList,
  ZCashSessionRef,
} from "@pos/validators";
import type { z } from "zod";
import { branchProcedure, branchScope, canAccessBranch, staffProcedure } from "../procedures.ts";
import {
  closeCashSession,
  currentCashSession,
  listCashSessions,
  moveCash,
  openCashSession,
} from "../services/cash-sessions.ts";
import { branchDayReport, sessionZReport } from "../services/z-report.ts";
import { router } from "../trpc.ts";

/**
 * Staff on one cash session (`input.sessionId`) of a branch they work in; the session is on `ctx.cashSession`.
 * The input is parsed before anything is loaded, and the branch is checked before the session is shown.
 */
function cashSessionProcedure<TOutput extends { sessionId: number }, TInput>(schema: z.ZodType<TOutput, TInput>) {
  return staffProcedure.input(schema).use(async ({ ctx, input, next }) => {
    const cashSession = await ctx.db.cashSession.findUnique({
      where: { id: input.sessionId },
      select: { id: true, branchId: true, cashierId: true },
    });
    if (!cashSession) {
      throw new TRPCError({ code: "NOT_FOUND", message: `Cash session ${input.sessionId} does not exist.` });
    }
    if (!canAccessBranch(ctx.user, cashSession.branchId)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "This cash session belongs to another branch." });
    }
    return next({ ctx: { cashSession } });
  });
}

/** Register shifts: open with a float, pay in and out, count out at the close; Z reports on top. */
export const cashSessionsRouter = router({
  /** The caller's own open session at the branch with its running drawer, or null. */
  current: branchProcedure(ZBranchRef).query(({ ctx }) => currentCashSession(ctx.db, ctx.branch.id, ctx.user)),

  /** One open session per person and branch: a second open is CONFLICT, even when both are sent at once. */
  open: branchProcedure(ZCashOpen).mutation(({ ctx, input }) => openCashSession(ctx.db, input, ctx.user)),

  /** Cash into the caller's own open drawer at the branch. */
  payIn: branchProcedure(ZCashMovement).mutation(({ ctx, input }) => moveCash(ctx.db, "PAY_IN", input, ctx.user)),

  /** Cash out of the caller's own open drawer, never more than it should hold. */
  payOut: branchProcedure(ZCashMovement).mutation(({ ctx, input }) => moveCash(ctx.db, "PAY_OUT", input, ctx.user)),

  /** Cashiers close their own session; managers and admins anyone's (e.g. a cashier who went home). */
  close: cashSessionProcedure(ZCashClose).mutation(({ ctx, input }) => closeCashSession(ctx.db, input, ctx.user)),

  /** The Z report of one session, for any staff of its branch. */
  zReport: cashSessionProcedure(ZCashSessionRef).query(({ ctx }) => sessionZReport(ctx.db, ctx.cashSession.id)),

  /** One branch, one calendar day in the store's time zone: managers, or the branch's own cashiers. */
  branchDayReport: branchProcedure(ZBranchDayReport).query(({ ctx, input }) =>
    branchDayReport(ctx.db, ctx.branch.id, input.day),
  ),

  /** Newest first; cashiers see their own branch's sessions. */
  list: staffProcedure
    .input(ZCashSessionList)
    .query(({ ctx, input: { branchId, ...filters } }) =>
      listCashSessions(ctx.db, { ...filters, branchIds: branchScope(ctx.user, branchId) }),
    ),
});
