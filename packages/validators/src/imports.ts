// The catalog import format (CSV or XLSX, one row per variant) and the checks every row must pass, shared by
// the server (which decides) and the back office (which shows the template and the errors in its language).
// Documented for shops in docs/import-format.md; the products export writes exactly these columns.
import { z } from "zod";
import { ZBarcode, ZMoney, ZSku } from "./catalog.ts";
import { normalizeAmount, toCents } from "./money.ts";

/** A file larger than this is refused before it is read. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
/** Data rows (the header not counted) one import may carry. */
export const MAX_IMPORT_ROWS = 5000;

export const IMPORT_COLUMNS = [
  "product",
  "name",
  "brand",
  "category",
  "size",
  "sku",
  "barcode",
  "price",
  "onlinePrice",
  "cost",
  "minStock",
  "online",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** The header the template and the export write for each column (Spanish: the shop's language). */
export const IMPORT_HEADERS: Readonly<Record<ImportColumn, string>> = {
  product: "producto",
  name: "nombre",
  brand: "marca",
  category: "categoria",
  size: "talle",
  sku: "sku",
  barcode: "codigo_barras",
  price: "precio",
  onlinePrice: "precio_online",
  cost: "costo",
  minStock: "stock_minimo",
  online: "online",
};

/** `stock_CEN`: initial stock of a NEW variant at the branch whose code is CEN (ignored for existing variants). */
export const STOCK_COLUMN_PREFIX = "stock_";

const ALIASES: Readonly<Record<string, ImportColumn>> = {
  product_key: "product",
  clave: "product",
  categoria_slug: "category",
  size_label: "size",
  talla: "size",
  codigo_de_barras: "barcode",
  ean: "barcode",
  precio_web: "onlinePrice",
  online_price: "onlinePrice",
  min_stock: "minStock",
  minimo: "minStock",
  mostrar_online: "online",
  show_online: "online",
};

/** "Código de barras " → "codigo_de_barras": what a header means, whatever Excel did to its case and accents. */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** The column a header names: its Spanish header, its English key or a known alias; undefined when unknown. */
export function importColumnOf(header: string): ImportColumn | undefined {
  const key = normalizeHeader(header);
  const direct = IMPORT_COLUMNS.find(
    (column) => IMPORT_HEADERS[column] === key || normalizeHeader(column) === key.replace(/_/g, ""),
  );
  return direct ?? ALIASES[key];
}

/** The branch code of a `stock_<code>` header, upper-cased; undefined for any other header. */
export function stockColumnBranch(header: string): string | undefined {
  const key = normalizeHeader(header);
  if (!key.startsWith(STOCK_COLUMN_PREFIX)) return undefined;
  const code = header.trim().slice(STOCK_COLUMN_PREFIX.length).trim().toUpperCase();
  return code.length > 0 ? code : undefined;
}

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const money = z.preprocess(
  (value) => (typeof value === "string" ? normalizeAmount(value) : value),
  ZMoney.refine((value) => toCents(value) > 0, { message: "The price must be above zero." }),
);

const YES = new Set(["si", "s", "yes", "y", "true", "1", "x"]);
const NO = new Set(["no", "n", "false", "0"]);

/** One data row of an import, after its cells were mapped to columns (strings as the file had them). */
export const ZImportRow = z.object({
  product: z
    .string()
    .trim()
    .min(1, { message: "Say which product this row belongs to (producto)." })
    .max(80, { message: "A product key is at most 80 characters." }),
  name: optional(z.string().max(120, { message: "A name is at most 120 characters." })),
  brand: optional(z.string().max(80, { message: "A brand is at most 80 characters." })),
  category: optional(z.string().max(120)),
  size: z.preprocess(blankToUndefined, z.string().max(20, { message: "A size is at most 20 characters." }).optional()),
  sku: optional(ZSku),
  barcode: optional(ZBarcode),
  price: optional(money),
  onlinePrice: optional(money),
  cost: optional(z.preprocess((value) => (typeof value === "string" ? normalizeAmount(value) : value), ZMoney)),
  minStock: optional(
    z
      .string()
      .regex(/^\d{1,7}$/, { message: "The minimum stock is a whole number, 0 or more." })
      .transform(Number),
  ),
  online: optional(
    z
      .string()
      .transform((value) => normalizeHeader(value))
      .refine((value) => YES.has(value) || NO.has(value), { message: 'Write "si" or "no".' })
      .transform((value) => YES.has(value)),
  ),
  /** Initial stock per branch code, for new variants. */
  stock: z.record(
    z.string(),
    z
      .string()
      .trim()
      .regex(/^\d{0,7}$/, { message: "Initial stock is a whole number, 0 or more." })
      .transform((value) => (value === "" ? 0 : Number(value))),
  ),
});
export type TImportRow = z.input<typeof ZImportRow>;
export type TImportRowParsed = z.output<typeof ZImportRow>;

/**
 * What went wrong with a row, stored on the ImportJob and shown in the preview. `code` lets the UI say it in
 * the manager's language; `message` is the server's own words (kept in the error report).
 */
export const IMPORT_PROBLEMS = [
  "invalid",
  "required",
  "unknownCategory",
  "mismatch",
  "duplicate",
  "inUse",
  "otherProduct",
  "size",
  "rejected",
  "interrupted",
] as const;
export type ImportProblem = (typeof IMPORT_PROBLEMS)[number];

/** Why a whole file was refused (a DomainError's `details.problem`), for the UI to say in its language. */
export const FILE_PROBLEMS = [
  "empty",
  "tooBig",
  "notXlsx",
  "isWorkbook",
  "notText",
  "unreadable",
  "badWorkbook",
  "tooManyRows",
  "noHeader",
  "noRows",
  "duplicateColumn",
  "noProductColumn",
  "unknownBranch",
  "nothingToImport",
] as const;
export type FileProblem = (typeof FILE_PROBLEMS)[number];

export interface ImportRowError {
  /** The row number as the spreadsheet shows it (the header is row 1); 0 for the whole file. */
  row: number;
  /** An ImportColumn, a `stock_<code>` header, or "" when the row as a whole was refused. */
  field: string;
  code: ImportProblem;
  message: string;
}

/** A file as it travels from the browser: its name and its bytes in base64 (small files only, see MAX_IMPORT_BYTES). */
export const ZImportFile = z.object({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/\.(csv|txt|xlsx)$/i, { message: "Choose a .csv or .xlsx file." }),
  content: z
    .string()
    .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4, { message: "The file is larger than 2 MB; split it in parts." })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: "The file did not arrive whole; choose it again." }),
});
export type TImportFile = z.input<typeof ZImportFile>;

export const ZImportJobId = z.object({ id: z.number().int().positive() });

export const ZImportList = z.object({ limit: z.number().int().min(1).max(50).default(20) });
export type TImportList = z.input<typeof ZImportList>;

/** The template a manager downloads: the header and two example products (a sized one and one without sizes). */
export function importTemplateCsv(): string {
  const header = [...IMPORT_COLUMNS.map((column) => IMPORT_HEADERS[column]), `${STOCK_COLUMN_PREFIX}CEN`];
  const rows = [
    ["REM-DRY", "Remera Dry Fit", "Acme", "remeras", "M", "REM-DRY-M", "", "15999,00", "", "8000", "2", "si", "10"],
    ["REM-DRY", "Remera Dry Fit", "Acme", "remeras", "L", "REM-DRY-L", "", "15999,00", "", "8000", "2", "si", "5"],
    ["GOR-CLA", "Gorra Clásica", "Acme", "accesorios", "", "GOR-CLA", "", "7500", "6900", "3000", "1", "no", "0"],
  ];
  return [header, ...rows].map((cells) => cells.join(";")).join("\r\n") + "\r\n";
}
