import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { CLOTHING_SIZES, SHOE_SIZES, isValidEan13 } from "@pos/validators";
import { callerFor, catalogSnapshot, createCategory, createProduct } from "../../test/catalog.ts";

const t = useTestDb();

/** What actually crosses the wire to the client. */
const wire = (value: unknown) => JSON.stringify(superjson.serialize(value).json);

describe("products.create", () => {
  it("makes one variant per size with unique SKUs and valid EAN-13 barcodes", async () => {
    const shirt = await createProduct(t.db, { name: "Remera Dry", sizeSystem: "CLOTHING" });
    expect(shirt.variants.map((v) => v.sizeLabel)).toEqual([...CLOTHING_SIZES]);
    expect(shirt.variants.map((v) => v.sku)).toEqual(
      CLOTHING_SIZES.map((s) => `REM-${String(shirt.id).padStart(4, "0")}-${s}`),
    );
    const shoe = await createProduct(t.db, { name: "Zapatilla Trail", sizeSystem: "SHOES" });
    expect(shoe.variants.map((v) => v.sizeLabel)).toEqual([...SHOE_SIZES]);
    const all = [...shirt.variants, ...shoe.variants];
    expect(new Set(all.map((v) => v.sku)).size).toBe(all.length);
    expect(new Set(all.map((v) => v.barcode)).size).toBe(all.length);
    expect(all.every((v) => isValidEan13(v.barcode))).toBe(true);
    expect(shirt.slug).toBe("remera-dry");
  });

  it("gives a product without sizes exactly one variant, and suffixes a repeated slug", async () => {
    const cap = await createProduct(t.db, { name: "Gorra Ñandú" });
    const again = await createProduct(t.db, { name: "Gorra Ñandú" });
    expect(cap.variants).toEqual([expect.objectContaining({ sizeLabel: null, priceOverride: null })]);
    expect([cap.slug, again.slug]).toEqual(["gorra-nandu", "gorra-nandu-2"]);
  });

  it("keeps given codes and price overrides, normalising money to two decimals", async () => {
    const product = await createProduct(t.db, {
      name: "Short Custom",
      price: "12000",
      sizeSystem: "CUSTOM",
      customSizes: ["Único", "Niño"],
      variants: [
        { sizeLabel: "Niño", sku: "sho-kid", barcode: "7790000000010", priceOverride: "9999.5" },
        { sizeLabel: "Único" },
      ],
    });
    expect(product.price).toBe("12000.00");
    expect(product.variants.map((v) => [v.sizeLabel, v.sku, v.barcode, v.priceOverride])).toEqual([
      ["Único", expect.stringMatching(/^SHO-\d{4}-UNICO$/), expect.any(String), null],
      ["Niño", "SHO-KID", "7790000000010", "9999.50"],
    ]);
  });

  it("refuses a duplicate barcode or SKU with CONFLICT naming the holder, and writes nothing", async () => {
    const first = await createProduct(t.db, { name: "Remera Base", sizeSystem: "CLOTHING" });
    const taken = first.variants[2];
    if (!taken) throw new Error("fixture has no size L");
    const manager = await callerFor(t.db, "MANAGER");
    const categoryId = first.categoryId;
    const before = await catalogSnapshot(t.db);
    const base = { name: "Otra", price: "100", cost: "50", categoryId };
    await expect(
      manager.products.create({ ...base, variants: [{ sizeLabel: null, barcode: taken.barcode }] }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: `Barcode ${taken.barcode} is already used by ${taken.sku}. Use another code.`,
    });
    await expect(
      manager.products.create({ ...base, variants: [{ sizeLabel: null, sku: taken.sku.toLowerCase() }] }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: `SKU ${taken.sku} is already used by ${taken.sku}. Use another code.`,
    });
    expect(await catalogSnapshot(t.db)).toBe(before);
    const other = await createProduct(t.db, { name: "Media" });
    const snapshot = await catalogSnapshot(t.db);
    const otherVariant = other.variants[0];
    await expect(
      manager.products.update({
        id: other.id,
        price: "1.00",
        variants: [{ id: otherVariant?.id, sizeLabel: null, barcode: taken.barcode }],
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await catalogSnapshot(t.db)).toBe(snapshot);
  });
});

describe("products.update and archive", () => {
  it("writes a product.price_changed audit event with old and new amounts", async () => {
    const product = await createProduct(t.db, { name: "Buzo Frizado", sizeSystem: "CLOTHING", price: "30000" });
    const medium = product.variants.find((v) => v.sizeLabel === "M");
    const manager = await callerFor(t.db, "MANAGER");
    const updated = await manager.products.update({
      id: product.id,
      price: "32500.5",
      variants: [{ id: medium?.id, sizeLabel: "M", priceOverride: "31000" }],
    });
    expect(updated.price).toBe("32500.50");
    expect(updated.variants.find((v) => v.sizeLabel === "M")?.priceOverride).toBe("31000.00");
    const events = await t.db.auditEvent.findMany({ where: { entity: "Product", entityId: String(product.id) } });
    expect(events).toEqual([
      expect.objectContaining({
        action: "product.price_changed",
        data: {
          old: { price: "30000.00", [`priceOverride:${medium?.sku}`]: null },
          new: { price: "32500.50", [`priceOverride:${medium?.sku}`]: "31000.00" },
        },
      }),
    ]);
    await manager.products.update({ id: product.id, name: "Buzo Frizado Pro", price: "32500.50" });
    expect(await t.db.auditEvent.count({ where: { entityId: String(product.id) } })).toBe(1);
  });

  it("follows a change of size system: old sizes retired, new ones generated", async () => {
    const product = await createProduct(t.db, { name: "Calza", sizeSystem: "CLOTHING" });
    const manager = await callerFor(t.db, "MANAGER");
    const updated = await manager.products.update({ id: product.id, sizeSystem: "CUSTOM", customSizes: ["S", "XS"] });
    expect(updated.variants.filter((v) => v.active).map((v) => v.sizeLabel)).toEqual(["S", "XS"]);
    expect(updated.variants).toHaveLength(6);
  });

  it("adds and retires variants on request, and keeps sizes inside the size system", async () => {
    const product = await createProduct(t.db, { name: "Pantalón", sizeSystem: "CUSTOM", customSizes: ["38", "40"] });
    const manager = await callerFor(t.db, "MANAGER");
    const [small] = product.variants;
    const grown = await manager.products.update({
      id: product.id,
      customSizes: ["38", "40", "42"],
      variants: [{ sizeLabel: "42" }, { id: small?.id, sizeLabel: "38", active: false }],
    });
    expect(grown.variants.map((v) => [v.sizeLabel, v.active])).toEqual([
      ["38", false],
      ["40", true],
      ["42", true],
    ]);
    expect(grown.variants[2]?.sku).toBe(`PAN-${String(product.id).padStart(4, "0")}-42`);
    // The whole form sent back with unchanged sizing leaves the retired size retired.
    const again = await manager.products.update({
      id: product.id,
      sizeSystem: "CUSTOM",
      customSizes: ["38", "40", "42"],
    });
    expect(again.variants.map((v) => v.active)).toEqual([false, true, true]);
    const cap = await createProduct(t.db, { name: "Vincha" });
    await expect(manager.products.update({ id: cap.id, variants: [{ sizeLabel: "M" }] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      manager.products.update({ id: cap.id, variants: [{ id: small?.id, sizeLabel: null }] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("archives without deleting", async () => {
    const product = await createProduct(t.db);
    const manager = await callerFor(t.db, "MANAGER");
    expect((await manager.products.archive({ id: product.id })).active).toBe(false);
    expect(await t.db.variant.count({ where: { productId: product.id } })).toBe(1);
  });
});

describe("cost visibility", () => {
  it("serialises cost for managers and admins, never for cashiers", async () => {
    const product = await createProduct(t.db, { name: "Campera", cost: "41357" });
    for (const role of ["MANAGER", "ADMIN"] as const) {
      const caller = await callerFor(t.db, role);
      expect(wire(await caller.products.get({ id: product.id }))).toContain('"cost":"41357.00"');
    }
    const cashier = await callerFor(t.db, "CASHIER");
    const code = product.variants[0]?.barcode ?? "";
    for (const answer of [
      await cashier.products.get({ id: product.id }),
      await cashier.products.list({}),
      await cashier.products.lookup({ code }),
      await cashier.products.search({ q: "Campera" }),
    ]) {
      expect(wire(answer)).not.toContain("cost");
      expect(wire(answer)).not.toContain("41357");
    }
  });
});

describe("roles", () => {
  it("lets staff read, only managers and admins write, nobody anonymous", async () => {
    const product = await createProduct(t.db, { name: "Mochila" });
    const categoryId = product.categoryId;
    const code = product.variants[0]?.barcode ?? "";
    type Caller = Awaited<ReturnType<typeof callerFor>>;
    // Thunks, so each call starts only when awaited and no refusal goes unobserved.
    const reads = (c: Caller) => [
      () => c.products.list({}),
      () => c.products.get({ id: product.id }),
      () => c.products.lookup({ code }),
      () => c.products.search({ q: "mochila" }),
    ];
    const writes = (c: Caller) => [
      () => c.products.create({ name: "Nuevo", price: "1", cost: "1", categoryId }),
      () => c.products.update({ id: product.id, description: "x" }),
      () => c.products.archive({ id: product.id }),
    ];
    const nobody = await callerFor(t.db, "ANONYMOUS");
    for (const call of [...reads(nobody), ...writes(nobody)]) {
      await expect(call()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
    const cashier = await callerFor(t.db, "CASHIER");
    for (const call of reads(cashier)) await expect(call()).resolves.toBeTruthy();
    for (const call of writes(cashier)) await expect(call()).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const role of ["MANAGER", "ADMIN"] as const) {
      const caller = await callerFor(t.db, role);
      for (const call of [...reads(caller), ...writes(caller)]) await expect(call()).resolves.toBeTruthy();
    }
  });
});

describe("bad input", () => {
  it("refuses malformed money, empty names, impossible sizes and unknown categories, writing nothing", async () => {
    const category = await createCategory(t.db);
    const manager = await callerFor(t.db, "MANAGER");
    const base = { name: "Pelota", price: "100", cost: "50", categoryId: category.id };
    const before = await catalogSnapshot(t.db);
    for (const bad of [
      { price: "12.345" },
      { price: "-5" },
      { price: "0" },
      { cost: "1e3" },
      { name: "   " },
      { sizeSystem: "CLOTHING" as const, variants: [{ sizeLabel: "42" }] },
      { sizeSystem: "CUSTOM" as const },
      { variants: [{ sizeLabel: null, barcode: "7790000000017" }] },
    ]) {
      await expect(manager.products.create({ ...base, ...bad })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(manager.products.create({ ...base, categoryId: 999_999 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(manager.products.update({ id: 999_999, price: "1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await catalogSnapshot(t.db)).toBe(before);
  });
});
