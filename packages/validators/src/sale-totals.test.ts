import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineTotalCents, percentOf, sumCents } from "./money.ts";
import { amountDue, computeSaleTotals, TotalsError, type TotalsInput } from "./sale-totals.ts";

const percent = fc.constantFrom("0", "10.5", "21", "27", "-10", "-5", "20", "12.75");

/** A random sale the register could send: lines, discounts within bounds, tax mode, a split of what is due. */
const sale = fc
  .record({
    lines: fc.array(
      fc.record({
        quantity: fc.integer({ min: 1, max: 50 }),
        unitPrice: fc.integer({ min: 0, max: 50_000_000 }),
        discountShare: fc.integer({ min: 0, max: 100 }),
        taxRate: fc.constantFrom("0", "10.5", "21", "27"),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    saleDiscountShare: fc.integer({ min: 0, max: 100 }),
    shipping: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2_000_000 })),
    pricesIncludeTax: fc.boolean(),
    splits: fc.array(fc.record({ weight: fc.integer({ min: 1, max: 100 }), adjustmentPercent: percent }), {
      minLength: 1,
      maxLength: 4,
    }),
  })
  .map((draft): TotalsInput | null => {
    const lines = draft.lines.map((line) => {
      const gross = lineTotalCents(line.quantity, line.unitPrice);
      return { ...line, discount: Math.floor((gross * line.discountShare) / 400) };
    });
    const subtotal = sumCents(lines.map((line) => lineTotalCents(line.quantity, line.unitPrice, line.discount)));
    const saleDiscount = Math.floor((subtotal * draft.saleDiscountShare) / 400);
    const base = { lines, saleDiscount, shipping: draft.shipping, pricesIncludeTax: draft.pricesIncludeTax };
    const due = amountDue(base);
    if (due < draft.splits.length) return null;
    // Split `due` by the weights, the last payment taking the rest, as the register's "pay the rest" does.
    const weightSum = sumCents(draft.splits.map((split) => split.weight));
    const bases = draft.splits.map((split) => Math.max(1, Math.floor((due * split.weight) / weightSum)));
    bases[bases.length - 1] = due - sumCents(bases.slice(0, -1));
    if (bases.some((amount) => amount <= 0)) return null;
    return {
      ...base,
      payments: draft.splits.map((split, index) => ({
        base: bases[index] ?? 0,
        adjustmentPercent: split.adjustmentPercent,
      })),
    };
  })
  .filter((input): input is TotalsInput => input !== null);

describe("computeSaleTotals", () => {
  it("adds up for any lines, discounts, tax mode, shipping and split payments", () => {
    fc.assert(
      fc.property(sale, (input) => {
        const totals = computeSaleTotals(input);
        const exclusiveTax = input.pricesIncludeTax ? 0 : totals.tax;
        // The receipt's own arithmetic, line by line.
        expect(totals.subtotal).toBe(sumCents(totals.lines.map((line) => line.lineTotal)));
        expect(totals.total).toBe(
          totals.subtotal - totals.discount + totals.surcharge + totals.shipping + exclusiveTax,
        );
        // What the payments say matches the total exactly, and each one is its base plus its adjustment.
        expect(sumCents(totals.payments.map((payment) => payment.amount))).toBe(totals.total);
        expect(sumCents(totals.payments.map((payment) => payment.base))).toBe(totals.due);
        totals.payments.forEach((payment, index) => {
          expect(payment.adjustment).toBe(percentOf(payment.base, input.payments[index]?.adjustmentPercent ?? "0"));
        });
        input.lines.forEach((line, index) => {
          expect(totals.lines[index]?.lineTotal).toBe(lineTotalCents(line.quantity, line.unitPrice, line.discount));
        });
        expect(totals.discount).toBeGreaterThanOrEqual(input.saleDiscount);
        expect(totals.tax).toBeGreaterThanOrEqual(0);
        expect(totals.tax).toBeLessThanOrEqual(Math.max(totals.total, 0));
      }),
      { numRuns: 500 },
    );
  });

  it("rounds half-up per line: 21 % inside 10.00 is 1.74, inside 0.05 is 0.01", () => {
    const totals = computeSaleTotals({
      lines: [
        { quantity: 1, unitPrice: 1000, discount: 0, taxRate: "21" },
        { quantity: 1, unitPrice: 5, discount: 0, taxRate: "21" },
      ],
      saleDiscount: 0,
      shipping: 0,
      pricesIncludeTax: true,
      payments: [{ base: 1005, adjustmentPercent: "0" }],
    });
    expect(totals.lines.map((line) => line.tax)).toEqual([174, 1]);
    expect(totals.total).toBe(1005);
  });

  it("says which input is impossible", () => {
    const line = { quantity: 2, unitPrice: 1000, discount: 0, taxRate: "21" };
    const base = { saleDiscount: 0, shipping: 0, pricesIncludeTax: true };
    const fail = (input: TotalsInput) => {
      try {
        computeSaleTotals(input);
        return null;
      } catch (error) {
        return error instanceof TotalsError ? error.field : "unexpected";
      }
    };
    expect(
      fail({ ...base, lines: [{ ...line, discount: 2001 }], payments: [{ base: 1, adjustmentPercent: "0" }] }),
    ).toBe("lines.0.discount");
    expect(fail({ ...base, lines: [line], saleDiscount: 2001, payments: [] })).toBe("discount");
    expect(fail({ ...base, lines: [line], payments: [{ base: 1999, adjustmentPercent: "0" }] })).toBe("payments");
    expect(fail({ ...base, lines: [line], payments: [{ base: 2000, adjustmentPercent: "-100" }] })).toBe("payments.0");
    expect(fail({ ...base, lines: [], payments: [] })).toBe("lines");
  });
});
