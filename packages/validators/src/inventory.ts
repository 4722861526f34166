// Inventory inputs: stock reads, the ledger, adjustments, counts and transfers. Shared by the API and the
// admin forms, so a form refuses exactly what the server would.
import { z } from "zod";

const id = z.number().int().positive();

/** Largest single change we accept: far above any real shelf, far below Postgres' int range. */
export const MAX_STOCK_CHANGE = 1_000_000;

export const MOVEMENT_TYPES = [
  "INITIAL",
  "PURCHASE",
  "SALE",
  "RETURN",
  "ADJUSTMENT",
  "TRANSFER_OUT",
  "TRANSFER_IN",
  "CANCEL",
] as const;

export const TRANSFER_STATUSES = ["DRAFT", "SENT", "RECEIVED", "CANCELLED"] as const;

const limit = z.number().int().min(1).max(200).default(50);

const uniqueVariants = (lines: readonly { variantId: number }[]) =>
  new Set(lines.map((line) => line.variantId)).size === lines.length;

const reason = z
  .string()
  .trim()
  .min(3, { message: "Say why the stock changes (at least 3 characters)." })
  .max(300, { message: "Keep the reason under 300 characters." });

export const ZBranchRef = z.object({ branchId: id });
export type TBranchRef = z.infer<typeof ZBranchRef>;

export const ZStockGrid = z.object({
  productId: id,
  /** Only this branch's column; cashiers always get their own branch only. */
  branchId: id.optional(),
});
export type TStockGrid = z.infer<typeof ZStockGrid>;

export const ZStockByBranch = z.object({
  branchId: id,
  search: z.string().trim().max(100).optional(),
  categoryId: id.optional(),
  productId: id.optional(),
  /** Only variants with stock on hand (quantity > 0). */
  inStockOnly: z.boolean().default(false),
  cursor: id.optional(),
  limit,
});
export type TStockByBranch = z.input<typeof ZStockByBranch>;
export type TStockByBranchParsed = z.output<typeof ZStockByBranch>;

export const ZLowStock = z.object({ branchId: id, limit: z.number().int().min(1).max(500).default(200) });
export type TLowStock = z.input<typeof ZLowStock>;
export type TLowStockParsed = z.output<typeof ZLowStock>;

export const ZLedgerQuery = z
  .object({
    branchId: id.optional(),
    variantId: id.optional(),
    productId: id.optional(),
    type: z.enum(MOVEMENT_TYPES).optional(),
    /** Part of a SKU or product name, or a whole barcode. */
    search: z.string().trim().max(100).optional(),
    /** Part of the movement's reason, e.g. "conteo". */
    reason: z.string().trim().max(100).optional(),
    from: z.date().optional(),
    to: z.date().optional(),
    /** The id of the last movement of the previous page (newest first). */
    cursor: id.optional(),
    limit,
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    message: "The start date must be on or before the end date.",
    path: ["to"],
  });
export type TLedgerQuery = z.input<typeof ZLedgerQuery>;
export type TLedgerQueryParsed = z.output<typeof ZLedgerQuery>;

export const ZStockAdjust = z.object({
  branchId: id,
  variantId: id,
  /** Signed: positive adds units, negative removes them. */
  quantity: z
    .number()
    .int()
    .min(-MAX_STOCK_CHANGE)
    .max(MAX_STOCK_CHANGE)
    .refine((value) => value !== 0, { message: "An adjustment must add or remove at least one unit." }),
  reason,
});
export type TStockAdjust = z.infer<typeof ZStockAdjust>;

export const ZStockCount = z.object({
  branchId: id,
  lines: z
    .array(
      z.object({
        variantId: id,
        counted: z.number().int().min(0, { message: "A counted quantity cannot be negative." }).max(MAX_STOCK_CHANGE),
      }),
    )
    .min(1, { message: "Count at least one item." })
    .max(500)
    .refine(uniqueVariants, { message: "Each item may appear only once in a count." }),
  reason: reason.optional(),
});
export type TStockCount = z.infer<typeof ZStockCount>;

export const ZTransferCreate = z
  .object({
    fromBranchId: id,
    toBranchId: id,
    notes: z.string().trim().max(500).optional(),
    items: z
      .array(z.object({ variantId: id, quantity: z.number().int().min(1).max(MAX_STOCK_CHANGE) }))
      .min(1, { message: "A transfer needs at least one item." })
      .max(500)
      .refine(uniqueVariants, { message: "Each item may appear only once in a transfer." }),
  })
  .refine((input) => input.fromBranchId !== input.toBranchId, {
    message: "Origin and destination must be different branches.",
    path: ["toBranchId"],
  });
export type TTransferCreate = z.infer<typeof ZTransferCreate>;

export const ZTransferRef = z.object({ transferId: id });
export type TTransferRef = z.infer<typeof ZTransferRef>;

export const ZTransferList = z.object({
  branchId: id.optional(),
  status: z.enum(TRANSFER_STATUSES).optional(),
  cursor: id.optional(),
  limit,
});
export type TTransferList = z.input<typeof ZTransferList>;
export type TTransferListParsed = z.output<typeof ZTransferList>;
