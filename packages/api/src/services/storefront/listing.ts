// The storefront's catalog listing: a category (with its subcategories) or a search, filtered by size, price and
// stock, sorted and paged. Products on sale online only. Search reuses the register's word dictionary, so typos
// are forgiven the same way ("zapatila runer" finds "Zapatilla Runner").
import { Prisma, type Db } from "@pos/db";
import { CLOTHING_SIZES, type TCatalogListParsed } from "@pos/validators";
import { DomainError } from "../../errors.ts";
import { categoryWithDescendants } from "../categories.ts";
import { typedWordCandidates, type TypedWord } from "../products-search-sql.ts";
import { categoryTrail, readCards, type ProductCard } from "./catalog-cards.ts";
import { onlineStockBranch } from "./shop-front.ts";

export interface CatalogPage {
  /** The category listed, root first (empty for search or the whole catalog). */
  trail: { name: string; slug: string }[];
  items: ProductCard[];
  total: number;
  page: number;
  pageCount: number;
  /** Every size the listed products come in (before the size filter), in the order a shopper expects. */
  sizes: string[];
}

const clothingRank = new Map<string, number>(CLOTHING_SIZES.map((size, index) => [size, index]));

/** Numbers by value ("9" before "10"), then letter sizes S…XXL, then anything else alphabetically. */
export function compareSizes(a: string, b: string): number {
  const rank = (size: string): [number, number, string] => {
    const number = Number(size.replace(",", "."));
    if (Number.isFinite(number)) return [0, number, size];
    const clothing = clothingRank.get(size.toUpperCase());
    return clothing === undefined ? [2, 0, size] : [1, clothing, size];
  };
  const [groupA, valueA, textA] = rank(a);
  const [groupB, valueB, textB] = rank(b);
  return groupA - groupB || valueA - valueB || textA.localeCompare(textB, "es");
}

interface Filters {
  categoryIds: number[] | null;
  words: TypedWord[];
  query: TCatalogListParsed;
  stockBranchId: number | null;
}

const shownPrice = Prisma.sql`coalesce(p."onlinePrice", p.price)`;

