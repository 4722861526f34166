// Report rollups on real PostgreSQL: a closed day read from its rollup says exactly what the live queries say,
// and a write landing on a closed day afterwards (a sale synced with its original time, a return, a void, a
// product moved to another category) shows in the very next report. "Live" is forced by flagging every day and
// holding the builder's lock, as when another request is rebuilding.
import { useTestDb } from "@pos/db/testing";
import { Prisma } from "@pos/db";
import { beforeAll, describe, expect, it } from "vitest";
import { configureStore, createPaymentMethods, openCashSession, saleRequest } from "../../../test/checkout.ts";
import { as, createBranch, createUser } from "../../../test/factories.ts";
import { insertReportReturn, insertReportSale, storeTime } from "../../../test/report-sales.ts";
import { createSizedProduct, seedStock } from "../../../test/stock.ts";
import { createCaller } from "../../index.ts";
import { dayBounds, STORE_TIME_ZONE } from "../z-report.ts";
import { storeToday } from "./period.ts";
import { CATEGORIES, PAYMENTS, PRODUCTS, RETURNS, SALES, type Family } from "./rollups.ts";

const t = useTestDb();

/** Closed days; the dashboard also reads the six days before (23–28 February). */
const PERIOD = { from: "2026-03-01", to: "2026-03-06" };
const READ_DAYS = { from: "2026-02-23", to: "2026-03-06" };

let world: Awaited<ReturnType<typeof makeWorld>>;

async function single(name: string) {
  const { product, variants } = await createSizedProduct(t.db, { name, sizes: [null] });
  const variant = variants[0];
  if (!variant) throw new Error("createSizedProduct made no variant");
  return { product, variantId: variant.id };
}

async function makeWorld() {
  const db = t.db;
  const centro = await createBranch(db, "Centro");
  const norte = await createBranch(db, "Norte");
  const cashier = await createUser(db, "CASHIER", { branchId: centro.id });
  const manager = createCaller(as(db, await createUser(db, "MANAGER")));
  const shoe = await single("Runner");
  const cap = await single("Gorra");
  const jacket = await single("Campera");
  await seedStock(db, centro.id, { [shoe.variantId]: 10, [cap.variantId]: 10 });

  const s1 = await insertReportSale(db, {
    branchId: centro.id,
    cashierId: cashier.id,
    at: storeTime("2026-03-02", "10:00"),
    lines: [
      { variantId: shoe.variantId, quantity: 2, unitPrice: "1000.00", unitCost: "600.00" },
      { variantId: cap.variantId, quantity: 1, unitPrice: "500.00", unitCost: "200.00", discount: "50.00" },
    ],
  });
  // 23:30 in Buenos Aires is 02:30 UTC on the 3rd: it belongs to the 2nd.
  await insertReportSale(db, {
    branchId: norte.id,
    channel: "ONLINE",
    status: "DELIVERED",
    at: storeTime("2026-03-02", "23:30"),
    shipping: "100.00",
    lines: [{ variantId: jacket.variantId, quantity: 1, unitPrice: "999.99", unitCost: "333.33" }],
    payments: [{ method: "CREDIT", amount: "1099.99" }],
  });
  const s3 = await insertReportSale(db, {
    branchId: centro.id,
    channel: "WHATSAPP",
    status: "CONFIRMED",
    at: storeTime("2026-03-04", "12:00"),
    lines: [{ variantId: cap.variantId, quantity: 3, unitPrice: "450.00", unitCost: "200.00" }],
    payments: [
      { method: "TRANSFER", amount: "1000.00" },
      { method: "CASH", amount: "350.00" },
    ],
  });
  const s5 = await insertReportSale(db, {
    branchId: centro.id,
    cashierId: cashier.id,
    at: storeTime("2026-03-05", "17:00"),
    lines: [{ variantId: cap.variantId, quantity: 1, unitPrice: "500.00", unitCost: "200.00" }],
  });
  await insertReportSale(db, {
    branchId: centro.id,
    status: "PENDING",
    channel: "WHATSAPP",
    at: storeTime("2026-03-04", "13:00"),
    lines: [{ variantId: shoe.variantId, quantity: 9, unitPrice: "1000.00", unitCost: "1.00" }],
  });
  await insertReportSale(db, {
    branchId: norte.id,
    at: storeTime("2026-02-25", "16:00"),
    lines: [{ variantId: jacket.variantId, quantity: 2, unitPrice: "800.00", unitCost: "300.00" }],
  });
  const shoeLine = s1.items.find((item) => item.variantId === shoe.variantId);
  if (!shoeLine) throw new Error("s1 has no shoe line");
  await insertReportReturn(db, {
    saleId: s1.id,
    branchId: centro.id,
    userId: cashier.id,
    at: storeTime("2026-03-03", "11:00"),
    method: "CASH",
    lines: [{ saleItemId: shoeLine.id, variantId: shoe.variantId, quantity: 1, amount: "1000.00" }],
  });
  return { centro, norte, cashier, manager, shoe, cap, jacket, s1, s3, s5 };
}

