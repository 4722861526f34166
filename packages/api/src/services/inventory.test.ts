import { useTestDb } from "@pos/db/testing";
import { ZLedgerQuery, ZLowStock, ZStockByBranch } from "@pos/validators";
import { describe, expect, it } from "vitest";
import { createBranch, createUser } from "../../test/factories.ts";
import { counts, createSizedProduct, ledgerProblems, level, recordingBus, seedStock } from "../../test/stock.ts";
import { adjustStock, countStock, listLowStock, listStockByBranch, readLedger, readStockGrid } from "./inventory.ts";

const t = useTestDb({ poolMax: 8 });

async function setup(sizes: (string | null)[] = ["40", "41", "42"], minStock = 0) {
  const branch = await createBranch(t.db);
  const manager = await createUser(t.db, "MANAGER");
  const { product, variants } = await createSizedProduct(t.db, { sizes, minStock });
  const { bus, published } = recordingBus();
  return { branch, manager, product, ids: variants.map((v) => v.id), deps: { db: t.db, bus }, published };
}

describe("adjustStock", () => {
  it("writes an ADJUSTMENT with its reason, an audit event and a stock event", async () => {
    const { branch, manager, ids, deps, published } = await setup([null]);
    const variantId = ids[0] ?? 0;
    await seedStock(t.db, branch.id, { [variantId]: 4 });

    const result = await adjustStock(
      deps,
      { branchId: branch.id, variantId, quantity: -3, reason: "Water damage" },
      manager,
    );

    expect(result).toEqual({ branchId: branch.id, variantId, quantity: -3, balanceAfter: 1 });
    const movement = await t.db.inventoryMovement.findFirstOrThrow({ where: { type: "ADJUSTMENT", variantId } });
    expect(movement).toMatchObject({ quantity: -3, balanceAfter: 1, reason: "Water damage", userId: manager.id });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "stock.adjusted" } });
    expect(audit).toMatchObject({ actorId: manager.id, entity: "StockLevel", entityId: `${branch.id}:${variantId}` });
    expect(audit.data).toEqual({ quantity: -3, balanceAfter: 1, reason: "Water damage" });
    expect(published.map((event) => event.topic)).toEqual(["stock.changed"]);
    expect(await ledgerProblems(t.db)).toEqual([]);
  });

  it("cannot remove more than is there: OUT_OF_STOCK, no movement, no audit, no event", async () => {
    const { branch, manager, ids, deps, published } = await setup([null]);
    const variantId = ids[0] ?? 0;
    await seedStock(t.db, branch.id, { [variantId]: 2 });
    const before = await counts(t.db);
    await expect(
      adjustStock(deps, { branchId: branch.id, variantId, quantity: -3, reason: "Theft" }, manager),
    ).rejects.toMatchObject({ code: "OUT_OF_STOCK" });
    expect(await counts(t.db)).toEqual(before);
    expect(published).toEqual([]);
  });
});

