// Managers handling orders (appRouter.orders) and voiding register sales (sales.void), on a real database:
// the transition table over every pair, cancellation restocking through the ledger, hold expiry under
// concurrent sweepers, and who may do what.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import type { SaleStatus } from "@pos/db";
import { createCaller, createContextInner, createEventBus, silentLogger } from "../index.ts";
import { expireHolds } from "../services/orders/expire.ts";
import { canTransition, TRANSITIONS } from "../services/orders/transitions.ts";
import { as, codeOf, createUser } from "../../test/factories.ts";
import { openCashSession } from "../../test/checkout.ts";
import { orderWorld, type OrderWorld } from "../../test/orders.ts";
import { level, ledgerProblems } from "../../test/stock.ts";

const t = useTestDb();
let w: OrderWorld;
let manager: ReturnType<typeof createCaller>;
let managerId: number;
let cashier: ReturnType<typeof createCaller>;

const ALL: SaleStatus[] = ["PENDING", "CONFIRMED", "READY", "SHIPPED", "DELIVERED", "COMPLETED", "CANCELLED", "VOIDED"];
const SETTABLE = ["CONFIRMED", "READY", "SHIPPED", "DELIVERED", "CANCELLED"] as const;
const LEGAL = new Set([
  "PENDING→CONFIRMED",
  "PENDING→CANCELLED",
  "CONFIRMED→READY",
  "CONFIRMED→SHIPPED",
  "CONFIRMED→CANCELLED",
  "READY→DELIVERED",
  "READY→CANCELLED",
  "SHIPPED→DELIVERED",
  "COMPLETED→VOIDED",
]);

beforeEach(async () => {
  w = await orderWorld(t.db, { stock: 100 });
  const user = await createUser(t.db, "MANAGER");
  managerId = user.id;
  manager = createCaller(as(t.db, user));
  cashier = createCaller(as(t.db, await createUser(t.db, "CASHIER", { branchId: w.branch.id })));
});

const onHand = (index: number) => level(t.db, w.branch.id, w.variantId(index));

async function saleIdOf(reference: string): Promise<number> {
  const number = Number(reference.split("-")[1]);
  return (await t.db.sale.findFirstOrThrow({ where: { branchId: w.branch.id, number } })).id;
}

describe("the transition table", () => {
  it("allows exactly the documented pairs, VOIDED only by voiding", () => {
    for (const from of ALL) {
      for (const to of ALL) {
        const pair = `${from}→${to}`;
        expect(TRANSITIONS[from].includes(to), pair).toBe(LEGAL.has(pair));
        expect(canTransition(from, to, "status"), pair).toBe(LEGAL.has(pair) && to !== "VOIDED");
        expect(canTransition(from, to, "void"), pair).toBe(pair === "COMPLETED→VOIDED");
        expect(canTransition(from, to, "expiry"), pair).toBe(LEGAL.has(pair) && to === "CANCELLED");
      }
    }
  });

  it("is what orders.setStatus does for every status an order can be in × every status a manager can set", async () => {
    const outcomes: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const from of ALL) {
      for (const to of SETTABLE) {
        const placed = await w.shop.orders.checkout(w.checkout([[0, 1]]));
        const saleId = await saleIdOf(placed.reference);
        await t.db.sale.update({ where: { id: saleId }, data: { status: from } });
        const pair = `${from}→${to}`;
        outcomes[pair] = await codeOf(manager.orders.setStatus({ saleId, to, reason: "prueba" }));
        expected[pair] = LEGAL.has(pair) ? "OK" : "CONFLICT";
        const after = await t.db.sale.findUniqueOrThrow({ where: { id: saleId } });
        expect(after.status, pair).toBe(LEGAL.has(pair) ? to : from);
      }
    }
    expect(outcomes).toEqual(expected);
    // Legal cancellations restocked their unit; nothing else moved stock back.
    const cancels = await t.db.inventoryMovement.count({ where: { branchId: w.branch.id, type: "CANCEL" } });
    expect(cancels).toBe(3);
    expect(await ledgerProblems(t.db)).toEqual([]);
  });

  it("names both states when it refuses", async () => {
    const placed = await w.shop.orders.checkout(w.checkout([[0, 1]]));
    const saleId = await saleIdOf(placed.reference);
    await manager.orders.setStatus({ saleId, to: "CONFIRMED" });
    await expect(manager.orders.setStatus({ saleId, to: "DELIVERED" })).rejects.toThrow(
      `Order ${placed.reference} is CONFIRMED and cannot become DELIVERED. From CONFIRMED it can become READY or SHIPPED or CANCELLED.`,
    );
  });
});

