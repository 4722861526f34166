import { ZTransferCreate, ZTransferList } from "@pos/validators";
import {
  assertBranchAccess,
  branchScope,
  managerProcedure,
  managerTransferProcedure,
  staffProcedure,
  transferProcedure,
} from "../procedures.ts";
import { cancelTransfer, createTransfer, listTransfers, receiveTransfer, sendTransfer } from "../services/transfers.ts";
import { router } from "../trpc.ts";

/** Stock moving between branches. Managers run transfers; the receiving branch's staff may receive them. */
export const transfersRouter = router({
  /** Newest first; a cashier sees those that involve their branch. */
  list: staffProcedure
    .input(ZTransferList)
    .query(({ ctx, input: { branchId, ...filters } }) =>
      listTransfers(ctx.db, { ...filters, branchIds: branchScope(ctx.user, branchId) }),
    ),

  get: transferProcedure.query(({ ctx }) => ctx.transfer),

  create: managerProcedure.input(ZTransferCreate).mutation(({ ctx, input }) => createTransfer(ctx.db, input, ctx.user)),

  send: managerTransferProcedure.mutation(({ ctx }) => sendTransfer(ctx, ctx.transfer.id, ctx.user)),

  /** Whoever unpacks the goods at the destination: its cashiers, or a manager. */
  receive: transferProcedure.mutation(({ ctx }) => {
    assertBranchAccess(ctx.user, ctx.transfer.toBranchId);
    return receiveTransfer(ctx, ctx.transfer.id, ctx.user);
  }),

  cancel: managerTransferProcedure.mutation(({ ctx }) => cancelTransfer(ctx, ctx.transfer.id, ctx.user)),
});
