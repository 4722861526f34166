import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { fromCents } from "@pos/validators";
import { anonymous, as, codeOf, createBranch, createUser, databaseFingerprint } from "../../test/factories.ts";
import { insertReturn, insertSale } from "../../test/sales.ts";
import { createSizedProduct } from "../../test/stock.ts";
import { createCaller } from "../index.ts";
import { dayBounds } from "../services/z-report.ts";

const t = useTestDb({ poolMax: 6 });

type Role = "CASHIER" | "MANAGER" | "ADMIN";

let world: Awaited<ReturnType<typeof makeWorld>>;

async function makeWorld() {
  const [branchA, branchB] = [await createBranch(t.db), await createBranch(t.db)];
  const { variants } = await createSizedProduct(t.db, { sizes: [null] });
  const variantId = variants[0]?.id ?? 0;
  /** A new staff member with their caller: most tests want a drawer nobody else has touched. */
  const person = async (role: Role, branchId: number | null = role === "CASHIER" ? branchA.id : null) => {
    const user = await createUser(t.db, role, { branchId });
    return { user, caller: createCaller(as(t.db, user)) };
  };
  return { branchA, branchB, variantId, person, anonymous: createCaller(anonymous(t.db)) };
}

beforeAll(async () => {
  world = await makeWorld();
});

/** A completed cash sale of one line in a session: `amount` paid in cash, `tendered` handed over. */
function cashSale(sessionId: number, cashierId: number, amount: string, tendered = amount) {
  return insertSale(t.db, {
    branchId: world.branchA.id,
    cashierId,
    cashSessionId: sessionId,
    lines: [{ variantId: world.variantId, quantity: 1, unitPrice: amount }],
    payments: [{ method: "CASH", amount, tendered }],
  });
}

