// What the catalog hands out, and to whom. Cost is in exactly one shape (managers and admins); everyone else
// gets a shape that never selects it, so it cannot leak through a forgotten `delete` (domain rule 6).
// Money leaves the API as decimal strings ("59990.00"), never as floats nor as Decimal objects.
import type { Prisma, Role } from "@pos/db";

export const variantSelect = {
  id: true,
  sku: true,
  barcode: true,
  sizeLabel: true,
  position: true,
  priceOverride: true,
  active: true,
} satisfies Prisma.VariantSelect;

const productBase = {
  id: true,
  name: true,
  slug: true,
  description: true,
  brand: true,
  categoryId: true,
  price: true,
  onlinePrice: true,
  taxClass: true,
  taxRate: true,
  minStock: true,
  active: true,
  showOnline: true,
  featured: true,
  sizeSystem: true,
  customSizes: true,
  createdAt: true,
  updatedAt: true,
  category: { select: { id: true, name: true, slug: true } },
  variants: { select: variantSelect, orderBy: [{ position: "asc" }, { id: "asc" }] },
} satisfies Prisma.ProductSelect;

/** Cashiers (and, later, the storefront): everything but cost. */
export const productPublicSelect = productBase satisfies Prisma.ProductSelect;

/** Managers and admins: the public shape plus cost. */
export const productStaffSelect = { ...productBase, cost: true } satisfies Prisma.ProductSelect;

export const categorySelect = {
  id: true,
  name: true,
  slug: true,
  parentId: true,
  sortOrder: true,
  active: true,
} satisfies Prisma.CategorySelect;

type VariantRow = Prisma.VariantGetPayload<{ select: typeof variantSelect }>;
type PublicRow = Prisma.ProductGetPayload<{ select: typeof productPublicSelect }>;
type StaffRow = Prisma.ProductGetPayload<{ select: typeof productStaffSelect }>;

const money = (value: Prisma.Decimal): string => value.toFixed(2);
const moneyOrNull = (value: Prisma.Decimal | null): string | null => (value === null ? null : money(value));

export function toVariantDto(variant: VariantRow) {
  return { ...variant, priceOverride: moneyOrNull(variant.priceOverride) };
}
export type VariantDto = ReturnType<typeof toVariantDto>;

export function toPublicProductDto(row: PublicRow) {
  return {
    ...row,
    price: money(row.price),
    onlinePrice: moneyOrNull(row.onlinePrice),
    taxRate: money(row.taxRate),
    variants: row.variants.map(toVariantDto),
  };
}
export type PublicProductDto = ReturnType<typeof toPublicProductDto>;

export function toStaffProductDto(row: StaffRow) {
  return { ...toPublicProductDto(row), cost: money(row.cost) };
}
export type StaffProductDto = ReturnType<typeof toStaffProductDto>;

export type ProductDto = PublicProductDto | StaffProductDto;

/** Whether this role may see cost prices. */
export const seesCost = (role: Role): boolean => role === "MANAGER" || role === "ADMIN";
