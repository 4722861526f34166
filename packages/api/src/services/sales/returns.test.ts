// sales.return on the real database: limits per line under concurrency, exactly once, refunds to the cent,
// restocked and damaged goods, the drawer and the Z report, and an exchange (a return, then a sale).
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { toCents, type TSaleCreate, type TSaleReturn } from "@pos/validators";
import { createCaller, createContextInner, silentLogger } from "../../index.ts";
import { as, codeOf, createBranch, createUser } from "../../../test/factories.ts";
import { configureStore, createPaymentMethods, openCashSession, type Methods } from "../../../test/checkout.ts";
import { insertSale } from "../../../test/sales.ts";
import { createSizedProduct, ledgerProblems, level, recordingBus, seedStock } from "../../../test/stock.ts";

const t = useTestDb();

let branchId: number;
let methods: Methods;
let sizes: number[];
let cashier: Awaited<ReturnType<typeof createUser>>;
let register: ReturnType<typeof createCaller>;

beforeEach(async () => {
  const db = t.db;
  branchId = (await createBranch(db)).id;
  methods = await createPaymentMethods(db);
  await configureStore(db, { cashierMaxDiscountPercent: "10", pricesIncludeTax: true });
  // 59,990.00 each, sizes 40, 41, 42.
  sizes = (await createSizedProduct(db, { sizes: ["40", "41", "42"] })).variants.map((variant) => variant.id);
  await seedStock(db, branchId, Object.fromEntries(sizes.map((id) => [id, 5])));
  cashier = await createUser(db, "CASHIER", { branchId });
  await openCashSession(db, branchId, cashier.id);
  register = createCaller(as(db, cashier));
});

const size = (index: number) => sizes[index] ?? 0;
const onHand = (index: number) => level(t.db, branchId, size(index));

/** A debit sale at catalog prices of [size index, quantity] lines, with its line ids in the same order. */
async function sell(lines: [number, number][], extra: Partial<TSaleCreate> = {}, caller = register) {
  const due = lines.reduce((sum, [, quantity]) => sum + quantity * 59_990, 0);
  const sale = await caller.sales.create({
    clientId: randomUUID(),
    branchId,
    lines: lines.map(([index, quantity]) => ({ variantId: size(index), quantity })),
    payments: [{ methodId: methods.debit, base: `${due}.00` }],
    ...extra,
  });
  const items = await t.db.saleItem.findMany({ where: { saleId: sale.saleId }, orderBy: { id: "asc" } });
  return { ...sale, itemIds: items.map((item) => item.id) };
}

function returnOf(
  saleId: number,
  lines: [saleItemId: number | undefined, quantity: number, restock?: boolean][],
  extra: Partial<TSaleReturn> = {},
): TSaleReturn {
  return {
    clientId: randomUUID(),
    saleId,
    lines: lines.map(([saleItemId = 0, quantity, restock = true]) => ({ saleItemId, quantity, restock })),
    refundMethod: "DEBIT",
    ...extra,
  };
}

