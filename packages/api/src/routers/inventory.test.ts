import { useTestDb } from "@pos/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, as, createBranch, createUser } from "../../test/factories.ts";
import { codeOf, counts, createSizedProduct, level, seedStock } from "../../test/stock.ts";
import { createCaller } from "../index.ts";

const t = useTestDb();

let world: Awaited<ReturnType<typeof makeWorld>>;

async function makeWorld() {
  const branchA = await createBranch(t.db);
  const branchB = await createBranch(t.db);
  const { product, variants } = await createSizedProduct(t.db, { sizes: ["S", "M"], minStock: 3 });
  const [s, m] = variants.map((v) => v.id) as [number, number];
  await seedStock(t.db, branchA.id, { [s]: 2, [m]: 10 });
  await seedStock(t.db, branchB.id, { [s]: 7 });
  const users = {
    cashierA: await createUser(t.db, "CASHIER", { branchId: branchA.id }),
    manager: await createUser(t.db, "MANAGER"),
    admin: await createUser(t.db, "ADMIN"),
  };
  const callers = {
    anonymous: createCaller(anonymous(t.db)),
    cashierA: createCaller(as(t.db, users.cashierA)),
    manager: createCaller(as(t.db, users.manager)),
    admin: createCaller(as(t.db, users.admin)),
  };
  return { branchA, branchB, product, s, m, users, callers };
}

beforeAll(async () => {
  world = await makeWorld();
});

describe("inventory reads: staff, branch-scoped for cashiers", () => {
  it("lets a cashier read their own branch's stock and low stock, and refuses another branch (FORBIDDEN)", async () => {
    const { callers, branchA, branchB, s } = world;
    const own = await callers.cashierA.inventory.byBranch({ branchId: branchA.id });
    expect(own.items.find((item) => item.id === s)?.quantity).toBe(2);
    expect((await callers.cashierA.inventory.lowStock({ branchId: branchA.id })).map((row) => row.variantId)).toEqual([
      s,
    ]);
    expect(await codeOf(callers.cashierA.inventory.byBranch({ branchId: branchB.id }))).toBe("FORBIDDEN");
    expect(await codeOf(callers.cashierA.inventory.lowStock({ branchId: branchB.id }))).toBe("FORBIDDEN");
    expect(await codeOf(callers.cashierA.inventory.grid({ productId: world.product.id, branchId: branchB.id }))).toBe(
      "FORBIDDEN",
    );
  });

  it("gives a cashier's grid only their branch's column, and managers every branch", async () => {
    const { callers, branchA, branchB, product } = world;
    const cashierGrid = await callers.cashierA.inventory.grid({ productId: product.id });
    expect(cashierGrid.branches.map((branch) => branch.id)).toEqual([branchA.id]);
    expect(cashierGrid.rows.map((row) => row.quantities)).toEqual([[2], [10]]);
    const managerGrid = await callers.manager.inventory.grid({ productId: product.id });
    expect(managerGrid.branches.map((branch) => branch.id)).toEqual([branchA.id, branchB.id]);
    expect(managerGrid.rows.map((row) => row.quantities)).toEqual([
      [2, 7],
      [10, 0],
    ]);
    expect((await callers.admin.inventory.byBranch({ branchId: branchB.id })).items.length).toBeGreaterThan(0);
  });

  it("refuses anonymous callers (UNAUTHORIZED) and unknown branches or products (NOT_FOUND)", async () => {
    const { callers, branchA, product } = world;
    expect(await codeOf(callers.anonymous.inventory.byBranch({ branchId: branchA.id }))).toBe("UNAUTHORIZED");
    expect(await codeOf(callers.anonymous.inventory.grid({ productId: product.id }))).toBe("UNAUTHORIZED");
    expect(await codeOf(callers.anonymous.inventory.lowStock({ branchId: branchA.id }))).toBe("UNAUTHORIZED");
    expect(await codeOf(callers.manager.inventory.byBranch({ branchId: 999_999 }))).toBe("NOT_FOUND");
    expect(await codeOf(callers.manager.inventory.grid({ productId: 999_999 }))).toBe("NOT_FOUND");
  });
});

