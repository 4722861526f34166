// Returns at the register: what a register sends to take goods back from a past sale, and what each returned
// line refunds. The arithmetic lives here, next to the sale's own (sale-totals.ts), so the register can show
// the refund before the cashier confirms and the server decides the same number to the cent.
import { z } from "zod";
import { allocateCents, prorateCents, sumCents, type Cents } from "./money.ts";
import { MAX_LINE_QUANTITY, MAX_SALE_LINES } from "./sales.ts";

/** How money is handed back: the payment types of the data model (PaymentType). */
export const PAYMENT_TYPES = ["CASH", "DEBIT", "CREDIT", "TRANSFER", "QR", "OTHER"] as const;

const id = z.number().int().positive();

export const ZReturnLine = z.object({
  /** The SaleItem coming back. */
  saleItemId: id,
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  /** False when the goods came back damaged: refunded, but not put back on the shelf. */
  restock: z.boolean().default(true),
});

export const ZSaleReturn = z
  .object({
    /** Made by the register (UUID v4): the idempotency key, as for sales. */
    clientId: z.uuid(),
    saleId: id,
    lines: z.array(ZReturnLine).min(1, { message: "Choose at least one item to return." }).max(MAX_SALE_LINES),
    refundMethod: z.enum(PAYMENT_TYPES),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((request) => new Set(request.lines.map((line) => line.saleItemId)).size === request.lines.length, {
    message: "Each sold line appears once: change its quantity instead of adding it again.",
    path: ["lines"],
  });
export type TSaleReturn = z.input<typeof ZSaleReturn>;
export type TSaleReturnParsed = z.output<typeof ZSaleReturn>;

/** The figures of a sale a refund is taken from. */
export interface RefundBasis {
  /** What the customer paid. */
  total: Cents;
  /** Card installment surcharges and shipping: paid, but not for the goods, so never refunded with them. */
  surcharge: Cents;
  shipping: Cents;
  /** Each line's total after its own discount, in the sale's line order. */
  lineTotals: readonly Cents[];
}

/**
 * What the customer paid for each line's goods: the total less surcharges and shipping, spread over the lines in
 * proportion to their totals (largest remainder, as the sale spread its discount). That carries the sale-wide
 * discount and the payment methods' discounts (cash −10 %) to the lines, and tax added on top when prices
 * exclude it; the parts add up to exactly what was paid for goods.
 */
export function paidPerLine(basis: RefundBasis): Cents[] {
  const goods = basis.total - basis.surcharge - basis.shipping;
  if (goods <= 0 || sumCents(basis.lineTotals) === 0) return basis.lineTotals.map(() => 0);
  return allocateCents(goods, basis.lineTotals);
}

/**
 * The refund for `quantity` more units of a line of which `returned` of `sold` already came back: what
 * returned + quantity units carry minus what `returned` carry, each half-up. Taken as a difference, a line's
 * refunds add up to exactly what was paid for it however it comes back (three units of 100.00 one by one:
 * 33.33 + 33.34 + 33.33), where rounding each return alone would lose or invent cents.
 */
export function lineRefundCents(paid: Cents, sold: number, returned: number, quantity: number): Cents {
  if (quantity < 1 || returned < 0 || returned + quantity > sold) {
    throw new RangeError(`lineRefundCents: cannot return ${quantity} more of ${sold} with ${returned} back already`);
  }
  return prorateCents(paid, returned + quantity, sold) - prorateCents(paid, returned, sold);
}
