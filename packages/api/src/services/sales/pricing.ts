// Prices a sale on the server: catalog prices and costs, the store's tax mode, the payment methods' discounts,
// surcharges and installment plans, and who may give what discount. The register shows the same numbers
// through the same `computeSaleTotals`; here they are decided.
import type { Db, PaymentType, Role, SaleChannel } from "@pos/db";
import {
  amountDue,
  computeSaleTotals,
  fromCents,
  percentOf,
  toCents,
  TotalsError,
  type Cents,
  type SaleTotals,
} from "@pos/validators";
import { DomainError } from "../../errors.ts";
import { describeVariant, type Tx, type VariantFacts } from "../stock-ledger.ts";

export interface PricingLine {
  variantId: number;
  quantity: number;
  /** Decimal string; a price other than the catalog's needs a manager (or comes from an offline register). */
  unitPrice?: string | undefined;
  discount?: string | undefined;
}

export interface PricingPayment {
  methodId: number;
  /** Omitted: whatever the other payments leave of what is due (a shopper pays a whole order with one method). */
  base?: string | undefined;
  installments: number;
  tendered?: string | undefined;
  reference?: string | undefined;
}

export interface PricingRequest {
  channel: SaleChannel;
  lines: readonly PricingLine[];
  discount?: string | undefined;
  shipping?: Cents;
  /** Empty for an order whose payment is agreed later (WhatsApp): priced at what is due, no method terms. */
  payments: readonly PricingPayment[];
  /** Staff selling (limits apply by role); null for a shopper, who gets catalog prices and no discounts. */
  seller: { role: Role } | null;
  /** Offline sync (domain rule 2): price drift and discount limits are reported, not refused. */
  offline: boolean;
}

export interface PricedLine {
  variantId: number;
  quantity: number;
  productName: string;
  sizeLabel: string | null;
  sku: string;
  unitPrice: Cents;
  unitCost: Cents;
  discount: Cents;
  taxRate: string;
  lineTotal: Cents;
}

export interface PricedPayment {
  methodId: number;
  methodName: string;
  type: PaymentType;
  base: Cents;
  amount: Cents;
  installments: number;
  /** The positive part of the adjustment (a method discount is part of the sale discount instead). */
  surcharge: Cents;
  tendered: Cents | null;
  reference: string | null;
}

export interface PricedSale {
  lines: PricedLine[];
  payments: PricedPayment[];
  totals: SaleTotals;
  /** Cash handed back: Σ (tendered − amount) over cash payments. */
  change: Cents;
  /** What an offline sale did beyond the rules (price drift, discounts above the limit): for the audit log. */
  deviations: string[];
  /** What the stock ledger needs to know about the variants, read here already. */
  stockFacts: Map<number, VariantFacts>;
}

/**
 * What one unit of a size sells for on a channel: its own price when it has one, else (off the register) the
 * product's online price, else its list price. The storefront shows prices with this same rule.
 */
export function listedPrice<Money>(
  prices: { priceOverride: Money | null; onlinePrice: Money | null; price: Money },
  channel: SaleChannel,
): Money {
  return prices.priceOverride ?? (channel !== "POS" ? prices.onlinePrice : null) ?? prices.price;
}

interface CatalogRow {
  id: number;
  sku: string;
  sizeLabel: string | null;
  active: boolean;
  priceOverride: string | null;
  productId: number;
  name: string;
  price: string;
  onlinePrice: string | null;
  cost: string;
  taxRate: string;
  productActive: boolean;
  minStock: number;
}

interface MethodRow {
  id: number;
  name: string;
  type: PaymentType;
  active: boolean;
  adjustmentPercent: string;
  plans: { installments: number; surchargePercent: string }[];
}

interface TermsRow {
  config: { pricesIncludeTax: boolean; cashierMaxDiscountPercent: string } | null;
  methods: MethodRow[];
}

const DEFAULT_CONFIG = { pricesIncludeTax: true, cashierMaxDiscountPercent: "10" };

/**
 * Everything pricing needs in one round trip: the variants with their products, the store's tax mode and
 * discount limit, and the payment methods used with their active plans. Numbers come back as text so no
 * price passes through a float.
 */
