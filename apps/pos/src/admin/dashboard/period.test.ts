import { describe, expect, it } from "vitest";
import { shiftDay } from "@pos/validators";
import { change, lastDays } from "./period";

describe("dashboard period", () => {
  it("counts the last N days including today, across months and leap days", () => {
    expect(lastDays("2026-03-01", 7)).toEqual({ from: "2026-02-23", to: "2026-03-01" });
    expect(lastDays("2028-03-01", 2)).toEqual({ from: "2028-02-29", to: "2028-03-01" });
    expect(lastDays("2026-11-30", 1)).toEqual({ from: "2026-11-30", to: "2026-11-30" });
    expect(shiftDay("2026-12-31", 1)).toBe("2027-01-01");
  });

  it("gives the change against the previous period, or nothing when that was zero", () => {
    expect(change(150, 100)).toBe(50);
    expect(change(50, 100)).toBe(-50);
    expect(change(1, 3)).toBe(-66.7);
    expect(change(10, 0)).toBeNull();
  });
});
