// Prices a sale on the server: catalog prices and costs, the store's tax mode, the payment methods' discounts,
// surcharges and installment plans, and who may give what discount. The register shows the same numbers
// through the same `computeSaleTotals`; here they are decided.
import type { PaymentType, Role, SaleChannel } from "@pos/db";
import {
  computeSaleTotals,
  fromCents,
  percentOf,
  toCents,
  TotalsError,
  type Cents,
  type SaleTotals,
} from "@pos/validators";
import { DomainError } from "../../errors.ts";
import { describeVariant, type Tx } from "../stock-ledger.ts";

export interface PricingLine {
  variantId: number;
  quantity: number;
  /** Decimal string; a price other than the catalog's needs a manager (or comes from an offline register). */
  unitPrice?: string | undefined;
  discount?: string | undefined;
}

export interface PricingPayment {
  methodId: number;
  base: string;
  installments: number;
  tendered?: string | undefined;
  reference?: string | undefined;
}

export interface PricingRequest {
  channel: SaleChannel;
  lines: readonly PricingLine[];
  discount?: string | undefined;
  shipping?: Cents;
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
}

const DEFAULT_CONFIG = { pricesIncludeTax: true, cashierMaxDiscountPercent: "10" };

async function loadCatalog(tx: Tx, variantIds: number[]) {
  const variants = await tx.variant.findMany({
    where: { id: { in: variantIds } },
    select: {
      id: true,
      sku: true,
      sizeLabel: true,
      active: true,
      priceOverride: true,
      product: { select: { name: true, price: true, onlinePrice: true, cost: true, taxRate: true, active: true } },
    },
  });
  return new Map(variants.map((variant) => [variant.id, variant]));
}

async function loadMethods(tx: Tx, methodIds: number[]) {
  const methods = await tx.paymentMethodConfig.findMany({
    where: { id: { in: methodIds } },
    select: {
      id: true,
      name: true,
      type: true,
      active: true,
      adjustmentPercent: true,
      installmentPlans: { where: { active: true }, select: { installments: true, surchargePercent: true } },
    },
  });
  return new Map(methods.map((method) => [method.id, method]));
}

async function loadConfig(tx: Tx) {
  const config = await tx.storeConfig.findUnique({
    where: { id: 1 },
    select: { pricesIncludeTax: true, cashierMaxDiscountPercent: true },
  });
  return config
    ? {
        pricesIncludeTax: config.pricesIncludeTax,
        cashierMaxDiscountPercent: config.cashierMaxDiscountPercent.toFixed(2),
      }
    : DEFAULT_CONFIG;
}

/** Adds basis-point precise percentages given as decimal strings ("-10" + "0" → "-10.00"). */
function addPercents(a: string, b: string): string {
  return fromCents(toCents(a) + toCents(b));
}

function refuse(offline: boolean, deviations: string[], code: "FORBIDDEN" | "CONFLICT", message: string): void {
  if (offline) deviations.push(message);
  else throw new DomainError(code, message);
}

export async function priceSale(tx: Tx, request: PricingRequest): Promise<PricedSale> {
  const { seller, offline } = request;
  const deviations: string[] = [];
  const catalog = await loadCatalog(
    tx,
    request.lines.map((line) => line.variantId),
  );
  const methods = await loadMethods(tx, [...new Set(request.payments.map((payment) => payment.methodId))]);
  const config = await loadConfig(tx);
  const isManager = seller?.role === "MANAGER" || seller?.role === "ADMIN";
  const discountLimit = isManager ? "100" : seller ? config.cashierMaxDiscountPercent : "0";

  const lines = request.lines.map((line): PricedLine => {
    const variant = catalog.get(line.variantId);
    if (!variant) {
      throw new DomainError("NOT_FOUND", `Item ${line.variantId} does not exist. Reload the catalog and try again.`, {
        variantId: line.variantId,
      });
    }
    const what = describeVariant(variant);
    if (!variant.active || !variant.product.active) {
      refuse(offline, deviations, "CONFLICT", `${what} is no longer sold.`);
    }
    const online = request.channel !== "POS" ? variant.product.onlinePrice : null;
    const catalogPrice = toCents(variant.priceOverride ?? online ?? variant.product.price);
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
      productName: variant.product.name,
      sizeLabel: variant.sizeLabel,
      sku: variant.sku,
      unitPrice,
      unitCost: toCents(variant.product.cost),
      discount,
      taxRate: variant.product.taxRate.toFixed(2),
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
    let adjustment = method.adjustmentPercent.toFixed(2);
    if (payment.installments > 1 || method.installmentPlans.length > 0) {
      const plan = method.installmentPlans.find((candidate) => candidate.installments === payment.installments);
      if (!plan && payment.installments > 1) {
        throw new DomainError("BAD_REQUEST", `${method.name} does not offer ${payment.installments} installments.`);
      }
      if (plan) adjustment = addPercents(adjustment, plan.surchargePercent.toFixed(2));
    }
    if (payment.tendered !== undefined && method.type !== "CASH") {
      throw new DomainError("BAD_REQUEST", `Only cash payments take a tendered amount (not ${method.name}).`);
    }
    return { payment, method, adjustment };
  });

  let totals: SaleTotals;
  try {
    totals = computeSaleTotals({
      lines,
      saleDiscount,
      shipping: request.shipping ?? 0,
      pricesIncludeTax: config.pricesIncludeTax,
      payments: paymentFacts.map(({ payment, adjustment }) => ({
        base: toCents(payment.base),
        adjustmentPercent: adjustment,
      })),
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
  return {
    lines: lines.map((line, index) => ({ ...line, lineTotal: totals.lines[index]?.lineTotal ?? line.lineTotal })),
    payments,
    totals,
    change,
    deviations,
  };
}
