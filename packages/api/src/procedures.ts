// Who may call what. Each builder adds exactly one check on top of the previous one, so a procedure's
// first word says its audience. Branch scoping and resource-loading procedures will join these.
import { TRPCError } from "@trpc/server";
import type { Role } from "@pos/db";
import { baseProcedure } from "./trpc.ts";

/** Anyone, signed in or not: storefront reads, health. */
export const publicProcedure = baseProcedure;

/** Any signed-in staff member; `ctx.user` is the session user, never null. */
export const staffProcedure = baseProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { session: ctx.session, user: ctx.session.user } });
});

function withRoles(allowed: readonly Role[], what: string) {
  return staffProcedure.use(({ ctx, next }) => {
    if (!allowed.includes(ctx.user.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `Only ${what} can do this.` });
    }
    return next();
  });
}

/** Managers and admins: all branches, stock, prices, reports. */
export const managerProcedure = withRoles(["MANAGER", "ADMIN"], "managers and admins");

/** Admins only: users, roles, store configuration. */
export const adminProcedure = withRoles(["ADMIN"], "admins");
