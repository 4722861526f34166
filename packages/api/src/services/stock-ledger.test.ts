import { useTestDb } from "@pos/db/testing";
import { describe, expect, it } from "vitest";
import { createBranch, createUser } from "../../test/factories.ts";
import {
  codeOf,
  counts,
  createSizedProduct,
  ledgerProblems,
  level,
  recordingBus,
  seedStock,
} from "../../test/stock.ts";
import { DomainError } from "../errors.ts";
import { dataOf, takeItems } from "../events/test-helpers.ts";
import { createEventBus } from "../events/index.ts";
import {
  announceStockChanges,
  applyStockChanges,
  inStockTransaction,
  lockStockLevels,
  type LedgerChange,
} from "./stock-ledger.ts";

// A bigger pool than the default: the concurrency tests need transactions really waiting on each other.
const t = useTestDb({ poolMax: 10 });

const apply = (changes: LedgerChange[], options?: { allowNegative?: boolean }) =>
  inStockTransaction(t.db, (tx) => applyStockChanges(tx, changes, options));

describe("applyStockChanges", () => {
  it("creates the level on first arrival and writes one movement per change with the balance it left", async () => {
    const branch = await createBranch(t.db);
    const user = await createUser(t.db, "MANAGER");
    const { variants } = await createSizedProduct(t.db, { sizes: ["40", "41"] });
    const [v40, v41] = variants.map((v) => v.id) as [number, number];

    const applied = await apply([
      { branchId: branch.id, variantId: v41, quantity: 5, type: "PURCHASE", userId: user.id, reason: "Invoice 7" },
      { branchId: branch.id, variantId: v40, quantity: 3, type: "PURCHASE", userId: user.id },
      { branchId: branch.id, variantId: v41, quantity: -2, type: "ADJUSTMENT", reason: "Broken box" },
    ]);

    expect(applied.map((change) => [change.variantId, change.quantity, change.balanceAfter])).toEqual([
      [v41, 5, 5],
      [v40, 3, 3],
      [v41, -2, 3],
    ]);
    expect(await level(t.db, branch.id, v40)).toBe(3);
    expect(await level(t.db, branch.id, v41)).toBe(3);
    const movements = await t.db.inventoryMovement.findMany({
      where: { branchId: branch.id },
      orderBy: { id: "asc" },
      select: { variantId: true, quantity: true, balanceAfter: true, type: true, reason: true, userId: true },
    });
    expect(movements).toEqual([
      { variantId: v41, quantity: 5, balanceAfter: 5, type: "PURCHASE", reason: "Invoice 7", userId: user.id },
      { variantId: v40, quantity: 3, balanceAfter: 3, type: "PURCHASE", reason: null, userId: user.id },
      { variantId: v41, quantity: -2, balanceAfter: 3, type: "ADJUSTMENT", reason: "Broken box", userId: null },
    ]);
    expect(await ledgerProblems(t.db)).toEqual([]);
  });

  it("refuses a decrement below zero with who, what and where, and writes nothing at all", async () => {
    const branch = await createBranch(t.db, "Centro");
    const { variants } = await createSizedProduct(t.db, { name: "Runner", sizes: ["41", "42"] });
    const [v41, v42] = variants.map((v) => v.id) as [number, number];
    await seedStock(t.db, branch.id, { [v41]: 10, [v42]: 2 });
    const before = await counts(t.db);

    const error = await apply([
      { branchId: branch.id, variantId: v41, quantity: -4, type: "SALE" },
      { branchId: branch.id, variantId: v42, quantity: -3, type: "SALE" },
    ]).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: "OUT_OF_STOCK",
      message: "Only 2 left of Runner 42 at Centro; 3 requested.",
      details: { branchId: branch.id, variantId: v42, available: 2, requested: 3 },
    });
    expect(await counts(t.db)).toEqual(before);
  });

  it("says there is none left when the branch never had the item", async () => {
    const branch = await createBranch(t.db, "Norte");
    const { variants } = await createSizedProduct(t.db, { name: "Cap", sizes: [null] });
    const variantId = variants[0]?.id ?? 0;
    await expect(apply([{ branchId: branch.id, variantId, quantity: -1, type: "SALE" }])).rejects.toMatchObject({
      code: "OUT_OF_STOCK",
      message: "No Cap left at Norte.",
    });
    expect(await t.db.stockLevel.count({ where: { branchId: branch.id } })).toBe(0);
  });

  it("lets offline sync go below zero when asked, still through a movement", async () => {
    const branch = await createBranch(t.db);
    const { variants } = await createSizedProduct(t.db, { sizes: [null] });
    const variantId = variants[0]?.id ?? 0;
    const [applied] = await apply([{ branchId: branch.id, variantId, quantity: -2, type: "SALE" }], {
      allowNegative: true,
    });
    expect(applied?.balanceAfter).toBe(-2);
    expect(await level(t.db, branch.id, variantId)).toBe(-2);
    // The ledger still balances; only the "never negative" part of the check applies to live stock.
    expect((await ledgerProblems(t.db)).filter((p) => !p.problem.startsWith("negative"))).toEqual([]);
    await apply([{ branchId: branch.id, variantId, quantity: 2, type: "PURCHASE" }]);
  });

  it("refuses a zero or fractional change, an unknown item and an unknown branch", async () => {
    const branch = await createBranch(t.db);
    const { variants } = await createSizedProduct(t.db, { sizes: [null] });
    const variantId = variants[0]?.id ?? 0;
    const before = await counts(t.db);
    expect(await codeOf(apply([{ branchId: branch.id, variantId, quantity: 0, type: "ADJUSTMENT" }]))).toBe(
      "BAD_REQUEST",
    );
    expect(await codeOf(apply([{ branchId: branch.id, variantId, quantity: 1.5, type: "ADJUSTMENT" }]))).toBe(
      "BAD_REQUEST",
    );
    expect(await codeOf(apply([{ branchId: branch.id, variantId: 999_999, quantity: 1, type: "PURCHASE" }]))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(apply([{ branchId: 999_999, variantId, quantity: 1, type: "PURCHASE" }]))).toBe("NOT_FOUND");
    expect(await counts(t.db)).toEqual(before);
  });

  it("lets exactly as many of 20 concurrent single-unit decrements succeed as there is stock", async () => {
    const branch = await createBranch(t.db);
    const { variants } = await createSizedProduct(t.db, { sizes: [null] });
    const variantId = variants[0]?.id ?? 0;
    await seedStock(t.db, branch.id, { [variantId]: 5 });

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => apply([{ branchId: branch.id, variantId, quantity: -1, type: "SALE" }])),
    );

    const refused = results.filter((result) => result.status === "rejected");
    expect(results.length - refused.length).toBe(5);
    for (const result of refused) expect(result.reason).toMatchObject({ code: "OUT_OF_STOCK" });
    expect(await level(t.db, branch.id, variantId)).toBe(0);
    expect(await t.db.inventoryMovement.count({ where: { branchId: branch.id, type: "SALE" } })).toBe(5);
    const balances = await t.db.inventoryMovement.findMany({
      where: { branchId: branch.id, type: "SALE" },
      orderBy: { id: "asc" },
      select: { balanceAfter: true },
    });
    expect(balances.map((m) => m.balanceAfter)).toEqual([4, 3, 2, 1, 0]);
    expect(await ledgerProblems(t.db)).toEqual([]);
  });

  it("does not deadlock when multi-line changes touch the same rows in opposite orders", async () => {
    const branch = await createBranch(t.db);
    const { variants } = await createSizedProduct(t.db, { sizes: ["S", "M", "L"] });
    const ids = variants.map((v) => v.id);
    await seedStock(t.db, branch.id, Object.fromEntries(ids.map((id) => [id, 100])));
    const lines = (order: number[], quantity: number) =>
      order.map((variantId) => ({ branchId: branch.id, variantId, quantity, type: "ADJUSTMENT" as const }));

    await Promise.all(
      Array.from({ length: 12 }, (_, i) => apply(i % 2 === 0 ? lines(ids, -1) : lines([...ids].reverse(), 1))),
    );

    for (const id of ids) expect(await level(t.db, branch.id, id)).toBe(100);
    expect(await ledgerProblems(t.db)).toEqual([]);
  });

  it("locks levels for a count, creating missing ones at zero without a movement", async () => {
    const branch = await createBranch(t.db);
    const { variants } = await createSizedProduct(t.db, { sizes: ["S", "M"] });
    const [s, m] = variants.map((v) => v.id) as [number, number];
    await seedStock(t.db, branch.id, { [s]: 4 });
    const onHand = await inStockTransaction(t.db, (tx) => lockStockLevels(tx, branch.id, [m, s]));
    expect(Object.fromEntries(onHand)).toEqual({ [s]: 4, [m]: 0 });
    expect(await t.db.inventoryMovement.count({ where: { branchId: branch.id, variantId: m } })).toBe(0);
    expect(await ledgerProblems(t.db)).toEqual([]);
  });
});

