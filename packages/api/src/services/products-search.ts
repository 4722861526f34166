// Finding products at the register: a scanned code (exact, one indexed lookup) or a few typed words
// (matched word by word against a dictionary of catalog words, so "zapatila runer" still finds "Zapatilla Runner").
import { type Prisma, type Db } from "@pos/db";
import { SEARCH_LIMIT, type TLookup, type TSearch } from "@pos/validators";
import { DomainError } from "../errors.ts";
import {
  productPublicSelect,
  productStaffSelect,
  seesCost,
  toPublicProductDto,
  toStaffProductDto,
  toVariantDto,
  variantSelect,
  type ProductDto,
  type VariantDto,
} from "./catalog-selects.ts";
import { readProducts, type Actor } from "./products.ts";
import { rankedProductIds, typedWordCandidates } from "./products-search-sql.ts";

export interface LookupResult {
  variant: VariantDto;
  product: ProductDto;
  /** What this variant sells for: its override, else the product's price. */
  price: string;
}

/**
 * A barcode or a SKU, matched exactly: both columns have unique b-tree indexes, so this is one indexed query
 * (a BitmapOr of the two). SKUs are stored upper-case, so a typed "rem-0001-m" matches too.
 */
export async function lookupCode(db: Db, input: TLookup, actor: Actor): Promise<LookupResult> {
  const where: Prisma.VariantWhereInput = { OR: [{ barcode: input.code }, { sku: input.code.toUpperCase() }] };
  const found = seesCost(actor.role)
    ? await db.variant
        .findFirst({ where, select: { ...variantSelect, product: { select: productStaffSelect } } })
        .then((row) => row && { ...row, product: toStaffProductDto(row.product) })
    : await db.variant
        .findFirst({ where, select: { ...variantSelect, product: { select: productPublicSelect } } })
        .then((row) => row && { ...row, product: toPublicProductDto(row.product) });
  if (!found) {
    throw new DomainError(
      "NOT_FOUND",
      `Nothing in the catalog has the code ${input.code}. Check it or search by name.`,
      {
        code: input.code,
      },
    );
  }
  const { product, ...variant } = found;
  const dto = toVariantDto(variant);
  return { variant: dto, product, price: dto.priceOverride ?? product.price };
}

/**
 * Ranked: exact name (or SKU) first, then more words typed exactly, then by name (within a bounded sample when
 * thousands match); active products only unless asked; at most 20. Every typed word must match, as a prefix
 * ("zapat") or, when it prefixes no catalog word, through its nearest spellings ("zapatila runer" → Zapatilla
 * Runner). A SKU matches typed exactly, or as a prefix once it holds a digit. See products-search-sql.ts.
 */
export async function searchProducts(db: Db, input: TSearch, actor: Actor): Promise<ProductDto[]> {
  const limit = Math.min(input.limit ?? SEARCH_LIMIT, SEARCH_LIMIT);
  const words = await typedWordCandidates(db, input.q);
  const ids = await rankedProductIds(db, {
    q: input.q,
    words,
    includeInactive: input.includeInactive ?? false,
    limit,
  });
  if (ids.length === 0) return [];
  const rank = new Map(ids.map((id, index) => [id, index]));
  const products = await readProducts(db, { where: { id: { in: ids } } }, actor);
  return products.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
}
