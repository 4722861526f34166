// Who may call what. Each builder adds exactly one check on top of the previous one, so a procedure's
// first word says its audience. Branch scoping and resource-loading procedures follow at the end.
import { TRPCError } from "@trpc/server";
import type { Role } from "@pos/db";
import { ZTransferRef, type TBranchRef } from "@pos/validators";
import type { z } from "zod";
import type { SessionUser } from "./context.ts";
import { currentStaffUser } from "./services/staff-access.ts";
import { loadTransfer } from "./services/transfers.ts";
import { baseProcedure } from "./trpc.ts";

/** Anyone, signed in or not: storefront reads, health. */
export const publicProcedure = baseProcedure;

/**
 * Any signed-in, still active staff member. `ctx.user` is the user as the database has them now (role, branch),
 * not as the session token remembers them, so a disabled or demoted account loses access within seconds.
 */
export const staffProcedure = baseProcedure.use(async ({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  const user = await currentStaffUser(ctx.db, ctx.session.user);
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "This account is no longer active. Sign in again." });
  return next({ ctx: { session: { user }, user } });
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

// ─── Branch scoping (domain rule 7) and resource-loading procedures ─────────────────────────────────

/** Cashiers work in their home branch only; managers and admins in any. */
export function canAccessBranch(user: Pick<SessionUser, "role" | "branchId">, branchId: number): boolean {
  return user.role !== "CASHIER" || user.branchId === branchId;
}

export function assertBranchAccess(user: Pick<SessionUser, "role" | "branchId">, branchId: number): void {
  if (!canAccessBranch(user, branchId)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Cashiers can only work with their own branch." });
  }
}

/**
 * The branches a read covers: the one asked for (if the caller may see it), else a cashier's own branch, else
 * every branch (undefined).
 */
export function branchScope(user: Pick<SessionUser, "role" | "branchId">, requested?: number): number[] | undefined {
  if (requested !== undefined) {
    assertBranchAccess(user, requested);
    return [requested];
  }
  if (user.role !== "CASHIER") return undefined;
  // The database refuses a cashier without a branch; a session claiming one anyway sees nothing.
  return user.branchId === null ? [] : [user.branchId];
}

/**
 * Staff acting on one branch (`input.branchId`), with the procedure's whole input schema: the input is parsed
 * first (bad input is BAD_REQUEST, whatever it names), then the branch is checked before anything is loaded, so a
 * cashier cannot probe other branches. The branch is on `ctx.branch`.
 */
export function branchProcedure<TOutput extends TBranchRef, TInput>(schema: z.ZodType<TOutput, TInput>) {
  return staffProcedure.input(schema).use(async ({ ctx, input, next }) => {
    assertBranchAccess(ctx.user, input.branchId);
    const branch = await ctx.db.branch.findUnique({
      where: { id: input.branchId },
      select: { id: true, name: true, code: true, active: true },
    });
    if (!branch) throw new TRPCError({ code: "NOT_FOUND", message: `Branch ${input.branchId} does not exist.` });
    return next({ ctx: { branch } });
  });
}

async function loadTransferFor(ctx: { db: Parameters<typeof loadTransfer>[0]; user: SessionUser }, id: number) {
  const transfer = await loadTransfer(ctx.db, id);
  if (!canAccessBranch(ctx.user, transfer.fromBranchId) && !canAccessBranch(ctx.user, transfer.toBranchId)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "This transfer does not involve your branch." });
  }
  return transfer;
}

/** Staff on a transfer (`input.transferId`) that involves their branch; the transfer is on `ctx.transfer`. */
export const transferProcedure = staffProcedure
  .input(ZTransferRef)
  .use(async ({ ctx, input, next }) => next({ ctx: { transfer: await loadTransferFor(ctx, input.transferId) } }));

/** Managers and admins on any transfer; the transfer is on `ctx.transfer`. */
export const managerTransferProcedure = managerProcedure
  .input(ZTransferRef)
  .use(async ({ ctx, input, next }) => next({ ctx: { transfer: await loadTransferFor(ctx, input.transferId) } }));

/**
 * Staff on one sale (`input.saleId`, plus whatever else `schema` asks) of a branch they work in: cashiers see
 * their own branch's sales only. The sale is on `ctx.sale`.
 */
export function saleProcedure<TOutput extends { saleId: number }, TInput>(schema: z.ZodType<TOutput, TInput>) {
  return staffProcedure.input(schema).use(async ({ ctx, input, next }) => {
    const sale = await ctx.db.sale.findUnique({
      where: { id: input.saleId },
      select: { id: true, branchId: true, channel: true, status: true },
    });
    if (!sale) throw new TRPCError({ code: "NOT_FOUND", message: `Sale ${input.saleId} does not exist.` });
    if (!canAccessBranch(ctx.user, sale.branchId)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "This sale belongs to another branch." });
    }
    return next({ ctx: { sale } });
  });
}
