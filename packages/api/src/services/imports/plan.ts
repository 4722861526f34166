// From a read sheet to what the import will do: each row checked with the shared ZImportRow schema, rows grouped
// into products by their `producto` key, each group matched to an existing product by SKU (update) or planned
// as a new one (create). Reads the database, never writes it: the preview shows exactly this plan.
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Db, Prisma } from "@pos/db";
import {
  CLOTHING_SIZES,
  SHOE_SIZES,
  ZImportRow,
  importColumnOf,
  sizeLabelProblem,
  stockColumnBranch,
  type ImportColumn,
  type ImportProblem,
  type ImportRowError,
  type TImportRowParsed,
  type TProductCreate,
  type TProductUpdate,
  type TSizeSystem,
} from "@pos/validators";
import { DomainError } from "../../errors.ts";
import type { Sheet } from "./parse.ts";

export interface PlannedRow {
  line: number;
  /** The row's values when it passed every check, else undefined (and `errors` says why). */
  data: TImportRowParsed | undefined;
  /** What the row shows in the preview even when invalid. */
  raw: Partial<Record<ImportColumn, string>>;
  errors: ImportRowError[];
  /** The existing variant this row updates (matched by SKU). */
  variantId: number | null;
}

export interface PlannedGroup {
  key: string;
  rows: PlannedRow[];
  /** The product this group updates, or null when it creates one. */
  productId: number | null;
  /** The write for the valid rows; null when none is left (all rows failed). */
  create: TProductCreate | null;
  update: TProductUpdate | null;
}

export interface ImportPlan {
  groups: PlannedGroup[];
  /** Branch id per `stock_<code>` column, by code. */
  branches: Map<string, number>;
  ignoredColumns: string[];
}

/** Rows checked between two yields to the event loop. */
const CHECK_SLICE = 250;

const problem = (row: number, field: string, code: ImportProblem, message: string): ImportRowError => ({
  row,
  field,
  code,
  message,
});

function mapColumns(headers: readonly string[]) {
  const columns = new Map<number, ImportColumn>();
  const stock = new Map<number, string>();
  const ignored: string[] = [];
  headers.forEach((header, index) => {
    const column = importColumnOf(header);
    const branchCode = column ? undefined : stockColumnBranch(header);
    if (column) {
      if ([...columns.values()].includes(column)) {
        throw new DomainError("BAD_REQUEST", `The column "${header}" appears twice. Keep only one.`, {
          problem: "duplicateColumn",
          header,
        });
      }
      columns.set(index, column);
    } else if (branchCode) stock.set(index, branchCode);
    else if (header !== "") ignored.push(header);
  });
  if (![...columns.values()].includes("product")) {
    throw new DomainError("BAD_REQUEST", 'The file has no "producto" column. Start from the template.', {
      problem: "noProductColumn",
    });
  }
  return { columns, stock, ignored };
}

function checkRow(line: number, cells: readonly string[], layout: ReturnType<typeof mapColumns>): PlannedRow {
  const raw: Partial<Record<ImportColumn, string>> = {};
  for (const [index, column] of layout.columns) raw[column] = cells[index] ?? "";
  const stock: Record<string, string> = {};
  for (const [index, code] of layout.stock) stock[code] = cells[index] ?? "";
  const parsed = ZImportRow.safeParse({ ...raw, stock });
  if (parsed.success) return { line, data: parsed.data, raw, errors: [], variantId: null };
  const errors = parsed.error.issues.map((issue) => {
    const [first, second] = issue.path;
    const field = first === "stock" ? `stock_${String(second)}` : String(first ?? "");
    return problem(line, field, "invalid", issue.message);
  });
  return { line, data: undefined, raw, errors, variantId: null };
}

const fail = (row: PlannedRow, error: ImportRowError) => {
  row.errors.push(error);
  row.data = undefined;
};

/** The sizes decide the size system: all clothing sizes → CLOTHING, all shoe sizes → SHOES, else CUSTOM. */
function sizeSystemOf(labels: readonly (string | null)[]): { sizeSystem: TSizeSystem; customSizes: string[] } {
  if (labels.length === 1 && labels[0] === null) return { sizeSystem: "NONE", customSizes: [] };
  const named = labels.filter((label): label is string => label !== null);
  if (named.every((label) => (CLOTHING_SIZES as readonly string[]).includes(label))) {
    return { sizeSystem: "CLOTHING", customSizes: [] };
  }
  if (named.every((label) => (SHOE_SIZES as readonly string[]).includes(label))) {
    return { sizeSystem: "SHOES", customSizes: [] };
  }
  return { sizeSystem: "CUSTOM", customSizes: named };
}

