// Finding products at the register: a scanned code (exact, one indexed lookup) or a few typed words
// (trigram similarity over name, brand and SKU, so "zapatila runer" still finds "Zapatilla Runner").
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
 * Below these a typed word is noise. "zapatila runer" vs "Zapatilla Runner" scores 0.68 by similarity,
 * "zapatila" vs "Zapatilla Runner Pro" 0.78 by word similarity; unrelated names score near 0.
 */
const SIMILARITY_THRESHOLD = "0.3";
const WORD_SIMILARITY_THRESHOLD = "0.5";

interface Ranked {
  id: number;
}

/**
 * One UNION branch per index-backed condition, so each can use its GIN trigram index (an OR of `%` and `<%`
 * on one column makes the planner fall back to a sequential scan). Every branch scores its own rows; a
 * product keeps its best score. An exact name match always ranks first.
 */
async function rankedIds(tx: Prisma.TransactionClient, q: string, includeInactive: boolean, limit: number) {
  // All three settings are transaction-local (set_config(…, true)), so nothing leaks to pooled connections.
  // The planner prices similarity() as cheap and the GIN scans as dear, so on low-cardinality columns such as
  // brand it picks a sequential scan that measured 5–10× slower (30 000 products: 55 ms vs 10 ms); here the
  // trigram indexes are always the better path, so sequential scans are ruled out for this one query.
  await tx.$queryRaw`SELECT set_config('pg_trgm.similarity_threshold', ${SIMILARITY_THRESHOLD}, true),
                            set_config('pg_trgm.word_similarity_threshold', ${WORD_SIMILARITY_THRESHOLD}, true),
                            set_config('enable_seqscan', 'off', true)`;
  return tx.$queryRaw<Ranked[]>`
    WITH candidates AS (
      SELECT id, greatest(similarity(name, ${q}), word_similarity(${q}, name)) AS score
        FROM "Product" WHERE name % ${q}
      UNION ALL
      SELECT id, word_similarity(${q}, name) FROM "Product" WHERE ${q} <% name
      UNION ALL
      SELECT id, similarity(brand, ${q}) FROM "Product" WHERE brand % ${q}
      UNION ALL
      SELECT "productId", greatest(similarity(sku, ${q}), word_similarity(${q}, sku)) FROM "Variant" WHERE sku % ${q}
      UNION ALL
      SELECT "productId", word_similarity(${q}, sku) FROM "Variant" WHERE ${q} <% sku
    ), best AS (
      SELECT id, max(score) AS score FROM candidates GROUP BY id
    )
    SELECT p.id
      FROM best b
      JOIN "Product" p ON p.id = b.id
     WHERE ${includeInactive} OR p.active
     ORDER BY lower(p.name) = lower(${q}) DESC, b.score DESC, p.name, p.id
     LIMIT ${limit}`;
}

/** Ranked by similarity, active products only unless asked, at most 20. */
export async function searchProducts(db: Db, input: TSearch, actor: Actor): Promise<ProductDto[]> {
  const limit = Math.min(input.limit ?? SEARCH_LIMIT, SEARCH_LIMIT);
  // A transaction only to scope the settings above; the products are read outside it with normal planning.
  const ranked = await db.$transaction((tx) => rankedIds(tx, input.q, input.includeInactive ?? false, limit));
  if (ranked.length === 0) return [];
  const rank = new Map(ranked.map((row, index) => [row.id, index]));
  const products = await readProducts(db, { where: { id: { in: [...rank.keys()] } } }, actor);
  return products.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
}
