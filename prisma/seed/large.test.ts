// The large seed's COPY path at a small scale: the same generator and sink as the 1,000,000-sale benchmark,
// small enough for every test run, held to the same invariants as the demo.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { checkSeedInvariants } from "./check.ts";
import { seedLarge } from "./large.ts";
import type { SeedReport } from "./run.ts";

const t = useTestDb();
let uploadsDir = "";
let report: SeedReport;

beforeAll(async () => {
  uploadsDir = await mkdtemp(join(tmpdir(), "pos-seed-large-"));
  report = await seedLarge(t.url, {
    uploadsDir,
    products: 200,
    sales: 2_000,
    days: 30,
    customers: 50,
    now: new Date("2026-11-21T18:30:00Z"),
  });
});
afterAll(async () => {
  await rm(uploadsDir, { recursive: true, force: true });
});

describe("large seed (small scale)", () => {
  it("writes the requested scale", () => {
    expect(report.counts.Product).toBe(200);
    expect(report.counts.Customer).toBe(50);
    // The sale count is a target: days with empty shelves sell a little less.
    expect(report.counts.Sale).toBeGreaterThan(1_700);
    expect(report.counts.Sale).toBeLessThan(2_300);
    expect(report.counts.SaleItem).toBeGreaterThan(report.counts.Sale ?? 0);
    expect(report.counts.StockLevel).toBe(3 * (report.counts.Variant ?? 0));
  });

  it("keeps every invariant (ledger, money, numbering, cash counts, barcodes, foreign keys)", async () => {
    expect(await checkSeedInvariants(t.db)).toEqual([]);
  });

  it("shares one image per category, written to disk", async () => {
    const urls = await t.db.productImage.findMany({ distinct: ["url"], select: { url: true } });
    expect(urls.length).toBeLessThanOrEqual(15);
    expect(urls.every(({ url }) => existsSync(join(uploadsDir, url.slice("/uploads/".length))))).toBe(true);
  });
});
