// The storefront's order procedures (storeRouter.orders) on a real database: checkout, WhatsApp orders and the
// order page. Managers' handling of the orders is in orders.test.ts.
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { formatMoney } from "@pos/validators";
import { proceduresOf } from "../authorization.rules.ts";
import {
  createCaller,
  createContextInner,
  createEventBus,
  isDomainError,
  silentLogger,
  storeRouter,
  type BusEvent,
} from "../index.ts";
import { codeOf, databaseFingerprint } from "../../test/factories.ts";
import { configureOrders, orderWorld, UNIT_PRICE, type OrderWorld } from "../../test/orders.ts";
import { level, ledgerProblems } from "../../test/stock.ts";

const t = useTestDb();
let w: OrderWorld;

beforeEach(async () => {
  w = await orderWorld(t.db);
});

const onHand = (index: number) => level(t.db, w.branch.id, w.variantId(index));
const cents = (amount: string) => Math.round(Number(amount) * 100);
const money = (amount: string) => formatMoney(amount, { currency: "ARS", locale: "es-AR" });

/** The DomainError code behind a refusal (OUT_OF_STOCK travels as CONFLICT) and its message. */
async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    const code = isDomainError(error.cause) ? error.cause.code : await codeOf(Promise.reject(error));
    return { code, message: error.message };
  }
  throw new Error("expected a refusal");
}

describe("orders.quote", () => {
  it("gives the totals checkout will charge: shipping below the free threshold, the method's discount", async () => {
    const lines = w.checkout([[0, 1]]).lines;
    const shipped = await w.shop.orders.quote({ lines, fulfillment: "SHIPPING", paymentMethodId: w.methods.debit });
    expect(shipped).toMatchObject({ subtotal: "59990.00", shipping: "5000.00", total: "64990.00" });
    const cash = await w.shop.orders.quote({ lines, fulfillment: "PICKUP", paymentMethodId: w.methods.cash });
    expect(cash).toMatchObject({ subtotal: "59990.00", shipping: "0.00", discount: "5999.00", total: "53991.00" });
    const free = await w.shop.orders.quote({ lines: w.checkout([[0, 3]]).lines, fulfillment: "SHIPPING" });
    expect(free).toMatchObject({ subtotal: "179970.00", shipping: "0.00", total: "179970.00" });
  });

  it("is what checkout then accepts as the expected total, and holds nothing", async () => {
    const before = await databaseFingerprint(t.db);
    const request = w.checkout([[1, 2]], { fulfillment: "SHIPPING", shippingAddress: "Av. Siempreviva 742, CABA" });
    const quote = await w.shop.orders.quote({ ...request, fulfillment: "SHIPPING" });
    expect(await databaseFingerprint(t.db)).toEqual(before);
    const placed = await w.shop.orders.checkout({ ...request, expectedTotal: quote.total });
    expect(placed.total).toBe(quote.total);
  });

  it("refuses while the store is closed", async () => {
    await configureOrders(t.db, w.branch.id, { active: false });
    const lines = w.checkout([[0, 1]]).lines;
    expect(await codeOf(w.shop.orders.quote({ lines, fulfillment: "PICKUP" }))).toBe("PRECONDITION_FAILED");
  });
});

