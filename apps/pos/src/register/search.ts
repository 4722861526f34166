import type { CatalogItem } from "./catalog";

export interface ProductHit {
  productId: number;
  name: string;
  brand: string;
}

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/**
 * Products whose name, brand or SKU contains every typed word (accents and case ignored), best first: names
 * that start with the first word, then alphabetical. Local and instant; the server's fuzzy search is for typos.
 */
export function searchCatalog(items: readonly CatalogItem[], query: string, limit = 8): ProductHit[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits = new Map<number, ProductHit>();
  for (const item of items) {
    if (hits.has(item.productId)) continue;
    const haystack = fold(`${item.name} ${item.brand} ${item.sku}`);
    if (words.every((word) => haystack.includes(word))) {
      hits.set(item.productId, { productId: item.productId, name: item.name, brand: item.brand });
    }
  }
  const first = words[0] ?? "";
  return [...hits.values()]
    .sort((a, b) => {
      const aStarts = fold(a.name).startsWith(first) ? 0 : 1;
      const bStarts = fold(b.name).startsWith(first) ? 0 : 1;
      return aStarts - bStarts || a.name.localeCompare(b.name);
    })
    .slice(0, limit);
}
