// The register's setup and catalog on the real database: the store's terms and methods, and the catalog pages
// a register keeps in memory (sellable variants only, this branch's stock, prices with overrides).
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { createCaller } from "../index.ts";
import { anonymous, as, codeOf, createBranch, createUser } from "../../test/factories.ts";
import { configureStore, createPaymentMethods } from "../../test/checkout.ts";
import { createSizedProduct, seedStock } from "../../test/stock.ts";

const t = useTestDb();

let branchId: number;
let otherBranchId: number;
let cashier: ReturnType<typeof createCaller>;

beforeEach(async () => {
  const db = t.db;
  [branchId, otherBranchId] = [(await createBranch(db)).id, (await createBranch(db)).id];
  cashier = createCaller(as(db, await createUser(db, "CASHIER", { branchId })));
});

describe("register.setup", () => {
  it("gives the store's selling terms and the active methods with their installment plans", async () => {
    await configureStore(t.db, { pricesIncludeTax: false, cashierMaxDiscountPercent: "15" });
    const methods = await createPaymentMethods(t.db);
    await t.db.paymentMethodConfig.update({ where: { id: methods.debit }, data: { active: false } });

    const setup = await cashier.register.setup({ branchId });

    expect(setup.branch.id).toBe(branchId);
    expect(setup.store).toMatchObject({
      name: "Deportes Test",
      pricesIncludeTax: false,
      cashierMaxDiscountPercent: "15.00",
    });
    expect(setup.paymentMethods.map((method) => method.id)).toEqual([methods.cash, methods.credit]);
    expect(setup.paymentMethods[0]).toMatchObject({ adjustmentPercent: "-10.00", plans: [] });
    expect(setup.paymentMethods[1]?.plans).toEqual([
      { installments: 1, surchargePercent: "0.00" },
      { installments: 3, surchargePercent: "10.00" },
      { installments: 6, surchargePercent: "20.00" },
    ]);
  });

  it("refuses another branch to a cashier", async () => {
    expect(await codeOf(cashier.register.setup({ branchId: otherBranchId }))).toBe("FORBIDDEN");
  });
});

describe("register.catalog", () => {
  it("pages through sellable variants with this branch's stock and each variant's own price", async () => {
    const shoe = await createSizedProduct(t.db, { sizes: ["40", "41", "42"] });
    const archived = await createSizedProduct(t.db, { sizes: ["S"], active: false });
    const [v40, v41, v42] = shoe.variants.map((variant) => variant.id);
    await t.db.variant.update({ where: { id: v41 ?? 0 }, data: { priceOverride: "99999.99" } });
    await t.db.variant.update({ where: { id: v42 ?? 0 }, data: { active: false } });
    await seedStock(t.db, branchId, { [v40 ?? 0]: 4 });
    await seedStock(t.db, otherBranchId, { [v40 ?? 0]: 9, [v41 ?? 0]: 7 });

    const first = await cashier.register.catalog({ branchId, limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.nextAfterId).toBe(v40);
    const second = await cashier.register.catalog({ branchId, afterId: first.nextAfterId ?? 0, limit: 1 });
    const rest = await cashier.register.catalog({ branchId, afterId: second.nextAfterId ?? 0, limit: 1 });
    expect(rest).toEqual({ items: [], nextAfterId: null });

    const items = [...first.items, ...second.items];
    expect(items.map((item) => [item.variantId, item.stock])).toEqual([
      [v40, 4],
      [v41, 0],
    ]);
    expect(items[0]?.price).toBe(shoe.product.price.toFixed(2));
    expect(items[1]).toMatchObject({ price: "99999.99", sizeLabel: "41", productId: shoe.product.id });
    expect(items.some((item) => item.productId === archived.product.id)).toBe(false);
  });

  it("refuses another branch to a cashier and a page larger than the limit", async () => {
    expect(await codeOf(cashier.register.catalog({ branchId: otherBranchId }))).toBe("FORBIDDEN");
    expect(await codeOf(cashier.register.catalog({ branchId, limit: 5000 }))).toBe("BAD_REQUEST");
  });
});

describe("register.elsewhere", () => {
  it("lists the other active branches holding each size, most first, never this branch or empty shelves", async () => {
    const shoe = await createSizedProduct(t.db, { sizes: ["40", "41", "42"] });
    const [v40, v41, v42] = shoe.variants.map((variant) => variant.id);
    const third = await createBranch(t.db, "Centro");
    const closed = await createBranch(t.db, "Cerrada");
    await t.db.branch.update({ where: { id: closed.id }, data: { active: false } });
    await seedStock(t.db, branchId, { [v40 ?? 0]: 5 });
    await seedStock(t.db, otherBranchId, { [v40 ?? 0]: 1, [v41 ?? 0]: 0 });
    await seedStock(t.db, third.id, { [v40 ?? 0]: 3, [v42 ?? 0]: 2 });
    await seedStock(t.db, closed.id, { [v41 ?? 0]: 8 });

    const rows = await cashier.register.elsewhere({ branchId, productId: shoe.product.id });

    expect(rows.map((row) => [row.variantId, row.branchId, row.quantity])).toEqual([
      [v40, third.id, 3],
      [v40, otherBranchId, 1],
      [v42, third.id, 2],
    ]);
    expect(rows[0]?.branchName).toBe("Centro");
  });

  it("is for staff at their own branch only", async () => {
    const shoe = await createSizedProduct(t.db, { sizes: ["40"] });
    const input = { branchId, productId: shoe.product.id };
    expect(await codeOf(createCaller(anonymous(t.db)).register.elsewhere(input))).toBe("UNAUTHORIZED");
    expect(await codeOf(cashier.register.elsewhere({ ...input, branchId: otherBranchId }))).toBe("FORBIDDEN");
    const manager = createCaller(as(t.db, await createUser(t.db, "MANAGER")));
    expect(await manager.register.elsewhere({ ...input, branchId: otherBranchId })).toEqual([]);
  });
});
