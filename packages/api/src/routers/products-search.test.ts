import { describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { callerFor, createCategory, createProduct } from "../../test/catalog.ts";

const t = useTestDb();

describe("products.list", () => {
  it("pages with a cursor, returning each product exactly once, ties on name included", async () => {
    const category = await createCategory(t.db);
    const names = ["Buzo", "Buzo", "Buzo", "Anorak", "Chaleco", "Buzo", "Remera"];
    const created = [];
    for (const name of names) created.push(await createProduct(t.db, { name, categoryId: category.id }));
    const manager = await callerFor(t.db, "MANAGER");
    const seen: number[] = [];
    let cursor: number | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof manager.products.list>> = await manager.products.list({
        categoryId: category.id,
        limit: 3,
        cursor,
      });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(created.length);
    expect(new Set(seen)).toEqual(new Set(created.map((product) => product.id)));
    const first = created[3];
    expect(seen[0]).toBe(first?.id);
  });

  it("filters by category (with subcategories), brand, active, showOnline and text", async () => {
    const shoes = await createCategory(t.db, "Calzado");
    const running = await createCategory(t.db, "Running", shoes.id);
    const other = await createCategory(t.db, "Accesorios");
    const runner = await createProduct(t.db, { name: "Runner Filtro", brand: "Topper", categoryId: running.id });
    const boot = await createProduct(t.db, {
      name: "Bota Filtro",
      brand: "Nike",
      categoryId: shoes.id,
      showOnline: false,
    });
    const sock = await createProduct(t.db, {
      name: "Media Filtro",
      brand: "topper",
      categoryId: other.id,
      active: false,
    });
    const manager = await callerFor(t.db, "MANAGER");
    const ids = async (input: Parameters<typeof manager.products.list>[0]) =>
      (await manager.products.list(input)).items.map((item) => item.id).sort((a, b) => a - b);

    expect(await ids({ categoryId: shoes.id })).toEqual([runner.id, boot.id]);
    expect(await ids({ categoryId: running.id })).toEqual([runner.id]);
    expect(await ids({ q: "filtro", brand: "TOPPER" })).toEqual([runner.id, sock.id]);
    expect(await ids({ q: "filtro", active: false })).toEqual([sock.id]);
    expect(await ids({ q: "filtro", showOnline: false })).toEqual([boot.id]);
    expect(await ids({ q: runner.variants[0]?.sku ?? "" })).toEqual([runner.id]);
    await expect(manager.products.list({ limit: 101 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("products.lookup", () => {
  it("finds a variant by exact barcode or SKU, with its effective price", async () => {
    const product = await createProduct(t.db, { name: "Remera Lookup", sizeSystem: "CLOTHING", price: "20000" });
    const manager = await callerFor(t.db, "MANAGER");
    const medium = product.variants.find((variant) => variant.sizeLabel === "M");
    if (!medium) throw new Error("no M");
    await manager.products.update({
      id: product.id,
      variants: [{ id: medium.id, sizeLabel: "M", priceOverride: "18500" }],
    });
    const cashier = await callerFor(t.db, "CASHIER");

    const byBarcode = await cashier.products.lookup({ code: medium.barcode });
    expect(byBarcode).toMatchObject({
      variant: { id: medium.id, sizeLabel: "M" },
      product: { id: product.id },
      price: "18500.00",
    });
    const large = product.variants.find((variant) => variant.sizeLabel === "L");
    const bySku = await cashier.products.lookup({ code: large?.sku.toLowerCase() ?? "" });
    expect(bySku).toMatchObject({ variant: { id: large?.id }, price: "20000.00" });

    await expect(cashier.products.lookup({ code: medium.barcode.slice(0, 12) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(cashier.products.lookup({ code: "779 OR 1=1" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("products.search", () => {
  it("tolerates typos and ranks an exact name first", async () => {
    const category = await createCategory(t.db);
    const make = (name: string, brand = "") => createProduct(t.db, { name, brand, categoryId: category.id });
    // Sorts before the exact match by name and scores 1.0 by word similarity: only the exact-first rule saves it.
    const pro = await make("Kids Zapatilla Runner");
    const exact = await make("Zapatilla Runner");
    await make("Pelota de Fútbol");
    const cashier = await callerFor(t.db, "CASHIER");

    const typo = await cashier.products.search({ q: "zapatila runer" });
    expect(typo.map((product) => product.id)).toContain(exact.id);
    expect(typo.map((product) => product.name)).not.toContain("Pelota de Fútbol");

    const ranked = await cashier.products.search({ q: "Zapatilla Runner" });
    expect(ranked.map((product) => product.id).slice(0, 2)).toEqual([exact.id, pro.id]);
    expect((await cashier.products.search({ q: "zapatila" })).map((product) => product.id)).toEqual(
      expect.arrayContaining([exact.id, pro.id]),
    );
  });

  it("matches brand and SKU, and leaves archived products out unless asked", async () => {
    const shirt = await createProduct(t.db, { name: "Camiseta Selección", brand: "Adidaz" });
    const manager = await callerFor(t.db, "MANAGER");
    expect((await manager.products.search({ q: "adidas" })).map((p) => p.id)).toEqual([shirt.id]);
    const sku = shirt.variants[0]?.sku ?? "";
    expect((await manager.products.search({ q: sku })).map((p) => p.id)).toContain(shirt.id);
    await manager.products.archive({ id: shirt.id });
    expect(await manager.products.search({ q: "Camiseta Selección" })).toEqual([]);
    expect(
      (await manager.products.search({ q: "Camiseta Selección", includeInactive: true })).map((p) => p.id),
    ).toEqual([shirt.id]);
    await expect(manager.products.search({ q: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(manager.products.search({ q: "x".repeat(101) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
  it("matches typed prefixes, every word, in any order", async () => {
    const category = await createCategory(t.db);
    const make = (name: string, brand = "") => createProduct(t.db, { name, brand, categoryId: category.id });
    const trail = await make("Campera Rompeviento Trail", "Montaña");
    const urban = await make("Campera Rompeviento Urbana");
    await make("Pantalón Trail");
    const cashier = await callerFor(t.db, "CASHIER");
    const ids = async (q: string) => (await cashier.products.search({ q })).map((product) => product.id);

    expect(await ids("rompev")).toEqual([trail.id, urban.id]);
    expect(await ids("campera trail")).toEqual([trail.id]);
    expect(await ids("trail rompeviento")).toEqual([trail.id]);
    expect(await ids("camp romp urb")).toEqual([urban.id]);
    // Brand words count as words of the product.
    expect(await ids("rompeviento montaña")).toEqual([trail.id]);
  });

  it("corrects typos word by word, and ranks exactly typed words first", async () => {
    const category = await createCategory(t.db);
    const make = (name: string) => createProduct(t.db, { name, categoryId: category.id });
    const exact = await make("Mochila Hidratación Trekking");
    const close = await make("Mochila Hidratante Trekking");
    const cashier = await callerFor(t.db, "CASHIER");
    const ids = async (q: string) => (await cashier.products.search({ q })).map((product) => product.id);

    expect(await ids("mochla trekkin")).toEqual([exact.id, close.id]);
    // A word that exists as typed is not "corrected" into its neighbours.
    expect(await ids("mochila hidratacion trekking")).toEqual([exact.id]);
    expect(await ids("hidrat mochila")).toEqual([exact.id, close.id]);

    // "trek" is a word of one and a prefix of the other's: the exact word wins over name order.
    const trekking = await make("Mochila Trekking Pro");
    const trek = await make("Mochila Urbana Trek");
    expect(await ids("mochila trek")).toEqual([trek.id, exact.id, close.id, trekking.id]);
  });

  it("ignores accents and case on either side", async () => {
    const nino = await createProduct(t.db, { name: "Remera Niño Estampada" });
    const cashier = await callerFor(t.db, "CASHIER");
    expect((await cashier.products.search({ q: "remera nino" })).map((p) => p.id)).toEqual([nino.id]);
    expect((await cashier.products.search({ q: "REMERA NIÑO ESTAMPADA" })).map((p) => p.id)).toEqual([nino.id]);
  });

  it("finds a product by its new name after a rename, and by a SKU prefix", async () => {
    const product = await createProduct(t.db, { name: "Gorra Provisoria", sizeSystem: "CLOTHING" });
    const manager = await callerFor(t.db, "MANAGER");
    await manager.products.update({ id: product.id, name: "Visera Ciclismo Reflectiva" });
    const ids = async (q: string) => (await manager.products.search({ q })).map((p) => p.id);

    expect(await ids("visera reflectiva")).toEqual([product.id]);
    expect(await ids("viserra cicl")).toEqual([product.id]);
    const sku = product.variants[0]?.sku ?? "";
    expect(sku).toMatch(/\d/);
    expect(await ids(sku.slice(0, sku.lastIndexOf("-")).toLowerCase())).toEqual([product.id]);
  });

  it("returns nothing for input that matches nothing, without failing on symbols", async () => {
    await createProduct(t.db, { name: "Bolso Matero" });
    const cashier = await callerFor(t.db, "CASHIER");
    for (const q of ["qwxz", "bolso qwxz", "%_\\", "¿?", "'; DROP TABLE x; --"]) {
      expect(await cashier.products.search({ q }), q).toEqual([]);
    }
  });
});