describe("cash sessions: who may do what", () => {
  it("lets a cashier open, read and close their own session at their branch, and nowhere else", async () => {
    const { branchA, branchB } = world;
    const { caller: cashier } = await world.person("CASHIER");
    const { caller: colleague } = await world.person("CASHIER");
    const { caller: stranger } = await world.person("CASHIER", branchB.id);
    const open = { branchId: branchA.id, openingFloat: "5000.00" };

    expect(await codeOf(world.anonymous.cashSessions.open(open))).toBe("UNAUTHORIZED");
    expect(await codeOf(stranger.cashSessions.open(open))).toBe("FORBIDDEN");
    expect(await cashier.cashSessions.current({ branchId: branchA.id })).toBeNull();
    const session = await cashier.cashSessions.open(open);
    expect(session).toMatchObject({ openingFloat: "5000.00", closedAt: null, expectedCash: "5000.00" });
    expect(await cashier.cashSessions.current({ branchId: branchA.id })).toMatchObject({ id: session.id });
    expect(await colleague.cashSessions.current({ branchId: branchA.id })).toBeNull();
    expect(await codeOf(stranger.cashSessions.current({ branchId: branchA.id }))).toBe("FORBIDDEN");

    // Same branch may read the Z report; another branch may not; only the owner or a manager closes.
    expect((await colleague.cashSessions.zReport({ sessionId: session.id })).session.id).toBe(session.id);
    expect(await codeOf(stranger.cashSessions.zReport({ sessionId: session.id }))).toBe("FORBIDDEN");
    const close = { sessionId: session.id, countedCash: "5000.00" };
    expect(await codeOf(colleague.cashSessions.close(close))).toBe("FORBIDDEN");
    expect(await codeOf(stranger.cashSessions.close(close))).toBe("FORBIDDEN");
    expect(await codeOf(cashier.cashSessions.zReport({ sessionId: 999_999 }))).toBe("NOT_FOUND");
    expect(await cashier.cashSessions.close(close)).toMatchObject({ difference: "0.00", countedCash: "5000.00" });
  });

  it("lets managers and admins close anyone's session and see every branch; cashiers list their own branch", async () => {
    const { branchA, branchB } = world;
    const { caller: cashier } = await world.person("CASHIER");
    const { caller: manager } = await world.person("MANAGER");
    const { caller: admin } = await world.person("ADMIN");
    const { caller: stranger } = await world.person("CASHIER", branchB.id);
    const session = await cashier.cashSessions.open({ branchId: branchA.id, openingFloat: "100.00" });
    const atB = await manager.cashSessions.open({ branchId: branchB.id, openingFloat: "0" });

    expect(await manager.cashSessions.close({ sessionId: session.id, countedCash: "90.00" })).toMatchObject({
      expectedCash: "100.00",
      difference: "-10.00",
    });
    expect((await admin.cashSessions.zReport({ sessionId: atB.id })).session.branch.id).toBe(branchB.id);

    const ownBranch = await cashier.cashSessions.list({});
    expect(ownBranch.items.map((item) => item.id)).toContain(session.id);
    expect(ownBranch.items.every((item) => item.branch.id === branchA.id)).toBe(true);
    expect(await codeOf(stranger.cashSessions.list({ branchId: branchA.id }))).toBe("FORBIDDEN");
    expect((await manager.cashSessions.list({ branchId: branchB.id })).items.map((item) => item.id)).toContain(atB.id);
    const firstPage = await admin.cashSessions.list({ limit: 1 });
    expect(firstPage.items).toHaveLength(1);
    expect(firstPage.nextCursor).not.toBeNull();
    const secondPage = await admin.cashSessions.list({ limit: 1, cursor: firstPage.nextCursor ?? undefined });
    expect(secondPage.items[0]?.id).toBeLessThan(firstPage.items[0]?.id ?? 0);
    expect((await manager.cashSessions.list({ open: true, branchId: branchB.id })).items[0]?.id).toBe(atB.id);
    expect(await codeOf(cashier.cashSessions.branchDayReport({ branchId: branchA.id, day: "2026-11-23" }))).toBe("OK");
    expect(await codeOf(stranger.cashSessions.branchDayReport({ branchId: branchA.id, day: "2026-11-23" }))).toBe(
      "FORBIDDEN",
    );
  });

  it("refuses bad amounts and reasons (BAD_REQUEST) and cash moves without an open session", async () => {
    const { branchA } = world;
    const { caller: cashier } = await world.person("CASHIER");
    expect(await codeOf(cashier.cashSessions.open({ branchId: branchA.id, openingFloat: "-1" }))).toBe("BAD_REQUEST");
    expect(await codeOf(cashier.cashSessions.open({ branchId: branchA.id, openingFloat: "1.005" }))).toBe(
      "BAD_REQUEST",
    );
    const move = { branchId: branchA.id, amount: "10.00", reason: "Coins for change" };
    expect(await codeOf(cashier.cashSessions.payIn(move))).toBe("PRECONDITION_FAILED");
    await cashier.cashSessions.open({ branchId: branchA.id, openingFloat: "0" });
    expect(await codeOf(cashier.cashSessions.payIn({ ...move, amount: "0" }))).toBe("BAD_REQUEST");
    expect(await codeOf(cashier.cashSessions.payOut({ ...move, reason: " ab " }))).toBe("BAD_REQUEST");
    expect(await codeOf(cashier.cashSessions.branchDayReport({ branchId: branchA.id, day: "2026-02-30" }))).toBe(
      "BAD_REQUEST",
    );
  });
});

