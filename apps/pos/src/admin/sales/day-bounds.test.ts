import { describe, expect, it } from "vitest";
import { dayStart } from "./day-bounds";

describe("dayStart", () => {
  it("is the zone's midnight as an instant", () => {
    expect(dayStart("2026-12-07", "America/Argentina/Buenos_Aires").toISOString()).toBe("2026-12-07T03:00:00.000Z");
    expect(dayStart("2026-07-01", "Europe/Madrid").toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(dayStart("2026-01-15", "UTC").toISOString()).toBe("2026-01-15T00:00:00.000Z");
  });
});
