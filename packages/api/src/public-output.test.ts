// Domain rule 6 on the wire: whatever a public procedure answers, it carries no cost price, no staff data, no
// other customer and no branch that does not sell online. Every public procedure is called, found from the
// routers, on a database full of exactly those secrets, and its serialized output is searched for them.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { accessRules, proceduresOf } from "./authorization.rules.ts";
import { appRouter, createCaller, storeRouter } from "./index.ts";
import { createStoreCaller, createStoreContext } from "./store.ts";
import { anonymous, callPath, createBranch, createUser } from "../test/factories.ts";
import { createProduct } from "../test/catalog.ts";
import { createPaymentMethods } from "../test/checkout.ts";
import { seedStock } from "../test/stock.ts";

const t = useTestDb();

/** Cost values no price or count will ever equal by chance. */
const COSTS = ["4321.09", "98765.43"];
/** Stock held at the branch that does not sell online. */
const HIDDEN_LEVEL = 86420;

/**
 * Inputs for public procedures that need one; a new one fails below until it gets a sample here. Filled in
 * beforeAll when they name rows (orders); each is called twice (storeRouter and appRouter), which a
 * clientId turns into one order and its replay.
 */
const sampleInputs: Record<string, unknown> = {};

const rules: Record<string, string | { access: string }> = accessRules;
const storePaths = proceduresOf(storeRouter).map(([path]) => path);
const appPublicPaths = proceduresOf(appRouter)
  .map(([path]) => path)
  .filter((path) => rules[path] === "public");

let secrets: string[];

beforeAll(async () => {
  const db = t.db;
  const hidden = await db.branch.create({
    data: { name: "Depósito Secreto", code: "HID", address: "Calle Oculta 123", sellsOnline: false },
  });
  const online = await createBranch(db, "Sucursal Online");
  await db.branch.update({ where: { id: online.id }, data: { sellsOnline: true } });
  await db.storeConfig.create({ data: { storeName: "Tienda Deportiva", fulfillmentBranchId: online.id } });
  const staff = [
    await createUser(db, "ADMIN"),
    await createUser(db, "MANAGER"),
    await createUser(db, "CASHIER", { branchId: hidden.id }),
  ];
  const products = [];
  for (const cost of COSTS) products.push(await createProduct(db, { cost, showOnline: true }));
  const variantId = products[0]?.variants[0]?.id ?? 0;
  await seedStock(db, online.id, { [variantId]: 10 });
  // The hidden branch's level must not reach the live stock a product page watches.
  await seedStock(db, hidden.id, { [variantId]: HIDDEN_LEVEL });
  sampleInputs["stock.onChange"] = { variantIds: [variantId] };
  sampleInputs["catalog.list"] = {};
  sampleInputs["catalog.product"] = { slug: products[0]?.slug };
  sampleInputs["catalog.cart"] = { lines: [{ variantId, quantity: 1 }] };
  await db.whatsAppConfig.create({
    data: { phoneNumber: "5491155550123", messageTemplate: "Hola {store}, soy {name}: {order}\n{items}\n{total}" },
  });
  const methods = await createPaymentMethods(db);
  const shopper = { name: "Comprador Público", email: "comprador@tienda.test", phone: "+5491144440000" };
  const lines = [{ variantId, quantity: 1 }];
  const checkout = { clientId: randomUUID(), lines, contact: shopper, paymentMethodId: methods.debit };
  sampleInputs["orders.checkout"] = checkout;
  sampleInputs["orders.quote"] = { lines, fulfillment: "SHIPPING", paymentMethodId: methods.debit };
  sampleInputs["orders.whatsapp"] = {
    clientId: randomUUID(),
    lines,
    contact: { name: shopper.name, phone: shopper.phone },
  };
  const placed = await createStoreCaller(createStoreContext({ db })).orders.checkout(checkout);
  sampleInputs["orders.lookup"] = { reference: placed.reference, email: shopper.email };
  const customer = await db.customer.create({
    data: { name: "Clienta Reservada", email: "clienta@privado.test", phone: "+5491155550000" },
  });
  secrets = [
    ...COSTS,
    ...staff.flatMap((user) => [user.email, user.name]),
    customer.name,
    customer.email ?? "",
    customer.phone ?? "",
    hidden.name,
    hidden.address,
    `"quantity":${HIDDEN_LEVEL}`,
  ];
});

/** What a procedure answers; for a subscription, its first item (the `sync` with the current state). */
async function outputOf(caller: object, path: string): Promise<unknown> {
  const result = await callPath(caller, path, sampleInputs[path]);
  if (result === null || typeof result !== "object" || !(Symbol.asyncIterator in result)) return result;
  const items = result as AsyncGenerator;
  const first = await items.next();
  await items.return(undefined);
  return first.value;
}

function expectNothingPrivate(path: string, output: unknown): void {
  const json = JSON.stringify(output);
  expect(json, path).not.toMatch(/"[^"]*cost[^"]*"\s*:/i);
  expect(json, path).not.toMatch(/passwordHash/i);
  expect(json, path).not.toContain("scrypt$");
  for (const secret of secrets) expect(json, `${path} must not show ${secret}`).not.toContain(secret);
}

describe("public outputs", () => {
  it("exist to check: the storefront has public procedures, and they are public in appRouter too", () => {
    expect(storePaths.length).toBeGreaterThan(0);
    for (const path of storePaths) expect(appPublicPaths).toContain(path);
  });

  it.each(storePaths)("storeRouter %s shows shoppers no costs, staff, customers or hidden branches", async (path) => {
    const caller = createStoreCaller(createStoreContext({ db: t.db }));
    expectNothingPrivate(path, await outputOf(caller, path));
  });

  it.each(appPublicPaths)("appRouter %s shows a signed-out caller none of them either", async (path) => {
    const caller = createCaller(anonymous(t.db));
    expectNothingPrivate(path, await outputOf(caller, path));
  });
});
