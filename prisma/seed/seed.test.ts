// The demo seed on a real database: every promise in check.ts holds, the same inputs give the same rows, a
// second run refuses to touch existing data, and the logins, images and sequences are usable by the app.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@pos/auth/password";
import { createPrismaClient, type Db } from "@pos/db";
import { createTestDatabase, useTestDb, type TestDatabase } from "@pos/db/testing";
import { isValidEan13 } from "@pos/validators";
import { checkSeedInvariants } from "./check.ts";
import { seedDemo } from "./demo.ts";
import { SeedRefusedError, type SeedReport } from "./run.ts";
import { DEMO_LOGINS, DEMO_PASSWORD } from "./users.ts";

// A fixed "now" (a Saturday afternoon in Buenos Aires) makes the history identical between runs.
const NOW = new Date("2026-11-21T18:30:00Z");
const t = useTestDb();
let uploadsDir = "";
let report: SeedReport;

beforeAll(async () => {
  uploadsDir = await mkdtemp(join(tmpdir(), "pos-seed-"));
  report = await seedDemo(t.url, { uploadsDir, now: NOW });
});
afterAll(async () => {
  await rm(uploadsDir, { recursive: true, force: true });
});

describe("demo seed", () => {
  it("makes a shop of the promised size", () => {
    const { counts } = report;
    expect(counts.Branch).toBe(3);
    expect(counts.Product).toBe(300);
    expect(counts.Category).toBeGreaterThanOrEqual(15);
    expect(counts.Variant).toBeGreaterThan(1_000);
    expect(counts.Customer).toBe(200);
    expect(counts.Sale).toBeGreaterThan(4_000);
    expect(counts.Return).toBeGreaterThan(0);
    expect(counts.AuditEvent).toBeGreaterThan(0);
    expect(counts.StockLevel).toBe(3 * (counts.Variant ?? 0));
  });

  it("keeps every invariant (ledger, money, numbering, cash counts, barcodes, foreign keys)", async () => {
    expect(await checkSeedInvariants(t.db)).toEqual([]);
  });

  it("gives every variant a unique, valid EAN-13 and a unique SKU", async () => {
    const variants = await t.db.variant.findMany({ select: { barcode: true, sku: true } });
    expect(variants.every((v) => isValidEan13(v.barcode))).toBe(true);
    expect(new Set(variants.map((v) => v.barcode)).size).toBe(variants.length);
    expect(new Set(variants.map((v) => v.sku)).size).toBe(variants.length);
  });

  it("has the three branches, only the outlet off the storefront, Palermo fulfilling orders", async () => {
    const branches = await t.db.branch.findMany({ orderBy: { id: "asc" } });
    expect(branches.map((b) => [b.code, b.sellsOnline])).toEqual([
      ["CEN", true],
      ["PAL", true],
      ["NOR", false],
    ]);
    const config = await t.db.storeConfig.findUniqueOrThrow({ where: { id: 1 } });
    expect(config.fulfillmentBranchId).toBe(branches[1]?.id);
    expect([config.currency, config.locale, config.pricesIncludeTax, config.taxRate.toString()]).toEqual([
      "ARS",
      "es-AR",
      true,
      "21",
    ]);
    const orders = await t.db.sale.findMany({
      where: { channel: { not: "POS" } },
      select: { branchId: true, status: true },
    });
    expect(new Set(orders.map((o) => o.branchId))).toEqual(new Set([branches[1]?.id]));
    expect(new Set(orders.map((o) => o.status))).toEqual(
      new Set(["PENDING", "CONFIRMED", "READY", "SHIPPED", "DELIVERED", "CANCELLED"]),
    );
  });

  it("creates the documented demo logins with the demo password", async () => {
    const users = await t.db.user.findMany({ orderBy: { id: "asc" } });
    expect(users.map((u) => [u.email, u.role, u.active])).toEqual(DEMO_LOGINS.map((l) => [l.email, l.role, l.active]));
    const admin = users.find((u) => u.role === "ADMIN");
    expect(admin && (await verifyPassword(DEMO_PASSWORD, admin.passwordHash))).toBe(true);
    expect(admin && (await verifyPassword("wrong-password", admin.passwordHash))).toBe(false);
  });

  it("sets up payment methods with the credit card plans", async () => {
    const credit = await t.db.paymentMethodConfig.findFirstOrThrow({
      where: { type: "CREDIT" },
      include: { installmentPlans: true },
    });
    const plans = credit.installmentPlans
      .map((p) => [p.installments, p.surchargePercent.toString()])
      .sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(plans).toEqual([
      [1, "0"],
      [3, "10"],
      [6, "20"],
      [12, "35"],
    ]);
    expect(await t.db.paymentMethodConfig.count()).toBe(5);
  });

  it("writes the placeholder image of every product and banner", async () => {
    const images = await t.db.productImage.findMany({ select: { url: true, publicId: true } });
    const banners = await t.db.storeBanner.findMany({ select: { imageUrl: true } });
    const paths = [...images.map((i) => i.url), ...banners.map((b) => b.imageUrl)];
    expect(paths.every((url) => url.startsWith("/uploads/demo/"))).toBe(true);
    const missing = paths.filter((url) => !existsSync(join(uploadsDir, url.slice("/uploads/".length))));
    expect(missing).toEqual([]);
  });

  it("leaves sequences ready for the app's own inserts", async () => {
    const customer = await t.db.customer.create({ data: { name: "Cliente nuevo" } });
    expect(customer.id).toBe(201);
    await t.db.customer.delete({ where: { id: customer.id } });
  });

  it("refuses to seed a database that already has data, and changes nothing", async () => {
    const before = await t.db.sale.count();
    await expect(seedDemo(t.url, { uploadsDir, now: NOW })).rejects.toBeInstanceOf(SeedRefusedError);
    expect(await t.db.sale.count()).toBe(before);
  });
});

