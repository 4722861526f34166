// What a shopper may ask the storefront's catalog, shared by the API and apps/store: the store reads its listing
// filters from the URL with `catalogQueryFromParams`, so a shared link and a server render ask the same thing.
import { z } from "zod";
import { ZMoney } from "./catalog.ts";
import { toCents } from "./money.ts";
import { ZOrderLine } from "./orders.ts";
import { MAX_SALE_LINES } from "./sales.ts";

export const CATALOG_SORTS = ["featured", "newest", "price-asc", "price-desc", "name"] as const;
export type TCatalogSort = (typeof CATALOG_SORTS)[number];
export const CATALOG_PAGE_SIZE = 24;
/** Deep pages of a shop's catalog are never browsed; a bound keeps a crawler's OFFSET cheap. */
export const MAX_CATALOG_PAGE = 500;

const slug = z
  .string()
  .trim()
  .min(1)
  .max(160)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "Not a catalog address." });

export const ZCatalogList = z
  .object({
    category: slug.optional(),
    q: z.string().trim().max(100).optional(),
    sizes: z.array(z.string().trim().min(1).max(20)).max(30).default([]),
    minPrice: ZMoney.optional(),
    maxPrice: ZMoney.optional(),
    inStock: z.boolean().default(false),
    sort: z.enum(CATALOG_SORTS).default("featured"),
    page: z.number().int().min(1).max(MAX_CATALOG_PAGE).default(1),
    pageSize: z.number().int().min(1).max(48).default(CATALOG_PAGE_SIZE),
  })
  .refine(
    (query) =>
      query.minPrice === undefined ||
      query.maxPrice === undefined ||
      toCents(query.minPrice) <= toCents(query.maxPrice),
    { message: "The lowest price is above the highest.", path: ["minPrice"] },
  );
export type TCatalogList = z.input<typeof ZCatalogList>;
export type TCatalogListParsed = z.output<typeof ZCatalogList>;

export const ZCatalogProduct = z.object({ slug });
export type TCatalogProduct = z.input<typeof ZCatalogProduct>;

/** The cart as the browser keeps it, checked again against prices and stock before checkout. */
export const ZCartCheck = z.object({ lines: z.array(ZOrderLine).max(MAX_SALE_LINES) });
export type TCartCheck = z.input<typeof ZCartCheck>;

type Params = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value || undefined;

/**
 * A listing query from a catalog URL's search params (`?q=…&talle=M&talle=L&min=…&max=…&stock=1&orden=…&pagina=2`).
 * Whatever does not parse is dropped rather than refused: a mangled link still shows the catalog.
 */
export function catalogQueryFromParams(params: Params, category?: string): TCatalogListParsed {
  const sizes = params.talle === undefined ? [] : [params.talle].flat();
  const candidate = {
    category,
    q: first(params.q),
    sizes,
    minPrice: first(params.min),
    maxPrice: first(params.max),
    inStock: first(params.stock) === "1",
    sort: first(params.orden),
    page: Number(first(params.pagina) ?? 1),
  };
  const parsed = ZCatalogList.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const kept = Object.fromEntries(Object.entries(candidate).filter(([key]) => !bad.has(key)));
  if (bad.has("minPrice")) delete kept.maxPrice;
  return ZCatalogList.parse(kept);
}

/** The URL search params of a listing query: the inverse of catalogQueryFromParams, defaults left out. */
export function catalogParams(query: Partial<TCatalogListParsed>): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  for (const size of query.sizes ?? []) params.append("talle", size);
  if (query.minPrice) params.set("min", query.minPrice);
  if (query.maxPrice) params.set("max", query.maxPrice);
  if (query.inStock) params.set("stock", "1");
  if (query.sort && query.sort !== "featured") params.set("orden", query.sort);
  if (query.page && query.page > 1) params.set("pagina", String(query.page));
  return params;
}
