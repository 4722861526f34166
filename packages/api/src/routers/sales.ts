import { ZSaleCreate } from "@pos/validators";
import { branchProcedure } from "../procedures.ts";
import { createSale } from "../services/sales/create-sale.ts";
import { router } from "../trpc.ts";

/** Register sales: selling, receipts, history, voids. Cashiers work in their own branch. */
export const salesRouter = router({
  /** Exactly once per `clientId`; offline sales (with `offlineAt`) are accepted even when stock ran short. */
  create: branchProcedure(ZSaleCreate).mutation(({ ctx, input }) => createSale(ctx, input, ctx.user)),
});