describe("sales.return: how much can come back", () => {
  it("shows each line's returnable units and what was paid for it, before and after a partial return", async () => {
    // Cash 10 % off: the discount is carried to the lines, so what comes back is what was paid.
    const due = 2 * 59_990 + 59_990;
    const sale = await sell(
      [
        [0, 2],
        [1, 1],
      ],
      { payments: [{ methodId: methods.cash, base: `${due}.00` }] },
    );
    const before = await register.sales.returnable({ saleId: sale.saleId });
    expect(before.status).toBe("COMPLETED");
    expect(before.lines.map((line) => [line.sold, line.returned, line.paid])).toEqual([
      [2, 0, "107982.00"],
      [1, 0, "53991.00"],
    ]);
    expect(before.lines.reduce((sum, line) => sum + toCents(line.paid), 0)).toBe(toCents(sale.total));

    await register.sales.return(returnOf(sale.saleId, [[sale.itemIds[0], 1]]));
    const after = await register.sales.returnable({ saleId: sale.saleId });
    expect(after.lines.map((line) => line.returned)).toEqual([1, 0]);
  });

  it("takes a line back in parts up to what was sold and refuses more, naming the item and what remains", async () => {
    const sale = await sell([[0, 3]]);
    const [line] = sale.itemIds;
    const first = await register.sales.return(returnOf(sale.saleId, [[line, 2]]));
    expect(first).toMatchObject({ refundAmount: "119980.00", reference: sale.reference, replayed: false });
    expect(await onHand(0)).toBe(4);

    const beyond = register.sales.return(returnOf(sale.saleId, [[line, 2]]));
    await expect(beyond).rejects.toThrow(
      /Only 1 of Runner \d+ 40 can still be returned .*\(3 sold, 2 returned\); 2 requested/,
    );
    expect(await codeOf(beyond)).toBe("CONFLICT");

    await register.sales.return(returnOf(sale.saleId, [[line, 1]]));
    const none = register.sales.return(returnOf(sale.saleId, [[line, 1]]));
    await expect(none).rejects.toThrow(/Every Runner \d+ 40 of sale .* has been returned already/);
    expect(await onHand(0)).toBe(5);

    const movements = await t.db.inventoryMovement.findMany({
      where: { type: "RETURN", variantId: size(0) },
      orderBy: { id: "asc" },
    });
    expect(movements.map((movement) => [movement.quantity, movement.balanceAfter])).toEqual([
      [2, 4],
      [1, 5],
    ]);
    expect(movements.every((movement) => movement.returnId !== null && movement.userId === cashier.id)).toBe(true);
    expect(await ledgerProblems(t.db)).toEqual([]);
  });

  it("gives the last unit to exactly one of several returns sent at once", async () => {
    const sale = await sell([[1, 1]]);
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, () => register.sales.return(returnOf(sale.saleId, [[sale.itemIds[0], 1]]))),
    );
    expect(attempts.filter((attempt) => attempt.status === "fulfilled")).toHaveLength(1);
    const refused = attempts.flatMap((attempt) => (attempt.status === "rejected" ? [String(attempt.reason)] : []));
    expect(refused.every((reason) => /has been returned already/.test(reason))).toBe(true);
    expect(await t.db.return.count({ where: { saleId: sale.saleId } })).toBe(1);
    expect(await onHand(1)).toBe(5);
    expect(await ledgerProblems(t.db)).toEqual([]);
  });

  it("refuses voided sales, orders and lines of another sale", async () => {
    const sale = await sell([[0, 1]]);
    const manager = await createUser(t.db, "MANAGER");
    await createCaller(as(t.db, manager)).sales.void({ saleId: sale.saleId, reason: "Wrong size rung up" });
    const voided = register.sales.return(returnOf(sale.saleId, [[sale.itemIds[0], 1]]));
    await expect(voided).rejects.toThrow(/was voided/);
    expect(await codeOf(voided)).toBe("CONFLICT");

    const order = await insertSale(t.db, {
      branchId,
      cashierId: null,
      channel: "WHATSAPP",
      status: "PENDING",
      lines: [{ variantId: size(0), quantity: 1, unitPrice: "59990.00" }],
      payments: [],
    });
    const orderLine = await t.db.saleItem.findFirstOrThrow({ where: { saleId: order.id } });
    const pending = register.sales.return(returnOf(order.id, [[orderLine.id, 1]]));
    await expect(pending).rejects.toThrow(/is an order \(PENDING\)/);

    const other = await sell([[2, 1]]);
    expect(await codeOf(register.sales.return(returnOf(other.saleId, [[orderLine.id, 1]])))).toBe("BAD_REQUEST");
    const saleIds = [sale.saleId, order.id, other.saleId];
    expect(await t.db.return.count({ where: { saleId: { in: saleIds } } })).toBe(0);
  });
});

describe("sales.return: exactly once", () => {
  it("answers replays with the first result, makes one return of five in flight, and refuses changed content", async () => {
    const sale = await sell([[0, 2]]);
    const request = returnOf(sale.saleId, [[sale.itemIds[0], 1]], { reason: "Too small" });
    const first = await register.sales.return(request);
    expect(await register.sales.return(request)).toEqual({ ...first, replayed: true });

    const twin = returnOf(sale.saleId, [[sale.itemIds[0], 1]]);
    const results = await Promise.all(Array.from({ length: 5 }, () => register.sales.return(twin)));
    expect(new Set(results.map((result) => result.returnId)).size).toBe(1);
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);

    // Everything is back now, so the replay is also the proof that nothing was checked or moved again.
    expect((await register.sales.return(twin)).replayed).toBe(true);
    const changed = register.sales.return({ ...request, lines: [{ saleItemId: sale.itemIds[0] ?? 0, quantity: 2 }] });
    await expect(changed).rejects.toThrow(/already recorded with different content/);
    expect(await codeOf(changed)).toBe("CONFLICT");
    expect(await t.db.return.count({ where: { saleId: sale.saleId } })).toBe(2);
    expect(await onHand(0)).toBe(5);
  });
});

