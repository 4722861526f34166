// The catalog generator: categories, products, one variant per size, barcodes, prices and image rows, all drawn
// from one PRNG stream so the same seed gives the same catalog. It streams rows into the sink product by
// product (100,000 products never sit in memory as rows) and keeps only what the sales simulation needs.
import { applyPercent, ean13FromSequence, fromCents, percentOf } from "@pos/validators";
import { BRANDS, CATEGORIES, CLOTHING_SIZE_WEIGHTS, CLOTHING_SIZES, COLORS, MODELS } from "./catalog-data.ts";
import { ROOT_CATEGORIES, SHOE_SIZES, type CategoryDef, type Gender } from "./catalog-data.ts";
import type { Random } from "./random.ts";
import type { RowSink } from "./rows.ts";
import { categorySvg, productSvg } from "./svg.ts";

export interface CatalogOptions {
  products: number;
  createdAt: Date;
  /** "product": one SVG per product (demo); "category": one shared SVG per category (large catalog). */
  images: "product" | "category";
}

/** What the sales simulation needs to know about a variant. Index in `Catalog.variants` = id − 1. */
export interface CatalogVariant {
  id: number;
  productId: number;
  sku: string;
  sizeLabel: string | null;
  priceCents: number;
  /** The storefront price: the variant override, else the product's online price, else its price. */
  onlinePriceCents: number;
  costCents: number;
  minStock: number;
  /** How often this size sells relative to its siblings. */
  sizeWeight: number;
}

export interface CatalogProduct {
  name: string;
  sellable: boolean;
  online: boolean;
  firstVariant: number;
  variantCount: number;
}

export interface Catalog {
  products: CatalogProduct[];
  variants: CatalogVariant[];
  /** Cumulative popularity over products (index = product id − 1): a few best sellers, a long tail. */
  popularity: Float64Array;
  /** Placeholder images to write, by path relative to the uploads directory. */
  files: Map<string, string>;
}

/** Argentina's GS1 prefix 779, then "00" and a 7-digit running number: room for 10 million variants. */
export const BARCODE_PREFIX = "77900";
const TAX_RATE = "21.00";

export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** The whole pesos in an amount of cents (integer division: exact). */
function wholePesos(cents: number): number {
  return (cents - (cents % 100)) / 100;
}

/** Whole pesos → a shelf price in cents ending in 999 pesos (and now and then in ,99). */
function shelfPrice(rng: Random, pesos: number): number {
  const rounded = Math.max(999, Math.floor(pesos / 1000) * 1000 - 1);
  return rounded * 100 + (rng.chance(0.15) ? 99 : 0);
}

function pickGender(rng: Random, def: CategoryDef): Gender | null {
  if (def.kind === "NONE") return null;
  if (def.slug === "calzas") return rng.chance(0.9) ? "Mujer" : "Unisex";
  return rng.weighted<Gender>([
    ["Hombre", 45],
    ["Mujer", 40],
    ["Unisex", 15],
  ]);
}

function sizesFor(def: CategoryDef, gender: Gender | null): { label: string | null; weight: number }[] {
  if (def.kind === "CLOTHING")
    return CLOTHING_SIZES.map((label, i) => ({ label, weight: CLOTHING_SIZE_WEIGHTS[i] ?? 1 }));
  if (def.kind === "SHOES") {
    const run = SHOE_SIZES[gender ?? "Unisex"];
    const middle = (run.length - 1) / 2;
    // Middle sizes sell most: a triangle over the run.
    return run.map((size, i) => ({ label: String(size), weight: 1 + middle - Math.abs(i - middle) }));
  }
  return [{ label: null, weight: 1 }];
}

function writeCategories(sink: RowSink, createdAt: Date): Map<string, number> {
  const ids = new Map<string, number>();
  const all: readonly { slug: string; name: string; parent?: string }[] = [...ROOT_CATEGORIES, ...CATEGORIES];
  all.forEach((def, index) => {
    const id = index + 1;
    ids.set(def.slug, id);
    sink.push("Category", {
      id,
      name: def.name,
      slug: def.slug,
      parentId: def.parent === undefined ? null : (ids.get(def.parent) ?? null),
      sortOrder: index < ROOT_CATEGORIES.length ? index : CATEGORIES.findIndex((c) => c.slug === def.slug),
      active: true,
      createdAt,
      updatedAt: createdAt,
    });
  });
  return ids;
}

/** Rows of the large catalog go out in slices, so they never all wait in memory at once. */
const FLUSH_EVERY = 10_000;

