// The pieces of a product a shopper sees wherever it is listed: its link, first photo, price and whether it can
// be bought now. Stock counts at the fulfilling branch only, because that is the stock an online order takes.
import { type Prisma, type Db } from "@pos/db";
import { listedPrice } from "../sales/pricing.ts";

export interface ProductCard {
  id: number;
  slug: string;
  name: string;
  brand: string;
  /** The lowest price among its sizes, as a decimal string. */
  price: string;
  /** Sizes priced differently: the card says "from". */
  priceVaries: boolean;
  /** The store price when the online price is lower, to show struck through; else null. */
  compareAtPrice: string | null;
  image: { url: string; alt: string } | null;
  inStock: boolean;
}

export const cardSelect = (stockBranchId: number | null) =>
  ({
    id: true,
    slug: true,
    name: true,
    brand: true,
    price: true,
    onlinePrice: true,
    images: { select: { url: true, alt: true }, orderBy: [{ position: "asc" }, { id: "asc" }], take: 1 },
    variants: {
      where: { active: true },
      select: {
        priceOverride: true,
        // No fulfilling branch: nothing is in stock (an impossible id keeps the select's shape).
        stockLevels: { where: { branchId: stockBranchId ?? -1, quantity: { gt: 0 } }, select: { quantity: true } },
      },
    },
  }) satisfies Prisma.ProductSelect;

type CardRow = Prisma.ProductGetPayload<{ select: ReturnType<typeof cardSelect> }>;

/**
 * What a product is shown to cost: the lowest of its sizes' prices (online rule), whether sizes differ, and the
 * store price to strike through when the online price is lower.
 */
export function priceSummary(
  product: { price: Prisma.Decimal; onlinePrice: Prisma.Decimal | null },
  overrides: readonly (Prisma.Decimal | null)[],
): Pick<ProductCard, "price" | "priceVaries" | "compareAtPrice"> {
  const prices = overrides.map((priceOverride) => listedPrice({ ...product, priceOverride }, "ONLINE"));
  const lowest = prices.reduce<Prisma.Decimal | null>((low, price) => (low && low.lte(price) ? low : price), null);
  const shown = lowest ?? product.onlinePrice ?? product.price;
  return {
    price: shown.toFixed(2),
    priceVaries: prices.some((price) => !price.equals(shown)),
    compareAtPrice: product.onlinePrice?.lt(product.price) ? product.price.toFixed(2) : null,
  };
}

export function toCard(row: CardRow): ProductCard {
  const image = row.images[0];
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    brand: row.brand,
    ...priceSummary(
      row,
      row.variants.map((variant) => variant.priceOverride),
    ),
    image: image ? { url: image.url, alt: image.alt || row.name } : null,
    inStock: row.variants.some((variant) => variant.stockLevels.length > 0),
  };
}

/** Cards for these products, in the order given (ids a ranked query chose). */
export async function readCards(db: Db, ids: number[], stockBranchId: number | null): Promise<ProductCard[]> {
  if (ids.length === 0) return [];
  const rows = await db.product.findMany({ where: { id: { in: ids } }, select: cardSelect(stockBranchId) });
  const byId = new Map(rows.map((row) => [row.id, toCard(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Root first: "Calzado" › "Running", for breadcrumbs and titles. */
export async function categoryTrail(db: Db, categoryId: number): Promise<{ name: string; slug: string }[]> {
  const rows = await db.$queryRaw<{ name: string; slug: string }[]>`
    WITH RECURSIVE trail AS (
      SELECT id, "parentId", name, slug, 0 AS depth FROM "Category" WHERE id = ${categoryId}
      UNION ALL
      SELECT c.id, c."parentId", c.name, c.slug, t.depth + 1 FROM "Category" c JOIN trail t ON c.id = t."parentId"
    )
    SELECT name, slug FROM trail ORDER BY depth DESC`;
  return rows;
}