describe("inventory changes and the ledger: managers and admins", () => {
  it.each([
    ["anonymous", "UNAUTHORIZED"],
    ["cashierA", "FORBIDDEN"],
    ["manager", "OK"],
    ["admin", "OK"],
  ] as const)("%s → %s on ledger, adjust and count", async (who, expected) => {
    const { callers, branchA, m } = world;
    const caller = callers[who];
    const before = await level(t.db, branchA.id, m);
    const results = [
      await codeOf(caller.inventory.ledger({ branchId: branchA.id })),
      await codeOf(caller.inventory.adjust({ branchId: branchA.id, variantId: m, quantity: 1, reason: "Found one" })),
      await codeOf(caller.inventory.count({ branchId: branchA.id, lines: [{ variantId: m, counted: before + 1 }] })),
    ];
    expect(results).toEqual([expected, expected, expected]);
    // Only the allowed callers changed anything: +1 by the adjustment, then the count confirms it (no movement).
    expect(await level(t.db, branchA.id, m)).toBe(expected === "OK" ? before + 1 : before);
  });

  it("returns the adjustment and shows it in the ledger", async () => {
    const { callers, branchA, s } = world;
    const result = await callers.manager.inventory.adjust({
      branchId: branchA.id,
      variantId: s,
      quantity: 3,
      reason: "Supplier extra",
    });
    expect(result).toMatchObject({ variantId: s, quantity: 3 });
    const ledger = await callers.manager.inventory.ledger({ variantId: s, type: "ADJUSTMENT", limit: 1 });
    expect(ledger.items[0]).toMatchObject({ quantity: 3, reason: "Supplier extra", balanceAfter: result.balanceAfter });
  });

  it("refuses bad input with BAD_REQUEST or NOT_FOUND and changes nothing", async () => {
    const { callers, branchA, s } = world;
    const before = await counts(t.db);
    const refusals = [
      await codeOf(
        callers.manager.inventory.adjust({ branchId: branchA.id, variantId: s, quantity: 0, reason: "None" }),
      ),
      await codeOf(
        callers.manager.inventory.adjust({ branchId: branchA.id, variantId: s, quantity: 1.5, reason: "Half" }),
      ),
      await codeOf(callers.manager.inventory.adjust({ branchId: branchA.id, variantId: s, quantity: 1, reason: " " })),
      await codeOf(callers.manager.inventory.count({ branchId: branchA.id, lines: [{ variantId: s, counted: -1 }] })),
      await codeOf(callers.manager.inventory.count({ branchId: branchA.id, lines: [] })),
      await codeOf(
        callers.manager.inventory.count({
          branchId: branchA.id,
          lines: [
            { variantId: s, counted: 1 },
            { variantId: s, counted: 2 },
          ],
        }),
      ),
      await codeOf(callers.manager.inventory.ledger({ from: new Date(2026, 5, 2), to: new Date(2026, 5, 1) })),
      await codeOf(
        callers.manager.inventory.adjust({ branchId: branchA.id, variantId: 999_999, quantity: 1, reason: "Ghost" }),
      ),
      await codeOf(callers.manager.inventory.adjust({ branchId: 999_999, variantId: s, quantity: 1, reason: "Ghost" })),
      await codeOf(
        callers.manager.inventory.adjust({ branchId: branchA.id, variantId: s, quantity: -1000, reason: "Too many" }),
      ),
    ];
    expect(refusals).toEqual([
      "BAD_REQUEST",
      "BAD_REQUEST",
      "BAD_REQUEST",
      "BAD_REQUEST",
      "BAD_REQUEST",
      "BAD_REQUEST",
      "BAD_REQUEST",
      "NOT_FOUND",
      "NOT_FOUND",
      "CONFLICT",
    ]);
    expect(await counts(t.db)).toEqual(before);
  });
});
