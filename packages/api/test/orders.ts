// Fixtures for storefront orders: an online branch with stock of a three-size product (59,990.00 each), the
// store configured to fulfil from it, payment methods, WhatsApp, and valid checkout / WhatsApp requests.
import { randomUUID } from "node:crypto";
import type { Db } from "@pos/db";
import type { TCheckout, TWhatsAppOrder } from "@pos/validators";
import { createStoreCaller, createStoreContext } from "../src/store.ts";
import { createBranch } from "./factories.ts";
import { createPaymentMethods, type Methods } from "./checkout.ts";
import { createSizedProduct, seedStock } from "./stock.ts";

export const UNIT_PRICE = 59_990;

export interface StoreSettings {
  active?: boolean;
  pickupEnabled?: boolean;
  shippingEnabled?: boolean;
  shippingFee?: string;
  freeShippingFrom?: string | null;
  orderHoldMinutes?: number;
  email?: string | null;
}

export async function configureOrders(db: Db, branchId: number, settings: StoreSettings = {}) {
  const data = {
    storeName: "Sur Deportes Test",
    email: "hola@tienda.test",
    phone: "+54 11 4000-0000",
    fulfillmentBranchId: branchId,
    shippingFee: "5000.00",
    freeShippingFrom: "150000.00",
    orderHoldMinutes: 120,
    active: true,
    pickupEnabled: true,
    shippingEnabled: true,
    ...settings,
  };
  await db.storeConfig.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
  const template = "¡Hola {store}! Soy {name}, pedido {order}:\n{items}\nTotal: {total}";
  await db.whatsAppConfig.upsert({
    where: { id: 1 },
    create: { id: 1, phoneNumber: "+54 9 11 5555-0123", messageTemplate: template },
    update: { phoneNumber: "+54 9 11 5555-0123", messageTemplate: template, active: true },
  });
}

export interface OrderWorld {
  branch: { id: number; code: string; name: string };
  variants: { id: number; sizeLabel: string | null }[];
  productName: string;
  methods: Methods & { transfer: number };
  shop: ReturnType<typeof createStoreCaller>;
  variantId(index: number): number;
  checkout(lines: [index: number, quantity: number][], extra?: Partial<TCheckout>): TCheckout;
  whatsapp(lines: [index: number, quantity: number][], extra?: Partial<TWhatsAppOrder>): TWhatsAppOrder;
}

/** A fresh online branch (5 of each size) fulfilling the store's orders; earlier branches stop fulfilling. */
export async function orderWorld(db: Db, options: { stock?: number } = {}): Promise<OrderWorld> {
  const branch = await createBranch(db);
  await db.branch.update({ where: { id: branch.id }, data: { sellsOnline: true } });
  const { product, variants } = await createSizedProduct(db, { sizes: ["40", "41", "42"] });
  await seedStock(db, branch.id, Object.fromEntries(variants.map((variant) => [variant.id, options.stock ?? 5])));
  await configureOrders(db, branch.id);
  const methods = await createPaymentMethods(db);
  const transfer = await db.paymentMethodConfig.create({
    data: { code: `transfer-${randomUUID().slice(0, 8)}`, name: "Transferencia", type: "TRANSFER" },
  });
  const variantId = (index: number) => {
    const variant = variants[index];
    if (!variant) throw new Error(`no variant ${index}`);
    return variant.id;
  };
  const toLines = (lines: [number, number][]) =>
    lines.map(([index, quantity]) => ({ variantId: variantId(index), quantity }));
  return {
    branch,
    variants,
    productName: product.name,
    methods: { ...methods, transfer: transfer.id },
    shop: createStoreCaller(createStoreContext({ db })),
    variantId,
    checkout: (lines, extra = {}) => ({
      clientId: randomUUID(),
      lines: toLines(lines),
      contact: { name: "Ana Compradora", email: "ana@example.com", phone: "+54 9 11 5555-1234" },
      fulfillment: "PICKUP",
      paymentMethodId: methods.debit,
      ...extra,
    }),
    whatsapp: (lines, extra = {}) => ({
      clientId: randomUUID(),
      lines: toLines(lines),
      contact: { name: "Beto Chat", phone: "+54 9 11 4444-9876" },
      ...extra,
    }),
  };
}