describe("opening and closing", () => {
  it("opens one session when the same cashier presses open several times at once", async () => {
    const { user, caller } = await world.person("CASHIER");
    const input = { branchId: world.branchA.id, openingFloat: "1000.00" };
    const codes = await Promise.all([1, 2, 3, 4].map(() => codeOf(caller.cashSessions.open(input))));
    expect(codes.sort()).toEqual(["CONFLICT", "CONFLICT", "CONFLICT", "OK"]);
    expect(await t.db.cashSession.count({ where: { cashierId: user.id, closedAt: null } })).toBe(1);
  });

  it("refuses a second open while one is open, and allows one at another branch or after the close", async () => {
    const { user, caller } = await world.person("MANAGER");
    const open = { branchId: world.branchA.id, openingFloat: "0" };
    const first = await caller.cashSessions.open(open);
    await expect(caller.cashSessions.open(open)).rejects.toThrow(/already have a cash session open/);
    expect(await codeOf(caller.cashSessions.open(open))).toBe("CONFLICT");
    await caller.cashSessions.open({ branchId: world.branchB.id, openingFloat: "0" });
    await caller.cashSessions.close({ sessionId: first.id, countedCash: "0" });
    await caller.cashSessions.open(open);
    expect(await t.db.cashSession.count({ where: { cashierId: user.id } })).toBe(3);
  });

  it("closes a session once: a second close, even at the same moment, is CONFLICT and changes nothing", async () => {
    const { caller } = await world.person("CASHIER");
    const session = await caller.cashSessions.open({ branchId: world.branchA.id, openingFloat: "200.00" });
    const codes = await Promise.all(
      ["200.00", "150.00"].map((countedCash) =>
        codeOf(caller.cashSessions.close({ sessionId: session.id, countedCash })),
      ),
    );
    expect(codes.sort()).toEqual(["CONFLICT", "OK"]);
    const closed = await t.db.cashSession.findUniqueOrThrow({ where: { id: session.id } });
    const before = await databaseFingerprint(t.db);
    expect(await codeOf(caller.cashSessions.close({ sessionId: session.id, countedCash: "1.00" }))).toBe("CONFLICT");
    expect(await databaseFingerprint(t.db)).toEqual(before);
    expect(closed.expectedCash?.toFixed(2)).toBe("200.00");
    expect(await codeOf(caller.cashSessions.payIn({ branchId: world.branchA.id, amount: "1", reason: "late" }))).toBe(
      "PRECONDITION_FAILED",
    );
  });

  it("refuses a pay-out above what the drawer should hold, says how much there is, and writes nothing", async () => {
    const { user, caller } = await world.person("CASHIER");
    const session = await caller.cashSessions.open({ branchId: world.branchA.id, openingFloat: "100.00" });
    await cashSale(session.id, user.id, "50.00", "100.00");
    const before = await databaseFingerprint(t.db);
    const tooMuch = { branchId: world.branchA.id, amount: "150.01", reason: "Supplier" };
    await expect(caller.cashSessions.payOut(tooMuch)).rejects.toThrow(/should hold only 150\.00/);
    expect(await codeOf(caller.cashSessions.payOut(tooMuch))).toBe("PRECONDITION_FAILED");
    expect(await databaseFingerprint(t.db)).toEqual(before);
    const paid = await caller.cashSessions.payOut({ branchId: world.branchA.id, amount: "150.00", reason: "Supplier" });
    expect(paid.session.expectedCash).toBe("0.00");
  });

  it("records who opened, moved cash and closed in the audit trail", async () => {
    const { user, caller } = await world.person("CASHIER");
    const session = await caller.cashSessions.open({ branchId: world.branchA.id, openingFloat: "10.00" });
    await caller.cashSessions.payIn({ branchId: world.branchA.id, amount: "5.00", reason: "Coins" });
    await caller.cashSessions.payOut({ branchId: world.branchA.id, amount: "2.00", reason: "Stamps" });
    await caller.cashSessions.close({ sessionId: session.id, countedCash: "12.00" });
    const events = await t.db.auditEvent.findMany({
      where: { entity: "CashSession", entityId: String(session.id) },
      orderBy: { id: "asc" },
    });
    expect(events.map((event) => [event.action, event.actorId])).toEqual([
      ["cash_session.opened", user.id],
      ["cash_session.pay_in", user.id],
      ["cash_session.pay_out", user.id],
      ["cash_session.closed", user.id],
    ]);
    expect(events.at(-1)?.data).toMatchObject({ expectedCash: "13.00", countedCash: "12.00", difference: "-1.00" });
  });
});

const cents = (max: number) => fc.integer({ min: 1, max });

type Step =
  | { kind: "cashSale"; amount: number; change: number; voided: boolean }
  | { kind: "debitSale"; amount: number }
  | { kind: "splitSale"; cash: number; debit: number }
  | { kind: "payIn"; amount: number }
  | { kind: "payOut"; amount: number }
  | { kind: "refund"; amount: number; method: "CASH" | "DEBIT" }
  | { kind: "otherCashiersRefund"; amount: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("cashSale"), amount: cents(5_000_000), change: fc.nat(100_000), voided: fc.boolean() }),
  fc.record({ kind: fc.constant("debitSale"), amount: cents(5_000_000) }),
  fc.record({ kind: fc.constant("splitSale"), cash: cents(1_000_000), debit: cents(1_000_000) }),
  fc.record({ kind: fc.constant("payIn"), amount: cents(500_000) }),
  fc.record({ kind: fc.constant("payOut"), amount: cents(2_000_000) }),
  fc.record({ kind: fc.constant("refund"), amount: cents(500_000), method: fc.constantFrom("CASH", "DEBIT") }),
  fc.record({ kind: fc.constant("otherCashiersRefund"), amount: cents(500_000) }),
);

