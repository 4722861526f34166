// Carts set aside at a register (the customer went to fetch another size) and picked up again there or at
// another register of the branch. A parked sale holds no stock and no money: it is only the register's cart, so
// nothing is reserved and nothing needs undoing when it is discarded.
import type { Db, Prisma } from "@pos/db";
import { ZParkedCart, type TParkedSaleRef, type TSaleParkParsed } from "@pos/validators";
import type { SessionUser } from "../../context.ts";
import { DomainError } from "../../errors.ts";

/** A branch has a handful parked at a time; the bound only keeps a forgotten pile from growing one read. */
const MAX_LISTED = 100;

const parkedSelect = {
  id: true,
  label: true,
  cart: true,
  createdAt: true,
  cashier: { select: { id: true, name: true } },
} satisfies Prisma.ParkedSaleSelect;

type ParkedRow = Prisma.ParkedSaleGetPayload<{ select: typeof parkedSelect }>;

/** The cart was validated by ZParkedCart on the way in; parsing it again gives it back its type. */
const withCart = <T extends { cart: unknown }>(row: T) => ({ ...row, cart: ZParkedCart.parse(row.cart) });

export type ParkedSaleView = ReturnType<typeof withCart<ParkedRow>>;

export async function parkSale(
  db: Db,
  input: TSaleParkParsed,
  actor: Pick<SessionUser, "id">,
): Promise<ParkedSaleView> {
  const row = await db.parkedSale.create({
    data: { branchId: input.branchId, cashierId: actor.id, label: input.label, cart: input.cart },
    select: parkedSelect,
  });
  return withCart(row);
}

/** Newest first: the customer who just stepped away is the one most likely to come back. */
export async function listParkedSales(db: Db, branchId: number): Promise<ParkedSaleView[]> {
  const rows = await db.parkedSale.findMany({
    where: { branchId },
    select: parkedSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_LISTED,
  });
  return rows.map(withCart);
}

/**
 * Takes a parked sale off the list in one statement: of two registers resuming (or discarding) the same one at
 * once, the second's DELETE waits for the first's and then finds no row, so exactly one of them gets the cart.
 */
async function takeParked(db: Db, ref: TParkedSaleRef) {
  const rows = await db.$queryRaw<{ id: number; label: string; cart: unknown; createdAt: Date }[]>`
    DELETE FROM "ParkedSale" WHERE "id" = ${ref.parkedSaleId} AND "branchId" = ${ref.branchId}
    RETURNING "id", "label", "cart", "createdAt"`;
  const row = rows[0];
  if (!row) {
    throw new DomainError(
      "NOT_FOUND",
      `Parked sale ${ref.parkedSaleId} is not parked at this branch any more: another register may have resumed or discarded it.`,
      { parkedSaleId: ref.parkedSaleId },
    );
  }
  return row;
}

/** The cart back on the register, and off the parked list. */
export async function resumeParkedSale(db: Db, ref: TParkedSaleRef) {
  return withCart(await takeParked(db, ref));
}

export async function discardParkedSale(db: Db, ref: TParkedSaleRef): Promise<{ id: number }> {
  const { id } = await takeParked(db, ref);
  return { id };
}
