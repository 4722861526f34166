// The dashboard's period as a manager picks it: the last N days of the shop's calendar, or two dates.
import { shiftDay } from "@pos/validators";

export const PRESETS = [7, 30, 90] as const;

export interface Period {
  from: string;
  to: string;
}

/** The last `days` days up to and including `today`. */
export function lastDays(today: string, days: number): Period {
  return { from: shiftDay(today, 1 - days), to: today };
}

/** Percent change from `before` to `now`, one decimal; null when there is nothing to compare with. */
export function change(now: number, before: number): number | null {
  if (before === 0) return null;
  return Math.round(((now - before) / Math.abs(before)) * 1000) / 10;
}
