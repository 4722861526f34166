// What a register needs before the first scan: the store's selling terms, the payment methods it can take, and
// its branch's catalog with stock, so a scan adds a line from memory instead of a round trip (and keeps working
// offline). The register prices with the same computeSaleTotals the server checks its totals with.
import type { Db } from "@pos/db";
import type { TRegisterCatalogParsed, TRegisterElsewhere } from "@pos/validators";
import { readStoreInfo } from "./store-info.ts";
import { STORE_TIME_ZONE } from "./z-report.ts";

export interface RegisterPaymentMethod {
  id: number;
  name: string;
  type: string;
  /** Percent: negative is a discount (cash), positive a surcharge. */
  adjustmentPercent: string;
  /** Card installments on offer and what each adds (percent); `1` without surcharge is implicit. */
  plans: { installments: number; surchargePercent: string }[];
}

export async function readRegisterSetup(db: Db, branch: { id: number; name: string; code: string }) {
  const [info, config, methods] = await Promise.all([
    readStoreInfo(db),
    db.storeConfig.findFirst({
      select: { pricesIncludeTax: true, cashierMaxDiscountPercent: true },
      orderBy: { id: "asc" },
    }),
    db.paymentMethodConfig.findMany({
      where: { active: true },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        type: true,
        adjustmentPercent: true,
        installmentPlans: {
          where: { active: true },
          orderBy: { installments: "asc" },
          select: { installments: true, surchargePercent: true },
        },
      },
    }),
  ]);
  const paymentMethods: RegisterPaymentMethod[] = methods.map((method) => ({
    id: method.id,
    name: method.name,
    type: method.type,
    adjustmentPercent: method.adjustmentPercent.toFixed(2),
    plans: method.installmentPlans.map((plan) => ({
      installments: plan.installments,
      surchargePercent: plan.surchargePercent.toFixed(2),
    })),
  }));
  return {
    branch: { id: branch.id, name: branch.name, code: branch.code },
    store: {
      name: info.storeName,
      currency: info.currency,
      locale: info.locale,
      /** The shop's clock: receipts and reports show times in it, wherever the register is. */
      timeZone: STORE_TIME_ZONE,
      pricesIncludeTax: config?.pricesIncludeTax ?? true,
      cashierMaxDiscountPercent: config?.cashierMaxDiscountPercent.toFixed(2) ?? "10.00",
    },
    paymentMethods,
  };
}

export interface RegisterCatalogItem {
  variantId: number;
  productId: number;
  name: string;
  brand: string;
  sizeLabel: string | null;
  sku: string;
  barcode: string;
  /** The variant's price: its override, else the product's. Decimal text. */
  price: string;
  taxRate: string;
  categoryId: number;
  /** On hand at the register's branch now (negative after an offline sale outran it). */
  stock: number;
}

/** One page of sellable variants in id order, with the branch's stock. */
export async function readRegisterCatalog(db: Db, input: TRegisterCatalogParsed) {
  const items = await db.$queryRaw<RegisterCatalogItem[]>`
    SELECT v.id AS "variantId", v."productId", p.name, p.brand, v."sizeLabel", v.sku, v.barcode,
           coalesce(v."priceOverride", p.price)::text AS price, p."taxRate"::text AS "taxRate", p."categoryId",
           coalesce(s.quantity, 0)::int AS stock
      FROM "Variant" v
      JOIN "Product" p ON p.id = v."productId"
      LEFT JOIN "StockLevel" s ON s."variantId" = v.id AND s."branchId" = ${input.branchId}
     WHERE v.active AND p.active AND v.id > ${input.afterId}
     ORDER BY v.id
     LIMIT ${input.limit}`;
  const last = items.at(-1);
  return { items, nextAfterId: items.length === input.limit && last ? last.variantId : null };
}

export interface StockElsewhere {
  variantId: number;
  branchId: number;
  branchName: string;
  quantity: number;
}

/**
 * Where else a product's sizes are on hand: the other active branches with stock, most first. A cashier may
 * see this much of another branch (it is what the storefront tells shoppers too), not its whole inventory.
 */
export async function readStockElsewhere(db: Db, input: TRegisterElsewhere): Promise<StockElsewhere[]> {
  return db.$queryRaw<StockElsewhere[]>`
    SELECT s."variantId", b.id AS "branchId", b.name AS "branchName", s.quantity
      FROM "StockLevel" s
      JOIN "Variant" v ON v.id = s."variantId"
      JOIN "Branch" b ON b.id = s."branchId"
     WHERE v."productId" = ${input.productId} AND v.active AND b.active
       AND s."branchId" <> ${input.branchId} AND s.quantity > 0
     ORDER BY s."variantId", s.quantity DESC, b.name`;
}