describe("orders.checkout", () => {
  it("places a PENDING online order from the fulfilling branch's stock, totals adding up", async () => {
    const result = await w.shop.orders.checkout(
      w.checkout([
        [0, 1],
        [1, 2],
      ]),
    );
    expect(result).toMatchObject({ status: "PENDING", total: "179970.00", shipping: "0.00", replayed: false });
    expect(result.reference).toBe(`${w.branch.code}-000001`);
    expect(result.paymentMethod).toBe("Débito");
    expect(result.instructions).toContain(w.branch.name);

    const sale = await t.db.sale.findUniqueOrThrow({
      where: { clientId: (await t.db.sale.findFirstOrThrow({ where: { branchId: w.branch.id } })).clientId },
      include: { items: true, payments: true, movements: true },
    });
    expect(sale).toMatchObject({
      channel: "ONLINE",
      status: "PENDING",
      cashierId: null,
      contactName: "Ana Compradora",
      contactEmail: "ana@example.com",
      contactPhone: "+5491155551234",
      fulfillment: "PICKUP",
    });
    expect(sale.payments).toHaveLength(1);
    expect(sale.payments[0]?.amount.toFixed(2)).toBe("179970.00");
    expect(sale.movements.map((movement) => [movement.type, movement.quantity])).toEqual(
      expect.arrayContaining([
        ["SALE", -1],
        ["SALE", -2],
      ]),
    );
    expect([await onHand(0), await onHand(1), await onHand(2)]).toEqual([4, 3, 5]);
    expect(await ledgerProblems(t.db)).toEqual([]);
  });

  it("charges the store's shipping fee below the free-shipping threshold and none from it", async () => {
    const address = { fulfillment: "SHIPPING" as const, shippingAddress: "Av. Siempre Viva 742, CABA" };
    const one = await w.shop.orders.checkout(w.checkout([[0, 1]], address));
    expect(one).toMatchObject({ shipping: "5000.00", total: "64990.00" });
    const three = await w.shop.orders.checkout(w.checkout([[1, 3]], address));
    expect(three).toMatchObject({ shipping: "0.00", total: `${3 * UNIT_PRICE}.00` });
    // The threshold itself ships free (subtotal ≥ freeShippingFrom).
    await configureOrders(t.db, w.branch.id, { freeShippingFrom: `${2 * UNIT_PRICE}.00` });
    expect(await w.shop.orders.checkout(w.checkout([[2, 2]], address))).toMatchObject({ shipping: "0.00" });

    // Cash −10 % applies to everything due, shipping included, and the receipt identity holds.
    await configureOrders(t.db, w.branch.id);
    const cash = await w.shop.orders.checkout(w.checkout([[2, 1]], { ...address, paymentMethodId: w.methods.cash }));
    expect(cash.total).toBe("58491.00");
    const sale = await t.db.sale.findFirstOrThrow({ where: { branchId: w.branch.id }, orderBy: { id: "desc" } });
    const sum = cents(sale.subtotal.toFixed(2)) - cents(sale.discount.toFixed(2)) + cents(sale.surcharge.toFixed(2));
    expect(sum + cents(sale.shipping.toFixed(2))).toBe(cents(sale.total.toFixed(2)));
    expect(cash.instructions).toMatch(/efectivo al recibir/);
  });

  it("tells a transfer payer where to send it, quoting the order number", async () => {
    const result = await w.shop.orders.checkout(w.checkout([[0, 1]], { paymentMethodId: w.methods.transfer }));
    expect(result.instructions).toContain(result.reference);
    expect(result.instructions).toContain("hola@tienda.test");
    expect(result.instructions).toContain(money("59990.00"));
  });

  it("is exactly once: five resends in a row and five at once make one order; other content is refused", async () => {
    const request = w.checkout([[0, 1]]);
    const sequential = [];
    for (let i = 0; i < 5; i++) sequential.push(await w.shop.orders.checkout(request));
    expect(new Set(sequential.map((result) => result.reference)).size).toBe(1);
    expect(sequential.map((result) => result.replayed)).toEqual([false, true, true, true, true]);

    const twin = w.checkout([[1, 1]]);
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => w.shop.orders.checkout(twin)));
    expect(new Set(concurrent.map((result) => result.reference)).size).toBe(1);
    expect(concurrent.filter((result) => !result.replayed)).toHaveLength(1);

    expect(await t.db.sale.count({ where: { branchId: w.branch.id } })).toBe(2);
    expect([await onHand(0), await onHand(1)]).toEqual([4, 4]);
    const reused = await refusal(
      w.shop.orders.checkout({ ...request, lines: [{ variantId: w.variantId(0), quantity: 2 }] }),
    );
    expect(reused.code).toBe("CONFLICT");
    expect(reused.message).toMatch(/already recorded with different content/);
    expect(await ledgerProblems(t.db)).toEqual([]);
  });

  it("refuses what the branch does not have with a clear message, writing nothing", async () => {
    const before = await databaseFingerprint(t.db);
    const short = await refusal(
      w.shop.orders.checkout(
        w.checkout([
          [0, 1],
          [1, 6],
        ]),
      ),
    );
    expect(short.code).toBe("OUT_OF_STOCK");
    expect(short.message).toBe(`Only 5 left of ${w.productName} 41 at ${w.branch.name}; 6 requested.`);
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  it("refuses when the store is closed, the branch does not sell online, the delivery is off or the total moved", async () => {
    await configureOrders(t.db, w.branch.id, { active: false });
    const closed = await refusal(w.shop.orders.checkout(w.checkout([[0, 1]])));
    expect(closed.code).toBe("PRECONDITION_FAILED");
    expect(closed.message).toMatch(/store is closed/);
    await configureOrders(t.db, w.branch.id, { shippingEnabled: false });
    await t.db.branch.update({ where: { id: w.branch.id }, data: { sellsOnline: false } });
    const offline = await refusal(w.shop.orders.whatsapp(w.whatsapp([[0, 1]])));
    expect(offline.code).toBe("PRECONDITION_FAILED");
    expect(offline.message).toMatch(/does not sell online/);
    await t.db.branch.update({ where: { id: w.branch.id }, data: { sellsOnline: true } });
    const shipping = { fulfillment: "SHIPPING" as const, shippingAddress: "Calle Falsa 123, Rosario" };
    expect((await refusal(w.shop.orders.checkout(w.checkout([[0, 1]], shipping)))).message).toMatch(/choose pickup/);
    const moved = await refusal(w.shop.orders.checkout(w.checkout([[0, 1]], { expectedTotal: "50000" })));
    expect(moved.code).toBe("CONFLICT");
    expect(moved.message).toMatch(/total is now 59990.00/);
    await configureOrders(t.db, w.branch.id);
    expect(await t.db.sale.count({ where: { branchId: w.branch.id } })).toBe(0);
  });

  it("announces the order and the stock it took", async () => {
    const bus = createEventBus();
    const subscription = bus.subscribe({ topics: ["sale.created", "stock.changed"] });
    const caller = createCaller(createContextInner({ db: t.db, session: null, bus, log: silentLogger }));
    await caller.orders.checkout(w.checkout([[0, 2]]));
    const received: BusEvent[] = [];
    for (let i = 0; i < 2; i++) {
      const item = await subscription.next();
      if (!item.done && item.value.type === "event") received.push(item.value.event);
    }
    subscription.close();
    expect(received.find((event) => event.topic === "sale.created")?.data).toMatchObject({
      channel: "ONLINE",
      branchId: w.branch.id,
      total: "119980.00",
    });
  });
});