describe("determinism", () => {
  let other: TestDatabase;
  let otherDb: Db;
  beforeAll(async () => {
    other = await createTestDatabase();
    otherDb = createPrismaClient(other.url, { poolMax: 2 });
    await seedDemo(other.url, { uploadsDir, now: NOW });
  });
  afterAll(async () => {
    await otherDb.$disconnect();
    await other.drop();
  });

  const snapshot = async (db: Db) => ({
    products: await db.product.findMany({ orderBy: { id: "asc" }, omit: { createdAt: true, updatedAt: true } }),
    variants: await db.variant.findMany({ orderBy: { id: "asc" }, omit: { createdAt: true, updatedAt: true } }),
    stock: await db.stockLevel.findMany({ orderBy: [{ branchId: "asc" }, { variantId: "asc" }] }),
    sales: await db.sale.findMany({
      orderBy: { id: "asc" },
      select: { id: true, number: true, clientId: true, total: true, createdAt: true },
    }),
  });

  it("gives identical catalog, stock and sales for the same seed and now", async () => {
    const [first, second] = await Promise.all([snapshot(t.db), snapshot(otherDb)]);
    expect(second.products.length).toBe(300);
    expect(second).toEqual(first);
  });

  it("is caught by the checks when the ledger or a reference is tampered with", async () => {
    await otherDb.stockLevel.update({
      where: { branchId_variantId: { branchId: 1, variantId: 1 } },
      data: { quantity: { increment: 1 } },
    });
    // A dangling reference can only get in the way the seed loads (key triggers skipped), so tamper that way.
    await otherDb.$transaction([
      otherDb.$executeRawUnsafe("SET LOCAL session_replication_role = replica"),
      otherDb.$executeRawUnsafe(`UPDATE "Payment" SET "saleId" = 999999 WHERE id = 1`),
    ]);
    const problems = await checkSeedInvariants(otherDb);
    expect(problems.some((p) => p.startsWith("stock level = Σ movements"))).toBe(true);
    expect(problems.some((p) => p.startsWith('"Payment".saleId → "Sale"'))).toBe(true);
  });
});
