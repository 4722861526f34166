// Manager reports on real PostgreSQL: who may read them, and figures equal to ones worked out by hand for sales
// inserted row by row (statuses that must not count, times a minute either side of a Buenos Aires midnight, a
// return, several channels and payment methods).
import { useTestDb } from "@pos/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, as, callPath, codeOf, createBranch, createUser } from "../../test/factories.ts";
import { insertReportReturn, insertReportSale, insertShortfall, storeTime } from "../../test/report-sales.ts";
import { createSizedProduct, seedStock } from "../../test/stock.ts";
import { createCaller } from "../index.ts";
import { storeToday } from "../services/reports/period.ts";

const t = useTestDb();

/** Ten days in March; the previous equal period is 19–28 February. */
const PERIOD = { from: "2026-03-01", to: "2026-03-10" };

let world: Awaited<ReturnType<typeof makeWorld>>;

async function single(name: string) {
  const { product, variants } = await createSizedProduct(t.db, { name, sizes: [null] });
  const variant = variants[0];
  if (!variant) throw new Error("createSizedProduct made no variant");
  return { product, variantId: variant.id };
}

async function makeWorld() {
  const db = t.db;
  const branchA = await createBranch(db, "Centro");
  const branchB = await createBranch(db, "Norte");
  const users = {
    cashier: await createUser(db, "CASHIER", { branchId: branchA.id }),
    manager: await createUser(db, "MANAGER"),
    admin: await createUser(db, "ADMIN"),
  };
  const callers = {
    anonymous: createCaller(anonymous(db)),
    cashier: createCaller(as(db, users.cashier)),
    manager: createCaller(as(db, users.manager)),
    admin: createCaller(as(db, users.admin)),
  };
  const shoe = await single("Runner");
  const cap = await single("Gorra");
  const jacket = await single("Campera");
  const socks = await single("Medias");

  // Counted, in the period.
  const s1 = await insertReportSale(db, {
    branchId: branchA.id,
    cashierId: users.cashier.id,
    at: storeTime("2026-03-02", "10:00"),
    lines: [
      { variantId: shoe.variantId, quantity: 2, unitPrice: "1000.00", unitCost: "600.00" },
      { variantId: cap.variantId, quantity: 1, unitPrice: "500.00", unitCost: "200.00", discount: "50.00" },
    ],
  });
  // 23:30 in Buenos Aires is already 02:30 UTC on the 6th: it belongs to the 5th.
  await insertReportSale(db, {
    branchId: branchB.id,
    channel: "ONLINE",
    status: "DELIVERED",
    at: storeTime("2026-03-05", "23:30"),
    shipping: "100.00",
    lines: [{ variantId: jacket.variantId, quantity: 1, unitPrice: "999.99", unitCost: "333.33" }],
    payments: [{ method: "CREDIT", amount: "1099.99" }],
  });
  // The last minute of the period.
  await insertReportSale(db, {
    branchId: branchA.id,
    channel: "WHATSAPP",
    status: "CONFIRMED",
    at: storeTime("2026-03-10", "23:59"),
    lines: [{ variantId: socks.variantId, quantity: 1, unitPrice: "100.00", unitCost: "40.00" }],
    payments: [{ method: "TRANSFER", amount: "100.00" }],
  });
  // Never counted: a WhatsApp hold, a cancelled order, a voided register sale.
  for (const [status, channel] of [
    ["PENDING", "WHATSAPP"],
    ["CANCELLED", "ONLINE"],
    ["VOIDED", "POS"],
  ] as const) {
    await insertReportSale(db, {
      branchId: branchA.id,
      channel,
      status,
      at: storeTime("2026-03-04", "12:00"),
      lines: [{ variantId: shoe.variantId, quantity: 10, unitPrice: "1000.00", unitCost: "1.00" }],
    });
  }
  // Either side of the period: 23:59 on 28 February (already 1 March in UTC) and midnight after 10 March.
  await insertReportSale(db, {
    branchId: branchA.id,
    at: storeTime("2026-02-28", "23:59"),
    lines: [{ variantId: cap.variantId, quantity: 1, unitPrice: "700.00", unitCost: "100.00" }],
  });
  await insertReportSale(db, {
    branchId: branchB.id,
    at: storeTime("2026-02-20", "09:00"),
    lines: [{ variantId: cap.variantId, quantity: 1, unitPrice: "100.01", unitCost: "50.00" }],
  });
  await insertReportSale(db, {
    branchId: branchA.id,
    at: storeTime("2026-03-11", "00:00"),
    lines: [{ variantId: shoe.variantId, quantity: 5, unitPrice: "1000.00", unitCost: "600.00" }],
  });
  // One shoe of s1 comes back on the 6th.
  const shoeLine = s1.items.find((item) => item.variantId === shoe.variantId);
  if (!shoeLine) throw new Error("s1 has no shoe line");
  await insertReportReturn(db, {
    saleId: s1.id,
    branchId: branchA.id,
    userId: users.manager.id,
    at: storeTime("2026-03-06", "12:00"),
    method: "CASH",
    lines: [{ saleItemId: shoeLine.id, variantId: shoe.variantId, quantity: 1, amount: "1000.00" }],
  });
  return { branchA, branchB, users, callers, shoe, cap, jacket, socks, s1 };
}

