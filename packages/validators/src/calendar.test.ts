import { describe, expect, it } from "vitest";
import { dayBounds } from "./calendar.ts";

describe("dayBounds", () => {
  it("is the zone's midnight as an instant", () => {
    expect(dayBounds("2026-12-07", "America/Argentina/Buenos_Aires").from.toISOString()).toBe(
      "2026-12-07T03:00:00.000Z",
    );
    expect(dayBounds("2026-07-01", "Europe/Madrid").from.toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(dayBounds("2026-01-15", "UTC").from.toISOString()).toBe("2026-01-15T00:00:00.000Z");
  });
});