beforeAll(async () => {
  world = await makeWorld();
});

/** Every report over the period, for all branches and for one. */
async function readAll() {
  const reports = world.manager.reports;
  const centro = { ...PERIOD, branchId: world.centro.id };
  return {
    dashboard: await reports.dashboard(PERIOD),
    daily: await reports.daily(PERIOD),
    breakdown: await reports.breakdown(PERIOD),
    topProducts: await reports.topProducts({ ...PERIOD, limit: 2 }),
    topCategories: await reports.topCategories(PERIOD),
    centroDashboard: await reports.dashboard(centro),
    centroBreakdown: await reports.breakdown(centro),
    centroTop: await reports.topProducts({ ...centro, limit: 1 }),
  };
}

/** The same reads worked out live from the base tables: every day flagged, the builder kept out. */
async function readLive() {
  return readFlagged(READ_DAYS);
}

/** `read` (every report by default) with the days of `range` flagged and the builder kept out: read live. */
async function readFlagged<T = Awaited<ReturnType<typeof readAll>>>(
  range: { from: string; to: string },
  read: () => Promise<T> = readAll as () => Promise<T>,
): Promise<T> {
  await t.db.$executeRaw`
    INSERT INTO "ReportRollupStale" ("day")
    SELECT generate_series(${range.from}::date, ${range.to}::date, interval '1 day')::date`;
  return t.db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('pos_report_rollups'))`;
      return read();
    },
    { timeout: 60_000 },
  );
}

async function flaggedDays(): Promise<string[]> {
  const rows = await t.db.$queryRaw<{ day: string }[]>`
    SELECT DISTINCT "day"::text AS day FROM "ReportRollupStale" ORDER BY 1`;
  return rows.map((row) => row.day);
}

/** A family's rows as JSON text, sorted: stored ones for `days`, or worked out live. */
async function cellRows(family: Family, days: string[], from: "stored" | "live"): Promise<string[]> {
  const columns = Prisma.raw(family.columns.map((column) => `"${column}"`).join(", "));
  const source =
    from === "live"
      ? family.cells(days)
      : Prisma.sql`SELECT * FROM ${Prisma.raw(`"${family.table}"`)} WHERE "day" = ANY (${days}::date[])`;
  const rows = await t.db.$queryRaw<{ row: string }[]>`
    SELECT json_build_array(${columns})::text AS row FROM (${source}) cells ORDER BY 1`;
  return rows.map((row) => row.row);
}

function daysOf(range: { from: string; to: string }): string[] {
  const days: string[] = [];
  for (let day = new Date(`${range.from}T00:00:00Z`); day <= new Date(`${range.to}T00:00:00Z`);) {
    days.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return days;
}

describe("report rollups", () => {
  it("read a rolled-up closed day exactly as the live queries do", async () => {
    const live = await readLive();
    expect(live.dashboard.period).toMatchObject({ tickets: 4, sales: "5399.99", returns: "1000.00" });
    expect(await flaggedDays(), "the builder was kept out").toEqual(daysOf(READ_DAYS));

    const rolled = await readAll();
    expect(rolled).toEqual(live);
    const built = await t.db.reportRollupDay.findMany({ where: { day: { gte: new Date("2026-02-23") } } });
    expect(built).toHaveLength(daysOf(READ_DAYS).length);
    expect(await flaggedDays()).toEqual([]);

    for (const family of [SALES, PAYMENTS, RETURNS, PRODUCTS, CATEGORIES]) {
      const stored = await cellRows(family, daysOf(READ_DAYS), "stored");
      expect(stored.length, family.table).toBeGreaterThan(0);
      expect(stored, family.table).toEqual(await cellRows(family, daysOf(READ_DAYS), "live"));
    }
  });

  it("mix rolled-up days with a day read live and still rank products exactly", async () => {
    await readAll();
    // Rolled up, Centro's best product is the shoe (2000.00 against the cap's 950.00); the cap's 1350.00 of
    // the 4th, read live, puts it first: a product outside the rolled-up top can still win.
    const mixed = await readFlagged({ from: "2026-03-04", to: "2026-03-04" });
    expect(mixed.centroTop.map((row) => [row.name, row.revenue])).toEqual([["Gorra", "2300.00"]]);
    expect(mixed).toEqual(await readLive());
  });

  it("show a sale synced late with its original time on its closed day at once", async () => {
    const before = await readAll();
    await insertReportSale(t.db, {
      branchId: world.centro.id,
      cashierId: world.cashier.id,
      offline: true,
      at: storeTime("2026-03-03", "15:00"),
      lines: [{ variantId: world.jacket.variantId, quantity: 1, unitPrice: "700.00", unitCost: "300.00" }],
    });
    expect(await flaggedDays()).toEqual(["2026-03-03"]);

    const after = await readAll();
    expect(after.dashboard.period.tickets).toBe(before.dashboard.period.tickets + 1);
    expect(after.daily.find((row) => row.day === "2026-03-03")?.sales).toBe("700.00");
    expect(after).toEqual(await readLive());
  });

  it("show a return dated on a closed day at once, on that day", async () => {
    const before = await readAll();
    const capLine = world.s3.items[0];
    if (!capLine) throw new Error("s3 has no line");
    await insertReportReturn(t.db, {
      saleId: world.s3.id,
      branchId: world.centro.id,
      userId: world.cashier.id,
      at: storeTime("2026-03-05", "10:00"),
      method: "TRANSFER",
      lines: [{ saleItemId: capLine.id, variantId: world.cap.variantId, quantity: 1, amount: "450.00" }],
    });

    const after = await readAll();
    expect(after.dashboard.period.returns).toBe("1450.00");
    expect(after.daily.find((row) => row.day === "2026-03-05")?.returns).toBe("450.00");
    expect(after.dashboard.period.returns).not.toBe(before.dashboard.period.returns);
    expect(after).toEqual(await readLive());
  });

  it("drop a sale voided days later from its closed day at once", async () => {
    await readAll();
    await world.manager.sales.void({ saleId: world.s5.id, reason: "Rung up twice" });
    expect(await flaggedDays()).toEqual(["2026-03-05"]);

    const after = await readAll();
    expect(after.daily.find((row) => row.day === "2026-03-05")).toMatchObject({ tickets: 0, sales: "0.00" });
    expect(after).toEqual(await readLive());
  });

  it("rank a product moved to another category where it is now", async () => {
    await readAll();
    const outlet = await t.db.category.create({ data: { name: "Outlet", slug: `outlet-${Date.now()}` } });
    await t.db.product.update({ where: { id: world.cap.product.id }, data: { categoryId: outlet.id } });

    const after = await readAll();
    expect(after.topCategories.map((row) => row.name)).toContain("Outlet");
    expect(after).toEqual(await readLive());
  });

  it("count a sale synced through the register with an old offlineAt, whichever day it lands on", async () => {
    await configureStore(t.db);
    const methods = await createPaymentMethods(t.db);
    await openCashSession(t.db, world.centro.id, world.cashier.id);
    const register = createCaller(as(t.db, world.cashier));
    const offlineAt = new Date(Date.now() - 2 * 24 * 3_600_000);
    // From the day the register made it to today: the sale counts in here whether the day is the one it was
    // made (a closed, rolled-up day) or the one the server got it (today).
    const days = { from: storeToday(offlineAt), to: storeToday() };
    const before = await world.manager.reports.dashboard(days);
    await register.sales.create({
      ...saleRequest(world.centro.id, [world.shoe.variantId], { methodId: methods.debit, base: "59990.00" }),
      offlineAt,
    });

    const after = await world.manager.reports.dashboard(days);
    expect(after.period.tickets).toBe(before.period.tickets + 1);
    expect(after).toEqual(await readFlagged(days, () => world.manager.reports.dashboard(days)));
  });

  it("agree with the reports on when the store's day starts (the triggers spell the zone out in SQL)", async () => {
    const [row] = await t.db.$queryRaw<{ starts: Date; today: string }[]>`
      SELECT "report_today_starts"() AT TIME ZONE 'UTC' AS starts,
             (now() AT TIME ZONE ${STORE_TIME_ZONE})::date::text AS today`;
    expect(row?.starts).toEqual(dayBounds(row?.today ?? "").from);
  });

  it("flag nothing for a sale made today: the triggers stay out of the register's way", async () => {
    const flags = () => t.db.reportRollupStale.count();
    const before = await flags();
    await insertReportSale(t.db, {
      branchId: world.centro.id,
      at: new Date(),
      lines: [{ variantId: world.cap.variantId, quantity: 1, unitPrice: "10.00", unitCost: "5.00" }],
    });
    expect(await flags()).toBe(before);
  });
});