beforeAll(async () => {
  world = await makeWorld();
});

const PROCEDURES = [
  ["reports.dashboard", PERIOD],
  ["reports.daily", PERIOD],
  ["reports.breakdown", PERIOD],
  ["reports.topProducts", PERIOD],
  ["reports.topCategories", PERIOD],
  ["reports.lowStock", {}],
  ["reports.shortfalls", {}],
  ["reports.resolveShortfall", { shortfallId: 999_999 }],
] as const;

describe("who may read reports", () => {
  it.each(PROCEDURES)(
    "%s: anonymous UNAUTHORIZED, cashier FORBIDDEN, managers and admins allowed",
    async (path, input) => {
      const { callers } = world;
      const allowed = path === "reports.resolveShortfall" ? "NOT_FOUND" : "OK";
      expect({
        anonymous: await codeOf(callPath(callers.anonymous, path, input)),
        cashier: await codeOf(callPath(callers.cashier, path, input)),
        manager: await codeOf(callPath(callers.manager, path, input)),
        admin: await codeOf(callPath(callers.admin, path, input)),
      }).toEqual({ anonymous: "UNAUTHORIZED", cashier: "FORBIDDEN", manager: allowed, admin: allowed });
    },
  );

  it("refuses periods that end before they start or run past 366 days (BAD_REQUEST)", async () => {
    const { manager } = world.callers;
    expect(await codeOf(manager.reports.dashboard({ from: "2026-03-10", to: "2026-03-01" }))).toBe("BAD_REQUEST");
    expect(await codeOf(manager.reports.daily({ from: "2025-01-01", to: "2026-01-02" }))).toBe("BAD_REQUEST");
    expect(await codeOf(manager.reports.daily({ from: "2026-02-30", to: "2026-03-01" }))).toBe("BAD_REQUEST");
    expect(await codeOf(manager.reports.topProducts({ ...PERIOD, limit: 0 }))).toBe("BAD_REQUEST");
    expect((await manager.reports.daily({ from: "2025-01-01", to: "2026-01-01" })).length).toBe(366);
  });
});

describe("dashboard KPIs", () => {
  it("equal the hand-computed figures for the period and the previous one", async () => {
    const dashboard = await world.callers.manager.reports.dashboard(PERIOD);
    expect(dashboard.days).toBe(10);
    // 2450.00 (2 × 1000 + 500 − 50) + 1099.99 (999.99 + 100 shipping) + 100.00; the 3 uncounted and the 2 just
    // outside the period are not in it. Margin: (2000 − 1200) + (450 − 200) + (999.99 − 333.33) + (100 − 40)
    // minus the returned shoe's (1000 − 600).
    expect(dashboard.period).toEqual({
      from: "2026-03-01",
      to: "2026-03-10",
      tickets: 3,
      sales: "3649.99",
      averageTicket: "1216.66",
      units: 5,
      returns: "1000.00",
      returnedUnits: 1,
      netSales: "2649.99",
      netUnits: 4,
      margin: "1376.66",
    });
    // 700.00 + 100.01 over 2 tickets is 400.005: half-up gives 400.01 (a float or banker's rounding 400.00).
    expect(dashboard.previous).toEqual({
      from: "2026-02-19",
      to: "2026-02-28",
      tickets: 2,
      sales: "800.01",
      averageTicket: "400.01",
      units: 2,
      returns: "0.00",
      returnedUnits: 0,
      netSales: "800.01",
      netUnits: 2,
      margin: "650.01",
    });
  });

  it("narrows to one branch, returns included where the goods came back", async () => {
    const { period } = await world.callers.manager.reports.dashboard({ ...PERIOD, branchId: world.branchA.id });
    expect(period).toMatchObject({ tickets: 2, sales: "2550.00", returns: "1000.00", netSales: "1550.00", units: 4 });
    const north = await world.callers.manager.reports.dashboard({ ...PERIOD, branchId: world.branchB.id });
    expect(north.period).toMatchObject({ tickets: 1, sales: "1099.99", returns: "0.00", margin: "666.66" });
  });

  it("shows today's sales in today's block, in the store's calendar", async () => {
    const before = await world.callers.admin.reports.dashboard(PERIOD);
    const sale = await insertReportSale(t.db, {
      branchId: world.branchB.id,
      at: new Date(),
      lines: [{ variantId: world.socks.variantId, quantity: 3, unitPrice: "10.00", unitCost: "4.00" }],
    });
    const after = await world.callers.admin.reports.dashboard(PERIOD);
    expect(after.today.from).toBe(storeToday());
    expect(after.today.tickets - before.today.tickets).toBe(1);
    expect(after.period).toEqual(before.period);
    await t.db.sale.delete({ where: { id: sale.id } });
  });
});

