import { describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { IMPORT_COLUMNS, IMPORT_HEADERS } from "@pos/validators";
import { createProduct } from "../../test/catalog.ts";
import { createBranch, createUser, sessionFor } from "../../test/factories.ts";
import { fileOf } from "../../test/imports.ts";
import { storeTime } from "../../test/report-sales.ts";
import { insertSale } from "../../test/sales.ts";
import { seedStock } from "../../test/stock.ts";
import type { Session } from "../context.ts";
import { previewImport } from "../services/imports/jobs.ts";
import { handleCsvDownload } from "./handler.ts";

const t = useTestDb();

async function download(session: Session, kind: string, query = "") {
  const request = new Request(`http://pos.test/admin/downloads/${kind}${query}`);
  const response = await handleCsvDownload({ request, session, db: t.db, kind });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    status: response.status,
    headers: response.headers,
    bytes,
    text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes),
  };
}

const manager = async () => sessionFor(await createUser(t.db, "MANAGER"));
const rowsOf = (text: string) =>
  text
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(";"));

describe("CSV downloads", () => {
  it("exports products in the import format, with BOM and accents, and the export imports back unchanged", async () => {
    const product = await createProduct(t.db, { name: "Campera Ñandú", sizeSystem: "CLOTHING", price: "45999.5" });
    const session = await manager();
    const { status, headers, bytes, text } = await download(session, "products");
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(headers.get("content-disposition")).toBe('attachment; filename="productos.csv"');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = rowsOf(text);
    expect(rows[0]).toEqual(IMPORT_COLUMNS.map((column) => IMPORT_HEADERS[column]));
    const mine = rows.filter((row) => row[1] === "Campera Ñandú");
    expect(mine.map((row) => [row[0], row[4], row[7], row[11]])).toEqual(
      ["S", "M", "L", "XL", "XXL"].map((size) => [product.slug, size, "45999,50", "si"]),
    );

    const preview = await previewImport(t.db, fileOf(bytes, "productos.csv"));
    expect(preview.failedRows).toBe(0);
    expect(preview.newProducts).toBe(0);
    expect(preview.rows.every((row) => row.action === "update")).toBe(true);
  });

  it("exports stock as variant × branch, zero where a branch holds none", async () => {
    const product = await createProduct(t.db, { name: "Medias Stock", sizeSystem: "NONE" });
    const [variant] = product.variants;
    if (!variant) throw new Error("no variant");
    const [centro, norte] = [await createBranch(t.db), await createBranch(t.db)];
    await seedStock(t.db, centro.id, { [variant.id]: 7 });
    const rows = rowsOf((await download(await manager(), "stock")).text);
    expect(rows[0]).toEqual(["sucursal", "sucursal_nombre", "sku", "producto", "talle", "cantidad", "stock_minimo"]);
    const mine = rows.filter((row) => row[2] === variant.sku);
    expect(mine.map((row) => [row[0], row[5]])).toEqual(
      expect.arrayContaining([
        [centro.code, "7"],
        [norte.code, "0"],
      ]),
    );
  });

  it("exports the sale lines of a day range, and refuses a range it cannot read", async () => {
    const product = await createProduct(t.db, { name: "Short Venta" });
    const [variant] = product.variants;
    if (!variant) throw new Error("no variant");
    const branch = await createBranch(t.db);
    const cashier = await createUser(t.db, "CASHIER", { branchId: branch.id });
    const sale = (day: string) =>
      insertSale(t.db, {
        branchId: branch.id,
        cashierId: cashier.id,
        createdAt: storeTime(day, "23:30"),
        lines: [{ variantId: variant.id, quantity: 2, unitPrice: "1000.50" }],
        payments: [{ method: "CASH", amount: "2001.00" }],
      });
    const first = await sale("2026-03-10");
    await sale("2026-03-12");
    const line = await t.db.saleItem.findFirstOrThrow({ where: { saleId: first.id } });
    const session = await manager();
    const { text, headers } = await download(session, "sales", "?from=2026-03-10&to=2026-03-11");
    expect(headers.get("content-disposition")).toContain("ventas_2026-03-10_2026-03-11.csv");
    const lines = rowsOf(text).filter((row) => row[1] === branch.code);
    expect(lines).toEqual([
      [
        "2026-03-10 23:30",
        branch.code,
        expect.any(String),
        "POS",
        "COMPLETED",
        line.sku,
        line.productName,
        "",
        "2",
        "1000,50",
        "0,00",
        "2001,00",
        "2001,00",
      ],
    ]);
    expect((await download(session, "sales", "?from=2026-03-12&to=2026-03-10")).status).toBe(400);
    expect((await download(session, "sales")).status).toBe(400);
  });

  it("serves the import template and an import's error report", async () => {
    const session = await manager();
    const template = await download(session, "import-template");
    expect(rowsOf(template.text)[0]?.slice(0, 3)).toEqual(["producto", "nombre", "marca"]);
    const user = await createUser(t.db, "MANAGER");
    const job = await t.db.importJob.create({
      data: {
        fileName: "lista;nueva.csv",
        userId: user.id,
        status: "COMPLETED",
        errors: [{ row: 3, field: "price", code: "invalid", message: 'Enter an amount like "15999"; no sign.' }],
      },
    });
    const report = await download(session, "import-errors", `?job=${job.id}`);
    expect(report.headers.get("content-disposition")).toBe('attachment; filename="errores_lista_nueva.csv"');
    expect(report.text).toBe(
      '\uFEFFfila;columna;problema;mensaje\r\n3;price;invalid;"Enter an amount like ""15999""; no sign."\r\n',
    );
    expect((await download(session, "import-errors", "?job=999999")).status).toBe(404);
  });

  it("keeps every download to active managers and admins", async () => {
    const cashier = sessionFor(await createUser(t.db, "CASHIER"));
    const disabled = sessionFor(await createUser(t.db, "MANAGER", { active: false }));
    const admin = sessionFor(await createUser(t.db, "ADMIN"));
    for (const kind of ["products", "stock", "sales", "import-errors", "import-template"]) {
      expect((await download(null, kind)).status).toBe(401);
      expect((await download(cashier, kind)).status).toBe(403);
      expect((await download(disabled, kind)).status).toBe(401);
    }
    expect((await download(admin, "stock")).status).toBe(200);
    expect((await download(admin, "secrets")).status).toBe(404);
  });
});
