import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import type { TSaleCreate } from "@pos/validators";
import { createCaller, createContextInner, createEventBus, silentLogger, type BusEvent } from "../index.ts";
import { placeSale } from "../services/sales/placement.ts";
import { priceSale } from "../services/sales/pricing.ts";
import { inStockTransaction } from "../services/stock-ledger.ts";
import { as, codeOf, createBranch, createUser, databaseFingerprint } from "../../test/factories.ts";
import { configureStore, createPaymentMethods, openCashSession, type Methods } from "../../test/checkout.ts";
import { createSizedProduct, ledgerProblems, recordingBus, seedStock } from "../../test/stock.ts";

const t = useTestDb();

let branchId: number;
let methods: Methods;
let variants: { id: number }[];
let cashier: Awaited<ReturnType<typeof createUser>>;
let sell: ReturnType<typeof createCaller>["sales"]["create"];

beforeEach(async () => {
  const db = t.db;
  branchId = (await createBranch(db)).id;
  methods = await createPaymentMethods(db);
  await configureStore(db, { cashierMaxDiscountPercent: "10", pricesIncludeTax: true });
  // 59,990.00 each (see createSizedProduct).
  const product = await createSizedProduct(db, { sizes: ["40", "41", "42"] });
  variants = product.variants;
  await seedStock(db, branchId, Object.fromEntries(variants.map((variant) => [variant.id, 5])));
  cashier = await createUser(db, "CASHIER", { branchId });
  await openCashSession(db, branchId, cashier.id);
  sell = createCaller(as(db, cashier)).sales.create;
});

function variantId(index: number): number {
  const variant = variants[index];
  if (!variant) throw new Error(`no variant ${index}`);
  return variant.id;
}

function debitSale(lines: [number, number][], extra: Partial<TSaleCreate> = {}): TSaleCreate {
  const due = lines.reduce((sum, [, quantity]) => sum + quantity * 59_990, 0);
  return {
    clientId: randomUUID(),
    branchId,
    lines: lines.map(([index, quantity]) => ({ variantId: variantId(index), quantity })),
    payments: [{ methodId: methods.debit, base: `${due}.00` }],
    ...extra,
  };
}

async function onHand(index: number): Promise<number> {
  const level = await t.db.stockLevel.findUnique({
    where: { branchId_variantId: { branchId, variantId: variantId(index) } },
  });
  return level?.quantity ?? 0;
}

