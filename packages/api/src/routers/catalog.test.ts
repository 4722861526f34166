// The storefront's catalog (storeRouter.catalog) on a real database: what a shopper may see, at which price,
// with which stock, and how the listing filters, sorts and pages.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { createStoreCaller, createStoreContext } from "../store.ts";
import { codeOf, createBranch } from "../../test/factories.ts";
import { configureOrders } from "../../test/orders.ts";
import { seedStock } from "../../test/stock.ts";

const t = useTestDb();
const shop = () => createStoreCaller(createStoreContext({ db: t.db }));

let hub: { id: number; name: string };
let otherShop: { id: number; name: string };
let warehouse: { id: number; name: string };
const ids: Record<string, number> = {};
const variantIds: Record<string, number[]> = {};
let sequence = 0;

async function category(name: string, slug: string, parentId: number | null = null, active = true) {
  const row = await t.db.category.create({ data: { name, slug, parentId, active, sortOrder: ++sequence } });
  return row.id;
}

interface ProductSpec {
  name: string;
  categoryId: number;
  price: string;
  onlinePrice?: string;
  sizes?: (string | null)[];
  overrides?: Record<string, string>;
  featured?: boolean;
  showOnline?: boolean;
  active?: boolean;
}

async function product(key: string, spec: ProductSpec) {
  const n = ++sequence;
  const sizes = spec.sizes ?? [null];
  const row = await t.db.product.create({
    data: {
      name: spec.name,
      slug: key,
      brand: "Marca",
      categoryId: spec.categoryId,
      price: spec.price,
      onlinePrice: spec.onlinePrice ?? null,
      cost: "1000.00",
      featured: spec.featured ?? false,
      showOnline: spec.showOnline ?? true,
      active: spec.active ?? true,
      // Ordered creation times, so "newest" has one right answer.
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, n)),
      sizeSystem: sizes[0] === null ? "NONE" : "CUSTOM",
      customSizes: sizes.filter((size): size is string => size !== null),
      variants: {
        create: sizes.map((sizeLabel, position) => ({
          sku: `CAT-${n}-${position}`,
          barcode: `200000${String(n).padStart(4, "0")}${position}`,
          sizeLabel,
          position,
          priceOverride: (sizeLabel && spec.overrides?.[sizeLabel]) ?? null,
        })),
      },
    },
    include: { variants: { orderBy: { position: "asc" } } },
  });
  ids[key] = row.id;
  variantIds[key] = row.variants.map((variant) => variant.id);
  return row;
}

const v = (key: string, index = 0) => variantIds[key]?.[index] ?? 0;

beforeAll(async () => {
  hub = await createBranch(t.db, "Centro Online");
  otherShop = await createBranch(t.db, "Norte Online");
  warehouse = await createBranch(t.db, "Depósito");
  await t.db.branch.updateMany({ where: { id: { in: [hub.id, otherShop.id] } }, data: { sellsOnline: true } });
  await configureOrders(t.db, hub.id);

  const shoes = await category("Calzado", "calzado");
  const running = await category("Running", "running", shoes);
  const clothes = await category("Ropa", "ropa");
  await category("Oculta", "oculta", null, false);

  await product("zapatilla-runner", {
    name: "Zapatilla Runner",
    categoryId: running,
    price: "100000.00",
    onlinePrice: "90000.00",
    sizes: ["39", "40", "41"],
    overrides: { "41": "95000.00" },
    featured: true,
  });
  await product("zapatilla-urbana", { name: "Zapatilla Urbana", categoryId: shoes, price: "70000.00", sizes: ["40"] });
  await product("remera-dry", { name: "Remera Dry", categoryId: clothes, price: "20000.00", sizes: ["S", "M", "XL"] });
  await product("gorra", { name: "Gorra", categoryId: clothes, price: "15000.00" });
  await product("solo-local", { name: "Zapatilla Local", categoryId: shoes, price: "50000.00", showOnline: false });
  await product("discontinuada", { name: "Zapatilla Vieja", categoryId: shoes, price: "40000.00", active: false });

  await seedStock(t.db, hub.id, { [v("zapatilla-runner", 1)]: 3, [v("remera-dry", 0)]: 2, [v("gorra")]: 0 });
  await seedStock(t.db, otherShop.id, { [v("zapatilla-runner", 0)]: 4, [v("zapatilla-urbana")]: 1 });
  await seedStock(t.db, warehouse.id, { [v("zapatilla-runner", 0)]: 50, [v("gorra")]: 9 });
});

const slugsOf = (page: { items: { slug: string }[] }) => page.items.map((item) => item.slug);

