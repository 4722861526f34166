// What the store's configuration says about taking an order: whether it is open, which branch fulfils, how the
// goods may leave and at what shipping fee. Read once per order, before its transaction.
import type { Db, Fulfillment, Prisma } from "@pos/db";
import { toCents, type Cents } from "@pos/validators";
import { DomainError } from "../../errors.ts";
import type { Tx } from "../stock-ledger.ts";

const storeTermsSelect = {
  storeName: true,
  email: true,
  phone: true,
  currency: true,
  locale: true,
  active: true,
  pickupEnabled: true,
  shippingEnabled: true,
  shippingFee: true,
  freeShippingFrom: true,
  orderHoldMinutes: true,
  fulfillmentBranch: { select: { id: true, code: true, name: true, address: true, active: true, sellsOnline: true } },
} satisfies Prisma.StoreConfigSelect;

type StoreTermsRow = Prisma.StoreConfigGetPayload<{ select: typeof storeTermsSelect }>;

/** The facts messages need (instructions, WhatsApp text): no secrets, safe to show a shopper. */
export interface StoreFacts {
  storeName: string;
  email: string | null;
  phone: string | null;
  currency: string;
  locale: string;
  branch: { id: number; code: string; name: string; address: string } | null;
}

export interface OpenStore extends StoreFacts {
  branch: { id: number; code: string; name: string; address: string };
  shippingFee: Cents;
  freeShippingFrom: Cents | null;
  orderHoldMinutes: number;
}

function factsOf(row: StoreTermsRow): StoreFacts {
  const { storeName, email, phone, currency, locale, fulfillmentBranch: branch } = row;
  return {
    storeName,
    email,
    phone,
    currency,
    locale,
    branch: branch && { id: branch.id, code: branch.code, name: branch.name, address: branch.address },
  };
}

const DEFAULT_FACTS: StoreFacts = {
  storeName: "",
  email: null,
  phone: null,
  currency: "ARS",
  locale: "es-AR",
  branch: null,
};

/** For messages about orders already placed: the store may have closed since, they still need its name. */
export async function readStoreFacts(db: Db | Tx): Promise<StoreFacts> {
  const row = await db.storeConfig.findUnique({ where: { id: 1 }, select: storeTermsSelect });
  return row ? factsOf(row) : DEFAULT_FACTS;
}

const closed = (why: string) =>
  new DomainError("PRECONDITION_FAILED", `The store is not taking orders right now: ${why}. Please try again later.`);

/** Refuses unless the store is open, its fulfilling branch sells online, and this way of delivery is offered. */
export async function openStoreTerms(db: Db, fulfillment: Fulfillment): Promise<OpenStore> {
  const row = await db.storeConfig.findUnique({ where: { id: 1 }, select: storeTermsSelect });
  if (!row) throw closed("the store has not been set up yet");
  if (!row.active) throw closed("the store is closed");
  const branch = row.fulfillmentBranch;
  if (!branch) throw closed("no branch fulfils online orders");
  if (!branch.active || !branch.sellsOnline) throw closed("the fulfilling branch does not sell online");
  if (fulfillment === "PICKUP" && !row.pickupEnabled) {
    throw new DomainError("CONFLICT", "Pickup is not offered at the moment: choose shipping instead.");
  }
  if (fulfillment === "SHIPPING" && !row.shippingEnabled) {
    throw new DomainError("CONFLICT", "Shipping is not offered at the moment: choose pickup instead.");
  }
  const facts = factsOf(row);
  return {
    ...facts,
    branch: { id: branch.id, code: branch.code, name: branch.name, address: branch.address },
    shippingFee: toCents(row.shippingFee),
    freeShippingFrom: row.freeShippingFrom === null ? null : toCents(row.freeShippingFrom),
    orderHoldMinutes: row.orderHoldMinutes,
  };
}
