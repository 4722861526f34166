// The pure part of a product update: which variants change, which are added, and what the price audit says.
// No database here, so the rules can be read (and tested) apart from the transaction that applies them.
import type { Prisma } from "@pos/db";
import type { TProductUpdateParsed } from "@pos/validators";
import { DomainError } from "../errors.ts";
import { positionOf, type VariantDraft } from "./product-variants.ts";

export interface ExistingVariant {
  id: number;
  sizeLabel: string | null;
  sku: string;
  barcode: string;
  priceOverride: Prisma.Decimal | null;
  active: boolean;
}

export interface VariantUpdate {
  id: number;
  sizeLabel?: string | null;
  sku?: string;
  barcode?: string;
  priceOverride?: string | null;
  active?: boolean;
  position?: number;
}

export interface VariantPlan {
  updates: VariantUpdate[];
  creates: VariantDraft[];
  /** Size labels of the variants active once the plan is applied. */
  activeLabels: (string | null)[];
  /** Final codes of the variants rewritten in place, and their ids (so they do not conflict with themselves). */
  finalCodes: { sku: string; barcode: string }[];
  rewrittenIds: number[];
}

type VariantInput = NonNullable<TProductUpdateParsed["variants"]>[number];

const defined = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * With a variant list: entries with an id (or naming an existing size) update that variant, others are added.
 * Without one but with new sizing: sizes now outside the system are retired, missing ones are generated.
 */
export function planVariantChanges(
  existing: readonly ExistingVariant[],
  input: readonly VariantInput[] | undefined,
  sizes: readonly (string | null)[],
  sizingChanged: boolean,
): VariantPlan {
  const updates: VariantUpdate[] = [];
  const creates: VariantDraft[] = [];
  if (input) {
    input.forEach(({ id, ...fields }, index) => {
      const target =
        id === undefined
          ? existing.find((variant) => variant.sizeLabel === fields.sizeLabel)
          : existing.find((variant) => variant.id === id);
      if (id !== undefined && !target) {
        throw new DomainError("NOT_FOUND", `Variant ${id} is not part of this product. Reload and try again.`, {
          variantId: id,
        });
      }
      const position = positionOf(sizes, fields.sizeLabel, index);
      // Naming an existing size without its id brings that variant back rather than adding a twin.
      const active = fields.active ?? (id === undefined ? true : undefined);
      if (target) updates.push({ ...defined({ ...fields, active }), id: target.id, position });
      else creates.push({ ...fields, position });
    });
  } else if (sizingChanged) {
    for (const variant of existing) {
      const active = sizes.includes(variant.sizeLabel);
      if (active !== variant.active) updates.push({ id: variant.id, active });
    }
    sizes.forEach((sizeLabel, index) => {
      if (!existing.some((variant) => variant.sizeLabel === sizeLabel)) creates.push({ sizeLabel, position: index });
    });
  }

  const byId = new Map(updates.map((update) => [update.id, update]));
  const final = existing.map((variant) => ({ ...variant, ...byId.get(variant.id) }));
  return {
    updates,
    creates,
    activeLabels: [
      ...final.filter((variant) => variant.active).map((variant) => variant.sizeLabel),
      ...creates.filter((draft) => draft.active !== false).map((draft) => draft.sizeLabel),
    ],
    finalCodes: final
      .filter((variant) => byId.has(variant.id))
      .map((variant) => ({ sku: variant.sku, barcode: variant.barcode })),
    rewrittenIds: [...byId.keys()],
  };
}

type Money = Prisma.Decimal | null;
const text = (value: Money): string | null => (value === null ? null : value.toFixed(2));

/**
 * Old and new amounts of whatever price moved, for the "product.price_changed" audit event; null when
 * nothing did. Variant overrides are keyed by SKU: `priceOverride:REM-0001-M`.
 */
export function priceChanges(
  current: { price: Prisma.Decimal; onlinePrice: Money; cost: Prisma.Decimal; variants: readonly ExistingVariant[] },
  fields: Pick<TProductUpdateParsed, "price" | "onlinePrice" | "cost">,
  updates: readonly VariantUpdate[],
): { old: Record<string, string | null>; new: Record<string, string | null> } | null {
  const before: Record<string, string | null> = {};
  const after: Record<string, string | null> = {};
  const note = (key: string, old: string | null, next: string | null | undefined) => {
    if (next === undefined || next === old) return;
    before[key] = old;
    after[key] = next;
  };
  note("price", text(current.price), fields.price);
  note("onlinePrice", text(current.onlinePrice), fields.onlinePrice);
  note("cost", text(current.cost), fields.cost);
  for (const update of updates) {
    const variant = current.variants.find((candidate) => candidate.id === update.id);
    if (variant) note(`priceOverride:${variant.sku}`, text(variant.priceOverride), update.priceOverride);
  }
  return Object.keys(after).length > 0 ? { old: before, new: after } : null;
}
