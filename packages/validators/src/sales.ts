// Register sales: what a register sends to sell, return, park and look up. The register builds the same
// objects, so a cart the server would refuse is refused on the screen first.
import { z } from "zod";
import { ZMoney } from "./catalog.ts";
import { MAX_INSTALLMENTS, MAX_LINE_QUANTITY, MAX_PAYMENTS, MAX_SALE_LINES } from "./limits.ts";

export { MAX_INSTALLMENTS, MAX_LINE_QUANTITY, MAX_PAYMENTS, MAX_SALE_LINES };

const id = z.number().int().positive();

const note = z.string().trim().max(500);

export const ZSaleLine = z.object({
  variantId: id,
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  /** A price other than the catalog's: only managers may set one. Omitted means the catalog price. */
  unitPrice: ZMoney.optional(),
  /** Amount off this line (not per unit). */
  discount: ZMoney.default("0.00"),
});
export type TSaleLine = z.input<typeof ZSaleLine>;

export const ZSalePayment = z.object({
  /** A PaymentMethodConfig id. */
  methodId: id,
  /** The part of the amount due this payment settles, before the method's discount or surcharge. */
  base: ZMoney,
  installments: z.number().int().min(1).max(MAX_INSTALLMENTS).default(1),
  /** Cash handed over (cash only): the change is tendered − amount. */
  tendered: ZMoney.optional(),
  /** Card voucher, transfer or QR operation number. */
  reference: z.string().trim().max(100).optional(),
});
export type TSalePayment = z.input<typeof ZSalePayment>;

/** One line per item: a second scan raises the quantity instead (sales and parked carts alike). */
function eachItemOnce(cart: { lines: readonly { variantId: number }[] }): boolean {
  return new Set(cart.lines.map((line) => line.variantId)).size === cart.lines.length;
}
const EACH_ITEM_ONCE = {
  message: "Each item appears once: change its quantity instead of adding it again.",
  path: ["lines"],
};

export const ZSaleCreate = z
  .object({
    /** Made by the register (UUID v4): the idempotency key. Resending it returns the first result. */
    clientId: z.uuid(),
    branchId: id,
    lines: z.array(ZSaleLine).min(1, { message: "Add at least one item." }).max(MAX_SALE_LINES),
    /** Amount off the whole sale (after line discounts). */
    discount: ZMoney.default("0.00"),
    customerId: id.optional(),
    payments: z.array(ZSalePayment).min(1, { message: "Add a payment." }).max(MAX_PAYMENTS),
    /** The total the register showed: checked against the server's, so the customer pays what they saw. */
    expectedTotal: ZMoney.optional(),
    notes: note.optional(),
    /** Set when the register made the sale without a connection: when it was made there. */
    offlineAt: z.coerce.date().optional(),
  })
  .refine(eachItemOnce, EACH_ITEM_ONCE)
  .refine((sale) => !sale.offlineAt || sale.offlineAt.getTime() <= Date.now() + 5 * 60_000, {
    message: "An offline sale cannot be dated in the future.",
    path: ["offlineAt"],
  });
export type TSaleCreate = z.input<typeof ZSaleCreate>;
export type TSaleCreateParsed = z.output<typeof ZSaleCreate>;

export const ZSaleRef = z.object({ saleId: id });
export type TSaleRef = z.infer<typeof ZSaleRef>;

/**
 * What a receipt barcode or a typed number looks like: "CEN-000123", "CEN000123" or "cen 123" (branch code,
 * then the per-branch number). A code with digits in it ("B2") needs the separator to be told from the number.
 */
export const SALE_REFERENCE = /^\s*([A-Za-z]{2,6}|[A-Za-z][A-Za-z0-9]{1,5}(?=[\s-]))[\s-]?0*(\d{1,9})\s*$/;

/** Branch code + per-branch number as printed on receipts and encoded in their barcode. */
export function formatSaleReference(branchCode: string, number: number): string {
  return `${branchCode.toUpperCase()}-${String(number).padStart(6, "0")}`;
}

export function parseSaleReference(text: string): { branchCode: string; number: number } | null {
  const match = SALE_REFERENCE.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const number = Number(match[2]);
  return number > 0 ? { branchCode: match[1].toUpperCase(), number } : null;
}

export const ZSaleFind = z.object({
  /** A scanned receipt barcode or a typed reference. */
  reference: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .refine((text) => parseSaleReference(text) !== null, {
      message: 'Scan the receipt or type its number, like "CEN-000123".',
    }),
});
export type TSaleFind = z.infer<typeof ZSaleFind>;

export const ZReceiptRequest = z.object({
  saleId: id,
  /** Thermal paper: 80 mm printers fit 48 columns, 58 mm ones 32–42. */
  columns: z.union([z.literal(32), z.literal(42), z.literal(48)]).default(42),
  /** Marks the printout as a copy. */
  reprint: z.boolean().default(false),
});
export type TReceiptRequest = z.input<typeof ZReceiptRequest>;

export const ZSaleVoid = z.object({
  saleId: id,
  reason: z.string().trim().min(3, { message: "Say why the sale is voided (at least 3 characters)." }).max(300),
});
export type TSaleVoid = z.infer<typeof ZSaleVoid>;

export const ZSaleList = z.object({
  branchId: id.optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  cashierId: id.optional(),
  cursor: id.optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type TSaleList = z.input<typeof ZSaleList>;
export type TSaleListParsed = z.output<typeof ZSaleList>;

/**
 * A cart set aside at the register (the customer went to fetch another size): a sale's lines, discount and
 * customer, the same fields as ZSaleCreate so a resumed cart sells as it was, and no payments. Holds no stock.
 */
export const ZParkedCart = z
  .object({
    lines: ZSaleCreate.shape.lines,
    discount: ZSaleCreate.shape.discount,
    customerId: ZSaleCreate.shape.customerId,
  })
  .refine(eachItemOnce, EACH_ITEM_ONCE);
export type TParkedCart = z.input<typeof ZParkedCart>;
export type TParkedCartParsed = z.output<typeof ZParkedCart>;

export const ZSalePark = z.object({
  branchId: id,
  /** What the cashier calls it ("señora de rojo") or the register's summary, shown in the parked list. */
  label: z.string().trim().min(1, { message: "Give the parked sale a name to find it by." }).max(80),
  cart: ZParkedCart,
});
export type TSalePark = z.input<typeof ZSalePark>;
export type TSaleParkParsed = z.output<typeof ZSalePark>;

/** A parked sale of a branch: resumed or discarded there (the branch is what the caller is checked against). */
export const ZParkedSaleRef = z.object({ branchId: id, parkedSaleId: id });
export type TParkedSaleRef = z.infer<typeof ZParkedSaleRef>;
