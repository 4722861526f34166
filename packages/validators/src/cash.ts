// Cash sessions (register shifts) and the end-of-day (Z) report: what the register and the admin screens send.
// Amounts are the same "15999.50" strings as prices (ZMoney), so the server gets exact decimals, never floats.
import { z } from "zod";
import { ZMoney } from "./catalog.ts";
import { toCents } from "./money.ts";

const id = z.number().int().positive();

const note = z.string().trim().max(500);

const positiveAmount = ZMoney.refine((value) => toCents(value) > 0, {
  message: "The amount must be above zero.",
});

/** A calendar day as the shop's staff say it ("2026-11-23"), read in the store's time zone by the server. */
export const ZCalendarDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Pick a day like "2026-11-23".' })
  .refine(
    (text) => {
      const date = new Date(`${text}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
    },
    { message: "That day does not exist on the calendar." },
  );

export const ZCashOpen = z.object({
  branchId: id,
  /** The change the drawer starts with; zero is allowed (a drawer that starts empty). */
  openingFloat: ZMoney,
  notes: note.optional(),
});
export type TCashOpen = z.input<typeof ZCashOpen>;
export type TCashOpenParsed = z.output<typeof ZCashOpen>;

/** Cash put into (pay-in) or taken out of (pay-out) the caller's own open drawer at a branch. */
export const ZCashMovement = z.object({
  branchId: id,
  amount: positiveAmount,
  reason: z
    .string()
    .trim()
    .min(3, { message: "Say why the cash moves (at least 3 characters)." })
    .max(300, { message: "Keep the reason under 300 characters." }),
});
export type TCashMovement = z.input<typeof ZCashMovement>;
export type TCashMovementParsed = z.output<typeof ZCashMovement>;

export const ZCashSessionRef = z.object({ sessionId: id });
export type TCashSessionRef = z.infer<typeof ZCashSessionRef>;

export const ZCashClose = z.object({
  sessionId: id,
  /** What the cashier counted in the drawer at the close. */
  countedCash: ZMoney,
  notes: note.optional(),
});
export type TCashClose = z.input<typeof ZCashClose>;
export type TCashCloseParsed = z.output<typeof ZCashClose>;

export const ZCashSessionList = z
  .object({
    branchId: id.optional(),
    cashierId: id.optional(),
    /** Sessions opened at or after this moment. */
    from: z.coerce.date().optional(),
    /** Sessions opened before this moment (exclusive). */
    to: z.coerce.date().optional(),
    /** Only open (true) or only closed (false) sessions. */
    open: z.boolean().optional(),
    /** The `nextCursor` of the previous page (newest first). */
    cursor: id.optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine((input) => !input.from || !input.to || input.from < input.to, {
    message: "The start of the range must be before its end.",
    path: ["to"],
  });
export type TCashSessionList = z.input<typeof ZCashSessionList>;
export type TCashSessionListParsed = z.output<typeof ZCashSessionList>;

export const ZBranchDayReport = z.object({ branchId: id, day: ZCalendarDay });
export type TBranchDayReport = z.infer<typeof ZBranchDayReport>;
