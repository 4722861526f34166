import { ZBranchCreate, ZBranchId, ZBranchList, ZBranchUpdate } from "@pos/validators";
import { adminProcedure, staffProcedure } from "../procedures.ts";
import { createBranch, getBranch, listBranches, setBranchActive, updateBranch } from "../services/branches.ts";
import { router } from "../trpc.ts";

/** Shops. Staff read (cashiers: active branches, public facts only); admins change them. */
export const branchesRouter = router({
  list: staffProcedure.input(ZBranchList).query(({ ctx, input }) => listBranches(ctx.db, input, ctx.user)),
  get: staffProcedure.input(ZBranchId).query(({ ctx, input }) => getBranch(ctx.db, input.id, ctx.user)),
  create: adminProcedure.input(ZBranchCreate).mutation(({ ctx, input }) => createBranch(ctx.db, input, ctx.user)),
  update: adminProcedure.input(ZBranchUpdate).mutation(({ ctx, input }) => updateBranch(ctx.db, input, ctx.user)),
  /** Refused while the branch fulfils online orders (StoreConfig.fulfillmentBranchId). */
  deactivate: adminProcedure
    .input(ZBranchId)
    .mutation(({ ctx, input }) => setBranchActive(ctx.db, input.id, false, ctx.user)),
  activate: adminProcedure
    .input(ZBranchId)
    .mutation(({ ctx, input }) => setBranchActive(ctx.db, input.id, true, ctx.user)),
});