describe("orders.whatsapp", () => {
  it("holds the stock in a PENDING order and returns the wa.me link with items, sizes, total and number", async () => {
    const started = Date.now();
    const result = await w.shop.orders.whatsapp(
      w.whatsapp([
        [0, 1],
        [2, 2],
      ]),
    );
    expect(result).toMatchObject({ status: "PENDING", total: "179970.00", replayed: false });
    expect(result.whatsappUrl.startsWith("https://wa.me/5491155550123?text=")).toBe(true);
    const text = decodeURIComponent(result.whatsappUrl.split("?text=")[1] ?? "");
    expect(text).toBe(result.message);
    expect(text).toContain(`pedido ${result.reference}`);
    expect(text).toContain("Soy Beto Chat");
    expect(text).toContain(`1 × ${w.productName} (talle 40): ${money("59990.00")}`);
    expect(text).toContain(`2 × ${w.productName} (talle 42): ${money("119980.00")}`);
    expect(text).toContain(`Total: ${money("179970.00")}`);

    const expires = result.expiresAt?.getTime() ?? 0;
    expect(expires).toBeGreaterThanOrEqual(started + 120 * 60_000);
    expect(expires).toBeLessThan(Date.now() + 120 * 60_000 + 1000);
    const sale = await t.db.sale.findFirstOrThrow({ where: { branchId: w.branch.id }, include: { payments: true } });
    expect(sale).toMatchObject({ channel: "WHATSAPP", status: "PENDING", contactPhone: "+5491144449876" });
    expect(sale.payments).toEqual([]);
    expect([await onHand(0), await onHand(2)]).toEqual([4, 3]);
    // A resend (double tap) gives the same order and link.
    expect(
      await w.shop.orders.whatsapp({
        ...w.whatsapp([]),
        clientId: sale.clientId,
        lines: [
          { variantId: w.variantId(0), quantity: 1 },
          { variantId: w.variantId(2), quantity: 2 },
        ],
      }),
    ).toMatchObject({ reference: result.reference, whatsappUrl: result.whatsappUrl, replayed: true });
  });

  it("is refused while WhatsApp ordering is switched off", async () => {
    await t.db.whatsAppConfig.update({ where: { id: 1 }, data: { active: false } });
    expect((await refusal(w.shop.orders.whatsapp(w.whatsapp([[0, 1]])))).message).toMatch(/use the checkout/);
  });
});

