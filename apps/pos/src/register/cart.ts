// The register's cart as plain data, and what it costs: the same computeSaleTotals the server prices with, so the
// total on screen is the total charged (the server re-checks it as `expectedTotal`).
import {
  amountDue,
  computeSaleTotals,
  fromCents,
  lineTotalCents,
  percentOf,
  toCents,
  type Cents,
  type SaleTotals,
  type TSaleCreate,
} from "@pos/validators";
import type { CatalogItem } from "./catalog";

export interface CartLine {
  item: CatalogItem;
  quantity: number;
  /** Amount off the whole line (not per unit), in cents. */
  discount?: Cents;
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
  // Fewer units cannot carry more discount than they cost.
  return lines.map((line) =>
    line.item.variantId === variantId
      ? { ...line, quantity, discount: Math.min(line.discount ?? 0, grossOf({ ...line, quantity })) }
      : line,
  );
}

export function setLineDiscount(lines: readonly CartLine[], variantId: number, discount: Cents): CartLine[] {
  return lines.map((line) => (line.item.variantId === variantId ? { ...line, discount } : line));
}

/** A line before its discount. */
export function grossOf(line: CartLine): Cents {
  return lineTotalCents(line.quantity, toCents(line.item.price));
}

/** The most a seller may take off `amount`: a cashier the store's limit, a manager or admin all of it. */
export function maxDiscount(amount: Cents, role: string, cashierMaxPercent: string): Cents {
  return role === "CASHIER" ? percentOf(amount, cashierMaxPercent) : amount;
}

function goods(lines: readonly CartLine[], pricesIncludeTax: boolean, saleDiscount: Cents) {
  return {
    lines: lines.map((line) => ({
      quantity: line.quantity,
      unitPrice: toCents(line.item.price),
      discount: line.discount ?? 0,
      taxRate: line.item.taxRate,
    })),
    saleDiscount,
    shipping: 0,
    pricesIncludeTax,
  };
}

/** What the goods come to before any payment method's discount or surcharge. */
export function cartDue(lines: readonly CartLine[], pricesIncludeTax: boolean, saleDiscount: Cents = 0): Cents {
  return lines.length === 0 ? 0 : amountDue(goods(lines, pricesIncludeTax, saleDiscount));
}

/** The lines after their own discounts: what a sale discount is taken from. */
export function cartSubtotal(lines: readonly CartLine[]): Cents {
  return lines.reduce((sum, line) => sum + grossOf(line) - (line.discount ?? 0), 0);
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
  saleDiscount: Cents = 0,
): SaleTotals {
  return computeSaleTotals({
    ...goods(lines, pricesIncludeTax, saleDiscount),
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
  saleDiscount?: Cents;
  customerId?: number;
}): TSaleCreate {
  return {
    clientId: input.clientId,
    branchId: input.branchId,
    customerId: input.customerId,
    lines: input.lines.map((line) => ({
      variantId: line.item.variantId,
      quantity: line.quantity,
      discount: fromCents(line.discount ?? 0),
    })),
    discount: fromCents(input.saleDiscount ?? 0),
    payments: input.payments.map((payment) => ({
      methodId: payment.methodId,
      base: fromCents(payment.base),
      installments: payment.installments,
      tendered: payment.tendered === undefined ? undefined : fromCents(payment.tendered),
    })),
    expectedTotal: fromCents(input.total),
  };
}
