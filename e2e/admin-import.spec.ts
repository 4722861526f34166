// The back office's import and export page (/admin/import): a manager loads a price list with one bad row and
// sees that row's error before anything is written, imports the rest with a progress bar, downloads the error
// report; and downloads the products export. Cashiers never reach either.
import { readFile } from "node:fs/promises";
import { expect, test, type Download } from "@playwright/test";
import { expectAccessible } from "./axe.ts";
import { CASHIER, MANAGER, PRODUCTS } from "./fixture.ts";
import { signIn } from "./sign-in.ts";

async function text(download: Download): Promise<string> {
  const path = await download.path();
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await readFile(path));
}

const HEADER =
  "producto;nombre;marca;categoria;talle;sku;codigo_barras;precio;precio_online;costo;stock_minimo;online;stock_CEN";
/** Row 2 is the header's next line: the bad row (a price of "abc") is spreadsheet row 7. */
const BAD_ROW = 7;
const ROWS = 90;

function priceList(): string {
  const lines = Array.from({ length: ROWS }, (_, i) => {
    const n = String(i + 1).padStart(3, "0");
    const price = i + 2 === BAD_ROW ? "abc" : "12.500,00";
    return `IMP-${n};Importado ${n};Acme;running;;E2E-IMP-${n};;${price};;6000;1;si;3`;
  });
  return `\uFEFF${[HEADER, ...lines].join("\r\n")}\r\n`;
}

test("a manager imports a CSV with one bad row: sees that row's error, imports the others with progress, gets the report", async ({
  page,
}) => {
  await signIn(page, MANAGER);
  await page.goto("/admin");
  await page.getByRole("link", { name: "Importar/Exportar" }).click();
  await expect(page).toHaveURL(/\/admin\/import$/);
  await expect(page.getByRole("heading", { level: 1, name: "Importar y exportar" })).toBeVisible();
  await expectAccessible(page, "import page");

  await page.getByLabel("Elegir archivo para importar").setInputFiles({
    name: "lista-precios.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(priceList(), "utf-8"),
  });
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByText(`${ROWS} filas: ${ROWS - 1} listas para importar, 1 con errores.`)).toBeVisible();
  const bad = preview.locator(`tr[data-row="${BAD_ROW}"]`);
  await expect(bad).toHaveAttribute("data-invalid", "true");
  await expect(bad).toContainText("precio: un importe mayor que cero, como 15999,50.");
  await expect(preview.locator("tr[data-invalid]")).toHaveCount(1);
  await expectAccessible(page, "import preview");

  await page.getByRole("button", { name: `Importar ${ROWS - 1} filas válidas` }).click();
  const bar = page.getByRole("progressbar");
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute("aria-valuemax", String(ROWS));
  await expect(bar).toHaveAttribute("aria-valuenow", String(ROWS), { timeout: 30_000 });
  const job = page.getByTestId("import-job");
  await expect(job.getByText(`Importación terminada: ${ROWS - 1} filas importadas, 1 con errores.`)).toBeVisible();
  await expect(job.getByTestId("import-errors")).toContainText(`Fila ${BAD_ROW}: precio: un importe mayor que cero`);
  await expectAccessible(page, "import finished");

  const reportDownload = page.waitForEvent("download");
  await job.getByRole("link", { name: /Descargar el reporte de errores/ }).click();
  const report = await reportDownload;
  expect(report.suggestedFilename()).toBe("errores_lista-precios.csv");
  const reportLines = (await text(report)).trimEnd().split("\r\n");
  expect(reportLines[0]).toBe("\uFEFFfila;columna;problema;mensaje");
  expect(reportLines.slice(1)).toEqual([expect.stringMatching(new RegExp(`^${BAD_ROW};price;invalid;`))]);
  await expect(page.getByTestId("import-history")).toContainText("lista-precios.csv");

  await page.getByRole("link", { name: "Productos", exact: true }).click();
  // Rows 2–10 are products 001–009; row 7 (product 006) was the bad one.
  await page.getByLabel("Buscar").fill("Importado 00");
  await expect(page.getByRole("link", { name: "Importado 005" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Importado 007" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Importado 006" })).toHaveCount(0);
});

test("a manager downloads the products export in the import format; a cashier gets neither page nor file", async ({
  page,
  browser,
}) => {
  await signIn(page, MANAGER);
  await page.goto("/admin/import");
  const exportDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Productos (CSV)" }).click();
  const download = await exportDownload;
  expect(download.suggestedFilename()).toBe("productos.csv");
  const content = await text(download);
  expect(content.startsWith("\uFEFFproducto;nombre;marca;categoria;talle;sku;codigo_barras;precio;")).toBe(true);
  expect(content).toContain(`;${PRODUCTS.tee.name};;running;;TEE;${PRODUCTS.tee.barcode};20000,00;;1000,00;0;si\r\n`);
  await expectAccessible(page, "export section");

  const cashier = await browser.newPage();
  try {
    await signIn(cashier, CASHIER);
    await cashier.goto("/admin/import");
    await expect(cashier).toHaveURL(/\/\?denied=admin$/);
    expect((await cashier.request.get("/api/downloads/products")).status()).toBe(403);
  } finally {
    await cashier.close();
  }
});
