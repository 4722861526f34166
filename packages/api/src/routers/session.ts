import { staffProcedure } from "../procedures.ts";
import { loadStaffProfile } from "../services/staff.ts";
import { router } from "../trpc.ts";

export const sessionRouter = router({
  /** Who is at the register: name, role and home branch as stored now. */
  me: staffProcedure.query(({ ctx }) => loadStaffProfile(ctx.db, ctx.user.id)),
});
