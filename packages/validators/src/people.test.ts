import { describe, expect, it } from "vitest";
import { ZAuditList, ZBranchCreate, ZCustomerCreate, ZEmail, ZPhone, ZUserCreate, ZUserUpdate } from "./index.ts";

describe("contact normalisation", () => {
  it("trims and lowercases emails, refusing malformed ones", () => {
    expect(ZEmail.parse("  Ana.Perez@Shop.COM ")).toBe("ana.perez@shop.com");
    for (const bad of ["", "ana", "ana@", "@shop.com", "ana perez@shop.com"]) {
      expect(ZEmail.safeParse(bad).success).toBe(false);
    }
  });

  it("keeps only the digits of a phone, and a leading +", () => {
    expect(ZPhone.parse("+54 9 (11) 5555-1234")).toBe("+5491155551234");
    expect(ZPhone.parse("011 4444.5555")).toBe("01144445555");
    for (const bad of ["call me", "12345", "54+11", "1234567890123456", "++541155551234"]) {
      expect(ZPhone.safeParse(bad).success).toBe(false);
    }
  });

  it("lets a customer have neither, and clears with null", () => {
    expect(ZCustomerCreate.parse({ name: " Ana " })).toEqual({ name: "Ana" });
    expect(ZCustomerCreate.parse({ name: "Ana", email: null })).toEqual({ name: "Ana", email: null });
  });
});

describe("staff and branch inputs", () => {
  const user = { name: "Ana", email: "ana@shop.test", role: "CASHIER", branchId: 1, password: "12345678" } as const;

  it("requires a branch for cashiers and 8-character passwords", () => {
    expect(ZUserCreate.safeParse(user).success).toBe(true);
    expect(ZUserCreate.safeParse({ ...user, branchId: null }).error?.issues[0]?.path).toEqual(["branchId"]);
    expect(ZUserCreate.safeParse({ ...user, role: "MANAGER", branchId: undefined }).success).toBe(true);
    expect(ZUserCreate.safeParse({ ...user, password: "1234567" }).success).toBe(false);
    expect(ZUserUpdate.safeParse({ id: 1, role: "CASHIER", branchId: null }).success).toBe(false);
    expect(ZUserUpdate.safeParse({ id: 1, role: "CASHIER" }).success).toBe(true);
  });

  it("uppercases branch codes and refuses odd ones", () => {
    expect(ZBranchCreate.parse({ name: "Centro", code: " cen ", address: "Calle 1" })).toMatchObject({
      code: "CEN",
      phone: null,
      sellsOnline: false,
    });
    expect(ZBranchCreate.safeParse({ name: "Centro", code: "C-1", address: "Calle 1" }).success).toBe(false);
  });

  it("refuses an audit date range that ends before it starts", () => {
    expect(ZAuditList.safeParse({ from: new Date(2026, 1, 2), to: new Date(2026, 1, 1) }).success).toBe(false);
    expect(ZAuditList.parse({})).toEqual({ limit: 50 });
  });
});
