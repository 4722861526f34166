import { describe, expect, it } from "vitest";
import { ZLedgerQuery, ZStockAdjust, ZStockCount, ZTransferCreate } from "./inventory.ts";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe("inventory schemas", () => {
  it("refuse a zero adjustment and a missing reason, and trim the reason", () => {
    expect(messages(ZStockAdjust.safeParse({ branchId: 1, variantId: 2, quantity: 0, reason: "Broken" }))).toEqual([
      "An adjustment must add or remove at least one unit.",
    ]);
    expect(ZStockAdjust.safeParse({ branchId: 1, variantId: 2, quantity: -1, reason: "  " }).success).toBe(false);
    expect(ZStockAdjust.parse({ branchId: 1, variantId: 2, quantity: -1, reason: "  Broken " }).reason).toBe("Broken");
  });

  it("refuse negative counts and an item counted twice", () => {
    expect(messages(ZStockCount.safeParse({ branchId: 1, lines: [{ variantId: 2, counted: -1 }] }))).toEqual([
      "A counted quantity cannot be negative.",
    ]);
    const twice = {
      branchId: 1,
      lines: [
        { variantId: 2, counted: 1 },
        { variantId: 2, counted: 3 },
      ],
    };
    expect(messages(ZStockCount.safeParse(twice))).toEqual(["Each item may appear only once in a count."]);
    expect(ZStockCount.safeParse({ branchId: 1, lines: [{ variantId: 2, counted: 0 }] }).success).toBe(true);
  });

  it("refuse a transfer to the same branch, empty or with non-positive quantities", () => {
    const base = { fromBranchId: 1, toBranchId: 2, items: [{ variantId: 3, quantity: 1 }] };
    expect(ZTransferCreate.safeParse(base).success).toBe(true);
    expect(messages(ZTransferCreate.safeParse({ ...base, toBranchId: 1 }))).toEqual([
      "Origin and destination must be different branches.",
    ]);
    expect(ZTransferCreate.safeParse({ ...base, items: [] }).success).toBe(false);
    expect(ZTransferCreate.safeParse({ ...base, items: [{ variantId: 3, quantity: 0 }] }).success).toBe(false);
  });

  it("refuse a ledger range that ends before it starts", () => {
    const range = { from: new Date("2026-06-02"), to: new Date("2026-06-01") };
    expect(messages(ZLedgerQuery.safeParse(range))).toEqual(["The start date must be on or before the end date."]);
    expect(ZLedgerQuery.parse({}).limit).toBe(50);
  });
});
