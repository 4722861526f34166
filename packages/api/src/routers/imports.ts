import { ZImportFile, ZImportJobId, ZImportList } from "@pos/validators";
import { managerProcedure } from "../procedures.ts";
import { getImportJob, listImportJobs, previewImport, startImport } from "../services/imports/jobs.ts";
import { router } from "../trpc.ts";

/**
 * Catalog imports from CSV or XLSX (managers and admins). The file travels as base64 (at most 2 MB): `preview`
 * reads and checks it without writing; `start` checks it again (the browser is not trusted) and runs the job in
 * the background; `get` is polled for progress; the CSV downloads live in the app's route handlers.
 */
export const importsRouter = router({
  preview: managerProcedure.input(ZImportFile).mutation(({ ctx, input }) => previewImport(ctx.db, input)),
  start: managerProcedure.input(ZImportFile).mutation(({ ctx, input }) => startImport(ctx, input, ctx.user)),
  get: managerProcedure.input(ZImportJobId).query(({ ctx, input }) => getImportJob(ctx.db, input.id)),
  list: managerProcedure.input(ZImportList).query(({ ctx, input }) => listImportJobs(ctx.db, input)),
});
