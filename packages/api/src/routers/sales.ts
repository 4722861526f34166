import { ZReceiptRequest, ZSaleCreate, ZSaleFind, ZSaleList, ZSaleVoid } from "@pos/validators";
import { branchProcedure, branchScope, managerProcedure, saleProcedure, staffProcedure } from "../procedures.ts";
import { voidSale } from "../services/orders/status.ts";
import { createSale } from "../services/sales/create-sale.ts";
import { findSaleByReference, listSales } from "../services/sales/history.ts";
import { printableReceipt } from "../services/sales/receipt.ts";
import { router } from "../trpc.ts";

/** Register sales: selling, receipts, history, voids. Cashiers work in their own branch. */
export const salesRouter = router({
  /** Exactly once per `clientId`; offline sales (with `offlineAt`) are accepted even when stock ran short. */
  create: branchProcedure(ZSaleCreate).mutation(({ ctx, input }) => createSale(ctx, input, ctx.user)),

  /** The receipt as data (for the 80 mm print view) and as text for thermal printers; also reprints. */
  receipt: saleProcedure(ZReceiptRequest).query(({ ctx, input }) => printableReceipt(ctx.db, ctx.sale.id, input)),

  /** A scanned receipt barcode or typed number → the sale (returns and reprints start here). */
  find: staffProcedure
    .input(ZSaleFind)
    .query(({ ctx, input }) => findSaleByReference(ctx.db, input.reference, branchScope(ctx.user))),

  /** Newest first; cashiers see their own branch. */
  list: staffProcedure
    .input(ZSaleList)
    .query(({ ctx, input }) => listSales(ctx.db, input, branchScope(ctx.user, input.branchId))),

  /** Managers only: a completed sale without returns, taken back whole with a reason (restocks every line). */
  void: managerProcedure.input(ZSaleVoid).mutation(({ ctx, input }) => voidSale(ctx, input, ctx.user)),
});
