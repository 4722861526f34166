// What the back office's inventory, category and label pages ask of the API beyond plain CRUD: the ledger's
// text filters, a count seen in the ledger, product counts in the category tree, and a generated barcode.
import { useTestDb } from "@pos/db/testing";
import { isValidEan13 } from "@pos/validators";
import { describe, expect, it } from "vitest";
import { callerFor, catalogSnapshot, createProduct } from "../../test/catalog.ts";
import { createBranch } from "../../test/factories.ts";
import { createSizedProduct, seedStock } from "../../test/stock.ts";

const t = useTestDb();

describe("inventory.ledger filters", () => {
  it("finds movements by SKU, product name or exact barcode, and by reason, and a count shows up with its reason", async () => {
    const manager = await callerFor(t.db, "MANAGER");
    const branch = await createBranch(t.db);
    const runner = await createSizedProduct(t.db, { name: "Zapatilla Filtro", sizes: ["40", "41"] });
    const other = await createSizedProduct(t.db, { name: "Otra Cosa", sizes: [null] });
    const [v40, v41] = runner.variants;
    const [single] = other.variants;
    if (!v40 || !v41 || !single) throw new Error("fixture variants missing");
    await seedStock(t.db, branch.id, { [v40.id]: 5, [v41.id]: 2, [single.id]: 9 });

    const counted = await manager.inventory.count({
      branchId: branch.id,
      lines: [
        { variantId: v40.id, counted: 3 },
        { variantId: v41.id, counted: 2 },
      ],
      reason: "Conteo de diciembre",
    });
    expect(counted.lines.map((line) => line.difference)).toEqual([-2, 0]);

    const byName = await manager.inventory.ledger({ branchId: branch.id, search: "filtro" });
    expect(new Set(byName.items.map((item) => item.variant.product.id))).toEqual(new Set([runner.product.id]));
    const bySku = await manager.inventory.ledger({ branchId: branch.id, search: v41.sku.toLowerCase() });
    expect(bySku.items.map((item) => item.variant.id)).toEqual([v41.id]);
    const byBarcode = await manager.inventory.ledger({ branchId: branch.id, search: single.barcode });
    expect(byBarcode.items.map((item) => item.variant.id)).toEqual([single.id]);
    expect((await manager.inventory.ledger({ branchId: branch.id, search: single.barcode.slice(0, 6) })).items).toEqual(
      [],
    );

    const byReason = await manager.inventory.ledger({ branchId: branch.id, reason: "conteo" });
    expect(byReason.items).toHaveLength(1);
    expect(byReason.items[0]).toMatchObject({
      type: "ADJUSTMENT",
      quantity: -2,
      balanceAfter: 3,
      reason: "Conteo de diciembre",
      variant: { id: v40.id },
    });
    // Filters combine: the product and a search that names the other product find nothing.
    const both = await manager.inventory.ledger({ productId: runner.product.id, search: "Otra Cosa" });
    expect(both.items).toEqual([]);
  });

  it("refuses an over-long search, and keeps cashiers out of the ledger", async () => {
    const manager = await callerFor(t.db, "MANAGER");
    await expect(manager.inventory.ledger({ search: "x".repeat(101) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const cashier = await callerFor(t.db, "CASHIER");
    await expect(cashier.inventory.ledger({ search: "a" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("categories.tree product counts", () => {
  it("counts the products filed directly under each category", async () => {
    const manager = await callerFor(t.db, "MANAGER");
    const parent = await manager.categories.create({ name: "Con conteo" });
    const child = await manager.categories.create({ name: "Hija con conteo", parentId: parent.id });
    await createProduct(t.db, { categoryId: child.id });
    await createProduct(t.db, { categoryId: child.id });
    await createProduct(t.db, { categoryId: parent.id });
    const node = (await manager.categories.tree()).find((root) => root.id === parent.id);
    expect(node?.productCount).toBe(1);
    expect(node?.children.map((c) => [c.id, c.productCount])).toEqual([[child.id, 2]]);
  });
});

describe("products.suggestBarcode", () => {
  it("offers a valid, unused in-store EAN-13 that skips the codes the form holds, and saves nothing", async () => {
    const manager = await callerFor(t.db, "MANAGER");
    const product = await createProduct(t.db, { sizeSystem: "CLOTHING" });
    const used = new Set(product.variants.map((variant) => variant.barcode));
    const before = await catalogSnapshot(t.db);

    const first = await manager.products.suggestBarcode({ productId: product.id });
    expect(isValidEan13(first.barcode)).toBe(true);
    expect(first.barcode.startsWith("20")).toBe(true);
    expect(used.has(first.barcode)).toBe(false);
    const second = await manager.products.suggestBarcode({ productId: product.id, taken: [first.barcode] });
    expect(isValidEan13(second.barcode)).toBe(true);
    expect(second.barcode).not.toBe(first.barcode);
    expect(used.has(second.barcode)).toBe(false);
    expect(await catalogSnapshot(t.db)).toBe(before);

    // The suggested code is accepted by a normal update of one variant.
    const [variant] = product.variants;
    if (!variant) throw new Error("fixture variant missing");
    const updated = await manager.products.update({
      id: product.id,
      variants: [{ id: variant.id, sizeLabel: variant.sizeLabel, barcode: first.barcode }],
    });
    expect(updated.variants.find((v) => v.id === variant.id)?.barcode).toBe(first.barcode);
  });

  it("answers NOT_FOUND for a missing product and refuses cashiers and anonymous callers", async () => {
    const manager = await callerFor(t.db, "MANAGER");
    await expect(manager.products.suggestBarcode({ productId: 999_999 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const product = await createProduct(t.db);
    const cashier = await callerFor(t.db, "CASHIER");
    await expect(cashier.products.suggestBarcode({ productId: product.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const nobody = await callerFor(t.db, "ANONYMOUS");
    await expect(nobody.products.suggestBarcode({ productId: product.id })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    const admin = await callerFor(t.db, "ADMIN");
    await expect(admin.products.suggestBarcode({ productId: product.id })).resolves.toHaveProperty("barcode");
  });
});
