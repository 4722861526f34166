import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@pos/validators";
import { csv, HEADER, xlsx } from "../../../test/imports.ts";
import { readSheet } from "./parse.ts";

const ROW = "REM-1;Remera Ñandú;Acme;remeras;M;REM-1-M;;15.999,50;;8000;2;si";

describe("readSheet", () => {
  it("reads a `;`-separated CSV in UTF-8 with BOM, keeping accents and the row numbers", async () => {
    const sheet = await readSheet("precios.csv", csv([HEADER, ROW, "", ROW.replace("M;REM-1-M", "L;REM-1-L")]));
    expect(sheet.headers[0]).toBe("producto");
    expect(sheet.rows.map((row) => row.line)).toEqual([2, 4]);
    expect(sheet.rows[0]?.cells.slice(0, 5)).toEqual(["REM-1", "Remera Ñandú", "Acme", "remeras", "M"]);
    expect(sheet.rows[0]?.cells[7]).toBe("15.999,50");
  });

  it("reads a comma-separated CSV without BOM, with quoted commas", async () => {
    const bytes = new TextEncoder().encode('producto,nombre,precio\nA-1,"Short, azul",100\n');
    const sheet = await readSheet("lista.csv", bytes);
    expect(sheet.headers).toEqual(["producto", "nombre", "precio"]);
    expect(sheet.rows).toEqual([{ line: 2, cells: ["A-1", "Short, azul", "100"] }]);
  });

  it("reads Windows-1252 text (Excel's plain CSV) without mangling accents", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("producto;nombre\nA;Ca"), 0xf1, 0x61, 0x0a]);
    const sheet = await readSheet("lista.csv", bytes);
    expect(sheet.rows[0]?.cells).toEqual(["A", "Caña"]);
  });

  it("reads the first sheet of an XLSX workbook, numbers and blanks included", async () => {
    const bytes = await xlsx([
      ["producto", "nombre", "talle", "precio", "codigo_barras"],
      ["GOR-1", "Gorra", null, 7500, 7790001000017],
      [],
      ["GOR-2", "Gorra 2", "Único", 7500.5, null],
    ]);
    const sheet = await readSheet("catalogo.xlsx", bytes);
    expect(sheet.rows).toEqual([
      { line: 2, cells: ["GOR-1", "Gorra", "", "7500", "7790001000017"] },
      { line: 4, cells: ["GOR-2", "Gorra 2", "Único", "7500.5", ""] },
    ]);
  });

  it("refuses files that are not what they claim, too big, too long, empty or binary", async () => {
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => "accepted",
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
    expect(await refusal(readSheet("a.xlsx", csv([HEADER, ROW])))).toMatch(/not a real .xlsx/);
    expect(await refusal(readSheet("a.csv", await xlsx([["producto"], ["A"]])))).toMatch(/workbook, not text/);
    expect(await refusal(readSheet("a.csv", new Uint8Array(MAX_IMPORT_BYTES + 1).fill(65)))).toMatch(/2 MB/);
    const long = [HEADER, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `P${i};x`)];
    expect(await refusal(readSheet("a.csv", csv(long)))).toMatch(/more than 5000 rows/);
    expect(await refusal(readSheet("a.csv", csv([HEADER])))).toMatch(/no rows/);
    expect(await refusal(readSheet("a.csv", new Uint8Array()))).toMatch(/empty/);
    expect(await refusal(readSheet("a.csv", new Uint8Array([0x61, 0, 0x62])))).toMatch(/not text/);
    expect(await refusal(readSheet("a.csv", new TextEncoder().encode('producto;nombre\n"A;b\n')))).toMatch(
      /could not be read/,
    );
  });
});