describe("daily series", () => {
  it("has every day of the period, zero-filled, each sale on its Buenos Aires day", async () => {
    const days = await world.callers.manager.reports.daily(PERIOD);
    expect(days.map((row) => row.day)).toEqual(
      Array.from({ length: 10 }, (_, n) => `2026-03-${String(n + 1).padStart(2, "0")}`),
    );
    const byDay = Object.fromEntries(days.map(({ day, ...figures }) => [day, figures]));
    const zero = { tickets: 0, sales: "0.00", returns: "0.00", netSales: "0.00", units: 0, margin: "0.00" };
    // 23:59 on 28 February is 02:59 UTC on 1 March: a UTC calendar would put it here.
    expect(byDay["2026-03-01"]).toEqual(zero);
    expect(byDay["2026-03-02"]).toEqual({
      ...zero,
      tickets: 1,
      sales: "2450.00",
      netSales: "2450.00",
      units: 3,
      margin: "1050.00",
    });
    expect(byDay["2026-03-04"]).toEqual(zero);
    expect(byDay["2026-03-05"]).toEqual({
      ...zero,
      tickets: 1,
      sales: "1099.99",
      netSales: "1099.99",
      units: 1,
      margin: "666.66",
    });
    expect(byDay["2026-03-06"]).toEqual({ ...zero, returns: "1000.00", netSales: "-1000.00", margin: "-400.00" });
    expect(byDay["2026-03-10"]).toEqual({
      ...zero,
      tickets: 1,
      sales: "100.00",
      netSales: "100.00",
      units: 1,
      margin: "60.00",
    });
  });
});

describe("breakdown", () => {
  it("splits the period by branch, channel, cashier and payment method", async () => {
    const { branchA, branchB, users } = world;
    const breakdown = await world.callers.manager.reports.breakdown(PERIOD);
    expect(breakdown.byBranch).toEqual([
      {
        branchId: branchA.id,
        name: "Centro",
        tickets: 2,
        sales: "2550.00",
        units: 4,
        margin: "1110.00",
        returns: "1000.00",
        netSales: "1550.00",
      },
      {
        branchId: branchB.id,
        name: "Norte",
        tickets: 1,
        sales: "1099.99",
        units: 1,
        margin: "666.66",
        returns: "0.00",
        netSales: "1099.99",
      },
    ]);
    expect(breakdown.byChannel.map((row) => [row.channel, row.tickets, row.sales])).toEqual([
      ["POS", 1, "2450.00"],
      ["ONLINE", 1, "1099.99"],
      ["WHATSAPP", 1, "100.00"],
    ]);
    expect(breakdown.byCashier.map((row) => [row.cashierId, row.name, row.tickets, row.sales])).toEqual([
      [users.cashier.id, users.cashier.name, 1, "2450.00"],
      [null, null, 2, "1199.99"],
    ]);
    expect(breakdown.byPaymentMethod).toEqual([
      { method: "CASH", payments: 1, amount: "2450.00", refunds: "1000.00", net: "1450.00" },
      { method: "CREDIT", payments: 1, amount: "1099.99", refunds: "0.00", net: "1099.99" },
      { method: "TRANSFER", payments: 1, amount: "100.00", refunds: "0.00", net: "100.00" },
    ]);
  });
});