async function loadPricingFacts(db: Db | Tx, variantIds: number[], methodIds: number[]) {
  const rows = await db.$queryRaw<(TermsRow & { catalog: CatalogRow[] })[]>`
    SELECT COALESCE((SELECT json_agg(json_build_object('id', v."id", 'sku', v."sku", 'sizeLabel', v."sizeLabel",
                   'active', v."active", 'priceOverride', v."priceOverride"::text, 'productId', p."id",
                   'name', p."name", 'price', p."price"::text, 'onlinePrice', p."onlinePrice"::text,
                   'cost', p."cost"::text, 'taxRate', p."taxRate"::text, 'productActive', p."active",
                   'minStock', p."minStock"))
              FROM "Variant" v JOIN "Product" p ON p."id" = v."productId"
             WHERE v."id" = ANY(${variantIds}::int[])), '[]') AS "catalog",
           (SELECT json_build_object('pricesIncludeTax', c."pricesIncludeTax",
                   'cashierMaxDiscountPercent', c."cashierMaxDiscountPercent"::text)
              FROM "StoreConfig" c WHERE c."id" = 1) AS "config",
           COALESCE((SELECT json_agg(json_build_object('id', m."id", 'name', m."name", 'type', m."type",
                   'active', m."active", 'adjustmentPercent', m."adjustmentPercent"::text,
                   'plans', (SELECT COALESCE(json_agg(json_build_object('installments', pl."installments",
                                    'surchargePercent', pl."surchargePercent"::text)), '[]')
                               FROM "InstallmentPlan" pl WHERE pl."methodId" = m."id" AND pl."active")))
              FROM "PaymentMethodConfig" m WHERE m."id" = ANY(${methodIds}::int[])), '[]') AS "methods"`;
  const row = rows[0];
  return {
    catalog: new Map((row?.catalog ?? []).map((variant) => [variant.id, variant])),
    config: row?.config ?? DEFAULT_CONFIG,
    methods: new Map((row?.methods ?? []).map((method) => [method.id, method])),
  };
}

/** Adds basis-point precise percentages given as decimal strings ("-10" + "0" → "-10.00"). */
function addPercents(a: string, b: string): string {
  return fromCents(toCents(a) + toCents(b));
}

function refuse(offline: boolean, deviations: string[], code: "FORBIDDEN" | "CONFLICT", message: string): void {
  if (offline) deviations.push(message);
  else throw new DomainError(code, message);
}

