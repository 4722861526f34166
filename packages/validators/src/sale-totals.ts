// How a sale's money adds up, in one pure function shared by the register (to show it) and the server (to
// decide it). Everything is integer cents (money.ts), so the register and the server agree to the cent.
//
//   line total    = quantity × unit price − line discount                      (per line, exact)
//   subtotal      = Σ line totals
//   goods         = subtotal − sale discount
//   tax           = prices include tax: the VAT inside each line's final amount (for the receipt only)
//                   prices exclude tax: rate × each line's share of goods, added on top
//   due           = goods (+ tax when exclusive) + shipping                    what the payments split
//   adjustment    = base × (method % + installment plan %) per payment          cash −10 %, card 3× +10 %
//   total         = due + Σ adjustments                                        what the customer pays
//
// A payment's `base` is the part of `due` it settles; the bases must add up to `due` exactly, so a split is
// never off by a cent. Negative adjustments are reported as discount, positive ones as surcharge, so
// total = subtotal − discount + surcharge + shipping (+ tax when exclusive) always holds on the receipt.
import {
  allocateCents,
  fromCents,
  includedTax,
  lineTotalCents,
  percentOf,
  sumCents,
  toBasisPoints,
  type Cents,
} from "./money.ts";

export interface TotalsLine {
  quantity: number;
  unitPrice: Cents;
  /** Line discount in cents, 0..quantity × unitPrice. */
  discount: Cents;
  /** Percent, e.g. "21". */
  taxRate: string;
}

export interface TotalsPayment {
  /** The part of `due` this payment settles, before its own discount or surcharge. */
  base: Cents;
  /** Method adjustment plus installment surcharge, in percent ("-10", "20"); above −100. */
  adjustmentPercent: string;
}

export interface TotalsInput {
  lines: readonly TotalsLine[];
  saleDiscount: Cents;
  shipping: Cents;
  pricesIncludeTax: boolean;
  payments: readonly TotalsPayment[];
}

export interface SaleTotals {
  lines: { lineTotal: Cents; tax: Cents }[];
  subtotal: Cents;
  /** Sale discount plus the payment methods' discounts (a positive number). */
  discount: Cents;
  /** The payment methods' surcharges. */
  surcharge: Cents;
  shipping: Cents;
  tax: Cents;
  due: Cents;
  total: Cents;
  payments: { base: Cents; adjustment: Cents; amount: Cents }[];
}

/** Why a set of numbers cannot make a sale; `field` points at the input the register should fix. */
export class TotalsError extends Error {
  override readonly name = "TotalsError";
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

function goodsOf(input: Pick<TotalsInput, "lines" | "saleDiscount">) {
  const lineTotals = input.lines.map((line, index) => {
    const gross = lineTotalCents(line.quantity, line.unitPrice);
    if (line.discount < 0 || line.discount > gross) {
      throw new TotalsError("A line discount must be between zero and the line's amount.", `lines.${index}.discount`);
    }
    return gross - line.discount;
  });
  const subtotal = sumCents(lineTotals);
  if (input.saleDiscount < 0 || input.saleDiscount > subtotal) {
    throw new TotalsError("The sale discount must be between zero and the subtotal.", "discount");
  }
  const goods = subtotal - input.saleDiscount;
  // Each line's share of the goods after the sale discount: the base of its tax.
  const lineGoods = goods === 0 || subtotal === 0 ? lineTotals.map(() => 0) : allocateCents(goods, lineTotals);
  return { lineTotals, subtotal, goods, lineGoods };
}

/**
 * What the payments must add up to before their own adjustments: lets the register offer "the rest" for the
 * last payment of a split. Throws TotalsError on impossible discounts.
 */
export function amountDue(input: Omit<TotalsInput, "payments">): Cents {
  const { goods, lineGoods } = goodsOf(input);
  const exclusiveTax = input.pricesIncludeTax
    ? 0
    : sumCents(input.lines.map((line, index) => percentOf(lineGoods[index] ?? 0, line.taxRate)));
  return goods + exclusiveTax + input.shipping;
}

/** The totals of a sale, or a TotalsError saying which input is impossible. */
export function computeSaleTotals(input: TotalsInput): SaleTotals {
  if (input.lines.length === 0) throw new TotalsError("A sale needs at least one line.", "lines");
  if (input.shipping < 0) throw new TotalsError("Shipping cannot be negative.", "shipping");
  const { lineTotals, subtotal, lineGoods } = goodsOf(input);
  const due = amountDue(input);

  const payments = input.payments.map((payment, index) => {
    if (payment.base <= 0) throw new TotalsError("Each payment must cover an amount above zero.", `payments.${index}`);
    if (toBasisPoints(payment.adjustmentPercent) <= -10_000) {
      throw new TotalsError("A payment adjustment must be above −100 %.", `payments.${index}`);
    }
    const adjustment = percentOf(payment.base, payment.adjustmentPercent);
    return { base: payment.base, adjustment, amount: payment.base + adjustment };
  });
  const covered = sumCents(payments.map((payment) => payment.base));
  if (covered !== due) {
    throw new TotalsError(
      covered < due
        ? `The payments cover ${fromCents(covered)} of ${fromCents(due)}: add a payment for the rest.`
        : `The payments cover ${fromCents(covered)} but only ${fromCents(due)} is due: lower a payment.`,
      "payments",
    );
  }
  const adjustments = payments.map((payment) => payment.adjustment);
  const discount = input.saleDiscount - sumCents(adjustments.filter((adjustment) => adjustment < 0));
  const surcharge = sumCents(adjustments.filter((adjustment) => adjustment > 0));
  const total = due + sumCents(adjustments);

  const lineTaxes = input.pricesIncludeTax
    ? includedLineTaxes(input, lineGoods, total - due)
    : input.lines.map((line, index) => percentOf(lineGoods[index] ?? 0, line.taxRate));

  return {
    lines: lineTotals.map((lineTotal, index) => ({ lineTotal, tax: lineTaxes[index] ?? 0 })),
    subtotal,
    discount,
    surcharge,
    shipping: input.shipping,
    tax: sumCents(lineTaxes),
    due,
    total,
    payments,
  };
}

/**
 * Tax-inclusive prices: the payment adjustments change what each line finally costs, and with it the VAT it
 * contains. They are spread over the lines and shipping in proportion; shipping's share carries no VAT.
 */
function includedLineTaxes(input: TotalsInput, lineGoods: readonly Cents[], adjustments: Cents): Cents[] {
  const weights = [...lineGoods, input.shipping];
  const shares =
    adjustments === 0 || sumCents(weights) === 0 ? weights.map(() => 0) : allocateCents(adjustments, weights);
  return input.lines.map((line, index) => includedTax((lineGoods[index] ?? 0) + (shares[index] ?? 0), line.taxRate));
}