describe("sales.create", () => {
  it("records a three-line sale: totals, lines, payment, stock through the ledger, receipt number", async () => {
    const result = await sell(
      debitSale([
        [0, 1],
        [1, 2],
        [2, 1],
      ]),
    );
    expect(result).toMatchObject({ number: 1, total: "239960.00", change: "0.00", replayed: false, shortfalls: [] });
    expect(result.reference).toMatch(/^B\d+-000001$/);

    const sale = await t.db.sale.findUniqueOrThrow({
      where: { id: result.saleId },
      include: { items: true, payments: true, movements: true },
    });
    expect(sale).toMatchObject({ channel: "POS", status: "COMPLETED", cashierId: cashier.id, createdOffline: false });
    expect(sale.subtotal.toFixed(2)).toBe("239960.00");
    // Prices include 21 % VAT: 239,960 × 21 / 121 = 41,645.9504 → 41,645.95, summed per line.
    expect(sale.tax.toFixed(2)).toBe("41645.96");
    expect(sale.items.map((item) => [item.quantity, item.lineTotal.toFixed(2), item.unitCost.toFixed(2)])).toEqual([
      [1, "59990.00", "30000.00"],
      [2, "119980.00", "30000.00"],
      [1, "59990.00", "30000.00"],
    ]);
    expect(sale.payments).toHaveLength(1);
    expect(sale.movements.map((movement) => movement.quantity).sort()).toEqual([-1, -1, -2]);
    expect([await onHand(0), await onHand(1), await onHand(2)]).toEqual([4, 3, 4]);
    expect(await ledgerProblems(t.db)).toEqual([]);
    expect((await sell(debitSale([[0, 1]]))).number).toBe(2);
  });

  it("gives cash its discount and the change, and charges card installments their surcharge", async () => {
    const cash = await sell({
      ...debitSale([[0, 1]]),
      payments: [{ methodId: methods.cash, base: "59990.00", tendered: "60000.00" }],
    });
    // −10 % for cash: 53,991.00 to pay, 6,009.00 back.
    expect(cash).toMatchObject({ total: "53991.00", change: "6009.00" });

    const card = await sell({
      ...debitSale([[1, 1]]),
      payments: [{ methodId: methods.credit, base: "59990.00", installments: 3 }],
    });
    expect(card.total).toBe("65989.00");
    const sale = await t.db.sale.findUniqueOrThrow({ where: { id: card.saleId }, include: { payments: true } });
    expect(sale.surcharge.toFixed(2)).toBe("5999.00");
    expect(sale.payments[0]).toMatchObject({ installments: 3 });
  });

  it("splits a sale between cash and three card installments, every part adding up to the total", async () => {
    const result = await sell({
      ...debitSale([
        [0, 1],
        [1, 1],
      ]),
      payments: [
        { methodId: methods.cash, base: "59990.00", tendered: "55000.00" },
        { methodId: methods.credit, base: "59990.00", installments: 3 },
      ],
    });
    const sale = await t.db.sale.findUniqueOrThrow({ where: { id: result.saleId }, include: { payments: true } });
    const paid = sale.payments.reduce((sum, payment) => sum + Number(payment.amount.toFixed(2)) * 100, 0);
    expect(paid).toBe(Number(sale.total.toFixed(2)) * 100);
    expect(result).toMatchObject({ total: "119980.00", change: "1009.00" });
    expect(sale.discount.toFixed(2)).toBe("5999.00");
    expect(sale.surcharge.toFixed(2)).toBe("5999.00");
  });

  it("refuses a sale that would oversell, writing nothing", async () => {
    await sell(debitSale([[0, 4]]));
    const before = await databaseFingerprint(t.db);
    const refused = sell(
      debitSale([
        [0, 2],
        [1, 1],
      ]),
    );
    await expect(refused).rejects.toThrow(/Only 1 left of Runner \d+ 40/);
    expect(await codeOf(refused)).toBe("CONFLICT");
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  it("asks for a cash session before the first sale", async () => {
    const other = await createUser(t.db, "CASHIER", { branchId });
    const code = await codeOf(createCaller(as(t.db, other)).sales.create(debitSale([[0, 1]])));
    expect(code).toBe("PRECONDITION_FAILED");
  });

  it("lets a cashier discount within the store's limit and only a manager change a price", async () => {
    const within = await sell(
      debitSale([[0, 1]], { discount: "5999.00", payments: [{ methodId: methods.debit, base: "53991.00" }] }),
    );
    expect(within.total).toBe("53991.00");
    const above = debitSale([[0, 1]], {
      discount: "6000.00",
      payments: [{ methodId: methods.debit, base: "53990.00" }],
    });
    expect(await codeOf(sell(above))).toBe("FORBIDDEN");
    const repriced = debitSale([[1, 1]]);
    repriced.lines = [{ variantId: variantId(1), quantity: 1, unitPrice: "50000" }];
    repriced.payments = [{ methodId: methods.debit, base: "50000.00" }];
    expect(await codeOf(sell(repriced))).toBe("FORBIDDEN");

    const manager = await createUser(t.db, "MANAGER");
    await openCashSession(t.db, branchId, manager.id);
    const byManager = await createCaller(as(t.db, manager)).sales.create({ ...repriced, clientId: randomUUID() });
    expect(byManager.total).toBe("50000.00");
  });

  it("refuses a total the register did not show, and payments that do not cover the sale", async () => {
    const stale = debitSale([[0, 1]], { expectedTotal: "55000.00" });
    const refused = sell(stale);
    await expect(refused).rejects.toThrow(/The total is now 59990.00/);
    expect(await codeOf(refused)).toBe("CONFLICT");
    expect(
      await codeOf(sell({ ...debitSale([[0, 2]]), payments: [{ methodId: methods.debit, base: "59990.00" }] })),
    ).toBe("BAD_REQUEST");
    expect(
      await codeOf(
        sell({ ...debitSale([[0, 1]]), payments: [{ methodId: methods.cash, base: "59990.00", tendered: "100" }] }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await codeOf(
        sell({ ...debitSale([[0, 1]]), payments: [{ methodId: methods.credit, base: "59990.00", installments: 12 }] }),
      ),
    ).toBe("BAD_REQUEST");
  });

  it("adds tax on top when the store's prices exclude it", async () => {
    await configureStore(t.db, { pricesIncludeTax: false });
    // 59,990 + 21 % = 72,587.90
    const result = await sell({ ...debitSale([[0, 1]]), payments: [{ methodId: methods.debit, base: "72587.90" }] });
    expect(result.total).toBe("72587.90");
  });
});

describe("exactly once", () => {
  it("returns the first result to sequential replays and creates one sale", async () => {
    const request = debitSale([
      [0, 1],
      [1, 1],
    ]);
    const first = await sell(request);
    for (let replay = 0; replay < 5; replay++) {
      expect(await sell(request)).toEqual({ ...first, replayed: true });
    }
    expect(await t.db.sale.count({ where: { clientId: request.clientId } })).toBe(1);
    expect(await onHand(0)).toBe(4);
  });

  it("makes one sale of five identical requests in flight at once", async () => {
    const request = debitSale([[0, 1]]);
    const results = await Promise.all(Array.from({ length: 5 }, () => sell(request)));
    expect(new Set(results.map((result) => result.saleId)).size).toBe(1);
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    expect(await t.db.sale.count({ where: { clientId: request.clientId } })).toBe(1);
    expect(await onHand(0)).toBe(4);
  });

  it("refuses the same clientId with different content", async () => {
    const request = debitSale([[0, 1]]);
    await sell(request);
    const changed = {
      ...request,
      lines: [{ variantId: variantId(0), quantity: 2 }],
      payments: [{ methodId: methods.debit, base: "119980.00" }],
    };
    const refused = sell(changed);
    await expect(refused).rejects.toThrow(/already recorded with different content/);
    expect(await codeOf(refused)).toBe("CONFLICT");
    expect(await onHand(0)).toBe(4);
  });

  it("treats a resend flagged as offline as the same sale: the register did not hear the first answer", async () => {
    const request = debitSale([[0, 1]]);
    const first = await sell(request);
    const resent = await sell({ ...request, offlineAt: new Date(Date.now() - 30_000) });
    expect(resent).toEqual({ ...first, replayed: true });
    expect(await t.db.sale.count({ where: { clientId: request.clientId } })).toBe(1);
    expect(await onHand(0)).toBe(4);
  });
});

describe("offline sync", () => {
  it("accepts a sale made offline even when stock ran short, recording the shortfall for managers", async () => {
    await sell(debitSale([[0, 4]]));
    const offlineAt = new Date(Date.now() - 3_600_000);
    const recorded = recordingBus();
    const register = createCaller(
      createContextInner({ db: t.db, session: { user: cashier }, bus: recorded.bus, log: silentLogger }),
    );
    const result = await register.sales.create(debitSale([[0, 3]], { offlineAt }));
    expect(result).toMatchObject({ createdOffline: true, shortfalls: [{ variantId: variantId(0), quantity: 2 }] });
    expect(await onHand(0)).toBe(-2);
    // The one problem allowed on this path: the level below zero it was made to show.
    expect((await ledgerProblems(t.db)).map((row) => row.problem)).toEqual(["negative level -2"]);
    const sale = await t.db.sale.findUniqueOrThrow({ where: { id: result.saleId } });
    expect(sale.offlineCreatedAt?.toISOString()).toBe(offlineAt.toISOString());
    expect(await t.db.stockShortfall.count({ where: { saleId: result.saleId, resolvedAt: null } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { action: "sale.offline_exceptions" } })).toBe(1);
    const alert = recorded.published.find((event) => event.topic === "stock.shortfall");
    expect(alert?.data).toEqual({
      saleId: result.saleId,
      branchId,
      shortfalls: [{ variantId: variantId(0), quantity: 2 }],
    });
  });
});

describe("numbers and events", () => {
  it("numbers concurrent sales without gaps, even when some fail for stock", async () => {
    const attempts = await Promise.allSettled(Array.from({ length: 12 }, () => sell(debitSale([[2, 1]]))));
    const numbers = attempts.flatMap((attempt) => (attempt.status === "fulfilled" ? [attempt.value.number] : []));
    expect(numbers.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    expect(await onHand(2)).toBe(0);
  });

  it("announces the sale and the stock it moved once it commits", async () => {
    const bus = createEventBus();
    const received: BusEvent[] = [];
    const subscription = bus.subscribe({ topics: ["sale.created", "stock.changed"] });
    const ctx = createContextInner({ db: t.db, session: { user: cashier }, bus, log: silentLogger });
    const result = await createCaller(ctx).sales.create(debitSale([[0, 2]]));
    for (let i = 0; i < 2; i++) {
      const item = await subscription.next();
      if (!item.done && item.value.type === "event") received.push(item.value.event);
    }
    subscription.close();
    expect(received.map((event) => event.topic).sort()).toEqual(["sale.created", "stock.changed"]);
    expect(received.find((event) => event.topic === "sale.created")?.data).toMatchObject({
      saleId: result.saleId,
      total: "119980.00",
    });
    expect(received.find((event) => event.topic === "stock.changed")?.data).toMatchObject({
      changes: [{ variantId: variantId(0), quantity: 3 }],
    });
  });
});

describe("receipts and history", () => {
  it("prints a receipt that adds up, finds the sale by its scanned reference, and lists it", async () => {
    const caller = createCaller(as(t.db, cashier));
    const result = await sell({
      ...debitSale([
        [0, 1],
        [1, 1],
      ]),
      payments: [
        { methodId: methods.cash, base: "59990.00", tendered: "60000.00" },
        { methodId: methods.credit, base: "59990.00", installments: 3 },
      ],
    });
    const { receipt, text } = await caller.sales.receipt({ saleId: result.saleId, columns: 42 });
    expect(receipt).toMatchObject({ reference: result.reference, barcode: result.reference, total: result.total });
    expect(receipt.change).toBe(result.change);
    const cents = (amount: string) => Math.round(Number(amount) * 100);
    const lines = receipt.lines.reduce((sum, line) => sum + cents(line.lineTotal), 0);
    expect(lines).toBe(cents(receipt.subtotal));
    expect(cents(receipt.subtotal) - cents(receipt.discount) + cents(receipt.surcharge)).toBe(cents(receipt.total));
    expect(receipt.payments.reduce((sum, payment) => sum + cents(payment.amount), 0)).toBe(cents(receipt.total));
    expect(receipt.payments[1]).toMatchObject({ installments: 3, installmentAmount: "21996.33" });

    for (const row of text.split("\n")) expect(row.length).toBeLessThanOrEqual(42);
    expect(text).toContain(result.reference);
    expect(text).toMatch(/TOTAL\s+\$\s?119\.980,00/);
    expect(text).toMatch(/Su vuelto\s+\$\s?6\.009,00/);
    const reprint = await caller.sales.receipt({ saleId: result.saleId, columns: 32, reprint: true });
    expect(reprint.text).toContain("REIMPRESIÓN");
    for (const row of reprint.text.split("\n")) expect(row.length).toBeLessThanOrEqual(32);

    const scanned = ` ${result.reference.toLowerCase()} `;
    expect(await caller.sales.find({ reference: scanned })).toMatchObject({ id: result.saleId, lineCount: 2 });
    const history = await caller.sales.list({ branchId });
    expect(history.items[0]).toMatchObject({ id: result.saleId, reference: result.reference, total: result.total });
  });

  it("keeps another branch's receipts from a cashier", async () => {
    const result = await sell(debitSale([[0, 1]]));
    const stranger = await createUser(t.db, "CASHIER");
    const caller = createCaller(as(t.db, stranger));
    expect(await codeOf(caller.sales.receipt({ saleId: result.saleId }))).toBe("FORBIDDEN");
    expect(await codeOf(caller.sales.find({ reference: result.reference }))).toBe("FORBIDDEN");
    expect(await codeOf(caller.sales.receipt({ saleId: 99_999_999 }))).toBe("NOT_FOUND");
  });
});

describe("the cash session", () => {
  it("is re-checked when the sale is written: a sale priced before a close does not land in the counted drawer", async () => {
    const session = await t.db.cashSession.findFirstOrThrow({ where: { cashierId: cashier.id, closedAt: null } });
    const request = debitSale([[0, 1]]);
    const priced = await priceSale(t.db, {
      channel: "POS",
      lines: request.lines,
      payments: [{ methodId: methods.debit, base: "59990.00", installments: 1 }],
      seller: cashier,
      offline: false,
    });
    // The drawer is counted between pricing and writing.
    await t.db.cashSession.update({ where: { id: session.id }, data: { closedAt: new Date() } });
    const write = inStockTransaction(t.db, (tx) =>
      placeSale(tx, {
        clientId: request.clientId,
        requestHash: "test",
        channel: "POS",
        status: "COMPLETED",
        branchId,
        cashierId: cashier.id,
        cashSessionId: session.id,
        customerId: null,
        priced,
        notes: null,
        order: null,
        offlineAt: null,
      }),
    );
    await expect(write).rejects.toThrow(/cash session was just closed/);
    expect(await onHand(0)).toBe(5);
    expect(await t.db.sale.count({ where: { cashSessionId: session.id } })).toBe(0);
  });
});
