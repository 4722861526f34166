import { ZAuditList } from "@pos/validators";
import { managerProcedure } from "../procedures.ts";
import { listAuditEvents } from "../services/audit.ts";
import { router } from "../trpc.ts";

/** The audit trail: managers and admins read it; services write it through recordAudit. */
export const auditRouter = router({
  list: managerProcedure.input(ZAuditList).query(({ ctx, input }) => listAuditEvents(ctx.db, input)),
});
