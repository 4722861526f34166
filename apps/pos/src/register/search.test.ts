import { describe, expect, it } from "vitest";
import type { CatalogItem } from "./catalog";
import { searchCatalog } from "./search";

const variant = (variantId: number, productId: number, name: string, sku: string): CatalogItem => ({
  variantId,
  productId,
  name,
  brand: "Sur",
  sizeLabel: null,
  sku,
  barcode: String(variantId),
  price: "1.00",
  taxRate: "21.00",
  categoryId: 1,
  stock: 1,
});

const items = [
  variant(1, 10, "Zapatilla Running Pro", "ZRP-40"),
  variant(2, 10, "Zapatilla Running Pro", "ZRP-41"),
  variant(3, 20, "Campera Térmica", "CT-M"),
  variant(4, 30, "Medias Running", "MR-U"),
];

describe("local catalog search", () => {
  it("finds every word anywhere, ignoring accents and case, one hit per product, name starts first", () => {
    expect(searchCatalog(items, "running").map((hit) => hit.productId)).toEqual([30, 10]);
    expect(searchCatalog(items, "TERMICA camp").map((hit) => hit.productId)).toEqual([20]);
    expect(searchCatalog(items, "zrp-41").map((hit) => hit.productId)).toEqual([10]);
    expect(searchCatalog(items, "   ")).toEqual([]);
    expect(searchCatalog(items, "remera")).toEqual([]);
  });
});
