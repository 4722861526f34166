// Catalog inputs (categories, products, variants, lookup, search), shared by the API and the admin forms so
// both refuse the same things: malformed money, impossible sizes, barcodes a scanner would never read.
import { z } from "zod";
import { isValidEan13 } from "./ean13.ts";
import { fromCents, toCents } from "./money.ts";

export const CLOTHING_SIZES = ["S", "M", "L", "XL", "XXL"] as const;
export const SHOE_SIZES = ["35", "36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46"] as const;
export const SIZE_SYSTEMS = ["NONE", "CLOTHING", "SHOES", "CUSTOM"] as const;
export type TSizeSystem = (typeof SIZE_SYSTEMS)[number];

/** A custom size list this long is a data-entry mistake, not a product. */
export const MAX_CUSTOM_SIZES = 50;
export const MAX_PAGE_SIZE = 100;
export const SEARCH_LIMIT = 20;

/**
 * The sizes a product is stocked in, in display order; `[null]` for a product without sizes (its single
 * variant has no size label).
 */
export function sizesFor(system: TSizeSystem, customSizes: readonly string[] = []): (string | null)[] {
  switch (system) {
    case "NONE":
      return [null];
    case "CLOTHING":
      return [...CLOTHING_SIZES];
    case "SHOES":
      return [...SHOE_SIZES];
    case "CUSTOM":
      return [...customSizes];
  }
}

/** Why these size labels do not fit the size system, or null when they do. */
export function sizeLabelProblem(
  system: TSizeSystem,
  customSizes: readonly string[],
  labels: readonly (string | null)[],
): string | null {
  if (system === "NONE") {
    return labels.length === 1 && labels[0] === null
      ? null
      : "A product without sizes has exactly one variant, with no size.";
  }
  const allowed = new Set(sizesFor(system, customSizes));
  const unknown = labels.find((label) => label === null || !allowed.has(label));
  if (unknown !== undefined) {
    const list = [...allowed].join(", ");
    return `Size ${unknown ?? "(none)"} is not in the product's sizes (${list || "no custom sizes yet"}).`;
  }
  if (new Set(labels).size !== labels.length) return "Each size may appear only once.";
  return null;
}

const id = z.number().int().positive();
const name = z.string().trim().min(1, { message: "Enter a name." }).max(120);

/** Decimal(12,2): up to ten whole digits and at most two decimals; normalised to "1234.50". */
export const ZMoney = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, {
    message: 'Enter an amount like "15999" or "15999.50": no sign, at most two decimals.',
  })
  .transform((value) => fromCents(toCents(value)));

const positiveMoney = ZMoney.refine((value) => toCents(value) > 0, { message: "The price must be above zero." });

/** What a label carries: 8–14 digits; 13 digits must be a valid EAN-13 (a scanner rejects a bad check digit). */
export const ZBarcode = z
  .string()
  .trim()
  .regex(/^\d{8,14}$/, { message: "A barcode is 8 to 14 digits." })
  .refine((code) => code.length !== 13 || isValidEan13(code), {
    message: "This EAN-13 has a wrong check digit; rescan or retype it.",
  });

export const ZSku = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9._-]{1,39}$/, { message: "A SKU is 2–40 letters, digits, '-', '_' or '.'." });

const sizeLabel = z.string().trim().min(1).max(20);

// ---- categories -------------------------------------------------------------------------------------------

export const ZCategoryCreate = z.object({
  name,
  parentId: id.nullable().default(null),
  active: z.boolean().default(true),
});
export type TCategoryCreate = z.input<typeof ZCategoryCreate>;

export const ZCategoryUpdate = z.object({
  id,
  name: name.optional(),
  parentId: id.nullable().optional(),
  active: z.boolean().optional(),
});
export type TCategoryUpdate = z.input<typeof ZCategoryUpdate>;

/** The new order of one parent's children: every child's id, once. */
export const ZCategoryReorder = z.object({
  parentId: id.nullable(),
  ids: z
    .array(id)
    .min(1)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, { message: "Each category may appear only once." }),
});
export type TCategoryReorder = z.input<typeof ZCategoryReorder>;

export const ZCategoryId = z.object({ id });

// ---- products ---------------------------------------------------------------------------------------------