describe("announceStockChanges", () => {
  it("publishes one batched stock.changed with each pair's final level, and stock.low on crossing the minimum", async () => {
    const branch = await createBranch(t.db);
    const { product, variants } = await createSizedProduct(t.db, { sizes: ["S", "M"], minStock: 2 });
    const [s, m] = variants.map((v) => v.id) as [number, number];
    await seedStock(t.db, branch.id, { [s]: 5, [m]: 1 });
    const { bus, published } = recordingBus();

    await inStockTransaction(t.db, async (tx) => {
      const applied = await applyStockChanges(tx, [
        { branchId: branch.id, variantId: s, quantity: -2, type: "SALE" },
        { branchId: branch.id, variantId: m, quantity: -1, type: "SALE" },
        { branchId: branch.id, variantId: s, quantity: -1, type: "SALE" },
      ]);
      await announceStockChanges(tx, bus, applied);
    });

    expect(published).toEqual([
      {
        topic: "stock.changed",
        data: {
          changes: [
            { branchId: branch.id, variantId: s, quantity: 2, productId: product.id },
            { branchId: branch.id, variantId: m, quantity: 0, productId: product.id },
          ],
        },
      },
      // M was already below its minimum (1 ≤ 2): no second alert for the same dip.
      { topic: "stock.low", data: { branchId: branch.id, variantId: s, quantity: 2, minStock: 2 } },
    ]);
  });

  it("reaches subscribers of a real bus", async () => {
    const branch = await createBranch(t.db);
    const { variants } = await createSizedProduct(t.db, { sizes: [null] });
    const variantId = variants[0]?.id ?? 0;
    const bus = createEventBus();
    const subscription = bus.subscribe({ topics: ["stock.changed"] });
    await inStockTransaction(t.db, async (tx) =>
      announceStockChanges(
        tx,
        bus,
        await applyStockChanges(tx, [{ branchId: branch.id, variantId, quantity: 3, type: "PURCHASE" }]),
      ),
    );
    const items = await takeItems(subscription[Symbol.asyncIterator](), 1);
    expect(dataOf(items)).toEqual([{ changes: [expect.objectContaining({ variantId, quantity: 3 })] }]);
    await bus.close();
  });
});
