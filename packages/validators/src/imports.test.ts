import { describe, expect, it } from "vitest";
import { importColumnOf, importTemplateCsv, normalizeAmount, stockColumnBranch, ZImportRow } from "./index.ts";

describe("import headers", () => {
  it("match whatever Excel did to case, accents and spaces, and the English keys", () => {
    expect(importColumnOf("Código de barras")).toBe("barcode");
    expect(importColumnOf(" PRECIO ")).toBe("price");
    expect(importColumnOf("precio_online")).toBe("onlinePrice");
    expect(importColumnOf("onlinePrice")).toBe("onlinePrice");
    expect(importColumnOf("Stock mínimo")).toBe("minStock");
    expect(importColumnOf("color")).toBeUndefined();
    expect(stockColumnBranch("stock_cen")).toBe("CEN");
    expect(stockColumnBranch("stock_")).toBeUndefined();
  });

  it("read amounts as spreadsheets write them", () => {
    expect(["15999", "15999,5", "15.999,50", "$ 15.999", "1.5"].map(normalizeAmount)).toEqual([
      "15999",
      "15999.5",
      "15999.50",
      "15999",
      "1.5",
    ]);
  });
});

describe("ZImportRow", () => {
  it("turns a row of strings into typed values, blanks into nothing", () => {
    const row = ZImportRow.parse({
      product: "REM",
      name: " Remera ",
      size: "",
      sku: "rem-m",
      price: "15.999,50",
      cost: "0",
      minStock: "3",
      online: "Sí",
      stock: { CEN: "4", NOR: "" },
    });
    expect(row).toEqual({
      product: "REM",
      name: "Remera",
      size: undefined,
      sku: "REM-M",
      price: "15999.50",
      cost: "0.00",
      minStock: 3,
      online: true,
      stock: { CEN: 4, NOR: 0 },
    });
  });

  it("names each bad field", () => {
    const result = ZImportRow.safeParse({
      product: "",
      barcode: "7790000000012",
      price: "0",
      online: "quizás",
      stock: { CEN: "-1" },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual([
      "product",
      "barcode",
      "price",
      "online",
      "stock.CEN",
    ]);
  });

  it("has a template whose rows pass the schema", () => {
    const [header = "", ...rows] = importTemplateCsv().trimEnd().split("\r\n");
    const columns = header.split(";");
    expect(rows.length).toBeGreaterThan(1);
    for (const line of rows) {
      const cells = line.split(";");
      const named = Object.fromEntries(columns.map((column, i) => [importColumnOf(column) ?? column, cells[i] ?? ""]));
      const { stock_CEN: stock = "", ...fields } = named;
      expect(ZImportRow.safeParse({ ...fields, stock: { CEN: stock } }).success).toBe(true);
    }
  });
});
