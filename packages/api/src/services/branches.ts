// Branches (shops). Any staff member may look up the active ones by their public facts; managers and admins
// see everything; only admins create, change and (de)activate them (domain rule 7).
import { Prisma, type Db, type Role } from "@pos/db";
import { ZBranchCreate, ZBranchUpdate, type TBranchCreate, type TBranchUpdate } from "@pos/validators";
import type { SessionUser } from "../context.ts";
import { DomainError } from "../errors.ts";
import { recordAudit } from "./audit.ts";

type Tx = Prisma.TransactionClient;
type Actor = Pick<SessionUser, "id">;
type Viewer = Pick<SessionUser, "role">;

/** What a cashier needs to name a shop: no flags, no bookkeeping. */
export const branchPublicSelect = {
  id: true,
  name: true,
  code: true,
  address: true,
  phone: true,
} satisfies Prisma.BranchSelect;

/** Managers and admins. `lastSaleNumber` stays out: it is numbering bookkeeping, not a figure to show. */
export const branchStaffSelect = {
  ...branchPublicSelect,
  active: true,
  sellsOnline: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.BranchSelect;

export type BranchPublicRow = Prisma.BranchGetPayload<{ select: typeof branchPublicSelect }>;
export type BranchStaffRow = Prisma.BranchGetPayload<{ select: typeof branchStaffSelect }>;

const seesAll = (role: Role) => role === "MANAGER" || role === "ADMIN";

export function listBranches(
  db: Db,
  input: { active?: boolean | undefined },
  viewer: Viewer,
): Promise<BranchPublicRow[] | BranchStaffRow[]> {
  const orderBy = [{ name: "asc" }, { id: "asc" }] satisfies Prisma.BranchOrderByWithRelationInput[];
  if (seesAll(viewer.role)) {
    return db.branch.findMany({ where: { active: input.active }, orderBy, select: branchStaffSelect });
  }
  return db.branch.findMany({ where: { active: true }, orderBy, select: branchPublicSelect });
}

const branchNotFound = (id: number) =>
  new DomainError("NOT_FOUND", `Branch ${id} does not exist. Reload the list of branches.`, { branchId: id });

export async function getBranch(db: Db, id: number, viewer: Viewer): Promise<BranchPublicRow | BranchStaffRow> {
  const branch = seesAll(viewer.role)
    ? await db.branch.findUnique({ where: { id }, select: branchStaffSelect })
    : await db.branch.findFirst({ where: { id, active: true }, select: branchPublicSelect });
  if (!branch) throw branchNotFound(id);
  return branch;
}

/** Name and code are unique regardless of case: "Centro" and "centro" would confuse every screen. */
async function assertUnique(db: Db | Tx, fields: { name?: string; code?: string }, exceptId?: number) {
  for (const key of ["name", "code"] as const) {
    const value = fields[key];
    if (value === undefined) continue;
    const clash = await db.branch.findFirst({
      where: {
        ...(key === "name" ? { name: { equals: value, mode: "insensitive" } } : { code: { equals: value } }),
        ...(exceptId !== undefined && { id: { not: exceptId } }),
      },
      select: { id: true, name: true },
    });
    if (clash) throw branchTaken(key, value, clash.name);
  }
}

function branchTaken(key: "name" | "code", value: string, owner: string): DomainError {
  return new DomainError("CONFLICT", `The ${key} "${value}" is already used by ${owner}. Choose another ${key}.`, {
    field: key,
  });
}

/** The unique index has the last word when two admins race; the loser gets the same message. */
async function withUniqueCheck<T>(fields: { name?: string; code?: string }, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const target = JSON.stringify(error.meta ?? {});
      const key = target.includes("code") ? "code" : "name";
      throw branchTaken(key, fields[key] ?? "", "another branch");
    }
    throw error;
  }
}

export async function createBranch(db: Db, input: TBranchCreate, actor: Actor): Promise<BranchStaffRow> {
  const fields = ZBranchCreate.parse(input);
  await assertUnique(db, fields);
  return withUniqueCheck(fields, () =>
    db.$transaction(async (tx) => {
      const branch = await tx.branch.create({ data: fields, select: branchStaffSelect });
      await recordAudit(tx, { actorId: actor.id, action: "branch.created", entity: "Branch", entityId: branch.id });
      return branch;
    }),
  );
}

export async function updateBranch(db: Db, input: TBranchUpdate, actor: Actor): Promise<BranchStaffRow> {
  const { id, ...fields } = ZBranchUpdate.parse(input);
  if (!(await db.branch.count({ where: { id } }))) throw branchNotFound(id);
  await assertUnique(db, fields, id);
  return withUniqueCheck(fields, () =>
    db.$transaction(async (tx) => {
      const branch = await tx.branch.update({ where: { id }, data: fields, select: branchStaffSelect });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "branch.updated",
        entity: "Branch",
        entityId: id,
        data: { changed: Object.keys(fields) },
      });
      return branch;
    }),
  );
}

export async function setBranchActive(db: Db, id: number, active: boolean, actor: Actor): Promise<BranchStaffRow> {
  return db.$transaction(async (tx) => {
    // Lock the store settings too, so the fulfilling branch cannot be switched to this one mid-check.
    await tx.$queryRaw`SELECT id FROM "StoreConfig" FOR UPDATE`;
    const rows = await tx.$queryRaw<{ name: string; active: boolean }[]>`
      SELECT name, active FROM "Branch" WHERE id = ${id} FOR UPDATE`;
    const current = rows[0];
    if (!current) throw branchNotFound(id);
    if (current.active === active) return tx.branch.findUniqueOrThrow({ where: { id }, select: branchStaffSelect });
    if (!active) {
      const fulfils = await tx.storeConfig.count({ where: { fulfillmentBranchId: id } });
      if (fulfils) {
        throw new DomainError(
          "CONFLICT",
          `${current.name} fulfils the online store's orders. Choose another fulfilling branch in the store settings first, then deactivate it.`,
          { branchId: id },
        );
      }
    }
    const branch = await tx.branch.update({ where: { id }, data: { active }, select: branchStaffSelect });
    await recordAudit(tx, {
      actorId: actor.id,
      action: active ? "branch.activated" : "branch.deactivated",
      entity: "Branch",
      entityId: id,
    });
    return branch;
  });
}
