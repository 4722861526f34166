import { describe, expect, it } from "vitest";
import { formatMoney } from "./money-format.ts";

// Intl separates the symbol with a no-break space; normalise so the expectations stay readable.
const plain = (s: string) => s.replace(/\s/g, " ");

describe("formatMoney", () => {
  it("formats pesos the Argentine way by default", () => {
    expect(plain(formatMoney("1234567.5"))).toBe("$ 1.234.567,50");
  });

  it("formats exactly from the string, without float drift", () => {
    expect(plain(formatMoney("0.1"))).toBe("$ 0,10");
    expect(plain(formatMoney("9007199254740993.01"))).toBe("$ 9.007.199.254.740.993,01");
  });

  it("accepts Decimal-like values and other currencies/locales", () => {
    expect(formatMoney({ toFixed: () => "12.00" }, { currency: "USD", locale: "en-US" })).toBe("$12.00");
  });

  it("refuses what is not a decimal amount", () => {
    expect(() => formatMoney("12,50")).toThrow(RangeError);
    expect(() => formatMoney("")).toThrow(RangeError);
  });
});
