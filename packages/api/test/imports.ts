// Import files for tests: CSV text as a shop's spreadsheet writes it, an XLSX workbook built with exceljs, and
// both as the base64 the browser sends.
import ExcelJS from "exceljs";
import type { TImportFile } from "@pos/validators";

export const HEADER =
  "producto;nombre;marca;categoria;talle;sku;codigo_barras;precio;precio_online;costo;stock_minimo;online";

/** A CSV in Argentine Excel's dialect: `;`-separated, CRLF, UTF-8 with BOM. */
export function csv(lines: readonly string[], { bom = true, separator = ";" } = {}): Uint8Array {
  const text = lines.map((line) => (separator === ";" ? line : line.replaceAll(";", separator))).join("\r\n");
  return new TextEncoder().encode(`${bom ? "\uFEFF" : ""}${text}\r\n`);
}

export function fileOf(bytes: Uint8Array, fileName = "precios.csv"): TImportFile {
  return { fileName, content: Buffer.from(bytes).toString("base64") };
}

export async function xlsx(rows: readonly (readonly (string | number | null)[])[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Productos");
  for (const row of rows) sheet.addRow([...row]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