/** Reads with `db` (before a sale's transaction) or inside one (`tx`); writes nothing. */
export async function priceSale(db: Db | Tx, request: PricingRequest): Promise<PricedSale> {
  const { seller, offline } = request;
  const deviations: string[] = [];
  const { catalog, config, methods } = await loadPricingFacts(
    db,
    request.lines.map((line) => line.variantId),
    [...new Set(request.payments.map((payment) => payment.methodId))],
  );
  const isManager = seller?.role === "MANAGER" || seller?.role === "ADMIN";
  const discountLimit = isManager ? "100" : seller ? config.cashierMaxDiscountPercent : "0";

  const lines = request.lines.map((line): PricedLine => {
    const variant = catalog.get(line.variantId);
    if (!variant) {
      throw new DomainError("NOT_FOUND", `Item ${line.variantId} does not exist. Reload the catalog and try again.`, {
        variantId: line.variantId,
      });
    }
    const what = describeVariant({ sizeLabel: variant.sizeLabel, product: { name: variant.name } });
    if (!variant.active || !variant.productActive) {
      refuse(offline, deviations, "CONFLICT", `${what} is no longer sold.`);
    }
    const catalogPrice = toCents(listedPrice(variant, request.channel));
    const unitPrice = line.unitPrice === undefined ? catalogPrice : toCents(line.unitPrice);
    if (unitPrice !== catalogPrice && !isManager) {
      refuse(offline, deviations, "FORBIDDEN", `Only a manager can change the price of ${what}.`);
    }
    const discount = toCents(line.discount ?? "0");
    const gross = unitPrice * line.quantity;
    if (discount > 0 && discount > percentOf(gross, discountLimit)) {
      refuse(offline, deviations, "FORBIDDEN", `The discount on ${what} is above the ${discountLimit} % you may give.`);
    }
    return {
      variantId: variant.id,
      quantity: line.quantity,
      productName: variant.name,
      sizeLabel: variant.sizeLabel,
      sku: variant.sku,
      unitPrice,
      unitCost: toCents(variant.cost),
      discount,
      taxRate: variant.taxRate,
      lineTotal: gross - discount,
    };
  });

  const saleDiscount = toCents(request.discount ?? "0");
  const subtotal = lines.reduce((sum, line) => sum + line.lineTotal, 0);
  if (saleDiscount > 0 && saleDiscount > percentOf(subtotal, discountLimit)) {
    refuse(offline, deviations, "FORBIDDEN", `The sale discount is above the ${discountLimit} % you may give.`);
  }

  const paymentFacts = request.payments.map((payment) => {
    const method = methods.get(payment.methodId);
    if (!method) throw new DomainError("NOT_FOUND", `Payment method ${payment.methodId} does not exist.`);
    if (!method.active && !offline) {
      throw new DomainError("CONFLICT", `${method.name} is not accepted any more. Choose another payment method.`);
    }
    let adjustment = method.adjustmentPercent;
    if (payment.installments > 1 || method.plans.length > 0) {
      const plan = method.plans.find((candidate) => candidate.installments === payment.installments);
      if (!plan && payment.installments > 1) {
        throw new DomainError("BAD_REQUEST", `${method.name} does not offer ${payment.installments} installments.`);
      }
      if (plan) adjustment = addPercents(adjustment, plan.surchargePercent);
    }
    if (payment.tendered !== undefined && method.type !== "CASH") {
      throw new DomainError("BAD_REQUEST", `Only cash payments take a tendered amount (not ${method.name}).`);
    }
    return { payment, method, adjustment };
  });

  let totals: SaleTotals;
  try {
    const goods = { lines, saleDiscount, shipping: request.shipping ?? 0, pricesIncludeTax: config.pricesIncludeTax };
    const due = amountDue(goods);
    const given = paymentFacts.reduce((sum, { payment }) => sum + (payment.base ? toCents(payment.base) : 0), 0);
    const bases = paymentFacts.map(({ payment, adjustment }) => ({
      base: payment.base === undefined ? due - given : toCents(payment.base),
      adjustmentPercent: adjustment,
    }));
    // No payments: one notional payment of what is due, left out of `payments` below.
    totals = computeSaleTotals({
      ...goods,
      payments: bases.length > 0 ? bases : [{ base: due, adjustmentPercent: "0" }],
    });
  } catch (error) {
    if (error instanceof TotalsError) throw new DomainError("BAD_REQUEST", error.message, { field: error.field });
    throw error;
  }

  let change = 0;
  const payments = paymentFacts.map(({ payment, method }, index): PricedPayment => {
    const figures = totals.payments[index];
    if (!figures) throw new Error("computeSaleTotals returned fewer payments than it was given");
    const tendered = payment.tendered === undefined ? null : toCents(payment.tendered);
    if (tendered !== null) {
      if (tendered < figures.amount) {
        throw new DomainError(
          "BAD_REQUEST",
          `${fromCents(tendered)} in cash does not cover ${fromCents(figures.amount)}: ask for more or lower the cash part.`,
        );
      }
      change += tendered - figures.amount;
    }
    return {
      methodId: method.id,
      methodName: method.name,
      type: method.type,
      base: figures.base,
      amount: figures.amount,
      installments: payment.installments,
      surcharge: Math.max(figures.adjustment, 0),
      tendered,
      reference: payment.reference ?? null,
    };
  });
  const stockFacts = new Map(
    [...catalog.values()].map((variant): [number, VariantFacts] => [
      variant.id,
      {
        sizeLabel: variant.sizeLabel,
        product: {
          id: variant.productId,
          name: variant.name,
          minStock: variant.minStock,
          active: variant.productActive,
        },
      },
    ]),
  );
  return {
    lines: lines.map((line, index) => ({ ...line, lineTotal: totals.lines[index]?.lineTotal ?? line.lineTotal })),
    payments,
    totals,
    change,
    deviations,
    stockFacts,
  };
}
