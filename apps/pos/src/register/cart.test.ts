import { describe, expect, it } from "vitest";
import {
  addItem,
  cartDue,
  cartSubtotal,
  cartTotals,
  changeDue,
  maxDiscount,
  paymentAdjustment,
  saleRequest,
  setLineDiscount,
  setQuantity,
  type PaymentMethod,
} from "./cart";
import type { CatalogItem } from "./catalog";

const item = (variantId: number, price: string): CatalogItem => ({
  variantId,
  productId: variantId,
  name: `Item ${variantId}`,
  brand: "",
  sizeLabel: null,
  sku: `SKU${variantId}`,
  barcode: `77900${variantId}`,
  price,
  taxRate: "21.00",
  categoryId: 1,
  stock: 5,
});

const cash: PaymentMethod = { id: 1, name: "Efectivo", type: "CASH", adjustmentPercent: "-10.00", plans: [] };
const credit: PaymentMethod = {
  id: 2,
  name: "Crédito",
  type: "CREDIT",
  adjustmentPercent: "0.00",
  plans: [
    { installments: 1, surchargePercent: "0.00" },
    { installments: 3, surchargePercent: "10.00" },
  ],
};
const methods = new Map([cash, credit].map((method) => [method.id, method]));

describe("the register's cart", () => {
  it("adds a second scan of an item to its line and drops a line at quantity zero", () => {
    const tee = item(1, "20000.00");
    let lines = addItem([], tee);
    lines = addItem(lines, item(2, "5000.00"));
    lines = addItem(lines, tee);
    expect(lines.map((line) => [line.item.variantId, line.quantity])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    expect(setQuantity(lines, 1, 0).map((line) => line.item.variantId)).toEqual([2]);
  });

  it("prices a split like the server: cash 10 % off, 3 installments +10 %, change on the cash", () => {
    const lines = [
      { item: item(1, "20000.00"), quantity: 1 },
      { item: item(2, "5000.00"), quantity: 1 },
      { item: item(3, "80000.00"), quantity: 1 },
    ];
    const due = cartDue(lines, true);
    expect(due).toBe(10_500_000);
    const payments = [
      { methodId: 1, base: 5_250_000, installments: 1, tendered: 5_000_000 },
      { methodId: 2, base: 5_250_000, installments: 3 },
    ];
    const totals = cartTotals(lines, true, payments, methods);
    expect(totals.payments.map((payment) => payment.amount)).toEqual([4_725_000, 5_775_000]);
    expect(totals.total).toBe(10_500_000);
    expect(changeDue(totals, payments)).toBe(275_000);
    expect(paymentAdjustment(credit, 3)).toBe("10.00");
    expect(saleRequest({ clientId: "c", branchId: 7, lines, payments, total: totals.total })).toMatchObject({
      lines: [
        { variantId: 1, quantity: 1 },
        { variantId: 2, quantity: 1 },
        { variantId: 3, quantity: 1 },
      ],
      payments: [
        { methodId: 1, base: "52500.00", installments: 1, tendered: "50000.00" },
        { methodId: 2, base: "52500.00", installments: 3, tendered: undefined },
      ],
      expectedTotal: "105000.00",
    });
  });

  it("adds tax on top when prices exclude it", () => {
    expect(cartDue([{ item: item(1, "100.00"), quantity: 2 }], false)).toBe(24_200);
  });

  it("takes line and sale discounts off, clamps a line's discount when its units drop, and knows who may give how much", () => {
    let lines = addItem([], item(1, "100.00"), 3);
    lines = setLineDiscount(lines, 1, 5_000);
    expect(cartSubtotal(lines)).toBe(25_000);
    expect(cartDue(lines, true, 1_000)).toBe(24_000);
    lines = setQuantity(lines, 1, 1);
    expect(lines[0]?.discount).toBe(5_000);
    lines = setLineDiscount(lines, 1, 9_000);
    expect(setQuantity(lines, 1, 1)[0]?.discount).toBe(9_000);
    expect(
      setQuantity(
        addItem([], item(2, "10.00"), 5).map((l) => ({ ...l, discount: 4_000 })),
        2,
        2,
      )[0]?.discount,
    ).toBe(2_000);
    expect(maxDiscount(10_000, "CASHIER", "10.00")).toBe(1_000);
    expect(maxDiscount(10_000, "MANAGER", "10.00")).toBe(10_000);
  });
});
