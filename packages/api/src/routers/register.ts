import { ZBranchRef, ZRegisterCatalog, ZRegisterElsewhere } from "@pos/validators";
import { branchProcedure } from "../procedures.ts";
import { readRegisterCatalog, readRegisterSetup, readStockElsewhere } from "../services/register.ts";
import { router } from "../trpc.ts";

/** What the register screen loads: staff, own branch. */
export const registerRouter = router({
  setup: branchProcedure(ZBranchRef).query(({ ctx }) => readRegisterSetup(ctx.db, ctx.branch)),
  /** Keyset pages of the sellable catalog with the branch's stock; `nextAfterId` null on the last page. */
  catalog: branchProcedure(ZRegisterCatalog).query(({ ctx, input }) => readRegisterCatalog(ctx.db, input)),
  /** Other branches holding a product's sizes: the size picker's "also at …" hint. */
  elsewhere: branchProcedure(ZRegisterElsewhere).query(({ ctx, input }) => readStockElsewhere(ctx.db, input)),
});