describe("the drawer arithmetic", () => {
  it("expects float + cash in − cash out, and stores difference = counted − expected", async () => {
    const { user: other } = await world.person("CASHIER");
    await fc.assert(
      fc.asyncProperty(
        cents(10_000_000).map((n) => n - 1),
        fc.array(step, { maxLength: 8 }),
        fc.integer({ min: -50_000, max: 50_000 }),
        async (float, steps, off) => {
          const { user, caller } = await world.person("CASHIER");
          const branchId = world.branchA.id;
          const session = await caller.cashSessions.open({ branchId, openingFloat: fromCents(float) });
          let expected = float;
          let lastSaleId = 0;
          for (const s of steps) {
            if (s.kind === "cashSale") {
              const sale = await insertSale(t.db, {
                branchId,
                cashierId: user.id,
                cashSessionId: session.id,
                status: s.voided ? "VOIDED" : "COMPLETED",
                lines: [{ variantId: world.variantId, quantity: 1, unitPrice: fromCents(s.amount) }],
                payments: [{ method: "CASH", amount: fromCents(s.amount), tendered: fromCents(s.amount + s.change) }],
              });
              lastSaleId = sale.id;
              if (!s.voided) expected += s.amount;
            } else if (s.kind === "debitSale" || s.kind === "splitSale") {
              const cash = s.kind === "splitSale" ? s.cash : 0;
              const debit = s.kind === "splitSale" ? s.debit : s.amount;
              const sale = await insertSale(t.db, {
                branchId,
                cashierId: user.id,
                cashSessionId: session.id,
                lines: [{ variantId: world.variantId, quantity: 1, unitPrice: fromCents(cash + debit) }],
                payments: [
                  ...(cash > 0 ? [{ method: "CASH" as const, amount: fromCents(cash) }] : []),
                  { method: "DEBIT" as const, amount: fromCents(debit) },
                ],
              });
              lastSaleId = sale.id;
              expected += cash;
            } else if (s.kind === "payIn" || s.kind === "payOut") {
              const input = { branchId, amount: fromCents(s.amount), reason: "Property test" };
              if (s.kind === "payIn") {
                await caller.cashSessions.payIn(input);
                expected += s.amount;
              } else if (s.amount <= expected) {
                await caller.cashSessions.payOut(input);
                expected -= s.amount;
              } else {
                expect(await codeOf(caller.cashSessions.payOut(input))).toBe("PRECONDITION_FAILED");
              }
            } else if (lastSaleId > 0) {
              // Refunds count only when this cashier gives cash back at this branch while the session is open.
              const method = s.kind === "refund" ? s.method : "CASH";
              await insertReturn(t.db, {
                saleId: lastSaleId,
                branchId,
                userId: s.kind === "refund" ? user.id : other.id,
                refundAmount: fromCents(s.amount),
                refundMethod: method,
              });
              if (s.kind === "refund" && method === "CASH") expected -= s.amount;
            }
          }
          // Noise outside the window: a cash refund by this cashier before the session opened.
          if (lastSaleId > 0) {
            await insertReturn(t.db, {
              saleId: lastSaleId,
              branchId,
              userId: user.id,
              refundAmount: "999.99",
              refundMethod: "CASH",
              createdAt: new Date(session.openedAt.getTime() - 60_000),
            });
          }
          expect((await caller.cashSessions.current({ branchId }))?.expectedCash).toBe(fromCents(expected));

          const counted = Math.max(0, expected + off);
          const closed = await caller.cashSessions.close({ sessionId: session.id, countedCash: fromCents(counted) });
          expect(closed).toMatchObject({
            expectedCash: fromCents(expected),
            countedCash: fromCents(counted),
            difference: fromCents(counted - expected),
          });
          // A refund after the close belongs to no drawer: the closed session's figures do not move.
          if (lastSaleId > 0) {
            await insertReturn(t.db, {
              saleId: lastSaleId,
              branchId,
              userId: user.id,
              refundAmount: "1.00",
              refundMethod: "CASH",
            });
          }
          const report = await caller.cashSessions.zReport({ sessionId: session.id });
          expect(report.session.drawer.expected).toBe(fromCents(expected));
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe("Z reports", () => {
  it("puts a day's midnight at midnight in the store's time zone", () => {
    expect(dayBounds("2026-11-23")).toEqual({
      from: new Date("2026-11-23T03:00:00.000Z"),
      to: new Date("2026-11-24T03:00:00.000Z"),
    });
    // A zone with daylight saving: the day it starts has 23 hours.
    expect(dayBounds("2026-03-08", "America/New_York")).toEqual({
      from: new Date("2026-03-08T05:00:00.000Z"),
      to: new Date("2026-03-09T04:00:00.000Z"),
    });
  });

  it("adds up one session's sales, returns and cash moves, and one branch's day", async () => {
    const branch = await createBranch(t.db);
    const elsewhere = await createBranch(t.db);
    const { user: ana, caller: anaCaller } = await world.person("CASHIER", branch.id);
    const { user: beto } = await world.person("CASHIER", branch.id);
    const { caller: manager } = await world.person("MANAGER");
    const { from, to } = dayBounds("2026-06-15");
    const at = (minutes: number) => new Date(from.getTime() + minutes * 60_000);
    const variantId = world.variantId;

    // Ana's shift, 09:00–18:00 Buenos Aires, and Beto's, still open at the end of the day.
    const anaShift = await t.db.cashSession.create({
      data: { branchId: branch.id, cashierId: ana.id, openingFloat: "1000.00", openedAt: at(9 * 60) },
    });
    const betoShift = await t.db.cashSession.create({
      data: { branchId: branch.id, cashierId: beto.id, openingFloat: "500.00", openedAt: at(14 * 60) },
    });
    const sale = (spec: Omit<Parameters<typeof insertSale>[1], "branchId">) =>
      insertSale(t.db, { branchId: branch.id, ...spec });
    // 2 × 1000 − 100 line discount = 1900, −190 cash discount → 1710 in cash, 2000 handed over.
    const first = await sale({
      cashierId: ana.id,
      cashSessionId: anaShift.id,
      lines: [{ variantId, quantity: 2, unitPrice: "1000.00", discount: "100.00" }],
      discount: "190.00",
      payments: [{ method: "CASH", amount: "1710.00", tendered: "2000.00" }],
      createdAt: at(10 * 60),
    });
    // 3000 on credit in 3 instalments, +300 surcharge.
    await sale({
      cashierId: ana.id,
      cashSessionId: anaShift.id,
      lines: [{ variantId, quantity: 1, unitPrice: "3000.00" }],
      surcharge: "300.00",
      payments: [{ method: "CREDIT", amount: "3300.00", surcharge: "300.00" }],
      createdAt: at(11 * 60),
    });
    // Split: 400 cash + 600 debit.
    await sale({
      cashierId: ana.id,
      cashSessionId: anaShift.id,
      lines: [{ variantId, quantity: 1, unitPrice: "1000.00" }],
      payments: [
        { method: "CASH", amount: "400.00" },
        { method: "DEBIT", amount: "600.00" },
      ],
      createdAt: at(12 * 60),
    });
    // Voided: counted apart, in no total.
    await sale({
      cashierId: ana.id,
      cashSessionId: anaShift.id,
      status: "VOIDED",
      lines: [{ variantId, quantity: 5, unitPrice: "999.00" }],
      payments: [{ method: "CASH", amount: "4995.00" }],
      createdAt: at(13 * 60),
    });
    // Beto at 23:59 Buenos Aires (02:59 UTC the next day): still this day.
    await sale({
      cashierId: beto.id,
      cashSessionId: betoShift.id,
      lines: [{ variantId, quantity: 1, unitPrice: "250.00" }],
      payments: [{ method: "CASH", amount: "250.00" }],
      createdAt: new Date(to.getTime() - 60_000),
    });
    // Not this branch's register day: the day before (a UTC day would include it), the day after, an online
    // order, another branch.
    const noise = {
      lines: [{ variantId, quantity: 1, unitPrice: "77.00" }],
      payments: [{ method: "CASH" as const, amount: "77.00" }],
    };
    await sale({ ...noise, cashierId: beto.id, createdAt: new Date(from.getTime() - 60_000) });
    await sale({ ...noise, cashierId: beto.id, createdAt: to });
    await sale({ ...noise, cashierId: null, channel: "ONLINE", createdAt: at(12 * 60) });
    await insertSale(t.db, { ...noise, branchId: elsewhere.id, cashierId: null, createdAt: at(12 * 60) });

    await insertReturn(t.db, {
      saleId: first.id,
      branchId: branch.id,
      userId: ana.id,
      refundAmount: "855.00",
      refundMethod: "CASH",
      createdAt: at(15 * 60),
    });
    await insertReturn(t.db, {
      saleId: first.id,
      branchId: branch.id,
      userId: beto.id,
      refundAmount: "100.00",
      refundMethod: "DEBIT",
      createdAt: at(16 * 60),
    });
    await t.db.cashMovement.createMany({
      data: [
        {
          sessionId: anaShift.id,
          type: "PAY_IN",
          amount: "200.00",
          reason: "Coins",
          userId: ana.id,
          createdAt: at(9 * 60 + 5),
        },
        {
          sessionId: anaShift.id,
          type: "PAY_OUT",
          amount: "55.00",
          reason: "Cleaning",
          userId: ana.id,
          createdAt: at(16 * 60),
        },
      ],
    });
    // The API closes at "now"; a shift in the past is closed by hand, and its drawer is computed over 09:00–18:00.
    await t.db.cashSession.update({ where: { id: anaShift.id }, data: { closedAt: at(18 * 60) } });
    // 1000 + 1710 + 400 − 855 + 200 − 55 = 2400.
    const z = await anaCaller.cashSessions.zReport({ sessionId: anaShift.id });
    expect(z.session.drawer).toEqual({
      openingFloat: "1000.00",
      cashSales: "2110.00",
      cashRefunds: "855.00",
      payIns: "200.00",
      payOuts: "55.00",
      expected: "2400.00",
    });
    expect(z.sales).toEqual({
      tickets: 3,
      voided: 1,
      units: 4,
      subtotal: "5900.00",
      discounts: { lines: "100.00", sale: "190.00", total: "290.00" },
      surcharges: "300.00",
      total: "6010.00",
      byMethod: [
        { method: "CASH", payments: 2, amount: "2110.00", surcharge: "0.00" },
        { method: "CREDIT", payments: 1, amount: "3300.00", surcharge: "300.00" },
        { method: "DEBIT", payments: 1, amount: "600.00", surcharge: "0.00" },
      ],
    });
    expect(z.returns).toEqual({
      count: 1,
      refunded: "855.00",
      byMethod: [{ method: "CASH", count: 1, refunded: "855.00" }],
    });
    expect(z.movements).toMatchObject({ payIns: "200.00", payOuts: "55.00" });
    expect(z.movements.items.map((item) => item.reason)).toEqual(["Coins", "Cleaning"]);

    const day = await manager.cashSessions.branchDayReport({ branchId: branch.id, day: "2026-06-15" });
    expect(day).toMatchObject({ from, to, timeZone: "America/Argentina/Buenos_Aires" });
    expect(day.sales).toMatchObject({ tickets: 4, voided: 1, units: 5, total: "6260.00", surcharges: "300.00" });
    expect(day.sales.byMethod.find((row) => row.method === "CASH")).toMatchObject({ payments: 3, amount: "2360.00" });
    expect(day.byCashier).toEqual(
      [
        { cashier: { id: ana.id, name: ana.name }, tickets: 3, total: "6010.00" },
        { cashier: { id: beto.id, name: beto.name }, tickets: 1, total: "250.00" },
      ].sort((a, b) => a.cashier.name.localeCompare(b.cashier.name)),
    );
    expect(day.returns).toEqual({
      count: 2,
      refunded: "955.00",
      byMethod: [
        { method: "CASH", count: 1, refunded: "855.00" },
        { method: "DEBIT", count: 1, refunded: "100.00" },
      ],
    });
    expect(day.sessions.map((s) => [s.id, s.expectedCash, s.countedCash])).toEqual([
      [anaShift.id, "2400.00", null],
      [betoShift.id, "750.00", null],
    ]);
    expect(day.movements).toMatchObject({ payIns: "200.00", payOuts: "55.00" });
    expect((await manager.cashSessions.branchDayReport({ branchId: branch.id, day: "2026-06-16" })).sales.tickets).toBe(
      1,
    );
  });

  it("shows counted and expected cash of a session closed through the API in the day report", async () => {
    const { user, caller } = await world.person("CASHIER");
    const session = await caller.cashSessions.open({ branchId: world.branchA.id, openingFloat: "300.00" });
    await cashSale(session.id, user.id, "120.00", "150.00");
    await caller.cashSessions.close({ sessionId: session.id, countedCash: "415.00" });
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Argentina/Buenos_Aires" }).format(
      session.openedAt,
    );
    const day = await caller.cashSessions.branchDayReport({ branchId: world.branchA.id, day: today });
    expect(day.sessions.find((s) => s.id === session.id)).toMatchObject({
      expectedCash: "420.00",
      countedCash: "415.00",
      difference: "-5.00",
    });
  });
});
