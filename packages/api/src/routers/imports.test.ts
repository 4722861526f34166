import { describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { ean13FromSequence } from "@pos/validators";
import { callerFor, catalogSnapshot, createCategory, createProduct } from "../../test/catalog.ts";
import { createBranch, codeOf } from "../../test/factories.ts";
import { csv, fileOf, HEADER, xlsx } from "../../test/imports.ts";
import { ledgerProblems } from "../../test/stock.ts";
import { importSettled } from "../services/imports/jobs.ts";

const t = useTestDb();

/** A fresh category whose slug the rows name, so each test has its own catalog corner. */
async function category() {
  return createCategory(t.db);
}

describe("imports.preview", () => {
  it("shows every row with its action and each bad row's errors by field, and writes nothing", async () => {
    const cat = await category();
    const manager = await callerFor(t.db, "MANAGER");
    const before = await catalogSnapshot(t.db);
    const preview = await manager.imports.preview(
      fileOf(
        csv([
          HEADER,
          `PV-1;Remera Vista;Acme;${cat.slug};M;PV-1-M;;15999;;8000;1;si`,
          `PV-1;Remera Vista;Acme;${cat.slug};L;PV-1-L;;abc;;8000;1;si`,
          `PV-2;Gorra Vista;Acme;no-existe;;PV-2;;7500;;3000;0;quizás`,
          `PV-3;;Acme;${cat.slug};;PV-3;;7500;;3000;0;no`,
        ]),
      ),
    );
    expect(await catalogSnapshot(t.db)).toEqual(before);
    expect(preview).toMatchObject({ totalRows: 4, validRows: 1, failedRows: 3, newProducts: 1, updatedProducts: 0 });
    const byRow = new Map(preview.rows.map((row) => [row.row, row]));
    expect(byRow.get(2)).toMatchObject({ action: "create", errors: [] });
    expect(byRow.get(3)?.errors).toEqual([expect.objectContaining({ field: "price", code: "invalid" })]);
    expect(byRow.get(4)?.errors.map((e) => [e.field, e.code])).toEqual(
      expect.arrayContaining([
        ["online", "invalid"],
        ["category", "unknownCategory"],
      ]),
    );
    expect(byRow.get(5)?.errors).toEqual([expect.objectContaining({ field: "name", code: "required" })]);
  });

  it("refuses a file without the product column or naming an unknown branch, with a clear message", async () => {
    const manager = await callerFor(t.db, "MANAGER");
    const noKey = manager.imports.preview(fileOf(csv(["nombre;precio", "Algo;100"])));
    await expect(noKey).rejects.toThrow(/no "producto" column/);
    // The back office says it in the manager's language from this name of the problem.
    await expect(noKey).rejects.toMatchObject({ cause: { details: { problem: "noProductColumn" } } });
    const badBranch = manager.imports.preview(fileOf(csv([`${HEADER};stock_ZZZ`, "A;B;;c;;;;1;;1;0;si;3"])));
    await expect(badBranch).rejects.toThrow(/stock_ZZZ" names no branch/);
    await expect(manager.imports.preview({ fileName: "virus.exe", content: "" })).rejects.toThrow(/.csv or .xlsx/);
  });

  it("is for managers and admins only", async () => {
    const cashier = await callerFor(t.db, "CASHIER");
    expect(await codeOf(cashier.imports.preview(fileOf(csv([HEADER]))))).toBe("FORBIDDEN");
    expect(await codeOf(cashier.imports.list({}))).toBe("FORBIDDEN");
  });
});

describe("an import job", () => {
  it("imports N−1 rows of a file with one bad row, records that row's error and counts progress right", async () => {
    const cat = await category();
    const branch = await createBranch(t.db);
    const manager = await callerFor(t.db, "MANAGER");
    const lines = Array.from({ length: 120 }, (_, i) => {
      const price = i === 57 ? "-5" : "1000";
      return `JOB-${i};Producto ${i};Acme;${cat.slug};;JOB-${i};;${price};;500;0;si;${i % 3}`;
    });
    const started = await manager.imports.start(fileOf(csv([`${HEADER};stock_${branch.code}`, ...lines])));
    expect(started).toMatchObject({ status: "RUNNING", totalRows: 120 });
    await importSettled(started.id);

    const job = await manager.imports.get({ id: started.id });
    expect(job).toMatchObject({ status: "COMPLETED", totalRows: 120, okRows: 119, failedRows: 1, errorCount: 1 });
    expect(job.finishedAt).toBeInstanceOf(Date);
    expect(job.errors).toEqual([expect.objectContaining({ row: 59, field: "price", code: "invalid" })]);
    const created = await t.db.variant.findMany({ where: { sku: { startsWith: "JOB-" } }, select: { sku: true } });
    expect(created).toHaveLength(119);
    expect(created.map((v) => v.sku)).not.toContain("JOB-57");
    // Opening stock went through the ledger as INITIAL movements.
    const movements = await t.db.inventoryMovement.count({ where: { branchId: branch.id, type: "INITIAL" } });
    expect(movements).toBe(lines.filter((_, i) => i !== 57 && i % 3 !== 0).length);
    expect(await ledgerProblems(t.db)).toEqual([]);
    const history = await manager.imports.list({});
    expect(history[0]).toMatchObject({ id: started.id, okRows: 119, failedRows: 1 });
    const audit = await t.db.auditEvent.findFirst({ where: { action: "catalog.imported", entityId: String(job.id) } });
    expect(audit?.data).toMatchObject({ okRows: 119, failedRows: 1 });
  });

  it("groups rows into sized products with generated barcodes and a price override where a row differs", async () => {
    const cat = await category();
    const manager = await callerFor(t.db, "MANAGER");
    const started = await manager.imports.start(
      fileOf(
        await xlsx([
          ["producto", "nombre", "categoria", "talle", "precio", "costo"],
          ["ZAP", "Zapatilla Import", cat.name, "40", "50000", "25000"],
          ["ZAP", "Zapatilla Import", cat.name, "41", "50000", "25000"],
          ["ZAP", "Zapatilla Import", cat.name, "46", "52000", "25000"],
        ]),
        "zapatillas.xlsx",
      ),
    );
    await importSettled(started.id);
    const product = await t.db.product.findFirstOrThrow({
      where: { name: "Zapatilla Import" },
      include: { variants: { orderBy: { position: "asc" } } },
    });
    expect(product.sizeSystem).toBe("SHOES");
    expect(product.price.toFixed(2)).toBe("50000.00");
    expect(product.variants.map((v) => [v.sizeLabel, v.priceOverride?.toFixed(2) ?? null])).toEqual([
      ["40", null],
      ["41", null],
      ["46", "52000.00"],
    ]);
    expect(product.variants.every((v) => /^20\d{11}$/.test(v.barcode))).toBe(true);
  });

  it("updates existing products matched by SKU (a re-imported price list) and audits the price change", async () => {
    const existing = await createProduct(t.db, { name: "Buzo Lista", sizeSystem: "CLOTHING", price: "30000" });
    const [s, m] = existing.variants;
    if (!s || !m) throw new Error("fixture without sizes");
    const manager = await callerFor(t.db, "MANAGER");
    const before = await t.db.product.count();
    const started = await manager.imports.start(
      fileOf(
        csv([
          "producto;sku;precio;costo",
          `BUZO;${s.sku};35000;12000`,
          `BUZO;${m.sku};35000;12000`,
          `BUZO;NO-EXISTE-XL;35000;12000`,
        ]),
      ),
    );
    await importSettled(started.id);
    const job = await manager.imports.get({ id: started.id });
    expect(await t.db.product.count()).toBe(before);
    const after = await t.db.product.findUniqueOrThrow({ where: { id: existing.id } });
    expect([after.price.toFixed(2), after.cost.toFixed(2), after.name]).toEqual(["35000.00", "12000.00", "Buzo Lista"]);
    // The third row names no existing SKU nor a size: it would add a size-less variant to a sized product.
    expect(job).toMatchObject({ okRows: 2, failedRows: 1 });
    expect(job.errors).toEqual([expect.objectContaining({ row: 4, field: "size", code: "size" })]);
    const audit = await t.db.auditEvent.findFirst({
      where: { action: "product.price_changed", entityId: String(existing.id) },
    });
    expect(audit).not.toBeNull();
  });

  it("undoes only the product the services refuse mid-batch, and imports the rest of the batch", async () => {
    const cat = await category();
    const manager = await callerFor(t.db, "MANAGER");
    // The first product will get the first generated barcode of its id; the second row claims that very code.
    const [sequence] = await t.db.$queryRaw<{ last_value: bigint; is_called: boolean }[]>`
      SELECT last_value, is_called FROM "Product_id_seq"`;
    const nextId = Number(sequence?.last_value ?? 0n) + (sequence?.is_called ? 1 : 0);
    const taken = ean13FromSequence("20", nextId * 100);
    const started = await manager.imports.start(
      fileOf(
        csv([
          HEADER,
          `SP-A;Primero Savepoint;;${cat.slug};;SP-A;;1000;;500;0;si`,
          `SP-B;Segundo Savepoint;;${cat.slug};;SP-B;${taken};1000;;500;0;si`,
          `SP-C;Tercero Savepoint;;${cat.slug};;SP-C;;1000;;500;0;si`,
        ]),
      ),
    );
    await importSettled(started.id);
    const job = await manager.imports.get({ id: started.id });
    expect(job).toMatchObject({ status: "COMPLETED", okRows: 2, failedRows: 1 });
    expect(job.errors).toEqual([expect.objectContaining({ row: 3, field: "barcode", code: "inUse" })]);
    const names = await t.db.product.findMany({ where: { name: { endsWith: "Savepoint" } }, select: { name: true } });
    expect(names.map((p) => p.name).sort()).toEqual(["Primero Savepoint", "Tercero Savepoint"]);
    expect(await t.db.variant.findUnique({ where: { barcode: taken }, select: { sku: true } })).toEqual({
      sku: "SP-A",
    });
  });

  it("refuses to start a file where no row can be imported, and creates no job", async () => {
    const manager = await callerFor(t.db, "MANAGER");
    const jobs = await t.db.importJob.count();
    await expect(manager.imports.start(fileOf(csv([HEADER, "X;;;;;;;;;;;"])))).rejects.toThrow(/No row/);
    expect(await t.db.importJob.count()).toBe(jobs);
  });

  it("marks a job a restart left RUNNING as failed when it is read, and leaves a fresh one alone", async () => {
    const manager = await callerFor(t.db, "MANAGER");
    const user = await t.db.user.findFirstOrThrow({ where: { role: "MANAGER" } });
    const stale = await t.db.importJob.create({
      data: {
        fileName: "viejo.csv",
        userId: user.id,
        status: "RUNNING",
        totalRows: 10,
        okRows: 4,
        createdAt: new Date(Date.now() - 60 * 60 * 1000),
      },
    });
    const fresh = await t.db.importJob.create({
      data: { fileName: "nuevo.csv", userId: user.id, status: "RUNNING", totalRows: 10 },
    });
    const job = await manager.imports.get({ id: stale.id });
    expect(job).toMatchObject({ status: "FAILED", okRows: 4 });
    expect(job.finishedAt).toBeInstanceOf(Date);
    expect(job.errors).toEqual([expect.objectContaining({ row: 0, code: "interrupted" })]);
    expect((await manager.imports.get({ id: fresh.id })).status).toBe("RUNNING");
  });
});
