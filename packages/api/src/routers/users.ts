import { ZUserCreate, ZUserId, ZUserList, ZUserPasswordReset, ZUserUpdate } from "@pos/validators";
import { adminProcedure } from "../procedures.ts";
import { createUser, listUsers, resetUserPassword, setUserActive, updateUser } from "../services/users.ts";
import { router } from "../trpc.ts";

/** Staff accounts: admins only (domain rule 7). No output ever carries a password hash (see userSelect). */
export const usersRouter = router({
  list: adminProcedure.input(ZUserList).query(({ ctx, input }) => listUsers(ctx.db, input)),
  create: adminProcedure.input(ZUserCreate).mutation(({ ctx, input }) => createUser(ctx.db, input, ctx.user)),
  /** Name, role, home branch. */
  update: adminProcedure.input(ZUserUpdate).mutation(({ ctx, input }) => updateUser(ctx.db, input, ctx.user)),
  disable: adminProcedure.input(ZUserId).mutation(({ ctx, input }) => setUserActive(ctx.db, input.id, false, ctx.user)),
  enable: adminProcedure.input(ZUserId).mutation(({ ctx, input }) => setUserActive(ctx.db, input.id, true, ctx.user)),
  /** Sets a password the admin chose and tells the person in person; replies with the user id only. */
  resetPassword: adminProcedure
    .input(ZUserPasswordReset)
    .mutation(({ ctx, input }) => resetUserPassword(ctx.db, input, ctx.user)),
});
