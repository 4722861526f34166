import { ZLedgerQuery, ZLowStock, ZStockAdjust, ZStockByBranch, ZStockCount, ZStockGrid } from "@pos/validators";
import { branchProcedure, branchScope, managerProcedure, staffProcedure } from "../procedures.ts";
import {
  adjustStock,
  countStock,
  listLowStock,
  listStockByBranch,
  readLedger,
  readStockGrid,
} from "../services/inventory.ts";
import { router } from "../trpc.ts";

/** Stock on hand, its ledger, and corrections. Reads are branch-scoped for cashiers; changes need a manager. */
export const inventoryRouter = router({
  /** A product's sizes × branches; a cashier sees only their own branch's column. */
  grid: staffProcedure
    .input(ZStockGrid)
    .query(({ ctx, input }) =>
      readStockGrid(ctx.db, { productId: input.productId, branchIds: branchScope(ctx.user, input.branchId) }),
    ),

  byBranch: branchProcedure(ZStockByBranch).query(({ ctx, input }) => listStockByBranch(ctx.db, input)),

  lowStock: branchProcedure(ZLowStock).query(({ ctx, input }) => listLowStock(ctx.db, input)),

  ledger: managerProcedure.input(ZLedgerQuery).query(({ ctx, input }) => readLedger(ctx.db, input)),

  adjust: managerProcedure.input(ZStockAdjust).mutation(({ ctx, input }) => adjustStock(ctx, input, ctx.user)),

  count: managerProcedure.input(ZStockCount).mutation(({ ctx, input }) => countStock(ctx, input, ctx.user)),
});