/** The price most rows of a product carry is the product's; the others become variant price overrides. */
function commonPrice(prices: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const price of prices) counts.set(price, (counts.get(price) ?? 0) + 1);
  let best: string | undefined;
  for (const [price, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = price;
  return best;
}

const PRODUCT_FIELDS = ["name", "brand", "category", "onlinePrice", "cost", "minStock", "online"] as const;

/** Product-level values come from the group's first valid row; a later row saying otherwise is refused. */
function checkAgreement(rows: PlannedRow[]): void {
  const [first, ...rest] = rows;
  if (!first?.data) return;
  for (const row of rest) {
    const field = PRODUCT_FIELDS.find(
      (key) => row.data?.[key] !== undefined && first.data?.[key] !== undefined && row.data[key] !== first.data[key],
    );
    if (field) {
      fail(
        row,
        problem(row.line, field, "mismatch", `Differs from row ${first.line} of the same product; make them equal.`),
      );
    }
  }
}

type ExistingProduct = Prisma.ProductGetPayload<{
  select: {
    id: true;
    sizeSystem: true;
    customSizes: true;
    variants: { select: { id: true; sku: true; sizeLabel: true; active: true } };
  };
}>;

export async function planImport(db: Db, sheet: Sheet): Promise<ImportPlan> {
  const layout = mapColumns(sheet.headers);
  const codes = [...new Set(layout.stock.values())];
  const branchRows = await db.branch.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
  const branches = new Map(branchRows.map((branch) => [branch.code.toUpperCase(), branch.id]));
  const unknownBranch = codes.find((code) => !branches.has(code));
  if (unknownBranch) {
    throw new DomainError(
      "BAD_REQUEST",
      `The column "stock_${unknownBranch}" names no branch. Use a branch code, like stock_${branchRows[0]?.code ?? "CEN"}.`,
      { problem: "unknownBranch", header: `stock_${unknownBranch}` },
    );
  }
  const rows: PlannedRow[] = [];
  for (const { line, cells } of sheet.rows) {
    rows.push(checkRow(line, cells, layout));
    // Checking 5,000 rows is a few hundred milliseconds of CPU: let other requests in now and then.
    if (rows.length % CHECK_SLICE === 0) await nextTurn();
  }

  // Codes repeated inside the file: the later row is refused, the first one keeps its chance.
  for (const field of ["sku", "barcode"] as const) {
    const firstLine = new Map<string, number>();
    for (const row of rows) {
      const value = row.data?.[field];
      if (value === undefined) continue;
      const earlier = firstLine.get(value);
      if (earlier === undefined) firstLine.set(value, row.line);
      else fail(row, problem(row.line, field, "duplicate", `${value} is already on row ${earlier} of this file.`));
    }
  }

  const skus = rows.flatMap((row) => (row.data?.sku ? [row.data.sku] : []));
  const barcodes = rows.flatMap((row) => (row.data?.barcode ? [row.data.barcode] : []));
  const known = await db.variant.findMany({
    where: { OR: [{ sku: { in: skus } }, { barcode: { in: barcodes } }] },
    select: { id: true, sku: true, barcode: true, productId: true },
  });
  const bySku = new Map(known.map((variant) => [variant.sku, variant]));
  const byBarcode = new Map(known.map((variant) => [variant.barcode, variant]));
  for (const row of rows) {
    const match = row.data?.sku === undefined ? undefined : bySku.get(row.data.sku);
    row.variantId = match?.id ?? null;
    const holder = row.data?.barcode === undefined ? undefined : byBarcode.get(row.data.barcode);
    if (holder && holder.id !== match?.id) {
      fail(row, problem(row.line, "barcode", "inUse", `Barcode already used by ${holder.sku}.`));
    }
  }

  const categories = await db.category.findMany({ select: { id: true, slug: true, name: true } });
  const categoryId = (value: string) => {
    const wanted = value.trim().toLowerCase();
    return categories.find((c) => c.slug === wanted || c.name.toLowerCase() === wanted)?.id;
  };
  // Checked on invalid rows too, so a row shows all its problems at once.
  for (const row of rows) {
    const named = (row.data?.category ?? row.raw.category ?? "").trim();
    if (named !== "" && categoryId(named) === undefined) {
      fail(row, problem(row.line, "category", "unknownCategory", `No category is called "${named}".`));
    }
  }

  const productIds = [...new Set(known.map((variant) => variant.productId))];
  const existing = new Map<number, ExistingProduct>(
    (
      await db.product.findMany({
        where: { id: { in: productIds } },
        select: {
          id: true,
          sizeSystem: true,
          customSizes: true,
          variants: { select: { id: true, sku: true, sizeLabel: true, active: true } },
        },
      })
    ).map((product) => [product.id, product]),
  );

  const byKey = new Map<string, PlannedRow[]>();
  for (const row of rows) {
    const key = row.data?.product ?? row.raw.product?.trim() ?? "";
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  const groups = [...byKey].map(([key, groupRows]) => planGroup(key, groupRows, { bySku, existing, categoryId }));
  return { groups, branches, ignoredColumns: layout.ignored };
}

interface Lookups {
  bySku: Map<string, { id: number; productId: number }>;
  existing: Map<number, ExistingProduct>;
  categoryId: (value: string) => number | undefined;
}

function planGroup(key: string, rows: PlannedRow[], lookups: Lookups): PlannedGroup {
  const productIds = rows.flatMap((row) => {
    const match = row.data?.sku === undefined ? undefined : lookups.bySku.get(row.data.sku);
    return match ? [match.productId] : [];
  });
  const productId = productIds[0] ?? null;
  for (const row of rows) {
    const match = row.data?.sku === undefined ? undefined : lookups.bySku.get(row.data.sku);
    if (match && match.productId !== productId) {
      fail(row, problem(row.line, "sku", "otherProduct", "This SKU belongs to another product than this row's group."));
    }
  }
  checkAgreement(rows.filter((row) => row.data));
  const seenSizes = new Map<string | null, number>();
  for (const row of rows) {
    if (!row.data || row.variantId !== null) continue;
    const size = row.data.size ?? null;
    const earlier = seenSizes.get(size);
    if (earlier === undefined) seenSizes.set(size, row.line);
    else fail(row, problem(row.line, "size", "duplicate", `Size ${size ?? "(none)"} is already on row ${earlier}.`));
  }
  const product = productId === null ? undefined : lookups.existing.get(productId);
  const group: PlannedGroup = { key, rows, productId, create: null, update: null };
  if (product) group.update = planUpdate(product, rows, lookups);
  else group.create = planCreate(rows, lookups);
  return group;
}

function productFields(first: TImportRowParsed, categoryId: number | undefined) {
  return {
    ...(first.name !== undefined && { name: first.name }),
    ...(first.brand !== undefined && { brand: first.brand }),
    ...(categoryId !== undefined && { categoryId }),
    ...(first.onlinePrice !== undefined && { onlinePrice: first.onlinePrice }),
    ...(first.cost !== undefined && { cost: first.cost }),
    ...(first.minStock !== undefined && { minStock: first.minStock }),
    ...(first.online !== undefined && { showOnline: first.online }),
  };
}

const validRows = (rows: readonly PlannedRow[]) => rows.flatMap((row) => (row.data ? [{ row, data: row.data }] : []));

function planCreate(rows: PlannedRow[], lookups: Lookups): TProductCreate | null {
  const valid = validRows(rows);
  const [first] = valid;
  if (!first) return null;
  const labels = valid.map(({ data }) => data.size ?? null);
  if (labels.includes(null) && labels.length > 1) {
    for (const { row, data } of valid) {
      if (data.size === undefined) {
        fail(row, problem(row.line, "size", "size", "The other rows of this product have sizes: give this one too."));
      }
    }
    return planCreate(rows, lookups);
  }
  const missing = (["name", "category", "price", "cost"] as const).filter((field) => first.data[field] === undefined);
  if (missing.length > 0) {
    for (const field of missing) {
      first.row.errors.push(problem(first.row.line, field, "required", "Required for a new product."));
    }
    for (const { row } of valid) {
      row.data = undefined;
      if (row !== first.row) {
        row.errors.push(problem(row.line, "", "rejected", `Its product cannot be created: see row ${first.row.line}.`));
      }
    }
    return null;
  }
  const price = commonPrice(valid.flatMap(({ data }) => (data.price ? [data.price] : []))) ?? "0";
  const categoryId = lookups.categoryId(first.data.category ?? "");
  return {
    ...productFields(first.data, categoryId),
    name: first.data.name ?? "",
    categoryId: categoryId ?? 0,
    price,
    cost: first.data.cost ?? "0",
    ...sizeSystemOf(labels),
    variants: valid.map(({ data }) => ({
      sizeLabel: data.size ?? null,
      ...(data.sku !== undefined && { sku: data.sku }),
      ...(data.barcode !== undefined && { barcode: data.barcode }),
      priceOverride: data.price !== undefined && data.price !== price ? data.price : null,
    })),
  };
}

function planUpdate(product: ExistingProduct, rows: PlannedRow[], lookups: Lookups): TProductUpdate | null {
  const valid = validRows(rows);
  // New sizes must fit the product's size system, as in the product form.
  for (const { row, data } of valid) {
    if (row.variantId !== null) continue;
    const labels = [...product.variants.filter((v) => v.active).map((v) => v.sizeLabel), data.size ?? null];
    const wrong = sizeLabelProblem(product.sizeSystem, product.customSizes, labels);
    if (wrong) fail(row, problem(row.line, "size", "size", wrong));
  }
  const kept = validRows(rows);
  const [first] = kept;
  if (!first) return null;
  const price = commonPrice(kept.flatMap(({ data }) => (data.price ? [data.price] : [])));
  const sizeOf = new Map(product.variants.map((variant) => [variant.id, variant.sizeLabel]));
  return {
    id: product.id,
    ...productFields(first.data, lookups.categoryId(first.data.category ?? "")),
    ...(price !== undefined && { price }),
    variants: kept.map(({ row, data }) => ({
      ...(row.variantId !== null && { id: row.variantId }),
      sizeLabel: row.variantId !== null ? (sizeOf.get(row.variantId) ?? null) : (data.size ?? null),
      ...(data.sku !== undefined && { sku: data.sku }),
      ...(data.barcode !== undefined && { barcode: data.barcode }),
      ...(data.price !== undefined &&
        price !== undefined && {
          priceOverride: data.price !== price ? data.price : null,
        }),
    })),
  };
}
