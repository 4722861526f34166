// What every report agrees on: which sales count, how calendar days become instants, and the SQL fragments that
// say so. Kept in one place so the dashboard, the daily series and the breakdowns can never disagree.
import { Prisma, type Db } from "@pos/db";
import { periodDays, shiftDay } from "@pos/validators";
import { dayBounds, STORE_TIME_ZONE } from "../z-report.ts";

/**
 * Sales that count: a POS sale once completed, an order once the shop confirmed it. PENDING (WhatsApp holds and
 * unpaid online orders), CANCELLED and VOIDED never count: no money changed hands, or it was given back whole.
 */
export const COUNTED_STATUSES = ["COMPLETED", "CONFIRMED", "READY", "SHIPPED", "DELIVERED"] as const;

const countedArray = Prisma.sql`ARRAY[${Prisma.join(
  COUNTED_STATUSES.map((status) => Prisma.sql`${status}::"SaleStatus"`),
)}]`;

/** The sales of `alias` ("s") that count: the one status filter every sales figure uses. */
export function isCounted(alias: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${alias}."status" = ANY (${countedArray})`;
}

/** A stretch of time as the instants [from, to) the database compares `createdAt` (UTC, no zone) against. */
export interface Window {
  from: Date;
  to: Date;
}

export interface ReportPeriod extends Window {
  /** The calendar days as asked, inclusive. */
  fromDay: string;
  toDay: string;
  days: number;
}

/** Days from the first midnight of `fromDay` in the store's zone to the midnight after `toDay`. */
export function resolvePeriod(fromDay: string, toDay: string): ReportPeriod {
  return { fromDay, toDay, days: periodDays(fromDay, toDay), from: dayBounds(fromDay).from, to: dayBounds(toDay).to };
}

/** The equal-length stretch just before `period`, for "vs previous period". */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  return resolvePeriod(shiftDay(period.fromDay, -period.days), shiftDay(period.fromDay, -1));
}

/** Today's date in the store's zone ("2026-11-22"), whatever the server's own zone is. */
export function storeToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: STORE_TIME_ZONE }).format(now);
}

/** `AND column = branch` when a branch was asked for, nothing otherwise. */
export function branchFilter(column: Prisma.Sql, branchId: number | undefined): Prisma.Sql {
  return branchId === undefined ? Prisma.empty : Prisma.sql`AND ${column} = ${branchId}`;
}

/** Money as the exact decimal text the API returns: numeric in, "1234.50" out, "0.00" for nothing. */
export function money(expression: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`round(coalesce(${expression}, 0), 2)::text`;
}

/** What a report statement needs: a client it can send raw SQL on (the pool, or a transaction). */
export type Reader = Pick<Prisma.TransactionClient, "$queryRaw">;

/**
 * Runs a report's statements in one REPEATABLE READ snapshot, so which days are rolled up (rollups.ts) and the
 * rows read for them agree, with two settings local to that transaction:
 * - `jit = off`: zero-filled, grouped series make the planner's row estimates far too high, which pushed their
 *   cost past jit_above_cost; compiling then took 1.6 s of a 2.1 s daily series on the large seed.
 * - `work_mem = 64MB`: grouping ~500k lines by day or variant spilled to disk at the default 4 MB.
 */
export async function inReportSnapshot<T>(db: Db, read: (tx: Reader) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`;
      return read(tx);
    },
    { isolationLevel: "RepeatableRead" },
  );
}