describe("catalog.list", () => {
  it("lists only active products shown online, a category with its subcategories, with its trail", async () => {
    const page = await shop().catalog.list({ category: "calzado", sort: "name" });
    expect(slugsOf(page)).toEqual(["zapatilla-runner", "zapatilla-urbana"]);
    expect(page.trail).toEqual([{ name: "Calzado", slug: "calzado" }]);
    const sub = await shop().catalog.list({ category: "running" });
    expect(sub.trail.map((step) => step.slug)).toEqual(["calzado", "running"]);
    expect(slugsOf(sub)).toEqual(["zapatilla-runner"]);
  });

  it("refuses an unknown or switched-off category as not found", async () => {
    expect(await codeOf(shop().catalog.list({ category: "no-existe" }))).toBe("NOT_FOUND");
    expect(await codeOf(shop().catalog.list({ category: "oculta" }))).toBe("NOT_FOUND");
  });

  it("prices cards by the online rule: lowest size price, 'from' when sizes differ, the store price struck", async () => {
    const page = await shop().catalog.list({ q: "runner" });
    expect(page.items).toEqual([
      expect.objectContaining({
        slug: "zapatilla-runner",
        price: "90000.00",
        priceVaries: true,
        compareAtPrice: "100000.00",
        inStock: true,
      }),
    ]);
  });

  it("counts stock at the fulfilling branch only: other shops and the warehouse do not make a product buyable", async () => {
    const page = await shop().catalog.list({ inStock: true, sort: "name" });
    expect(slugsOf(page)).toEqual(["remera-dry", "zapatilla-runner"]);
    const all = await shop().catalog.list({ sort: "name" });
    expect(all.items.find((item) => item.slug === "gorra")?.inStock).toBe(false);
    expect(all.items.find((item) => item.slug === "zapatilla-urbana")?.inStock).toBe(false);
  });

  it("filters by size, offering every size of the listing in a shopper's order", async () => {
    const page = await shop().catalog.list({ sizes: ["40"], sort: "name" });
    expect(slugsOf(page)).toEqual(["zapatilla-runner", "zapatilla-urbana"]);
    expect(page.sizes).toEqual(["39", "40", "41", "S", "M", "XL"]);
    const inStock = await shop().catalog.list({ sizes: ["39"], inStock: true });
    expect(slugsOf(inStock)).toEqual([]);
  });

  it("filters by the shown price and sorts by it", async () => {
    const page = await shop().catalog.list({ minPrice: "20000", maxPrice: "90000", sort: "price-desc" });
    expect(slugsOf(page)).toEqual(["zapatilla-runner", "zapatilla-urbana", "remera-dry"]);
    const cheap = await shop().catalog.list({ sort: "price-asc", pageSize: 2 });
    expect(slugsOf(cheap)).toEqual(["gorra", "remera-dry"]);
  });

  it("puts featured products first, then the newest; sorts by newest", async () => {
    expect(slugsOf(await shop().catalog.list({}))).toEqual([
      "zapatilla-runner",
      "gorra",
      "remera-dry",
      "zapatilla-urbana",
    ]);
    expect(slugsOf(await shop().catalog.list({ sort: "newest" }))[0]).toBe("gorra");
  });

  it("pages with a total and a page count", async () => {
    const second = await shop().catalog.list({ sort: "name", pageSize: 3, page: 2 });
    expect(second).toMatchObject({ total: 4, page: 2, pageCount: 2 });
    expect(slugsOf(second)).toEqual(["zapatilla-urbana"]);
    const beyond = await shop().catalog.list({ sort: "name", pageSize: 3, page: 5 });
    expect(beyond).toMatchObject({ total: 4, items: [] });
  });

  it("forgives typos and accents in a search, and finds nothing for words the catalog does not have", async () => {
    expect(slugsOf(await shop().catalog.list({ q: "zapatila runer" }))).toEqual(["zapatilla-runner"]);
    expect(slugsOf(await shop().catalog.list({ q: "REMERÁ" }))).toEqual(["remera-dry"]);
    expect(await shop().catalog.list({ q: "qwxz" })).toMatchObject({ items: [], total: 0 });
  });

  it("refuses a price range the wrong way round and an impossible page", async () => {
    expect(await codeOf(shop().catalog.list({ minPrice: "500", maxPrice: "100" }))).toBe("BAD_REQUEST");
    expect(await codeOf(shop().catalog.list({ page: 0 }))).toBe("BAD_REQUEST");
  });
});

describe("catalog.product", () => {
  it("shows each size's online price and what the online branches hold, never the warehouse", async () => {
    const page = await shop().catalog.product({ slug: "zapatilla-runner" });
    expect(page).toMatchObject({
      name: "Zapatilla Runner",
      price: "90000.00",
      priceVaries: true,
      compareAtPrice: "100000.00",
      fulfillingBranchId: hub.id,
      trail: [{ slug: "calzado" }, { slug: "running" }],
    });
    expect(page.variants.map((variant) => [variant.sizeLabel, variant.price])).toEqual([
      ["39", "90000.00"],
      ["40", "90000.00"],
      ["41", "95000.00"],
    ]);
    expect(page.branches.map((branch) => branch.name).sort()).toEqual([hub.name, otherShop.name].sort());
    expect(page.stock).toEqual(
      expect.arrayContaining([
        { branchId: hub.id, variantId: v("zapatilla-runner", 1), quantity: 3 },
        { branchId: otherShop.id, variantId: v("zapatilla-runner", 0), quantity: 4 },
      ]),
    );
    expect(page.stock).toHaveLength(2);
    expect(JSON.stringify(page)).not.toContain(warehouse.name);
  });

  it("suggests other products of its category", async () => {
    const page = await shop().catalog.product({ slug: "remera-dry" });
    expect(page.related.map((card) => card.slug)).toEqual(["gorra"]);
  });

  it("answers not found for a product not sold online, archived, or unknown", async () => {
    for (const slug of ["solo-local", "discontinuada", "no-existe"]) {
      expect(await codeOf(shop().catalog.product({ slug }))).toBe("NOT_FOUND");
    }
    expect(await codeOf(shop().catalog.product({ slug: "../admin" }))).toBe("BAD_REQUEST");
  });
});