/** The conditions on a product `p`; `withSizes` false leaves the size filter out (for the size facet). */
function conditions({ categoryIds, words, query, stockBranchId }: Filters, withSizes: boolean): Prisma.Sql {
  const where = [Prisma.sql`p.active`, Prisma.sql`p."showOnline"`];
  if (categoryIds) where.push(Prisma.sql`p."categoryId" = ANY(${categoryIds}::int[])`);
  for (const word of words) where.push(Prisma.sql`p."searchWords" && ${word.candidates}::text[]`);
  if (query.minPrice) where.push(Prisma.sql`${shownPrice} >= ${query.minPrice}::numeric`);
  if (query.maxPrice) where.push(Prisma.sql`${shownPrice} <= ${query.maxPrice}::numeric`);
  const sizes = withSizes && query.sizes.length > 0;
  if (sizes || query.inStock) {
    const variant = [Prisma.sql`v."productId" = p.id`, Prisma.sql`v.active`];
    if (sizes) variant.push(Prisma.sql`v."sizeLabel" = ANY(${query.sizes}::text[])`);
    if (query.inStock) {
      variant.push(Prisma.sql`EXISTS (SELECT 1 FROM "StockLevel" s WHERE s."variantId" = v.id
                                         AND s."branchId" = ${stockBranchId ?? -1} AND s.quantity > 0)`);
    }
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "Variant" v WHERE ${Prisma.join(variant, " AND ")})`);
  }
  return Prisma.join(where, " AND ");
}

function ordering(query: TCatalogListParsed, words: TypedWord[]): Prisma.Sql {
  switch (query.sort) {
    case "newest":
      return Prisma.sql`p."createdAt" DESC, p.id DESC`;
    case "price-asc":
      return Prisma.sql`${shownPrice} ASC, p.id`;
    case "price-desc":
      return Prisma.sql`${shownPrice} DESC, p.id`;
    case "name":
      return Prisma.sql`p.name, p.id`;
    case "featured": {
      // A search puts the products with more words typed exactly first.
      const typed = words.map((word) => word.typed);
      const relevance =
        typed.length > 0
          ? Prisma.sql`(SELECT count(*) FROM unnest(${typed}::text[]) AS w WHERE w = ANY(p."searchWords")) DESC,`
          : Prisma.empty;
      return Prisma.sql`${relevance} p.featured DESC, p."createdAt" DESC, p.id DESC`;
    }
  }
}

async function listedCategory(db: Db, slug: string | undefined) {
  if (!slug) return { categoryIds: null, trail: [] };
  const category = await db.category.findUnique({ where: { slug }, select: { id: true, active: true } });
  if (!category?.active) throw new DomainError("NOT_FOUND", "This category does not exist or is no longer shown.");
  const [categoryIds, trail] = await Promise.all([
    categoryWithDescendants(db, category.id),
    categoryTrail(db, category.id),
  ]);
  return { categoryIds, trail };
}

export async function listCatalog(db: Db, query: TCatalogListParsed): Promise<CatalogPage> {
  const [{ categoryIds, trail }, words, stockBranchId] = await Promise.all([
    listedCategory(db, query.category),
    query.q ? typedWordCandidates(db, query.q) : Promise.resolve([]),
    onlineStockBranch(db),
  ]);
  const empty = { trail, items: [], total: 0, page: query.page, pageCount: 0, sizes: [] };
  // A typed word that no catalog word resembles matches nothing.
  if (words.some((word) => word.candidates.length === 0)) return empty;
  const filters = { categoryIds, words, query, stockBranchId };
  const offset = (query.page - 1) * query.pageSize;
  const [page, [{ total } = { total: 0 }], sizeRows] = await Promise.all([
    db.$queryRaw<{ id: number }[]>`
      SELECT p.id FROM "Product" p WHERE ${conditions(filters, true)}
       ORDER BY ${ordering(query, words)} LIMIT ${query.pageSize} OFFSET ${offset}`,
    db.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM "Product" p WHERE ${conditions(filters, true)}`,
    db.$queryRaw<{ size: string }[]>`
      SELECT DISTINCT v."sizeLabel" AS size FROM "Product" p JOIN "Variant" v ON v."productId" = p.id
       WHERE v.active AND v."sizeLabel" IS NOT NULL AND ${conditions(filters, false)}`,
  ]);
  return {
    trail,
    items: await readCards(
      db,
      page.map((row) => row.id),
      stockBranchId,
    ),
    total,
    page: query.page,
    pageCount: Math.ceil(total / query.pageSize),
    sizes: sizeRows.map((row) => row.size).sort(compareSizes),
  };
}

export const FEATURED_COUNT = 8;

/** The home page's shelf: products marked featured, topped up with the newest so it is never empty. */
export async function listFeatured(db: Db): Promise<ProductCard[]> {
  const [rows, stockBranchId] = await Promise.all([
    db.product.findMany({
      where: { active: true, showOnline: true },
      select: { id: true },
      orderBy: [{ featured: "desc" }, { createdAt: "desc" }, { id: "desc" }],
      take: FEATURED_COUNT,
    }),
    onlineStockBranch(db),
  ]);
  return readCards(
    db,
    rows.map((row) => row.id),
    stockBranchId,
  );
}

/** One sitemap file holds at most 50,000 addresses. */
export const SITEMAP_LIMIT = 50_000;

/** What search engines may index: active categories and products on sale online, with when they changed. */
export async function readSitemap(db: Db) {
  const [categories, products] = await Promise.all([
    db.category.findMany({ where: { active: true }, select: { slug: true, updatedAt: true }, orderBy: { id: "asc" } }),
    db.product.findMany({
      where: { active: true, showOnline: true, category: { active: true } },
      select: { slug: true, updatedAt: true },
      orderBy: { id: "asc" },
      take: SITEMAP_LIMIT,
    }),
  ]);
  return { categories, products };
}
