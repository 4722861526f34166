import { describe, expect, it } from "vitest";
import { stockAfterQueuedSales } from "./queued-stock";

const sale = (status: "pending" | "failed", lines: { variantId: number; quantity: number }[]) => ({
  status,
  request: { clientId: crypto.randomUUID(), branchId: 1, lines, payments: [] },
});

describe("stockAfterQueuedSales", () => {
  it("takes every pending sale's units off the saved stock, across sales and lines", () => {
    const saved = new Map([
      [1, 5],
      [2, 1],
    ]);
    const after = stockAfterQueuedSales(saved, [
      sale("pending", [
        { variantId: 1, quantity: 2 },
        { variantId: 2, quantity: 1 },
      ]),
      sale("pending", [{ variantId: 1, quantity: 1 }]),
    ]);
    expect([...after]).toEqual([
      [1, 2],
      [2, 0],
    ]);
    expect(saved.get(1)).toBe(5);
  });

  it("leaves refused sales out and lets an offline sale take a variant below zero, as the server will", () => {
    const after = stockAfterQueuedSales(new Map([[1, 1]]), [
      sale("failed", [{ variantId: 1, quantity: 1 }]),
      sale("pending", [{ variantId: 3, quantity: 2 }]),
    ]);
    expect(after.get(1)).toBe(1);
    expect(after.get(3)).toBe(-2);
  });
});