describe("orders.lookup", () => {
  it("finds an order by number plus the email or phone given, in any case or format", async () => {
    const placed = await w.shop.orders.checkout(w.checkout([[0, 1]], { paymentMethodId: w.methods.transfer }));
    const loose = ` ${placed.reference.toLowerCase()} `;
    const byEmail = await w.shop.orders.lookup({ reference: loose, email: "ANA@Example.com " });
    expect(byEmail).toMatchObject({
      reference: placed.reference,
      status: "PENDING",
      total: "59990.00",
      fulfillment: "PICKUP",
      pickupAt: { name: w.branch.name },
      items: [{ productName: w.productName, sizeLabel: "40", quantity: 1, lineTotal: "59990.00" }],
    });
    expect(byEmail.instructions).toContain(placed.reference);
    expect(JSON.stringify(byEmail)).not.toMatch(/cost|cashier|ana@example|5555-?1234|"id"/i);
    expect(await w.shop.orders.lookup({ reference: placed.reference, phone: "11 5555-1234" })).toMatchObject({
      reference: placed.reference,
    });
    expect(await w.shop.orders.lookup({ reference: placed.reference, phone: "+54 9 11 5555 1234" })).toMatchObject({
      reference: placed.reference,
    });
  });

  it("answers a wrong email, a wrong phone and a wrong number alike", async () => {
    const placed = await w.shop.orders.checkout(w.checkout([[0, 1]]));
    const wrongEmail = await refusal(w.shop.orders.lookup({ reference: placed.reference, email: "otra@example.com" }));
    const wrongPhone = await refusal(w.shop.orders.lookup({ reference: placed.reference, phone: "11 5555-9999" }));
    const wrongNumber = await refusal(
      w.shop.orders.lookup({ reference: `${w.branch.code}-000099`, email: "ana@example.com" }),
    );
    expect(wrongEmail.code).toBe("NOT_FOUND");
    for (const refused of [wrongPhone, wrongNumber]) expect(refused.code).toBe("NOT_FOUND");
    expect(wrongEmail.message.replace(placed.reference, "X")).toBe(
      wrongNumber.message.replace(`${w.branch.code}-000099`, "X"),
    );
  });

  it("does not find register sales", async () => {
    const placed = await w.shop.orders.checkout(w.checkout([[0, 1]]));
    await t.db.sale.updateMany({ where: { branchId: w.branch.id }, data: { channel: "POS" } });
    expect(await codeOf(w.shop.orders.lookup({ reference: placed.reference, email: "ana@example.com" }))).toBe(
      "NOT_FOUND",
    );
  });
});

describe("storeRouter", () => {
  it("offers shoppers the four public order procedures and nothing of the managers' queue", () => {
    const paths = proceduresOf(storeRouter).map(([path]) => path);
    expect(paths.filter((path) => path.startsWith("orders.")).sort()).toEqual([
      "orders.checkout",
      "orders.lookup",
      "orders.quote",
      "orders.whatsapp",
    ]);
  });
});
