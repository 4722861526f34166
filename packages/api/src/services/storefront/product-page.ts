// A product as its storefront page shows it: photos, price, sizes with what is left of each, and which shops
// that sell online have it. Live changes then arrive through stock.onChange for the same variants and branches.
import type { Db } from "@pos/db";
import type { TCatalogProduct } from "@pos/validators";
import { DomainError } from "../../errors.ts";
import { listedPrice } from "../sales/pricing.ts";
import { categoryTrail, priceSummary, readCards, type ProductCard } from "./catalog-cards.ts";
import { onlineStockBranch } from "./shop-front.ts";

export interface ProductPage {
  id: number;
  slug: string;
  name: string;
  brand: string;
  description: string;
  trail: { name: string; slug: string }[];
  /** The lowest price among sizes; when sizes differ, each size shows its own. */
  price: string;
  priceVaries: boolean;
  compareAtPrice: string | null;
  images: { url: string; alt: string }[];
  variants: { id: number; sizeLabel: string | null; price: string }[];
  /** Where an online order takes its stock from; null while the shop does not sell online. */
  fulfillingBranchId: number | null;
  /** Branches that sell online, for "available at …" hints. */
  branches: { id: number; name: string; address: string }[];
  /** What each of those branches holds now, never below zero; levels of zero are left out. */
  stock: { branchId: number; variantId: number; quantity: number }[];
  related: ProductCard[];
}

const RELATED_COUNT = 4;

export async function readProductPage(db: Db, input: TCatalogProduct): Promise<ProductPage> {
  const product = await db.product.findUnique({
    where: { slug: input.slug },
    select: {
      id: true,
      slug: true,
      name: true,
      brand: true,
      description: true,
      categoryId: true,
      price: true,
      onlinePrice: true,
      active: true,
      showOnline: true,
      images: { select: { url: true, alt: true }, orderBy: [{ position: "asc" }, { id: "asc" }] },
      variants: {
        where: { active: true },
        select: { id: true, sizeLabel: true, priceOverride: true },
        orderBy: [{ position: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!product?.active || !product.showOnline) {
    throw new DomainError("NOT_FOUND", "This product does not exist or is no longer sold online.");
  }
  const variantIds = product.variants.map((variant) => variant.id);
  const [trail, branches, fulfillingBranchId, relatedIds] = await Promise.all([
    categoryTrail(db, product.categoryId),
    db.branch.findMany({
      where: { active: true, sellsOnline: true },
      select: { id: true, name: true, address: true },
      orderBy: { id: "asc" },
    }),
    onlineStockBranch(db),
    db.product.findMany({
      where: { categoryId: product.categoryId, active: true, showOnline: true, id: { not: product.id } },
      select: { id: true },
      orderBy: [{ featured: "desc" }, { createdAt: "desc" }, { id: "desc" }],
      take: RELATED_COUNT,
    }),
  ]);
  const [levels, related] = await Promise.all([
    db.stockLevel.findMany({
      where: {
        variantId: { in: variantIds },
        branchId: { in: branches.map((branch) => branch.id) },
        quantity: { gt: 0 },
      },
      select: { branchId: true, variantId: true, quantity: true },
    }),
    readCards(
      db,
      relatedIds.map((row) => row.id),
      fulfillingBranchId,
    ),
  ]);
  return {
    id: product.id,
    slug: product.slug,
    name: product.name,
    brand: product.brand,
    description: product.description,
    trail,
    ...priceSummary(
      product,
      product.variants.map((variant) => variant.priceOverride),
    ),
    images: product.images.map((image) => ({ url: image.url, alt: image.alt || product.name })),
    variants: product.variants.map((variant) => ({
      id: variant.id,
      sizeLabel: variant.sizeLabel,
      price: listedPrice({ ...product, priceOverride: variant.priceOverride }, "ONLINE").toFixed(2),
    })),
    fulfillingBranchId,
    branches,
    stock: levels,
    related,
  };
}