describe("top products and categories", () => {
  it("ranks by revenue of the lines sold, with units and margin", async () => {
    const { shoe, jacket, cap, socks } = world;
    const top = await world.callers.manager.reports.topProducts(PERIOD);
    expect(top.map((row) => [row.productId, row.units, row.revenue, row.margin])).toEqual([
      [shoe.product.id, 2, "2000.00", "800.00"],
      [jacket.product.id, 1, "999.99", "666.66"],
      [cap.product.id, 1, "450.00", "250.00"],
      [socks.product.id, 1, "100.00", "60.00"],
    ]);
    const two = await world.callers.manager.reports.topProducts({ ...PERIOD, limit: 2, branchId: world.branchA.id });
    expect(two.map((row) => row.productId)).toEqual([shoe.product.id, cap.product.id]);
    const categories = await world.callers.manager.reports.topCategories({ ...PERIOD, limit: 2 });
    expect(categories.map((row) => [row.categoryId, row.revenue])).toEqual([
      [shoe.product.categoryId, "2000.00"],
      [jacket.product.categoryId, "999.99"],
    ]);
  });
});

describe("low stock", () => {
  it("lists active variants at or below their product's minimum, per branch, most urgent first", async () => {
    const { branchA, branchB } = world;
    const { product, variants } = await createSizedProduct(t.db, { sizes: ["S", "M", "L"], minStock: 3 });
    const [s, m, l] = variants.map((variant) => variant.id) as [number, number, number];
    await seedStock(t.db, branchA.id, { [s]: 2, [m]: 5, [l]: 1 });
    await seedStock(t.db, branchB.id, { [s]: 3 });
    await t.db.variant.update({ where: { id: l }, data: { active: false } });
    const retired = await createSizedProduct(t.db, { sizes: [null], minStock: 5, active: false });
    await seedStock(t.db, branchA.id, { [retired.variants[0]?.id ?? 0]: 1 });

    const rows = await world.callers.manager.reports.lowStock({});
    const mine = rows.filter((row) => row.productId === product.id || row.productId === retired.product.id);
    expect(mine.map((row) => [row.branchId, row.variantId, row.quantity, row.minStock])).toEqual([
      [branchA.id, s, 2, 3],
      [branchB.id, s, 3, 3],
    ]);
    const north = await world.callers.manager.reports.lowStock({ branchId: branchB.id });
    expect(north.every((row) => row.branchId === branchB.id)).toBe(true);
  });
});

describe("shortfalls from offline sync", () => {
  it("lists unresolved ones with sale number, variant and branch; a manager resolves one, audited, once", async () => {
    const { s1, shoe, branchA, callers, users } = world;
    const { id } = await insertShortfall(t.db, {
      saleId: s1.id,
      branchId: branchA.id,
      variantId: shoe.variantId,
      quantity: 2,
    });
    const listed = await callers.manager.reports.shortfalls({ branchId: branchA.id });
    expect(
      listed.map((row) => [row.id, row.quantity, row.resolvedAt, row.branch.name, row.variant.id, row.variant.product]),
    ).toEqual([[id, 2, null, "Centro", shoe.variantId, { id: shoe.product.id, name: "Runner" }]]);
    expect(listed[0]?.sale).toMatchObject({ id: s1.id, number: s1.number });
    expect(await codeOf(callers.cashier.reports.resolveShortfall({ shortfallId: id }))).toBe("FORBIDDEN");

    const resolved = await callers.manager.reports.resolveShortfall({ shortfallId: id, note: "Found in the back" });
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    expect(await callers.manager.reports.shortfalls({})).toEqual([]);
    const audit = await t.db.auditEvent.findMany({ where: { action: "shortfall.resolved", entityId: String(id) } });
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: users.manager.id,
        entity: "StockShortfall",
        data: {
          branchId: branchA.id,
          variantId: shoe.variantId,
          saleId: s1.id,
          quantity: 2,
          note: "Found in the back",
        },
      }),
    ]);
    expect(await codeOf(callers.admin.reports.resolveShortfall({ shortfallId: id }))).toBe("CONFLICT");
    expect(await t.db.auditEvent.count({ where: { action: "shortfall.resolved" } })).toBe(1);
  });
});
