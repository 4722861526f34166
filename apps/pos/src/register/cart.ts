// The register's cart as plain data, and what it costs: the same computeSaleTotals the server prices with, so the
// total on screen is the total charged (the server re-checks it as `expectedTotal`).
import {
  amountDue,
  computeSaleTotals,
  fromCents,
  toCents,
  type Cents,
  type SaleTotals,
  type TSaleCreate,
} from "@pos/validators";
import type { CatalogItem } from "./catalog";

export interface CartLine {
  item: CatalogItem;
  quantity: number;
}

export interface PaymentMethod {
  id: number;
  name: string;
  type: string;
  adjustmentPercent: string;
  plans: { installments: number; surchargePercent: string }[];
}

export interface CartPayment {
  methodId: number;
  /** The part of what is due this payment settles, before its own discount or surcharge. */
  base: Cents;
  installments: number;
  /** Cash handed over, for the change. */
  tendered?: Cents;
}

/** Scanning an item already in the cart adds one to its line (the server wants each item once). */
export function addItem(lines: readonly CartLine[], item: CatalogItem, quantity = 1): CartLine[] {
  const existing = lines.find((line) => line.item.variantId === item.variantId);
  if (!existing) return [...lines, { item, quantity }];
  return lines.map((line) => (line === existing ? { ...line, quantity: line.quantity + quantity } : line));
}

export function setQuantity(lines: readonly CartLine[], variantId: number, quantity: number): CartLine[] {
  if (quantity <= 0) return lines.filter((line) => line.item.variantId !== variantId);
  return lines.map((line) => (line.item.variantId === variantId ? { ...line, quantity } : line));
}

function goods(lines: readonly CartLine[], pricesIncludeTax: boolean) {
  return {
    lines: lines.map((line) => ({
      quantity: line.quantity,
      unitPrice: toCents(line.item.price),
      discount: 0,
      taxRate: line.item.taxRate,
    })),
    saleDiscount: 0,
    shipping: 0,
    pricesIncludeTax,
  };
}

/** What the goods come to before any payment method's discount or surcharge. */
export function cartDue(lines: readonly CartLine[], pricesIncludeTax: boolean): Cents {
  return lines.length === 0 ? 0 : amountDue(goods(lines, pricesIncludeTax));
}

/** A method's adjustment plus its installment plan's surcharge, in percent, as the server adds them. */
export function paymentAdjustment(method: PaymentMethod, installments: number): string {
  const plan = method.plans.find((candidate) => candidate.installments === installments);
  return fromCents(toCents(method.adjustmentPercent) + (plan ? toCents(plan.surchargePercent) : 0));
}

export function cartTotals(
  lines: readonly CartLine[],
  pricesIncludeTax: boolean,
  payments: readonly CartPayment[],
  methods: ReadonlyMap<number, PaymentMethod>,
): SaleTotals {
  return computeSaleTotals({
    ...goods(lines, pricesIncludeTax),
    payments: payments.map((payment) => {
      const method = methods.get(payment.methodId);
      return { base: payment.base, adjustmentPercent: method ? paymentAdjustment(method, payment.installments) : "0" };
    }),
  });
}

/** Change for the cash handed over: what was tendered beyond the cash payments' amounts. */
export function changeDue(totals: SaleTotals, payments: readonly CartPayment[]): Cents {
  return payments.reduce((change, payment, index) => {
    const amount = totals.payments[index]?.amount ?? 0;
    return payment.tendered === undefined ? change : change + Math.max(0, payment.tendered - amount);
  }, 0);
}

export function saleRequest(input: {
  clientId: string;
  branchId: number;
  lines: readonly CartLine[];
  payments: readonly CartPayment[];
  total: Cents;
}): TSaleCreate {
  return {
    clientId: input.clientId,
    branchId: input.branchId,
    lines: input.lines.map((line) => ({ variantId: line.item.variantId, quantity: line.quantity })),
    payments: input.payments.map((payment) => ({
      methodId: payment.methodId,
      base: fromCents(payment.base),
      installments: payment.installments,
      tendered: payment.tendered === undefined ? undefined : fromCents(payment.tendered),
    })),
    expectedTotal: fromCents(input.total),
  };
}
