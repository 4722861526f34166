// Calendar days ("2026-11-23") as the shop reads them, shared by the server's reports and the staff screens:
// whole-day arithmetic, and a day's [from, to) instants in a time zone.

/** `day` shifted by whole days (arithmetic in UTC, where days never skip or repeat). */
export function shiftDay(day: string, delta: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + delta);
  return date.toISOString().slice(0, 10);
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wall - Math.floor(instant / 1000) * 1000;
}

function midnight(year: number, month: number, day: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day);
  // Twice: the second pass lands on the right side of a daylight-saving change between the two guesses.
  const guess = wall - zoneOffset(wall, timeZone);
  return new Date(wall - zoneOffset(guess, timeZone));
}

/** `day` ("2026-11-23") as the instants [from, to) of its midnight-to-midnight in the zone. */
export function dayBounds(day: string, timeZone: string): { from: Date; to: Date } {
  const [year = 0, month = 0, date = 0] = day.split("-").map(Number);
  return { from: midnight(year, month, date, timeZone), to: midnight(year, month, date + 1, timeZone) };
}