describe("cancelling an order", () => {
  it("restocks every line through CANCEL movements, records who and why, and announces it", async () => {
    const bus = createEventBus();
    const subscription = bus.subscribe({ topics: ["order.updated"] });
    const user = await t.db.user.findUniqueOrThrow({ where: { id: managerId } });
    const withBus = createCaller(createContextInner({ db: t.db, session: { user }, bus, log: silentLogger }));
    const placed = await w.shop.orders.checkout(
      w.checkout([
        [0, 2],
        [1, 1],
      ]),
    );
    expect([await onHand(0), await onHand(1)]).toEqual([98, 99]);
    const saleId = await saleIdOf(placed.reference);
    await withBus.orders.setStatus({ saleId, to: "CONFIRMED" });
    const result = await withBus.orders.setStatus({ saleId, to: "CANCELLED", reason: "Sin respuesta del cliente" });
    expect(result).toMatchObject({ from: "CONFIRMED", status: "CANCELLED" });
    expect([await onHand(0), await onHand(1)]).toEqual([100, 100]);
    const movements = await t.db.inventoryMovement.findMany({ where: { saleId, type: "CANCEL" } });
    expect(movements.map((movement) => movement.quantity).sort()).toEqual([1, 2]);
    expect(movements.every((movement) => movement.userId === managerId)).toBe(true);
    const sale = await t.db.sale.findUniqueOrThrow({ where: { id: saleId } });
    expect(sale.cancelledAt).not.toBeNull();
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "order.cancelled", entityId: String(saleId) },
    });
    expect(audit).toMatchObject({
      actorId: managerId,
      data: { reason: "Sin respuesta del cliente", from: "CONFIRMED" },
    });
    const statuses = [];
    for (let i = 0; i < 2; i++) {
      const item = await subscription.next();
      if (!item.done && item.value.type === "event") statuses.push(item.value.event.data);
    }
    subscription.close();
    expect(statuses.map((data) => "status" in data && data.status)).toEqual(["CONFIRMED", "CANCELLED"]);
    expect(await ledgerProblems(t.db)).toEqual([]);

    await expect(manager.orders.setStatus({ saleId, to: "CANCELLED", reason: "otra vez" })).rejects.toThrow(
      /is CANCELLED and cannot become CANCELLED/,
    );
    expect(await onHand(0)).toBe(100);
  });
});

