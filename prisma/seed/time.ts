// Shop time: Argentina is UTC−3 all year (no daylight saving), so local days are fixed 24-hour windows.
export const DAY_MS = 86_400_000;
const OFFSET_MS = -3 * 3_600_000;

/** UTC milliseconds of the local midnight that starts the local day containing `ms`. */
export function localMidnight(ms: number): number {
  const local = ms + OFFSET_MS;
  return local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - OFFSET_MS;
}

/** A moment on a local day, `hour` may carry a fraction (10.5 = 10:30). */
export function atLocal(dayStart: number, hour: number): number {
  return dayStart + Math.round(hour * 3_600_000);
}

/** 0 = Sunday … 6 = Saturday, for the local day starting at `dayStart`. */
export function localWeekday(dayStart: number): number {
  return new Date(dayStart + OFFSET_MS).getUTCDay();
}