export async function generateCatalog(rng: Random, options: CatalogOptions, sink: RowSink): Promise<Catalog> {
  const { createdAt } = options;
  const categoryIds = writeCategories(sink, createdAt);
  const categoryPick = CATEGORIES.map((def) => [def, def.share] as const);
  const digits = Math.max(4, String(options.products).length);
  const slugs = new Set<string>();
  const files = new Map<string, string>();
  const products: CatalogProduct[] = [];
  const variants: CatalogVariant[] = [];
  const popularity = new Float64Array(options.products);
  // Popularity by rank over a shuffled order: weight 1 / rank^0.6 gives best sellers without starving the tail.
  const ranks = rng.shuffle(Array.from({ length: options.products }, (_, i) => i + 1));
  let cumulative = 0;
  let imageId = 0;

  if (options.images === "category") {
    for (const def of CATEGORIES) files.set(`demo/categories/${def.slug}.svg`, categorySvg(def.name, def.color));
  }

  for (let index = 0; index < options.products; index += 1) {
    const productId = index + 1;
    const def = rng.weighted(categoryPick);
    const type = rng.pick(def.types.split(" | "));
    const brand = rng.pick(BRANDS);
    const model = rng.pick(MODELS);
    const [colorName, colorHex] = rng.pick(COLORS);
    const gender = pickGender(rng, def);
    const name = `${type} ${brand} ${model}${gender ? ` ${gender}` : ""} ${colorName}`;
    let slug = slugify(name);
    if (slugs.has(slug)) slug = `${slug}-${productId}`;
    slugs.add(slug);

    const price = shelfPrice(rng, rng.int(def.price[0], def.price[1]));
    const cost = percentOf(price, rng.int(45, 60));
    const onlineDiscount = rng.chance(0.25) ? rng.int(5, 12) : 0;
    const online = onlineDiscount ? shelfPrice(rng, wholePesos(applyPercent(price, -onlineDiscount))) : null;
    const bigSizeSurcharge = def.kind !== "NONE" && rng.chance(0.2);
    const minStock = rng.int(def.minStock[0], def.minStock[1]);
    const active = rng.chance(0.98);
    const showOnline = rng.chance(0.94);
    const sizes = sizesFor(def, gender);
    const code = `${def.code}-${String(productId).padStart(digits, "0")}`;

    sink.push("Product", {
      id: productId,
      name,
      slug,
      description: `${type} ${brand} línea ${model}, color ${colorName.toLowerCase()}. ${def.blurb}`,
      brand,
      categoryId: categoryIds.get(def.slug) ?? 0,
      price: fromCents(price),
      cost: fromCents(cost),
      onlinePrice: online === null ? null : fromCents(online),
      taxClass: "STANDARD",
      taxRate: TAX_RATE,
      minStock,
      active,
      showOnline,
      featured: rng.chance(0.04),
      sizeSystem: def.kind,
      customSizes: [],
      createdAt,
      updatedAt: createdAt,
    });

    const firstVariant = variants.length;
    sizes.forEach((size, position) => {
      const id = variants.length + 1;
      // Bigger sizes use more material: some products charge 10 % more for XXL and shoe sizes 45–46.
      const large = size.label === "XXL" || size.label === "45" || size.label === "46";
      const override = bigSizeSurcharge && large ? shelfPrice(rng, wholePesos(applyPercent(price, 10)) + 1000) : null;
      const sku = size.label === null ? code : `${code}-${size.label}`;
      sink.push("Variant", {
        id,
        productId,
        sku,
        barcode: ean13FromSequence(BARCODE_PREFIX, id),
        sizeLabel: size.label,
        position,
        priceOverride: override === null ? null : fromCents(override),
        active: true,
        createdAt,
        updatedAt: createdAt,
      });
      variants.push({
        id,
        productId,
        sku,
        sizeLabel: size.label,
        priceCents: override ?? price,
        onlinePriceCents: override ?? online ?? price,
        costCents: cost,
        minStock,
        sizeWeight: size.weight,
      });
    });

    const imagePath = options.images === "product" ? `demo/${slug}.svg` : `demo/categories/${def.slug}.svg`;
    if (options.images === "product") {
      files.set(imagePath, productSvg({ name, brand, type, model, colorName, colorHex, background: def.color }));
    }
    imageId += 1;
    sink.push("ProductImage", {
      id: imageId,
      productId,
      url: `/uploads/${imagePath}`,
      publicId: imagePath,
      alt: name,
      position: 0,
      createdAt,
    });

    const sellable = active;
    products.push({ name, sellable, online: active && showOnline, firstVariant, variantCount: sizes.length });
    cumulative += sellable ? 1 / Math.pow(ranks[index] ?? 1, 0.6) : 0;
    popularity[index] = cumulative;
    if (productId % FLUSH_EVERY === 0) await sink.flush();
  }
  return { products, variants, popularity, files };
}
