// Audit trail reads (managers and admins): who did what to which record, newest first.
import { z } from "zod";

const id = z.number().int().positive();

export const ZAuditList = z
  .object({
    /** The record type, e.g. "User", "Product", "StockLevel". */
    entity: z.string().trim().min(1).max(60).optional(),
    entityId: z.string().trim().min(1).max(60).optional(),
    /** Exact action, e.g. "user.role_changed". */
    action: z.string().trim().min(1).max(80).optional(),
    actorId: id.optional(),
    from: z.date().optional(),
    /** Exclusive upper bound. */
    to: z.date().optional(),
    limit: z.number().int().min(1).max(200).default(50),
    /** The `nextCursor` of the previous page. */
    cursor: id.nullish(),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from < filters.to, {
    message: "The start of the range must be before its end.",
    path: ["to"],
  });
export type TAuditList = z.input<typeof ZAuditList>;
export type TAuditListParsed = z.output<typeof ZAuditList>;
