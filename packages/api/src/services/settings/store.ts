// The store's configuration (one row, id = 1): what the storefront, the register and the order flow read. Managers
// may read it; only admins change it (domain rule 7). Nothing caches it on the server: checkout, the register's
// setup and sale pricing read the row when they need it, so a saved change applies to the next order or sale.
import { Prisma, type Db } from "@pos/db";
import { ZStoreConfigUpdate, type TStoreConfigUpdate } from "@pos/validators";
import type { SessionUser } from "../../context.ts";
import { DomainError } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { DEFAULT_STORE_INFO } from "../store-info.ts";

type Tx = Prisma.TransactionClient;
type Actor = Pick<SessionUser, "id">;

const storeSettingsSelect = {
  storeName: true,
  description: true,
  logoUrl: true,
  email: true,
  phone: true,
  address: true,
  currency: true,
  pricesIncludeTax: true,
  taxRate: true,
  fulfillmentBranchId: true,
  pickupEnabled: true,
  shippingEnabled: true,
  shippingFee: true,
  freeShippingFrom: true,
  orderHoldMinutes: true,
  cashierMaxDiscountPercent: true,
  active: true,
  updatedAt: true,
  fulfillmentBranch: { select: { id: true, name: true, active: true, sellsOnline: true } },
} satisfies Prisma.StoreConfigSelect;

type StoreSettingsRow = Prisma.StoreConfigGetPayload<{ select: typeof storeSettingsSelect }>;

/** Decimals as text ("21.00") so forms and JSON carry them exactly. */
export type StoreSettings = Omit<
  StoreSettingsRow,
  "taxRate" | "shippingFee" | "freeShippingFrom" | "cashierMaxDiscountPercent" | "updatedAt"
> & {
  taxRate: string;
  shippingFee: string;
  freeShippingFrom: string | null;
  cashierMaxDiscountPercent: string;
  updatedAt: Date | null;
  /** False until an admin first saves: the values are then the defaults the apps use. */
  configured: boolean;
};

/** What the apps assume before the first save (the column defaults of StoreConfig). */
const DEFAULT_SETTINGS: StoreSettings = {
  storeName: DEFAULT_STORE_INFO.storeName,
  description: "",
  logoUrl: null,
  email: null,
  phone: null,
  address: null,
  currency: DEFAULT_STORE_INFO.currency,
  pricesIncludeTax: true,
  taxRate: "21.00",
  fulfillmentBranchId: null,
  pickupEnabled: true,
  shippingEnabled: true,
  shippingFee: "0.00",
  freeShippingFrom: null,
  orderHoldMinutes: 120,
  cashierMaxDiscountPercent: "10.00",
  active: true,
  updatedAt: null,
  fulfillmentBranch: null,
  configured: false,
};

function toSettings(row: StoreSettingsRow): StoreSettings {
  return {
    ...row,
    taxRate: row.taxRate.toFixed(2),
    shippingFee: row.shippingFee.toFixed(2),
    freeShippingFrom: row.freeShippingFrom?.toFixed(2) ?? null,
    cashierMaxDiscountPercent: row.cashierMaxDiscountPercent.toFixed(2),
    configured: true,
  };
}

export async function readStoreSettings(db: Db | Tx): Promise<StoreSettings> {
  const row = await db.storeConfig.findUnique({ where: { id: 1 }, select: storeSettingsSelect });
  return row ? toSettings(row) : DEFAULT_SETTINGS;
}

/** Online orders take stock from this branch, so it must be open and selling online (see openStoreTerms). */
async function assertCanFulfil(tx: Tx, branchId: number): Promise<void> {
  const rows = await tx.$queryRaw<{ name: string; active: boolean; sellsOnline: boolean }[]>`
    SELECT name, active, "sellsOnline" FROM "Branch" WHERE id = ${branchId} FOR SHARE`;
  const branch = rows[0];
  if (!branch) {
    throw new DomainError("NOT_FOUND", `Branch ${branchId} does not exist. Reload the page and choose another.`, {
      field: "fulfillmentBranchId",
    });
  }
  if (!branch.active || !branch.sellsOnline) {
    throw new DomainError(
      "CONFLICT",
      `${branch.name} cannot fulfil online orders: it must be active and sell online. Change it under Branches first.`,
      { field: "fulfillmentBranchId" },
    );
  }
}

type Comparable = string | number | boolean | null;
const comparable = (value: unknown): Comparable =>
  value instanceof Prisma.Decimal ? value.toFixed(2) : (value as Comparable);

export async function updateStoreSettings(db: Db, input: TStoreConfigUpdate, actor: Actor): Promise<StoreSettings> {
  const fields = ZStoreConfigUpdate.parse(input);
  return db.$transaction(async (tx) => {
    // Same lock order as deactivating a branch (store row, then branch), so the two cannot cross.
    await tx.$queryRaw`SELECT id FROM "StoreConfig" WHERE id = 1 FOR UPDATE`;
    const before = await readStoreSettings(tx);
    const pickup = fields.pickupEnabled ?? before.pickupEnabled;
    const shipping = fields.shippingEnabled ?? before.shippingEnabled;
    if (!pickup && !shipping) {
      throw new DomainError("BAD_REQUEST", "Offer pickup, shipping or both.", { field: "shippingEnabled" });
    }
    if (fields.fulfillmentBranchId != null && fields.fulfillmentBranchId !== before.fulfillmentBranchId) {
      await assertCanFulfil(tx, fields.fulfillmentBranchId);
    }
    const changed: Record<string, { from: Comparable; to: Comparable }> = {};
    for (const [key, value] of Object.entries(fields)) {
      const from = comparable(before[key as keyof StoreSettings]);
      if (from !== value) changed[key] = { from, to: value };
    }
    const row = await tx.storeConfig.upsert({
      where: { id: 1 },
      create: { id: 1, storeName: before.storeName, ...fields },
      update: fields,
      select: storeSettingsSelect,
    });
    if (Object.keys(changed).length > 0 || !before.configured) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "settings.store_updated",
        entity: "StoreConfig",
        entityId: 1,
        data: { changed },
      });
    }
    return toSettings(row);
  });
}