describe("countStock", () => {
  it("turns each difference into one ADJUSTMENT and leaves matching lines alone", async () => {
    const { branch, manager, ids, deps, published } = await setup();
    const [v40, v41, v42] = ids as [number, number, number];
    await seedStock(t.db, branch.id, { [v40]: 5, [v41]: 3 });

    const result = await countStock(
      deps,
      {
        branchId: branch.id,
        lines: [
          { variantId: v40, counted: 5 },
          { variantId: v41, counted: 1 },
          { variantId: v42, counted: 2 },
        ],
      },
      manager,
    );

    expect(result.lines).toEqual([
      { variantId: v40, expected: 5, counted: 5, difference: 0 },
      { variantId: v41, expected: 3, counted: 1, difference: -2 },
      { variantId: v42, expected: 0, counted: 2, difference: 2 },
    ]);
    expect(result.adjusted).toBe(2);
    const adjustments = await t.db.inventoryMovement.findMany({
      where: { branchId: branch.id, type: "ADJUSTMENT" },
      orderBy: { variantId: "asc" },
      select: { variantId: true, quantity: true, balanceAfter: true, reason: true },
    });
    expect(adjustments).toEqual([
      { variantId: v41, quantity: -2, balanceAfter: 1, reason: "Stock count" },
      { variantId: v42, quantity: 2, balanceAfter: 2, reason: "Stock count" },
    ]);
    expect([await level(t.db, branch.id, v40), await level(t.db, branch.id, v41)]).toEqual([5, 1]);
    expect(await t.db.auditEvent.count({ where: { action: "stock.counted" } })).toBeGreaterThanOrEqual(1);
    expect(published).toHaveLength(1);
    expect(await ledgerProblems(t.db)).toEqual([]);
  });

  it("writes no movement and announces nothing when everything matches", async () => {
    const { branch, manager, ids, deps, published } = await setup([null]);
    const variantId = ids[0] ?? 0;
    await seedStock(t.db, branch.id, { [variantId]: 7 });
    const movementsBefore = await t.db.inventoryMovement.count();
    const result = await countStock(deps, { branchId: branch.id, lines: [{ variantId, counted: 7 }] }, manager);
    expect(result.adjusted).toBe(0);
    expect(await t.db.inventoryMovement.count()).toBe(movementsBefore);
    expect(published).toEqual([]);
  });

  it("refuses an unknown item and changes nothing", async () => {
    const { branch, manager, ids, deps } = await setup([null]);
    const variantId = ids[0] ?? 0;
    await seedStock(t.db, branch.id, { [variantId]: 7 });
    const before = await counts(t.db);
    await expect(
      countStock(
        deps,
        {
          branchId: branch.id,
          lines: [
            { variantId, counted: 1 },
            { variantId: 999_999, counted: 1 },
          ],
        },
        manager,
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts(t.db)).toEqual(before);
  });
});

describe("reads", () => {
  it("shows a product as sizes × branches, zero where a branch has none", async () => {
    const { branch, ids, product } = await setup(["S", "M"]);
    const other = await createBranch(t.db);
    const [s, m] = ids as [number, number];
    await seedStock(t.db, branch.id, { [s]: 2, [m]: 1 });
    await seedStock(t.db, other.id, { [m]: 4 });

    const grid = await readStockGrid(t.db, { productId: product.id, branchIds: [branch.id, other.id] });

    expect(grid.branches.map((b) => b.id)).toEqual([branch.id, other.id]);
    expect(grid.rows.map((row) => [row.sizeLabel, row.quantities, row.total])).toEqual([
      ["S", [2, 0], 2],
      ["M", [1, 4], 5],
    ]);
    expect(grid.branchTotals).toEqual([3, 4]);
    await expect(readStockGrid(t.db, { productId: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists a branch's stock with filters and cursor paging", async () => {
    const { branch, ids, product } = await setup(["S", "M", "L"]);
    const [s, m, l] = ids as [number, number, number];
    await seedStock(t.db, branch.id, { [s]: 2, [l]: 1 });
    const query = (extra: object) => listStockByBranch(t.db, ZStockByBranch.parse({ branchId: branch.id, ...extra }));

    const first = await query({ productId: product.id, limit: 2 });
    expect(first.items.map((item) => [item.id, item.quantity])).toEqual([
      [s, 2],
      [m, 0],
    ]);
    const second = await query({ productId: product.id, limit: 2, cursor: first.nextCursor });
    expect(second.items.map((item) => [item.id, item.quantity])).toEqual([[l, 1]]);
    expect(second.nextCursor).toBeNull();
    const inStock = await query({ productId: product.id, inStockOnly: true });
    expect(inStock.items.map((item) => item.id)).toEqual([s, l]);
    const bySku = await query({ search: first.items[1]?.sku.toLowerCase() });
    expect(bySku.items.map((item) => item.id)).toEqual([m]);
  });

  it("lists low stock at a branch: at or below the minimum, active products only, most urgent first", async () => {
    const branch = await createBranch(t.db);
    const shoes = await createSizedProduct(t.db, { sizes: ["40", "41", "42"], minStock: 2 });
    const retired = await createSizedProduct(t.db, { sizes: [null], minStock: 5, active: false });
    const [v40, v41, v42] = shoes.variants.map((v) => v.id) as [number, number, number];
    await seedStock(t.db, branch.id, { [v40]: 2, [v41]: 3, [v42]: 1, [retired.variants[0]?.id ?? 0]: 1 });

    const low = await listLowStock(t.db, ZLowStock.parse({ branchId: branch.id }));

    expect(low.map((row) => [row.variantId, row.quantity, row.minStock])).toEqual([
      [v42, 1, 2],
      [v40, 2, 2],
    ]);
  });

  it("reads the ledger newest first with filters and a cursor", async () => {
    const { branch, manager, ids, deps, product } = await setup(["S", "M"]);
    const [s, m] = ids as [number, number];
    await seedStock(t.db, branch.id, { [s]: 5, [m]: 5 });
    await adjustStock(deps, { branchId: branch.id, variantId: s, quantity: -1, reason: "Shop soiled" }, manager);
    await adjustStock(deps, { branchId: branch.id, variantId: m, quantity: 2, reason: "Found in back room" }, manager);
    const read = (extra: object) =>
      readLedger(t.db, ZLedgerQuery.parse({ branchId: branch.id, productId: product.id, ...extra }));

    const adjustments = await read({ type: "ADJUSTMENT" });
    expect(adjustments.items.map((movement) => [movement.variant.id, movement.quantity])).toEqual([
      [m, 2],
      [s, -1],
    ]);
    const page1 = await read({ limit: 3 });
    const page2 = await read({ limit: 3, cursor: page1.nextCursor });
    expect([...page1.items, ...page2.items].map((movement) => movement.id)).toHaveLength(4);
    expect(page2.nextCursor).toBeNull();
    expect((await read({ variantId: s })).items).toHaveLength(2);
    expect((await read({ from: new Date(Date.now() + 60_000) })).items).toEqual([]);
    expect((await read({ to: new Date(Date.now() + 60_000) })).items).toHaveLength(4);
  });
});
