import { describe, expect, it } from "vitest";
import { catalogParams, catalogQueryFromParams, ZCatalogList } from "./storefront.ts";

describe("catalog URLs", () => {
  it("read a listing query from search params and write it back the same", () => {
    const query = catalogQueryFromParams(
      { q: "runner", talle: ["40", "41"], min: "1000", max: "90000.5", stock: "1", orden: "price-asc", pagina: "3" },
      "calzado",
    );
    expect(query).toEqual({
      category: "calzado",
      q: "runner",
      sizes: ["40", "41"],
      minPrice: "1000.00",
      maxPrice: "90000.50",
      inStock: true,
      sort: "price-asc",
      page: 3,
      pageSize: 24,
    });
    expect(catalogParams(query).toString()).toBe(
      "q=runner&talle=40&talle=41&min=1000.00&max=90000.50&stock=1&orden=price-asc&pagina=3",
    );
  });

  it("leave defaults out of the URL", () => {
    expect(catalogParams(ZCatalogList.parse({})).toString()).toBe("");
  });

  it("drop what does not parse instead of refusing the whole page", () => {
    const query = catalogQueryFromParams({ talle: "M", min: "caro", orden: "random", pagina: "-2" });
    expect(query).toMatchObject({ sizes: ["M"], sort: "featured", page: 1 });
    expect(query.minPrice).toBeUndefined();
  });

  it("drop a price range given the wrong way round", () => {
    const query = catalogQueryFromParams({ min: "5000", max: "100" });
    expect(query.minPrice).toBeUndefined();
    expect(query.maxPrice).toBeUndefined();
  });
});
