import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateCents, prorateCents, sumCents } from "./money.ts";
import { lineRefundCents, paidPerLine, ZSaleReturn } from "./returns.ts";
import { ZParkedCart } from "./sales.ts";

describe("prorateCents", () => {
  it("takes a share of an amount half-up", () => {
    expect(prorateCents(10_000, 1, 3)).toBe(3333);
    expect(prorateCents(10_000, 2, 3)).toBe(6667);
    expect(prorateCents(5, 1, 2)).toBe(3);
    expect(prorateCents(10_000, 0, 3)).toBe(0);
    expect(() => prorateCents(10_000, 1, 0)).toThrow(RangeError);
  });
});

describe("refunds", () => {
  it("refunds three units of 100.00 one by one as 33.33 + 33.34 + 33.33", () => {
    expect([0, 1, 2].map((returned) => lineRefundCents(10_000, 3, returned, 1))).toEqual([3333, 3334, 3333]);
    expect(() => lineRefundCents(10_000, 3, 2, 2)).toThrow(RangeError);
  });

  it("spreads a sale discount as the sale did and leaves card surcharges out", () => {
    // 100.00 + 50.00 with 15.00 off the sale, paid with 3 installments (+10 % = 13.50).
    const basis = { total: 14_850, surcharge: 1350, shipping: 0, lineTotals: [10_000, 5000] };
    expect(paidPerLine(basis)).toEqual([9000, 4500]);
    expect(paidPerLine({ ...basis, lineTotals: [0, 0], total: 0, surcharge: 0 })).toEqual([0, 0]);
  });

  // A sale, and for each line the sizes of the partial returns it comes back in (the rest in one last return).
  const line = fc.record({
    unitPrice: fc.integer({ min: 0, max: 5_000_000 }),
    sold: fc.integer({ min: 1, max: 7 }),
    returns: fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }),
  });
  const sale = fc
    .record({
      lines: fc.array(line, { minLength: 1, maxLength: 6 }),
      discountPercent: fc.integer({ min: 0, max: 100 }),
      surcharge: fc.integer({ min: 0, max: 100_000 }),
    })
    .map(({ lines, discountPercent, surcharge }) => {
      const lineTotals = lines.map((l) => l.unitPrice * l.sold);
      const subtotal = sumCents(lineTotals);
      const discount = Math.floor((subtotal * discountPercent) / 100);
      return { lines, lineTotals, subtotal, discount, total: subtotal - discount + surcharge, surcharge };
    });

  it("adds up, return by return, to exactly what was paid for the goods, however the lines come back", () => {
    fc.assert(
      fc.property(sale, (s) => {
        const paid = paidPerLine({ total: s.total, surcharge: s.surcharge, shipping: 0, lineTotals: s.lineTotals });
        // With prices that include tax, what was paid for goods is the line totals after the sale discount.
        if (s.subtotal > 0) expect(paid).toEqual(allocateCents(s.subtotal - s.discount, s.lineTotals));
        let refunded = 0;
        s.lines.forEach((l, index) => {
          const linePaid = paid[index] ?? 0;
          let returned = 0;
          let lineRefunded = 0;
          for (const wanted of [...l.returns, l.sold]) {
            const quantity = Math.min(wanted, l.sold - returned);
            if (quantity === 0) break;
            const refund = lineRefundCents(linePaid, l.sold, returned, quantity);
            // Never negative, and within a cent of the exact pro rata share.
            expect(refund).toBeGreaterThanOrEqual(0);
            expect(Math.abs(refund * l.sold - linePaid * quantity)).toBeLessThanOrEqual(l.sold);
            returned += quantity;
            lineRefunded += refund;
          }
          expect([returned, lineRefunded]).toEqual([l.sold, linePaid]);
          refunded += lineRefunded;
        });
        expect(refunded).toBe(s.subtotal === 0 ? 0 : s.total - s.surcharge);
      }),
      { numRuns: 500 },
    );
  });
});

describe("ZSaleReturn and ZParkedCart", () => {
  const clientId = "2b0f3c9e-5d7a-4c1e-9f3b-8a6d2e1c4b70";

  it("restocks by default and takes each sold line once", () => {
    const parsed = ZSaleReturn.parse({
      clientId,
      saleId: 1,
      lines: [{ saleItemId: 7, quantity: 1 }],
      refundMethod: "CASH",
    });
    expect(parsed.lines).toEqual([{ saleItemId: 7, quantity: 1, restock: true }]);
    const twice = { clientId, saleId: 1, refundMethod: "CASH", lines: [{ saleItemId: 7, quantity: 1 }] };
    twice.lines.push({ saleItemId: 7, quantity: 2 });
    expect(ZSaleReturn.safeParse(twice).success).toBe(false);
    expect(ZSaleReturn.safeParse({ ...twice, lines: [{ saleItemId: 7, quantity: 0 }] }).success).toBe(false);
  });

  it("keeps a cart's lines, discount and customer, and nothing about payment", () => {
    const cart = ZParkedCart.parse({
      lines: [{ variantId: 3, quantity: 2 }],
      customerId: 9,
      payments: [{ methodId: 1, base: "10" }],
    });
    expect(cart).toEqual({ lines: [{ variantId: 3, quantity: 2, discount: "0.00" }], discount: "0.00", customerId: 9 });
    expect(ZParkedCart.safeParse({ lines: [] }).success).toBe(false);
    const twice = [
      { variantId: 3, quantity: 1 },
      { variantId: 3, quantity: 1 },
    ];
    expect(ZParkedCart.safeParse({ lines: twice }).success).toBe(false);
  });
});
