// Variants of a product: which sizes exist, their SKUs and barcodes. Generated codes are deterministic per
// product (so a re-run of the seed prints the same labels) and skip codes somebody already typed in by hand.
import { Prisma, type Db } from "@pos/db";
import { ean13FromSequence, type TBarcodeSuggestParsed } from "@pos/validators";
import { DomainError } from "../errors.ts";

type Tx = Prisma.TransactionClient;

export interface VariantDraft {
  sizeLabel: string | null;
  sku?: string | undefined;
  barcode?: string | undefined;
  priceOverride?: string | null | undefined;
  active?: boolean | undefined;
  position: number;
}

export type PlannedVariant = VariantDraft & { sku: string; barcode: string };

/**
 * GS1 prefixes 200–299 are for in-store numbering, so generated barcodes can never clash with a supplier's
 * real EAN. Body: "20" + product id (8 digits) + slot (2 digits) → at most 100 generated codes per product.
 */
const STORE_PREFIX = "20";
const SLOTS = 100;

export function skuStem(productName: string, productId: number): string {
  const letters = productName
    .normalize("NFD")
    .replace(/[^A-Za-z0-9]/g, "")
    .toUpperCase()
    .slice(0, 3);
  return `${letters.padEnd(3, "X")}-${String(productId).padStart(4, "0")}`;
}

const sizeToken = (label: string | null) =>
  label === null
    ? ""
    : `-${label
        .normalize("NFD")
        .replace(/[^A-Za-z0-9]/g, "")
        .toUpperCase()
        .slice(0, 10)}`;

/** Fills in missing SKUs ("REM-0001-M") and barcodes (in-store EAN-13), avoiding codes already in use. */
export async function assignCodes(
  tx: Tx,
  product: { id: number; name: string },
  drafts: readonly VariantDraft[],
): Promise<PlannedVariant[]> {
  const stem = skuStem(product.name, product.id);
  const slots = Array.from({ length: SLOTS }, (_, slot) => ean13FromSequence(STORE_PREFIX, product.id * SLOTS + slot));
  const skuRows = await tx.variant.findMany({ where: { sku: { startsWith: stem } }, select: { sku: true } });
  const barcodeRows = await tx.variant.findMany({ where: { barcode: { in: slots } }, select: { barcode: true } });
  const usedSkus = new Set([...skuRows.map((row) => row.sku), ...drafts.flatMap((d) => (d.sku ? [d.sku] : []))]);
  const usedBarcodes = new Set([
    ...barcodeRows.map((row) => row.barcode),
    ...drafts.flatMap((d) => (d.barcode ? [d.barcode] : [])),
  ]);
  const freeBarcodes = slots.filter((code) => !usedBarcodes.has(code));

  return drafts.map((draft) => {
    let sku = draft.sku;
    if (!sku) {
      const base = `${stem}${sizeToken(draft.sizeLabel)}`;
      sku = base;
      for (let n = 2; usedSkus.has(sku); n += 1) sku = `${base}-${n}`;
      usedSkus.add(sku);
    }
    const barcode = draft.barcode ?? freeBarcodes.shift();
    if (!barcode) {
      throw new DomainError("CONFLICT", `No free generated barcode left for ${product.name}; enter barcodes by hand.`);
    }
    return { ...draft, sku, barcode };
  });
}

function firstDuplicate(values: readonly string[]): string | undefined {
  const seen = new Set<string>();
  return values.find((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

/**
 * Refuses SKUs or barcodes that repeat within the product or belong to another variant, naming the holder:
 * "Barcode 7790001000017 is already used by REM-0001-M". `ownIds` are variants being rewritten in place.
 */
export async function assertCodesFree(
  tx: Tx,
  variants: readonly { sku: string; barcode: string }[],
  ownIds: readonly number[] = [],
): Promise<void> {
  const skus = variants.map((variant) => variant.sku);
  const barcodes = variants.map((variant) => variant.barcode);
  for (const [field, values] of [
    ["SKU", skus],
    ["Barcode", barcodes],
  ] as const) {
    const repeated = firstDuplicate(values);
    if (repeated !== undefined) {
      throw new DomainError("BAD_REQUEST", `${field} ${repeated} is given to two variants; each needs its own.`, {
        field: field.toLowerCase(),
        value: repeated,
      });
    }
  }
  const holder = await tx.variant.findFirst({
    where: { OR: [{ sku: { in: skus } }, { barcode: { in: barcodes } }], id: { notIn: [...ownIds] } },
    select: { sku: true, barcode: true },
  });
  if (!holder) return;
  const field = barcodes.includes(holder.barcode) ? "barcode" : "sku";
  const value = field === "barcode" ? holder.barcode : holder.sku;
  throw new DomainError(
    "CONFLICT",
    `${field === "barcode" ? "Barcode" : "SKU"} ${value} is already used by ${holder.sku}. Use another code.`,
    { field, value, usedBy: holder.sku },
  );
}

/** Display order: the size system's own order, then anything else in the order given. */
export function positionOf(sizes: readonly (string | null)[], label: string | null, fallback: number): number {
  const index = sizes.indexOf(label);
  return index >= 0 ? index : sizes.length + fallback;
}

/** A unique index we check beforehand can still trip when two managers save at once: answer as CONFLICT. */
export function asConflict(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new DomainError("CONFLICT", "Another change just took the same SKU, barcode or name. Reload and try again.", {
      target: error.meta?.target ?? null,
    });
  }
  throw error;
}

/**
 * The next free in-store EAN-13 of a product, for a form's "generate" button: the same numbering as new
 * variants get, skipping codes in use and those the form already holds. Nothing is saved.
 */
export async function suggestBarcode(db: Db, input: TBarcodeSuggestParsed): Promise<{ barcode: string }> {
  const product = await db.product.findUnique({ where: { id: input.productId }, select: { id: true, name: true } });
  if (!product) throw new DomainError("NOT_FOUND", `Product ${input.productId} does not exist.`);
  const held: VariantDraft[] = input.taken.map((barcode) => ({ sizeLabel: null, sku: "HELD", barcode, position: 0 }));
  const planned = await db.$transaction((tx) =>
    assignCodes(tx, product, [...held, { sizeLabel: null, sku: "NEW", position: 0 }]),
  );
  const barcode = planned.at(-1)?.barcode;
  if (!barcode) throw new Error("assignCodes returned no code for one draft");
  return { barcode };
}
