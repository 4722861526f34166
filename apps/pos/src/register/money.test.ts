import { describe, expect, it } from "vitest";
import { parseTypedAmount, typedDecimal } from "./money";

describe("amounts as a cashier types them", () => {
  it.each([
    ["15000", 1_500_000],
    ["15.000", 1_500_000],
    ["15.000,50", 1_500_050],
    ["1.234.567", 123_456_700],
    ["15000,5", 1_500_050],
    ["15000.50", 1_500_050],
    ["$ 2.750,00", 275_000],
    ["0", 0],
  ])("reads %s", (typed, cents) => {
    expect(parseTypedAmount(typed)).toBe(cents);
  });

  it.each(["", "abc", "-5", "1,2,3", "12.3456"])("refuses %j", (typed) => {
    expect(parseTypedAmount(typed)).toBeNull();
  });
});

describe("typedDecimal", () => {
  it("turns what a manager types into the API's decimal text, and leaves anything else for the schema", () => {
    expect(typedDecimal("45.000")).toBe("45000.00");
    expect(typedDecimal("45.000,50")).toBe("45000.50");
    expect(typedDecimal("47500.5")).toBe("47500.50");
    expect(typedDecimal("abc")).toBe("abc");
  });
});