describe("catalog.cart", () => {
  it("prices each line now and flags what can no longer be bought as asked", async () => {
    const cart = await shop().catalog.cart({
      lines: [
        { variantId: v("zapatilla-runner", 1), quantity: 2 },
        { variantId: v("remera-dry", 0), quantity: 3 },
        { variantId: v("solo-local"), quantity: 1 },
        { variantId: 999_999, quantity: 1 },
      ],
    });
    expect(cart.lines.map((line) => [line.name, line.sizeLabel, line.unitPrice, line.available, line.problem])).toEqual(
      [
        ["Zapatilla Runner", "40", "90000.00", 3, null],
        ["Remera Dry", "S", "20000.00", 2, "SHORT"],
        ["Zapatilla Local", null, "50000.00", 0, "GONE"],
      ],
    );
    expect(cart.subtotal).toBe("180000.00");
    expect(cart.needsReview).toBe(true);
  });

  it("needs no review when every line can be bought", async () => {
    const cart = await shop().catalog.cart({ lines: [{ variantId: v("zapatilla-runner", 2), quantity: 1 }] });
    expect(cart).toMatchObject({ subtotal: "0.00", needsReview: true });
    await seedStock(t.db, hub.id, { [v("zapatilla-runner", 2)]: 1 });
    const again = await shop().catalog.cart({ lines: [{ variantId: v("zapatilla-runner", 2), quantity: 1 }] });
    expect(again).toMatchObject({ subtotal: "95000.00", needsReview: false });
    expect(again.lines[0]).toMatchObject({ lineTotal: "95000.00", available: 1, problem: null });
  });
});

describe("catalog.shop", () => {
  it("tells the storefront who the shop is, whether it is open, and only active banners and categories", async () => {
    await t.db.storeBanner.createMany({
      data: [
        { title: "Segundo", imageUrl: "/b2.jpg", position: 2 },
        { title: "Primero", imageUrl: "/b1.jpg", position: 1 },
        { title: "Apagado", imageUrl: "/b0.jpg", position: 0, active: false },
      ],
    });
    const front = await shop().catalog.shop();
    expect(front).toMatchObject({ storeName: "Sur Deportes Test", open: true, pickup: true, whatsApp: true });
    expect(front.fulfillingBranch?.id).toBe(hub.id);
    expect(front.shipping).toEqual({ enabled: true, fee: "5000.00", freeFrom: "150000.00" });
    expect(front.banners.map((banner) => banner.title)).toEqual(["Primero", "Segundo"]);
    expect(front.categories.map((node) => node.slug)).toEqual(["calzado", "ropa"]);
    expect(front.categories[0]?.children.map((node) => node.slug)).toEqual(["running"]);
    expect(front.branches.map((branch) => branch.id).sort()).toEqual([hub.id, otherShop.id].sort());
  });

  it("is closed when switched off or when the fulfilling branch stops selling online", async () => {
    await t.db.storeConfig.update({ where: { id: 1 }, data: { active: false } });
    expect((await shop().catalog.shop()).open).toBe(false);
    await t.db.storeConfig.update({ where: { id: 1 }, data: { active: true } });
    await t.db.branch.update({ where: { id: hub.id }, data: { sellsOnline: false } });
    const front = await shop().catalog.shop();
    expect(front).toMatchObject({ open: false, fulfillingBranch: null });
    await t.db.branch.update({ where: { id: hub.id }, data: { sellsOnline: true } });
  });
});

describe("catalog.featured", () => {
  it("shows featured products first, topped up with the newest", async () => {
    const cards = await shop().catalog.featured();
    expect(cards.map((card) => card.slug)).toEqual(["zapatilla-runner", "gorra", "remera-dry", "zapatilla-urbana"]);
  });
});

describe("catalog.sitemap", () => {
  it("lists active categories and the products sold online, nothing hidden", async () => {
    const { categories, products } = await shop().catalog.sitemap();
    expect(categories.map((row) => row.slug).sort()).toEqual(["calzado", "ropa", "running"]);
    expect(products.map((row) => row.slug).sort()).toEqual([
      "gorra",
      "remera-dry",
      "zapatilla-runner",
      "zapatilla-urbana",
    ]);
  });
});
