// What each CSV download contains, as pages of rows read by id (keyset), so the database is asked for a few
// hundred rows at a time however long the export is.
import type { Db } from "@pos/db";
import { IMPORT_COLUMNS, IMPORT_HEADERS, dayBounds, type ImportRowError } from "@pos/validators";
import { DomainError } from "../errors.ts";
import { importErrorsOf } from "../services/imports/jobs.ts";
import { STORE_TIME_ZONE } from "../services/z-report.ts";
import { csvAmount } from "./csv.ts";

type Cell = string | number | boolean | null;
type Page = Cell[][];
export interface CsvSource {
  fileName: string;
  header: string[];
  pages: AsyncIterable<Page>;
}

const PAGE = 500;

/** Pages of `read(cursor)` until one comes back short; the cursor is the last row's id. */
async function* byId<T extends { id: number }>(read: (cursor: number) => Promise<T[]>, toRows: (items: T[]) => Page) {
  let cursor = 0;
  for (;;) {
    const items = await read(cursor);
    if (items.length > 0) yield toRows(items);
    const last = items.at(-1);
    if (!last || items.length < PAGE) return;
    cursor = last.id;
  }
}

/** Every active variant in the import format (one row per variant), so an edited export imports back. */
export function productsCsv(db: Db): CsvSource {
  return {
    fileName: "productos.csv",
    header: IMPORT_COLUMNS.map((column) => IMPORT_HEADERS[column]),
    pages: byId(
      (cursor) =>
        db.variant.findMany({
          where: { id: { gt: cursor }, active: true },
          orderBy: { id: "asc" },
          take: PAGE,
          select: {
            id: true,
            sku: true,
            barcode: true,
            sizeLabel: true,
            priceOverride: true,
            product: {
              select: {
                slug: true,
                name: true,
                brand: true,
                price: true,
                onlinePrice: true,
                cost: true,
                minStock: true,
                showOnline: true,
                category: { select: { slug: true } },
              },
            },
          },
        }),
      (variants) =>
        variants.map(({ product, ...variant }) => [
          product.slug,
          product.name,
          product.brand,
          product.category.slug,
          variant.sizeLabel,
          variant.sku,
          variant.barcode,
          csvAmount(variant.priceOverride ?? product.price),
          csvAmount(product.onlinePrice),
          csvAmount(product.cost),
          product.minStock,
          product.showOnline,
        ]),
    ),
  };
}

/** Stock on hand, one row per active variant × active branch (zero where the branch holds none). */
export async function stockCsv(db: Db): Promise<CsvSource> {
  const branches = await db.branch.findMany({
    where: { active: true },
    select: { id: true, code: true, name: true },
    orderBy: { id: "asc" },
  });
  return {
    fileName: "stock.csv",
    header: ["sucursal", "sucursal_nombre", "sku", "producto", "talle", "cantidad", "stock_minimo"],
    pages: byId(
      (cursor) =>
        db.variant.findMany({
          where: { id: { gt: cursor }, active: true },
          orderBy: { id: "asc" },
          take: PAGE,
          select: {
            id: true,
            sku: true,
            sizeLabel: true,
            product: { select: { name: true, minStock: true } },
            stockLevels: { select: { branchId: true, quantity: true } },
          },
        }),
      (variants) =>
        branches.flatMap((branch) =>
          variants.map((variant) => [
            branch.code,
            branch.name,
            variant.sku,
            variant.product.name,
            variant.sizeLabel,
            variant.stockLevels.find((level) => level.branchId === branch.id)?.quantity ?? 0,
            variant.product.minStock,
          ]),
        ),
    ),
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_SALES_DAYS = 366;

/**
 * Sales between two shop days (inclusive), ONE ROW PER SALE LINE: what sold, where, when and for how much, ready
 * for a pivot table. The sale's own totals repeat on each of its lines (`total_venta`); sum `total_linea` instead.
 */
export function salesCsv(db: Db, range: { from: string | null; to: string | null }): CsvSource {
  const { from, to } = range;
  if (!from || !to || !DAY.test(from) || !DAY.test(to) || from > to) {
    throw new DomainError("BAD_REQUEST", "Give the days as from=YYYY-MM-DD&to=YYYY-MM-DD, from not after to.");
  }
  const start = dayBounds(from, STORE_TIME_ZONE).from;
  const end = dayBounds(to, STORE_TIME_ZONE).to;
  if (end.getTime() - start.getTime() > MAX_SALES_DAYS * 86_400_000) {
    throw new DomainError("BAD_REQUEST", "Export at most a year of sales at a time.");
  }
  const timeFormat = new Intl.DateTimeFormat("sv-SE", {
    timeZone: STORE_TIME_ZONE,
    dateStyle: "short",
    timeStyle: "short",
  });
  return {
    fileName: `ventas_${from}_${to}.csv`,
    header: [
      "fecha",
      "sucursal",
      "numero",
      "canal",
      "estado",
      "sku",
      "producto",
      "talle",
      "cantidad",
      "precio_unitario",
      "descuento_linea",
      "total_linea",
      "total_venta",
    ],
    pages: byId(
      (cursor) =>
        db.saleItem.findMany({
          where: { id: { gt: cursor }, sale: { createdAt: { gte: start, lt: end } } },
          orderBy: { id: "asc" },
          take: PAGE,
          select: {
            id: true,
            sku: true,
            productName: true,
            sizeLabel: true,
            quantity: true,
            unitPrice: true,
            discount: true,
            lineTotal: true,
            sale: {
              select: {
                createdAt: true,
                number: true,
                channel: true,
                status: true,
                total: true,
                branch: { select: { code: true } },
              },
            },
          },
        }),
      (items) =>
        items.map(({ sale, ...item }) => [
          timeFormat.format(sale.createdAt),
          sale.branch.code,
          sale.number,
          sale.channel,
          sale.status,
          item.sku,
          item.productName,
          item.sizeLabel,
          item.quantity,
          csvAmount(item.unitPrice),
          csvAmount(item.discount),
          csvAmount(item.lineTotal),
          csvAmount(sale.total),
        ]),
    ),
  };
}

/** A job's errors, one per row and field, to fix the file and import it again. */
export async function importErrorsCsv(db: Db, jobId: number): Promise<CsvSource> {
  const job = await db.importJob.findUnique({ where: { id: jobId }, select: { fileName: true, errors: true } });
  if (!job) throw new DomainError("NOT_FOUND", `Import ${jobId} does not exist.`, { jobId });
  const errors: ImportRowError[] = importErrorsOf(job.errors);
  async function* pages() {
    await Promise.resolve();
    for (let start = 0; start < errors.length; start += PAGE) {
      yield errors
        .slice(start, start + PAGE)
        .map((error): Cell[] => [error.row, error.field, error.code, error.message]);
    }
  }
  return {
    fileName: `errores_${job.fileName.replace(/\.[^.]+$/, "")}.csv`,
    header: ["fila", "columna", "problema", "mensaje"],
    pages: pages(),
  };
}
