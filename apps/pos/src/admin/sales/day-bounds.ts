/**
 * The instant a calendar day starts in a time zone ("2026-12-07" in Buenos Aires → 03:00 UTC): the zone's
 * offset at that moment, read from Intl, so it stays right if the zone ever changes its rules.
 */
export function dayStart(day: string, timeZone: string): Date {
  const utc = new Date(`${day}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(utc);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const local = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return new Date(utc.getTime() - (local - utc.getTime()));
}
