// Manager reports: a period of calendar days in the store's time zone, optionally one branch. Days rather than
// instants, because a manager asks for "1 to 30 September", and the server turns them into Buenos Aires
// midnights (a UTC day would move late-evening sales into the next day).
import { z } from "zod";
import { ZCalendarDay } from "./cash.ts";

const id = z.number().int().positive();

/** A year and a leap day: enough for "this year vs last year", small enough to stay fast. */
export const MAX_REPORT_DAYS = 366;

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` inclusive ("2026-11-01".."2026-11-01" is 1). Both must be valid days. */
export function periodDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

const periodShape = {
  /** First day of the period, inclusive. */
  from: ZCalendarDay,
  /** Last day of the period, inclusive. */
  to: ZCalendarDay,
  /** One branch; all branches when absent. */
  branchId: id.optional(),
};

type PeriodShape = { from: string; to: string };

/** The checks every period shares, applied after the object's own fields parse. */
function checkPeriod(input: PeriodShape, ctx: z.RefinementCtx): void {
  const days = periodDays(input.from, input.to);
  if (days < 1) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "The period must end on or after the day it starts." });
  } else if (days > MAX_REPORT_DAYS) {
    ctx.addIssue({
      code: "custom",
      path: ["to"],
      message: `A report covers at most ${MAX_REPORT_DAYS} days; pick a shorter period.`,
    });
  }
}

export const ZReportPeriod = z.object(periodShape).superRefine(checkPeriod);
export type TReportPeriod = z.input<typeof ZReportPeriod>;
export type TReportPeriodParsed = z.output<typeof ZReportPeriod>;

export const ZReportTop = z
  .object({ ...periodShape, limit: z.number().int().min(1).max(100).default(10) })
  .superRefine(checkPeriod);
export type TReportTop = z.input<typeof ZReportTop>;
export type TReportTopParsed = z.output<typeof ZReportTop>;

export const ZReportLowStock = z.object({
  branchId: id.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type TReportLowStock = z.input<typeof ZReportLowStock>;
export type TReportLowStockParsed = z.output<typeof ZReportLowStock>;

export const ZReportShortfalls = z.object({
  branchId: id.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type TReportShortfalls = z.input<typeof ZReportShortfalls>;
export type TReportShortfallsParsed = z.output<typeof ZReportShortfalls>;

export const ZShortfallResolve = z.object({
  shortfallId: id,
  /** What was done about it (stock found, counted, written off); kept in the audit trail. */
  note: z.string().trim().max(300, { message: "Keep the note under 300 characters." }).optional(),
});
export type TShortfallResolve = z.input<typeof ZShortfallResolve>;
export type TShortfallResolveParsed = z.output<typeof ZShortfallResolve>;