describe("sales.return: money", () => {
  it("refunds each unit's share of the discounted sale, to the cent, adding up to what was paid", async () => {
    // 59,990 + 2 × 59,990 = 179,970 with 5,999.00 off the sale: 173,971.00 paid, spread 1 : 2 as 57,990.33 and
    // 115,980.67 (the odd cent to the larger remainder); the second line's units refund 57,990.335 half-up
    // = 57,990.34, then the rest, 57,990.33.
    const sale = await sell(
      [
        [0, 1],
        [1, 2],
      ],
      { discount: "5999.00", payments: [{ methodId: methods.debit, base: "173971.00" }] },
    );
    const [one, two] = sale.itemIds;
    const refunds = [
      await register.sales.return(returnOf(sale.saleId, [[two, 1]])),
      await register.sales.return(returnOf(sale.saleId, [[two, 1]])),
      await register.sales.return(returnOf(sale.saleId, [[one, 1]])),
    ].map((result) => result.refundAmount);
    expect(refunds).toEqual(["57990.34", "57990.33", "57990.33"]);
    expect(refunds.reduce((sum, amount) => sum + toCents(amount), 0)).toBe(toCents(sale.total));
  });

  it("keeps card surcharges and gives back cash discounts: the refund is what was paid for the goods", async () => {
    const card = await sell([[0, 1]], { payments: [{ methodId: methods.credit, base: "59990.00", installments: 3 }] });
    expect(card.total).toBe("65989.00");
    expect((await register.sales.return(returnOf(card.saleId, [[card.itemIds[0], 1]]))).refundAmount).toBe("59990.00");
    const cash = await sell([[1, 1]], { payments: [{ methodId: methods.cash, base: "59990.00" }] });
    expect((await register.sales.return(returnOf(cash.saleId, [[cash.itemIds[0], 1]]))).refundAmount).toBe("53991.00");
  });

  it("adds up for any discount, payment and order of partial returns (property)", async () => {
    const manager = await createUser(t.db, "MANAGER");
    await openCashSession(t.db, branchId, manager.id);
    await seedStock(t.db, branchId, Object.fromEntries(sizes.map((id) => [id, 500])));
    const managerRegister = createCaller(as(t.db, manager));
    const quantities = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }));
    await fc.assert(
      fc.asyncProperty(
        quantities,
        fc.integer({ min: 0, max: 99_999 }),
        fc.constantFrom("debit", "cash", "credit"),
        fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 4 }),
        async ([a, b], discountCents, method, splits) => {
          const due = (a + b) * 5_999_000 - discountCents;
          const base = `${Math.floor(due / 100)}.${String(due % 100).padStart(2, "0")}`;
          const payment = { methodId: methods[method], base, installments: method === "credit" ? 3 : 1 };
          const discount = `${Math.floor(discountCents / 100)}.${String(discountCents % 100).padStart(2, "0")}`;
          const lines: [number, number][] = [
            [0, a],
            [2, b],
          ];
          const sale = await sell(lines, { discount, payments: [payment] }, managerRegister);
          for (const [index, itemId] of sale.itemIds.entries()) {
            let left = lines[index]?.[1] ?? 0;
            for (const wanted of [...splits, left]) {
              const quantity = Math.min(wanted, left);
              if (quantity === 0) break;
              await managerRegister.sales.return(returnOf(sale.saleId, [[itemId, quantity, wanted % 2 === 0]]));
              left -= quantity;
            }
          }
          const row = await t.db.sale.findUniqueOrThrow({ where: { id: sale.saleId } });
          const returns = await t.db.return.findMany({ where: { saleId: sale.saleId }, include: { items: true } });
          for (const r of returns) {
            expect(r.items.reduce((sum, item) => sum + toCents(item.amount), 0)).toBe(toCents(r.refundAmount));
          }
          const refunded = returns.reduce((sum, r) => sum + toCents(r.refundAmount), 0);
          expect(refunded).toBe(toCents(row.total) - toCents(row.surcharge));
        },
      ),
      { numRuns: 12 },
    );
    expect(await ledgerProblems(t.db)).toEqual([]);
  });
});

describe("sales.return: stock", () => {
  it("puts restocked goods back through RETURN movements and leaves damaged ones off the shelf", async () => {
    const sale = await sell([
      [0, 1],
      [1, 1],
    ]);
    const recorded = recordingBus();
    const ctx = createContextInner({ db: t.db, session: { user: cashier }, bus: recorded.bus, log: silentLogger });
    const [shelf, damaged] = sale.itemIds;
    const result = await createCaller(ctx).sales.return(
      returnOf(sale.saleId, [
        [shelf, 1, true],
        [damaged, 1, false],
      ]),
    );
    expect(result.lines.map((line) => [line.saleItemId, line.restocked])).toEqual([
      [shelf, true],
      [damaged, false],
    ]);
    expect([await onHand(0), await onHand(1)]).toEqual([5, 4]);
    const movements = await t.db.inventoryMovement.findMany({ where: { returnId: result.returnId } });
    expect(movements.map((movement) => [movement.variantId, movement.type, movement.quantity])).toEqual([
      [size(0), "RETURN", 1],
    ]);
    expect(recorded.published.filter((event) => event.topic === "stock.changed")).toEqual([
      { topic: "stock.changed", data: { changes: [expect.objectContaining({ variantId: size(0), quantity: 5 })] } },
    ]);
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "sale.refunded", entity: "Sale", entityId: String(sale.saleId) },
    });
    expect(audit.actorId).toBe(cashier.id);
    expect(audit.data).toMatchObject({ returnId: result.returnId, refundAmount: result.refundAmount });
    expect(await ledgerProblems(t.db)).toEqual([]);
  });
});

