import { describe, expect, it } from "vitest";
import {
  CLOTHING_SIZES,
  SHOE_SIZES,
  ZBarcode,
  ZMoney,
  ZProductCreate,
  ZProductList,
  ZProductUpdate,
  ZSearch,
  ZSku,
  sizeLabelProblem,
  sizesFor,
} from "./catalog.ts";

const product = { name: "Remera", price: "100", cost: "50", categoryId: 1 };

describe("ZMoney", () => {
  it("normalises to two decimals and refuses floats' leftovers, signs and exponents", () => {
    expect(ZMoney.parse("15999")).toBe("15999.00");
    expect(ZMoney.parse(" 0.5 ")).toBe("0.50");
    expect(ZMoney.parse("9999999999.99")).toBe("9999999999.99");
    for (const bad of ["12.345", "-5", "+5", "1e3", "1,50", "", "12.", "99999999999"]) {
      expect(ZMoney.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe("codes", () => {
  it("accepts 8–14 digit barcodes, checking the EAN-13 check digit", () => {
    expect(ZBarcode.parse("7790000000010")).toBe("7790000000010");
    expect(ZBarcode.parse("12345670")).toBe("12345670");
    for (const bad of ["7790000000017", "1234567", "123456789012345", "77900000000ab"]) {
      expect(ZBarcode.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("upper-cases SKUs and refuses spaces", () => {
    expect(ZSku.parse("rem-0001-m")).toBe("REM-0001-M");
    expect(ZSku.safeParse("REM 1").success).toBe(false);
  });
});

describe("sizes", () => {
  it("lists each size system", () => {
    expect(sizesFor("CLOTHING")).toEqual(["S", "M", "L", "XL", "XXL"]);
    expect(sizesFor("SHOES")).toEqual([...SHOE_SIZES]);
    expect(SHOE_SIZES).toHaveLength(12);
    expect(sizesFor("NONE")).toEqual([null]);
    expect(sizesFor("CUSTOM", ["Único"])).toEqual(["Único"]);
  });

  it("explains labels that do not fit", () => {
    expect(sizeLabelProblem("CLOTHING", [], [...CLOTHING_SIZES])).toBeNull();
    expect(sizeLabelProblem("CLOTHING", [], ["M", "M"])).toMatch(/only once/);
    expect(sizeLabelProblem("SHOES", [], ["47"])).toMatch(/Size 47 is not/);
    expect(sizeLabelProblem("NONE", [], [null, null])).toMatch(/exactly one/);
    expect(sizeLabelProblem("NONE", [], ["M"])).toMatch(/exactly one/);
  });
});

describe("product inputs", () => {
  it("fills defaults and checks variants against the size system", () => {
    expect(ZProductCreate.parse(product)).toMatchObject({ sizeSystem: "NONE", price: "100.00", active: true });
    expect(ZProductCreate.safeParse({ ...product, sizeSystem: "SHOES", variants: [{ sizeLabel: "XL" }] }).success).toBe(
      false,
    );
    expect(ZProductCreate.safeParse({ ...product, sizeSystem: "CUSTOM" }).success).toBe(false);
    expect(ZProductCreate.safeParse({ ...product, name: " " }).success).toBe(false);
    expect(ZProductCreate.safeParse({ ...product, price: "0" }).success).toBe(false);
  });

  it("keeps updates partial and bounds paging and search", () => {
    expect(ZProductUpdate.parse({ id: 1, price: "5" })).toEqual({ id: 1, price: "5.00" });
    expect(ZProductList.parse({})).toEqual({ limit: 50 });
    expect(ZProductList.safeParse({ limit: 101 }).success).toBe(false);
    expect(ZSearch.safeParse({ q: "" }).success).toBe(false);
    expect(ZSearch.safeParse({ q: "x".repeat(101) }).success).toBe(false);
  });
});
