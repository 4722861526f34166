import { ZReportLowStock, ZReportPeriod, ZReportShortfalls, ZReportTop, ZShortfallResolve } from "@pos/validators";
import { managerProcedure } from "../procedures.ts";
import { readBreakdown } from "../services/reports/breakdown.ts";
import { readDaily } from "../services/reports/daily.ts";
import { readDashboard } from "../services/reports/dashboard.ts";
import { listLowStockAcrossBranches, listShortfalls, resolveShortfall } from "../services/reports/stock.ts";
import { readTopCategories, readTopProducts } from "../services/reports/top.ts";
import { router } from "../trpc.ts";

/**
 * Managers' reports. Manager-only, cashiers included out: margins come from cost prices (never shown to
 * cashiers, domain rule 6), and cross-branch figures are not a cashier's to see (rule 7). A cashier's own
 * day is the Z report (cashSessions.branchDayReport).
 */
export const reportsRouter = router({
  dashboard: managerProcedure.input(ZReportPeriod).query(({ ctx, input }) => readDashboard(ctx.db, input)),

  daily: managerProcedure.input(ZReportPeriod).query(({ ctx, input }) => readDaily(ctx.db, input)),

  breakdown: managerProcedure.input(ZReportPeriod).query(({ ctx, input }) => readBreakdown(ctx.db, input)),

  topProducts: managerProcedure.input(ZReportTop).query(({ ctx, input }) => readTopProducts(ctx.db, input)),

  topCategories: managerProcedure.input(ZReportTop).query(({ ctx, input }) => readTopCategories(ctx.db, input)),

  lowStock: managerProcedure
    .input(ZReportLowStock)
    .query(({ ctx, input }) => listLowStockAcrossBranches(ctx.db, input)),

  shortfalls: managerProcedure.input(ZReportShortfalls).query(({ ctx, input }) => listShortfalls(ctx.db, input)),

  resolveShortfall: managerProcedure
    .input(ZShortfallResolve)
    .mutation(({ ctx, input }) => resolveShortfall(ctx.db, input, ctx.user)),
});
