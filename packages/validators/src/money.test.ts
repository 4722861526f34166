import { describe, expect, it } from "vitest";
import {
  addCents,
  allocateCents,
  applyPercent,
  fromCents,
  includedTax,
  lineTotalCents,
  multiplyCents,
  percentOf,
  sumCents,
  toBasisPoints,
  toCents,
} from "./money.ts";

describe("toCents / fromCents", () => {
  it("parses decimal strings exactly", () => {
    expect(toCents("1234.56")).toBe(123456);
    expect(toCents("15999")).toBe(1599900);
    expect(toCents("0.5")).toBe(50);
    expect(toCents("-0.07")).toBe(-7);
    expect(toCents("+3.10")).toBe(310);
    expect(toCents(" 12.3400 ")).toBe(1234);
    expect(toCents("9999999999.99")).toBe(999999999999);
  });

  it("reads anything with toFixed, like a Prisma Decimal", () => {
    const decimal = { toFixed: () => "249999.00" };
    expect(toCents(decimal)).toBe(24999900);
  });

  it("refuses fractions of a cent and non-numbers", () => {
    expect(() => toCents("1.005")).toThrow(RangeError);
    expect(() => toCents("1,50")).toThrow(RangeError);
    expect(() => toCents("")).toThrow(RangeError);
    expect(() => toCents("1e3")).toThrow(RangeError);
  });

  it("prints the string Prisma accepts for a Decimal", () => {
    expect(fromCents(123456)).toBe("1234.56");
    expect(fromCents(5)).toBe("0.05");
    expect(fromCents(0)).toBe("0.00");
    expect(fromCents(-1050)).toBe("-10.50");
    expect(() => fromCents(1.5)).toThrow(RangeError);
  });

  it("round-trips", () => {
    for (const text of ["0.01", "10.10", "-99.99", "123456789.00"]) expect(fromCents(toCents(text))).toBe(text);
  });
});

describe("arithmetic", () => {
  it("adds and multiplies exactly where floats would not", () => {
    // 0.1 + 0.2 is the classic float trap.
    expect(fromCents(addCents(toCents("0.10"), toCents("0.20")))).toBe("0.30");
    expect(sumCents([1, 2, 3])).toBe(6);
    expect(multiplyCents(toCents("19999.99"), 3)).toBe(5999997);
    expect(() => multiplyCents(100, 1.5)).toThrow(RangeError);
  });

  it("takes percentages half-up to the cent", () => {
    expect(percentOf(1000, "10")).toBe(100);
    expect(percentOf(5, "10")).toBe(1); // 0.5 cent rounds up
    expect(percentOf(4, "10")).toBe(0); // 0.4 cent rounds down
    expect(percentOf(-5, "10")).toBe(-1); // half away from zero
    expect(percentOf(toCents("15999.00"), "12.5")).toBe(199988); // 1999.875 → 1999.88
    expect(percentOf(123, 35)).toBe(43); // 43.05
    expect(applyPercent(toCents("100.00"), "-10")).toBe(9000);
    expect(applyPercent(toCents("89999.00"), { toFixed: () => "20.00" })).toBe(10799880);
  });

  it("does not lose precision on large amounts × basis points", () => {
    // 9,999,999,999.99 × 33.33 % exceeds 2^53 as an intermediate product.
    // 333,299,999,999.6667 cents → 333,300,000,000.
    expect(percentOf(999999999999, "33.33")).toBe(333300000000);
  });

  it("converts percentages to basis points", () => {
    expect(toBasisPoints("21")).toBe(2100);
    expect(toBasisPoints(-10)).toBe(-1000);
    expect(toBasisPoints("12.5")).toBe(1250);
    expect(() => toBasisPoints(12.5)).toThrow(RangeError);
  });

  it("computes line totals", () => {
    expect(lineTotalCents(3, toCents("15999.00"))).toBe(4799700);
    expect(lineTotalCents(2, toCents("10.00"), toCents("1.50"))).toBe(1850);
  });

  it("computes the VAT included in a tax-inclusive total", () => {
    expect(includedTax(12100, "21")).toBe(2100);
    // 15999.00 × 21 / 121 = 2776.6859… → 2776.69
    expect(includedTax(toCents("15999.00"), "21")).toBe(277669);
    // 0.05 × 21/121 = 0.00868 → 0.01
    expect(includedTax(5, 21)).toBe(1);
    expect(includedTax(100, "0")).toBe(0);
  });
});

describe("allocateCents", () => {
  it("splits exactly, giving leftover cents to the largest remainders", () => {
    expect(allocateCents(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateCents(1000, [1, 3])).toEqual([250, 750]);
    expect(allocateCents(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocateCents(7, [0, 5])).toEqual([0, 7]);
  });

  it("always adds back up to the total", () => {
    const weights = [1599900, 2499900, 899999, 1];
    for (const total of [0, 1, 99, 123457, 999999999]) {
      expect(sumCents(allocateCents(total, weights))).toBe(total);
    }
  });

  it("refuses nonsense weights", () => {
    expect(() => allocateCents(10, [])).toThrow(RangeError);
    expect(() => allocateCents(10, [0, 0])).toThrow(RangeError);
    expect(() => allocateCents(10, [-1, 2])).toThrow(RangeError);
  });
});
