import { describe, expect, it } from "vitest";
import { buildEan13 } from "./ean13.ts";
import { EAN13_MODULES, ean13Bars, ean13Modules } from "./ean13-bars.ts";

describe("ean13Modules", () => {
  it("draws 4006381333931 exactly (first digit 4: left parity LGLLGG)", () => {
    expect(ean13Modules("4006381333931")).toBe(
      "101" +
        ["0001101", "0100111", "0101111", "0111101", "0001001", "0110011"].join("") +
        "01010" +
        ["1000010", "1000010", "1000010", "1110100", "1000010", "1100110"].join("") +
        "101",
    );
  });

  it("uses only odd codes on the left for a leading 0", () => {
    expect(ean13Modules("0000000000000")).toBe(`101${"0001101".repeat(6)}01010${"1110010".repeat(6)}101`);
  });

  it("is always 95 modules and starts and ends with the guards", () => {
    for (const body of ["779123456789", "200000000101", "590123412345"]) {
      const modules = ean13Modules(buildEan13(body));
      expect(modules).toHaveLength(EAN13_MODULES);
      expect(modules.slice(0, 3)).toBe("101");
      expect(modules.slice(45, 50)).toBe("01010");
      expect(modules.slice(-3)).toBe("101");
    }
  });

  it("refuses a wrong check digit, a short code and letters", () => {
    expect(() => ean13Modules("4006381333932")).toThrow(RangeError);
    expect(() => ean13Modules("400638133393")).toThrow(RangeError);
    expect(() => ean13Modules("40063813339A1")).toThrow(RangeError);
  });
});

describe("ean13Bars", () => {
  it("merges dark modules into bars and marks the guards", () => {
    const bars = ean13Bars("0000000000000");
    expect(bars[0]).toEqual({ x: 0, width: 1, guard: true });
    expect(bars[1]).toEqual({ x: 2, width: 1, guard: true });
    // L-code of 0 is 0001101: a two-module bar at 6 and a single at 9.
    expect(bars[2]).toEqual({ x: 6, width: 2, guard: false });
    expect(bars[3]).toEqual({ x: 9, width: 1, guard: false });
    expect(bars.filter((bar) => bar.guard)).toHaveLength(6);
    const dark = bars.reduce((sum, bar) => sum + bar.width, 0);
    expect(dark).toBe(
      ean13Modules("0000000000000")
        .split("")
        .filter((m) => m === "1").length,
    );
  });
});
