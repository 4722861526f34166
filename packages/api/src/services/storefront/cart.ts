// The cart lives in the shopper's browser; before it is shown or paid, each line is checked again against what
// the catalog says now: the price (online rule) and what the fulfilling branch still has. Nothing is held here:
// checkout decides, under its lock, whether the units are still there.
import type { Db } from "@pos/db";
import { fromCents, toCents, type TCartCheck } from "@pos/validators";
import { listedPrice } from "../sales/pricing.ts";
import { onlineStockBranch } from "./shop-front.ts";

export interface CartLine {
  variantId: number;
  /** What the shopper asked for. */
  quantity: number;
  slug: string;
  name: string;
  sizeLabel: string | null;
  image: { url: string; alt: string } | null;
  unitPrice: string;
  lineTotal: string;
  /** Units the fulfilling branch has now, never below zero. */
  available: number;
  /** GONE: no longer sold online; SHORT: fewer units left than asked for (maybe none). */
  problem: "GONE" | "SHORT" | null;
}

export interface CheckedCart {
  lines: CartLine[];
  /** The lines that can be bought as they are, before shipping and payment adjustments. */
  subtotal: string;
  /** True when any line has a problem: the shopper must fix the cart before checkout. */
  needsReview: boolean;
}

export async function checkCart(db: Db, input: TCartCheck): Promise<CheckedCart> {
  const ids = input.lines.map((line) => line.variantId);
  const [stockBranchId, variants] = await Promise.all([
    onlineStockBranch(db),
    db.variant.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        sizeLabel: true,
        priceOverride: true,
        active: true,
        product: {
          select: {
            slug: true,
            name: true,
            price: true,
            onlinePrice: true,
            active: true,
            showOnline: true,
            images: { select: { url: true, alt: true }, orderBy: [{ position: "asc" }, { id: "asc" }], take: 1 },
          },
        },
      },
    }),
  ]);
  const levels = await db.stockLevel.findMany({
    where: { branchId: stockBranchId ?? -1, variantId: { in: ids } },
    select: { variantId: true, quantity: true },
  });
  const byId = new Map(variants.map((variant) => [variant.id, variant]));
  const left = new Map(levels.map((level) => [level.variantId, Math.max(0, level.quantity)]));
  let subtotal = 0;
  // A variant that no longer exists cannot be shown at all: it leaves the cart.
  const lines = input.lines.flatMap((line): CartLine[] => {
    const variant = byId.get(line.variantId);
    if (!variant) return [];
    const { product } = variant;
    const unit = toCents(listedPrice({ ...product, priceOverride: variant.priceOverride }, "ONLINE").toFixed(2));
    const available = stockBranchId === null ? 0 : (left.get(variant.id) ?? 0);
    const sold = variant.active && product.active && product.showOnline;
    const problem = !sold ? "GONE" : available < line.quantity ? "SHORT" : null;
    if (problem === null) subtotal += unit * line.quantity;
    const image = product.images[0];
    return [
      {
        variantId: variant.id,
        quantity: line.quantity,
        slug: product.slug,
        name: product.name,
        sizeLabel: variant.sizeLabel,
        image: image ? { url: image.url, alt: image.alt || product.name } : null,
        unitPrice: fromCents(unit),
        lineTotal: fromCents(unit * line.quantity),
        available,
        problem,
      },
    ];
  });
  return {
    lines,
    subtotal: fromCents(subtotal),
    needsReview: lines.length !== input.lines.length || lines.some((line) => line.problem !== null),
  };
}