/** One variant as a form sends it; SKU and barcode are generated when left out. */
export const ZVariantInput = z.object({
  id: id.optional(),
  sizeLabel: sizeLabel.nullable(),
  sku: ZSku.optional(),
  barcode: ZBarcode.optional(),
  priceOverride: positiveMoney.nullable().optional(),
  active: z.boolean().optional(),
});
export type TVariantInput = z.input<typeof ZVariantInput>;

const customSizes = z
  .array(sizeLabel)
  .max(MAX_CUSTOM_SIZES)
  .refine((sizes) => new Set(sizes).size === sizes.length, { message: "Each size may appear only once." });

const productFields = {
  name,
  description: z.string().trim().max(5000),
  brand: z.string().trim().max(80),
  categoryId: id,
  price: positiveMoney,
  cost: ZMoney,
  onlinePrice: positiveMoney.nullable(),
  taxRate: ZMoney.refine((value) => toCents(value) <= 10_000, { message: "A tax rate is 0–100 %." }),
  minStock: z.number().int().min(0).max(1_000_000),
  active: z.boolean(),
  showOnline: z.boolean(),
  featured: z.boolean(),
  sizeSystem: z.enum(SIZE_SYSTEMS),
  customSizes,
};

export const ZProductCreate = z
  .object({
    ...productFields,
    description: productFields.description.default(""),
    brand: productFields.brand.default(""),
    onlinePrice: productFields.onlinePrice.default(null),
    taxRate: productFields.taxRate.optional(),
    minStock: productFields.minStock.default(0),
    active: productFields.active.default(true),
    showOnline: productFields.showOnline.default(true),
    featured: productFields.featured.default(false),
    sizeSystem: productFields.sizeSystem.default("NONE"),
    customSizes: customSizes.default([]),
    /** Left out: one variant per size of the size system, with generated SKUs and barcodes. */
    variants: z
      .array(ZVariantInput.omit({ id: true }))
      .min(1)
      .max(100)
      .optional(),
  })
  .superRefine((product, ctx) => {
    if (product.sizeSystem === "CUSTOM" && product.customSizes.length === 0) {
      ctx.addIssue({ code: "custom", path: ["customSizes"], message: "List the sizes of a custom size system." });
    }
    if (product.variants) {
      const labels = product.variants.map((variant) => variant.sizeLabel);
      const problem = sizeLabelProblem(product.sizeSystem, product.customSizes, labels);
      if (problem) ctx.addIssue({ code: "custom", path: ["variants"], message: problem });
    }
  });
export type TProductCreate = z.input<typeof ZProductCreate>;
export type TProductCreateParsed = z.output<typeof ZProductCreate>;

/**
 * Only the fields sent change. Variants with an id are updated, variants without one are added; a variant
 * is retired with `active: false`, never deleted (sales and stock point at it).
 */
export const ZProductUpdate = z
  .object(productFields)
  .partial()
  .extend({ id, variants: z.array(ZVariantInput).min(1).max(100).optional() });
export type TProductUpdate = z.input<typeof ZProductUpdate>;
export type TProductUpdateParsed = z.output<typeof ZProductUpdate>;

export const ZProductId = z.object({ id });

/** Asks for a free in-store EAN-13 for a product; `taken` are codes the form already holds but has not saved. */
export const ZBarcodeSuggest = z.object({ productId: id, taken: z.array(z.string().max(20)).max(100).default([]) });
export type TBarcodeSuggest = z.input<typeof ZBarcodeSuggest>;
export type TBarcodeSuggestParsed = z.output<typeof ZBarcodeSuggest>;

export const ZProductList = z.object({
  q: z.string().trim().min(1).max(100).optional(),
  categoryId: id.optional(),
  brand: z.string().trim().min(1).max(80).optional(),
  active: z.boolean().optional(),
  showOnline: z.boolean().optional(),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  /** The `nextCursor` of the previous page. */
  cursor: id.nullish(),
});
export type TProductList = z.input<typeof ZProductList>;

/** A scanned or typed code: a barcode (exact) or a SKU (exact, case-insensitive). */
export const ZLookup = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/, { message: "Scan a barcode or type a SKU." }),
});
export type TLookup = z.input<typeof ZLookup>;

export const ZSearch = z.object({
  q: z.string().trim().min(1, { message: "Type something to search." }).max(100),
  /** Staff may include retired products (e.g. to find one to reactivate). */
  includeInactive: z.boolean().default(false),
  limit: z.number().int().min(1).max(SEARCH_LIMIT).default(SEARCH_LIMIT),
});
export type TSearch = z.input<typeof ZSearch>;
