// Staff accounts (admins only, domain rule 7). Role, branch and active flag decide what someone may do, so
// every change to them is audited and drops this process's cached access at once (forgetStaffAccess).
import { hashPassword } from "@pos/auth/password";
import { Prisma, type Db, type Role } from "@pos/db";
import { ZUserCreate, ZUserUpdate, type TUserCreate, type TUserList, type TUserUpdate } from "@pos/validators";
import type { SessionUser } from "../context.ts";
import { DomainError } from "../errors.ts";
import { recordAudit } from "./audit.ts";
import { forgetStaffAccess } from "./staff-access.ts";

type Tx = Prisma.TransactionClient;
type Actor = Pick<SessionUser, "id">;

/** Everything an admin screen shows; never the password hash. */
export const userSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  lastLoginAt: true,
  createdAt: true,
  branch: { select: { id: true, name: true, code: true } },
} satisfies Prisma.UserSelect;

export type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

export function listUsers(db: Db, input: TUserList): Promise<UserRow[]> {
  return db.user.findMany({
    where: { role: input.role, branchId: input.branchId, active: input.active },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: userSelect,
  });
}

const userNotFound = (id: number) =>
  new DomainError("NOT_FOUND", `User ${id} does not exist. Reload the list of users.`, { userId: id });

async function assertBranchUsable(db: Db | Tx, branchId: number): Promise<void> {
  const branch = await db.branch.findUnique({ where: { id: branchId }, select: { name: true, active: true } });
  if (!branch) throw new DomainError("NOT_FOUND", `Branch ${branchId} does not exist.`, { branchId });
  if (!branch.active) {
    throw new DomainError("BAD_REQUEST", `${branch.name} is inactive. Reactivate it or choose another branch.`, {
      branchId,
    });
  }
}

function emailTaken(email: string): DomainError {
  return new DomainError("CONFLICT", `${email} is already used by another account. Use another email.`, { email });
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

export async function createUser(db: Db, input: TUserCreate, actor: Actor): Promise<UserRow> {
  const { password, branchId, ...fields } = ZUserCreate.parse(input);
  if (branchId != null) await assertBranchUsable(db, branchId);
  const existing = await db.user.findFirst({
    where: { email: { equals: fields.email, mode: "insensitive" } },
    select: { id: true },
  });
  if (existing) throw emailTaken(fields.email);
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { ...fields, branchId: branchId ?? null, passwordHash },
        select: userSelect,
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "user.created",
        entity: "User",
        entityId: user.id,
        data: { role: user.role, branchId: user.branch?.id ?? null },
      });
      return user;
    });
  } catch (error) {
    // Two admins creating the same email at once: the unique index decides, and the loser hears why.
    if (isUniqueViolation(error)) throw emailTaken(fields.email);
    throw error;
  }
}

/**
 * Role and active-flag changes take turns (a transaction-scoped advisory lock), so two changes that would each
 * leave "another admin" cannot both pass: the second one waits, then counts the admins the first one left.
 */
async function takeStaffChangeLock(tx: Tx): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtext('pos_staff_roles'))`;
}

/** An admin losing their own role or account could lock everyone out of the admin section mid-task. */
function assertNotSelf(target: { id: number }, actor: Actor, what: string): void {
  if (target.id === actor.id) {
    throw new DomainError("FORBIDDEN", `You cannot ${what} your own account. Ask another admin to do it.`, {
      userId: target.id,
    });
  }
}

/** Refuses to take away the admin role or the account of the last active admin. */
async function assertNotLastAdmin(tx: Tx, target: { id: number; name: string }, what: string): Promise<void> {
  const admins = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: target.id } } });
  if (admins === 0) {
    throw new DomainError(
      "CONFLICT",
      `${target.name} is the last active admin. Make someone else an admin first, then ${what} this account.`,
      { userId: target.id },
    );
  }
}

async function lockUser(tx: Tx, id: number) {
  await takeStaffChangeLock(tx);
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "User" WHERE id = ${id} FOR UPDATE`;
  if (!rows[0]) throw userNotFound(id);
  return tx.user.findUniqueOrThrow({
    where: { id },
    select: { id: true, name: true, role: true, branchId: true, active: true },
  });
}

export async function updateUser(db: Db, input: TUserUpdate, actor: Actor): Promise<UserRow> {
  const { id, ...changes } = ZUserUpdate.parse(input);
  if (changes.branchId != null) await assertBranchUsable(db, changes.branchId);
  const user = await db.$transaction(async (tx) => {
    const current = await lockUser(tx, id);
    const role: Role = changes.role ?? current.role;
    const branchId = changes.branchId === undefined ? current.branchId : changes.branchId;
    if (role === "CASHIER" && branchId === null) {
      throw new DomainError("BAD_REQUEST", `A cashier needs a home branch: choose one for ${current.name}.`, {
        userId: id,
      });
    }
    if (current.role === "ADMIN" && role !== "ADMIN") {
      assertNotSelf(current, actor, "remove the admin role from");
      if (current.active) await assertNotLastAdmin(tx, current, "remove the admin role from");
    }
    const updated = await tx.user.update({
      where: { id },
      data: { name: changes.name, role, branchId },
      select: userSelect,
    });
    if (role !== current.role) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "user.role_changed",
        entity: "User",
        entityId: id,
        data: { from: current.role, to: role },
      });
    }
    if (branchId !== current.branchId) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "user.branch_changed",
        entity: "User",
        entityId: id,
        data: { from: current.branchId, to: branchId },
      });
    }
    return updated;
  });
  forgetStaffAccess(db, id);
  return user;
}

export async function setUserActive(db: Db, id: number, active: boolean, actor: Actor): Promise<UserRow> {
  const user = await db.$transaction(async (tx) => {
    const current = await lockUser(tx, id);
    if (current.active === active) return tx.user.findUniqueOrThrow({ where: { id }, select: userSelect });
    if (!active) {
      assertNotSelf(current, actor, "disable");
      if (current.role === "ADMIN") await assertNotLastAdmin(tx, current, "disable");
    }
    const updated = await tx.user.update({ where: { id }, data: { active }, select: userSelect });
    await recordAudit(tx, {
      actorId: actor.id,
      action: active ? "user.enabled" : "user.disabled",
      entity: "User",
      entityId: id,
    });
    return updated;
  });
  forgetStaffAccess(db, id);
  return user;
}

/** Sets a new password chosen by an admin; the reply says only that it happened. */
export async function resetUserPassword(
  db: Db,
  input: { id: number; password: string },
  actor: Actor,
): Promise<{ id: number }> {
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await lockUser(tx, input.id);
    await tx.user.update({ where: { id: input.id }, data: { passwordHash } });
    await recordAudit(tx, { actorId: actor.id, action: "user.password_reset", entity: "User", entityId: input.id });
  });
  forgetStaffAccess(db, input.id);
  return { id: input.id };
}