describe("sales.returns", () => {
  it("lists a sale's returns in order, with who, what came back, to the shelf or not, and the refunds", async () => {
    const sale = await sell([
      [0, 2],
      [1, 1],
    ]);
    const [shoes, other] = sale.itemIds;
    expect(await register.sales.returns({ saleId: sale.saleId })).toEqual([]);
    await register.sales.return(returnOf(sale.saleId, [[shoes, 1]], { reason: "No le quedaba" }));
    await register.sales.return(returnOf(sale.saleId, [[other, 1, false]]));
    const returns = await register.sales.returns({ saleId: sale.saleId });
    expect(returns.every((made) => made.items.every((line) => line.productName.startsWith("Runner")))).toBe(true);
    expect(returns).toEqual([
      expect.objectContaining({
        by: cashier.name,
        reason: "No le quedaba",
        refundMethod: "DEBIT",
        refundAmount: "59990.00",
        items: [expect.objectContaining({ sizeLabel: "40", quantity: 1, amount: "59990.00", restocked: true })],
      }),
      expect.objectContaining({
        reason: null,
        items: [expect.objectContaining({ sizeLabel: "41", quantity: 1, restocked: false })],
      }),
    ]);
  });

  it("is refused for another branch's sale to its cashier", async () => {
    const sale = await sell([[0, 1]]);
    const otherBranch = await createBranch(t.db);
    const stranger = createCaller(as(t.db, await createUser(t.db, "CASHIER", { branchId: otherBranch.id })));
    expect(await codeOf(stranger.sales.returns({ saleId: sale.saleId }))).toBe("FORBIDDEN");
  });
});

describe("sales.return: cash", () => {
  it("counts a cash refund out of the refunder's drawer and in the Z report, and needs an open session", async () => {
    const sale = await sell([[0, 2]], { payments: [{ methodId: methods.cash, base: "119980.00" }] });
    const request = returnOf(sale.saleId, [[sale.itemIds[0], 1]], { refundMethod: "CASH" });
    expect((await register.sales.return(request)).refundAmount).toBe("53991.00");

    const session = await register.cashSessions.current({ branchId });
    expect(session?.drawer).toMatchObject({ cashSales: "107982.00", cashRefunds: "53991.00", expected: "63991.00" });
    const z = await register.cashSessions.zReport({ sessionId: session?.id ?? 0 });
    expect(z.returns).toEqual({
      count: 1,
      refunded: "53991.00",
      byMethod: [{ method: "CASH", count: 1, refunded: "53991.00" }],
    });

    const closed = await register.cashSessions.close({ sessionId: session?.id ?? 0, countedCash: "63991.00" });
    expect(closed).toMatchObject({ expectedCash: "63991.00", difference: "0.00" });
    // A replay after the close is still the first answer; a new cash refund has no drawer to come out of.
    expect((await register.sales.return(request)).replayed).toBe(true);
    const noDrawer = register.sales.return(returnOf(sale.saleId, [[sale.itemIds[0], 1]], { refundMethod: "CASH" }));
    expect(await codeOf(noDrawer)).toBe("PRECONDITION_FAILED");
    expect((await register.sales.return(returnOf(sale.saleId, [[sale.itemIds[0], 1]]))).refundAmount).toBe("53991.00");
  });

  it("lets the register exchange: a return, then a new sale of the returned unit and another size", async () => {
    const sale = await sell([[0, 5]], { payments: [{ methodId: methods.cash, base: "299950.00" }] });
    expect(await onHand(0)).toBe(0);
    await register.sales.return(returnOf(sale.saleId, [[sale.itemIds[0], 1]], { refundMethod: "CASH" }));
    const exchange = await sell(
      [
        [0, 1],
        [2, 1],
      ],
      { payments: [{ methodId: methods.cash, base: "119980.00" }] },
    );
    expect(exchange.total).toBe("107982.00");
    expect([await onHand(0), await onHand(2)]).toEqual([0, 4]);
    const session = await register.cashSessions.current({ branchId });
    // 10,000 float + 269,955 + 107,982 in, 53,991 refunded.
    expect(session?.drawer.expected).toBe("333946.00");
    expect(await ledgerProblems(t.db)).toEqual([]);
  });
});