describe("WhatsApp holds", () => {
  it("expire once under two sweepers at once; live and confirmed holds stay", async () => {
    const expiring = [];
    for (let i = 0; i < 4; i++) expiring.push(await w.shop.orders.whatsapp(w.whatsapp([[i % 3, 2]])));
    const confirmed = await w.shop.orders.whatsapp(w.whatsapp([[0, 1]]));
    await manager.orders.setStatus({ saleId: await saleIdOf(confirmed.reference), to: "CONFIRMED" });
    const later = new Date(Date.now() + 121 * 60_000);
    const fresh = await w.shop.orders.whatsapp(w.whatsapp([[1, 1]]));
    await t.db.sale.update({
      where: { id: await saleIdOf(fresh.reference) },
      data: { expiresAt: new Date(later.getTime() + 60_000) },
    });
    const [size0, size1, size2] = [await onHand(0), await onHand(1), await onHand(2)];

    const bus = createEventBus();
    const [a, b] = await Promise.all([expireHolds(t.db, bus, later), expireHolds(t.db, bus, later)]);
    const swept = [...a.expired, ...b.expired].sort();
    expect(swept).toEqual(expiring.map((order) => order.reference).sort());
    // The four expired holds took 2 units each of sizes 0, 1, 2, 0: exactly that comes back, once.
    expect([await onHand(0), await onHand(1), await onHand(2)]).toEqual([size0 + 4, size1 + 2, size2 + 2]);
    const cancels = await t.db.inventoryMovement.count({ where: { branchId: w.branch.id, type: "CANCEL" } });
    expect(cancels).toBe(4);
    const statuses = await t.db.sale.findMany({ where: { branchId: w.branch.id }, orderBy: { id: "asc" } });
    expect(statuses.map((sale) => sale.status)).toEqual([
      "CANCELLED",
      "CANCELLED",
      "CANCELLED",
      "CANCELLED",
      "CONFIRMED",
      "PENDING",
    ]);
    expect(await t.db.auditEvent.count({ where: { action: "order.expired", actorId: null } })).toBeGreaterThanOrEqual(
      4,
    );
    expect((await expireHolds(t.db, bus, later)).expired).toEqual([]);
    expect(await ledgerProblems(t.db)).toEqual([]);
  });

  it("can be swept by a manager now; cashiers cannot", async () => {
    const order = await w.shop.orders.whatsapp(w.whatsapp([[2, 1]]));
    await t.db.sale.update({
      where: { id: await saleIdOf(order.reference) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await codeOf(cashier.orders.expireHolds({}))).toBe("FORBIDDEN");
    expect((await manager.orders.expireHolds({})).expired).toContain(order.reference);
  });
});

describe("the queue", () => {
  it("lists orders newest first by channel and status, and shows one with what it can become", async () => {
    const online = await w.shop.orders.checkout(w.checkout([[0, 1]]));
    const chat = await w.shop.orders.whatsapp(w.whatsapp([[1, 1]]));
    const page = await manager.orders.list({ limit: 100 });
    const ours = page.items.filter((item) => item.branchId === w.branch.id).map((item) => item.reference);
    expect(ours).toEqual([chat.reference, online.reference]);
    const whatsapp = await manager.orders.list({ channel: "WHATSAPP", status: "PENDING" });
    expect(whatsapp.items.every((item) => item.channel === "WHATSAPP" && item.status === "PENDING")).toBe(true);
    const first = await manager.orders.list({ limit: 1 });
    expect(first.nextCursor).not.toBeNull();

    const detail = await manager.orders.get({ saleId: await saleIdOf(online.reference) });
    expect(detail).toMatchObject({
      reference: online.reference,
      contact: { name: "Ana Compradora", email: "ana@example.com" },
      payments: [{ method: "DEBIT", amount: "59990.00" }],
      next: ["CONFIRMED", "CANCELLED"],
    });
    expect(await codeOf(cashier.orders.list({}))).toBe("FORBIDDEN");
  });
});

describe("sales.void", () => {
  async function registerSale() {
    const user = await createUser(t.db, "CASHIER", { branchId: w.branch.id });
    await openCashSession(t.db, w.branch.id, user.id);
    const sell = createCaller(as(t.db, user));
    return sell.sales.create({
      clientId: randomUUID(),
      branchId: w.branch.id,
      lines: [{ variantId: w.variantId(2), quantity: 3 }],
      payments: [{ methodId: w.methods.debit, base: "179970.00" }],
    });
  }

  it("lets a manager void a completed sale once, restocking it; cashiers are refused", async () => {
    const sale = await registerSale();
    expect(await onHand(2)).toBe(97);
    expect(await codeOf(cashier.sales.void({ saleId: sale.saleId, reason: "Error de carga" }))).toBe("FORBIDDEN");
    const voided = await manager.sales.void({ saleId: sale.saleId, reason: "Error de carga" });
    expect(voided).toMatchObject({ reference: sale.reference, from: "COMPLETED", status: "VOIDED" });
    expect(await onHand(2)).toBe(100);
    await expect(manager.sales.void({ saleId: sale.saleId, reason: "Otra vez" })).rejects.toThrow(
      /is VOIDED and cannot become VOIDED/,
    );
    expect(await onHand(2)).toBe(100);
    expect(await t.db.auditEvent.count({ where: { action: "sale.voided", entityId: String(sale.saleId) } })).toBe(1);
    expect(await ledgerProblems(t.db)).toEqual([]);
  });

  it("refuses a sale with returns, orders, and status changes on register sales", async () => {
    const sale = await registerSale();
    await t.db.return.create({
      data: {
        saleId: sale.saleId,
        branchId: w.branch.id,
        userId: managerId,
        clientId: randomUUID(),
        refundAmount: "59990.00",
        refundMethod: "DEBIT",
      },
    });
    await expect(manager.sales.void({ saleId: sale.saleId, reason: "Error" })).rejects.toThrow(/already has returns/);
    const order = await w.shop.orders.checkout(w.checkout([[0, 1]]));
    const orderId = await saleIdOf(order.reference);
    await expect(manager.sales.void({ saleId: orderId, reason: "Error" })).rejects.toThrow(/cancel it from the orders/);
    expect(await codeOf(manager.orders.setStatus({ saleId: sale.saleId, to: "CANCELLED", reason: "x y z" }))).toBe(
      "CONFLICT",
    );
    expect(await codeOf(manager.orders.get({ saleId: sale.saleId }))).toBe("NOT_FOUND");
    expect(await onHand(2)).toBe(97);
  });
});
