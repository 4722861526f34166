// Opening stock: one INITIAL movement per (branch, variant) that starts with goods. Best sellers and middle
// sizes get deeper stock, the outlet carries less, and some pairs start empty (nothing to count then: a
// movement of zero is not allowed, and no movement means a balance of zero).
import type { Catalog } from "./catalog.ts";
import type { Ledger } from "./ledger.ts";
import type { Random } from "./random.ts";

export interface StockOptions {
  at: Date;
  userId: number;
  /** Relative depth per branch id (1 = normal). */
  branchDepth: ReadonlyMap<number, number>;
  /** Multiplies every quantity: the large catalog sells more per variant and needs deeper shelves. */
  scale: number;
  flush: () => Promise<void>;
}

export async function pushInitialStock(
  rng: Random,
  catalog: Catalog,
  ledger: Ledger,
  options: StockOptions,
): Promise<void> {
  const total = catalog.popularity[catalog.popularity.length - 1] ?? 1;
  const average = total / Math.max(1, catalog.products.length);
  for (const [index, product] of catalog.products.entries()) {
    const previous = index === 0 ? 0 : (catalog.popularity[index - 1] ?? 0);
    // How much more than an average product this one sells (capped: the warehouse has limits too).
    const demand = Math.min(6, ((catalog.popularity[index] ?? 0) - previous) / average);
    const variants = catalog.variants.slice(product.firstVariant, product.firstVariant + product.variantCount);
    const weightSum = variants.reduce((sum, variant) => sum + variant.sizeWeight, 0);
    for (const variant of variants) {
      // 1 for an average size of this product, more for M/L or 40–42.
      const sizeShare = (variant.sizeWeight * variants.length) / weightSum;
      for (const [branchId, depth] of options.branchDepth) {
        if (rng.chance(0.07)) continue; // never stocked here
        const mean = (variant.minStock + 2) * depth * options.scale * (0.5 + demand) * sizeShare;
        const quantity = Math.max(0, Math.round(mean * (0.5 + rng.next())));
        if (quantity > 0) {
          ledger.move({
            branchId,
            variantId: variant.id,
            quantity,
            type: "INITIAL",
            at: options.at,
            reason: "Stock inicial",
            userId: options.userId,
          });
        }
      }
    }
    // Bounded memory on the large catalog: write every 5,000 products' opening stock.
    if ((index + 1) % 5_000 === 0) await options.flush();
  }
}
