import {
  ZBranchRef,
  ZLiveFeed,
  ZParkedSaleRef,
  ZReceiptRequest,
  ZSaleCreate,
  ZSaleFind,
  ZSaleList,
  ZSalePark,
  ZSaleRef,
  ZSaleReturn,
  ZSaleVoid,
} from "@pos/validators";
import { branchProcedure, branchScope, managerProcedure, saleProcedure, staffProcedure } from "../procedures.ts";
import { managerFeed } from "../services/live-feeds.ts";
import { voidSale } from "../services/orders/status.ts";
import { createSale } from "../services/sales/create-sale.ts";
import { findSaleByReference, listSales } from "../services/sales/history.ts";
import { discardParkedSale, listParkedSales, parkSale, resumeParkedSale } from "../services/sales/parked.ts";
import { printableReceipt } from "../services/sales/receipt.ts";
import { listSaleReturns, readReturnable, returnSale } from "../services/sales/returns.ts";
import { router } from "../trpc.ts";

/** Register sales: selling, receipts, history, returns, parked carts, voids. Cashiers work in their own branch. */
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

  /**
   * Goods back from a past sale of the caller's branch, exactly once per `clientId`; refunded per line as paid
   * (sale discounts spread, surcharges kept), restocked unless damaged. An exchange is this, then `create`.
   */
  /** Each line of a sale with the units that can still come back and what was paid for it. */
  returnable: saleProcedure(ZSaleRef).query(({ ctx }) => readReturnable(ctx.db, ctx.sale)),

  return: saleProcedure(ZSaleReturn).mutation(({ ctx, input }) => returnSale(ctx, input, ctx.user)),

  /** The returns already made on a sale, with their lines and refunds (the back office's sale detail). */
  returns: saleProcedure(ZSaleRef).query(({ ctx }) => listSaleReturns(ctx.db, ctx.sale.id)),

  /** A cart set aside at a register of the branch; no stock is held. */
  park: branchProcedure(ZSalePark).mutation(({ ctx, input }) => parkSale(ctx.db, input, ctx.user)),

  /** The branch's parked carts, newest first. */
  parked: branchProcedure(ZBranchRef).query(({ ctx, input }) => listParkedSales(ctx.db, input.branchId)),

  /** The cart back on this register and off the list; a second register resuming it gets NOT_FOUND. */
  resume: branchProcedure(ZParkedSaleRef).mutation(({ ctx, input }) => resumeParkedSale(ctx.db, input)),

  /** A parked cart nobody will come back for; same NOT_FOUND as `resume` when another register got there first. */
  discardParked: branchProcedure(ZParkedSaleRef).mutation(({ ctx, input }) => discardParkedSale(ctx.db, input)),

  /** Managers only: a completed sale without returns, taken back whole with a reason (restocks every line). */
  void: managerProcedure.input(ZSaleVoid).mutation(({ ctx, input }) => voidSale(ctx, input, ctx.user)),

  /** Managers' live feed of new sales, every channel (orders count once confirmed: see orders.onNew for those). */
  onNew: managerProcedure
    .input(ZLiveFeed)
    .subscription(({ ctx, input, signal }) =>
      managerFeed(ctx, input, signal, { topics: ["sale.created"], view: (event) => event.data }),
    ),
});
