// The back office's catalog and stock tools: the category tree, a stock count seen in the ledger, the barcode
// label sheet, and a product's pictures and per-size codes and prices. Each test makes its own product, so the
// register and storefront tests running beside it keep their stock.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { createPrismaClient } from "@pos/db";
import { buildEan13 } from "@pos/validators";
import { expectAccessible } from "./axe.ts";
import { e2eDatabaseUrl } from "./env.ts";
import { BRANCH_NAME, CASHIER, MANAGER } from "./fixture.ts";

async function signIn(page: Page, who: { email: string; password: string } = MANAGER) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Contraseña").fill(who.password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page).toHaveURL(/\/$/);
}

const PIXEL =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

let serial = 0;

/** The test database, for setting up and checking what the pages wrote. */
async function withDb<T>(work: (db: ReturnType<typeof createPrismaClient>) => Promise<T>): Promise<T> {
  const db = createPrismaClient(e2eDatabaseUrl(), { poolMax: 1 });
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

/** A clothing product (S, M, L) with valid EAN-13s, stock at the register's branch and optional pictures. */
async function makeProduct(name: string, stock: { S: number; M: number; L: number }, images: string[] = []) {
  return withDb(async (db) => {
    const n = `${process.pid % 1000}${++serial}`.padStart(5, "0");
    const branch = await db.branch.findFirstOrThrow({ where: { name: BRANCH_NAME } });
    const category = await db.category.create({ data: { name: `Grupo E2E ${n}`, slug: `grupo-e2e-${n}` } });
    const product = await db.product.create({
      data: {
        name,
        slug: `e2e-${n}`,
        categoryId: category.id,
        price: "30000.00",
        cost: "10000.00",
        sizeSystem: "CLOTHING",
        images: { create: images.map((alt, position) => ({ url: PIXEL, alt, position })) },
      },
    });
    const variants = [];
    for (const [position, size] of (["S", "M", "L"] as const).entries()) {
      const variant = await db.variant.create({
        data: {
          productId: product.id,
          sku: `E2E-${n}-${size}`,
          barcode: buildEan13(`298${n}${String(position).padStart(4, "0")}`),
          sizeLabel: size,
          position,
        },
      });
      variants.push(variant);
      const quantity = stock[size];
      await db.stockLevel.create({ data: { branchId: branch.id, variantId: variant.id, quantity } });
      if (quantity > 0) {
        await db.inventoryMovement.create({
          data: {
            branchId: branch.id,
            variantId: variant.id,
            quantity,
            balanceAfter: quantity,
            type: "INITIAL",
            reason: "e2e fixture",
          },
        });
      }
    }
    return { product, variants };
  });
}

/** One attribute of every element a locator finds, in page order. */
async function attributes(locator: Locator, name: string): Promise<(string | null)[]> {
  const values: (string | null)[] = [];
  for (const element of await locator.all()) values.push(await element.getAttribute(name));
  return values;
}

const childrenOf = (page: Page, name: string) =>
  attributes(page.locator(`[data-category="${name}"] > ul > li`), "data-category");

test("a manager builds and reorders the category tree, and deleting a category with children is refused", async ({
  page,
}) => {
  const tag = String(Date.now()).slice(-6); // names of their own, so a repeated run finds only these
  await signIn(page);
  await page.goto("/admin/categories");
  await expect(page.getByRole("heading", { level: 1, name: "Categorías" })).toBeVisible();
  const form = page.getByRole("form", { name: "Nueva categoría" });
  await form.getByRole("button", { name: "Crear categoría" }).click();
  await expect(form.getByText("Escribí un nombre.")).toBeVisible();

  await form.getByLabel("Nombre").fill(`Hombre ${tag}`);
  await form.getByRole("button", { name: "Crear categoría" }).click();
  await expect(page.getByRole("status")).toHaveText(`Se creó Hombre ${tag}.`);
  for (const child of [`Camperas ${tag}`, `Remeras ${tag}`]) {
    await form.getByLabel("Nombre").fill(child);
    await form.getByLabel("Dentro de").selectOption({ label: `Hombre ${tag}` });
    await form.getByRole("button", { name: "Crear categoría" }).click();
    await expect(page.getByRole("status")).toHaveText(`Se creó ${child}.`);
  }
  await expect.poll(() => childrenOf(page, `Hombre ${tag}`)).toEqual([`Camperas ${tag}`, `Remeras ${tag}`]);

  await page.getByRole("button", { name: `Bajar Camperas ${tag}` }).click();
  await expect.poll(() => childrenOf(page, `Hombre ${tag}`)).toEqual([`Remeras ${tag}`, `Camperas ${tag}`]);
  await expect(page.getByRole("button", { name: `Subir Remeras ${tag}` })).toBeDisabled();

  await page.getByRole("button", { name: `Renombrar Remeras ${tag}` }).click();
  await page.getByLabel(`Nuevo nombre para Remeras ${tag}`).fill(`Remeras y musculosas ${tag}`);
  await page.getByRole("button", { name: "Guardar", exact: true }).click();
  await expect
    .poll(() => childrenOf(page, `Hombre ${tag}`))
    .toEqual([`Remeras y musculosas ${tag}`, `Camperas ${tag}`]);

  // Dragging a category onto a sibling puts it in that place.
  await page
    .locator(`[data-category="Camperas ${tag}"] > div`)
    .dragTo(page.locator(`[data-category="Remeras y musculosas ${tag}"] > div`));
  await expect
    .poll(() => childrenOf(page, `Hombre ${tag}`))
    .toEqual([`Camperas ${tag}`, `Remeras y musculosas ${tag}`]);

  await page.getByRole("button", { name: `Eliminar Hombre ${tag}` }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "No se puede eliminar: tiene 2 subcategorías y 0 productos" }),
  ).toBeVisible();
  await expect(page.locator(`[data-category="Hombre ${tag}"]`)).toBeVisible();

  await page.getByRole("button", { name: `Eliminar Camperas ${tag}` }).click();
  await expect(page.getByRole("status")).toHaveText("Categoría eliminada.");
  await expect.poll(() => childrenOf(page, `Hombre ${tag}`)).toEqual([`Remeras y musculosas ${tag}`]);
  await page.screenshot({ path: "/tmp/inventory-shots/categories.png", fullPage: true });
  await expectAccessible(page, "the category tree");
});

test("a manager counts a product by scanning and typing, reviews the difference and finds it in the ledger", async ({
  page,
}) => {
  const { product, variants } = await makeProduct("Buzo Conteo", { S: 4, M: 2, L: 0 });
  const [small] = variants;
  if (!small) throw new Error("no variants");
  await signIn(page);
  await page.goto("/admin/inventory");
  await page.getByRole("button", { name: "Contar stock" }).click();
  const count = page.getByRole("region", { name: "Conteo de stock" });
  await count.getByLabel("Sucursal").selectOption({ label: BRANCH_NAME });
  await count.getByLabel("Producto o código").fill(small.barcode);
  await count.getByRole("button", { name: "Buscar" }).click();
  await expect(count.getByLabel("Contado, talle S")).toHaveValue("1");
  await count.getByLabel("Contado, talle S").fill("3");
  await count.getByLabel("Contado, talle M").fill("2");
  const lines = count.getByTestId("count-line");
  await expect(lines.filter({ hasText: /^S/ }).getByTestId("count-difference")).toHaveText("−1");
  await expect(lines.filter({ hasText: /^M/ }).getByTestId("count-difference")).toHaveText("0");
  await count.getByRole("button", { name: "Revisar diferencias" }).click();
  await expect(lines).toHaveCount(2);
  await expect(count.getByText("2 talles contados, 1 con diferencia.")).toBeVisible();
  await page.screenshot({ path: "/tmp/inventory-shots/count-review.png", fullPage: true });
  await expectAccessible(page, "the stock count review");
  await count.getByRole("button", { name: "Confirmar conteo" }).click();
  await expect(count.getByRole("status")).toHaveText("Conteo de Buzo Conteo registrado: 1 ajuste.");

  const ledger = page.getByTestId("ledger");
  await expect(page.getByTestId("ledger-product")).toHaveText("Solo Buzo Conteo");
  const row = ledger.getByTestId("movement").first();
  await expect(row).toContainText("Ajuste");
  await expect(row).toContainText("Conteo de stock");
  await expect(row).toContainText("−1");
  await expect(row.getByRole("cell").nth(5)).toHaveText("3");
  await expect(row).toContainText(MANAGER.name);

  // From the product's stock grid, the ledger opens filtered to that product.
  await page.goto(`/admin/products/${product.id}`);
  await page.getByRole("link", { name: "Ver movimientos" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/inventory\\?productId=${product.id}$`));
  await expect(page.getByTestId("ledger-product")).toHaveText("Solo Buzo Conteo");
  await expect(page.getByTestId("movement")).toHaveCount(3);
  await page.getByLabel("Tipo").selectOption({ label: "Ajuste" });
  await expect(page.getByTestId("movement")).toHaveCount(1);
  await page.screenshot({ path: "/tmp/inventory-shots/ledger.png", fullPage: true });
  await expectAccessible(page, "the ledger");
});

test("a manager prints labels for the units in stock: one label per unit, each with its EAN-13", async ({ page }) => {
  const { product, variants } = await makeProduct("Gorra Etiqueta", { S: 2, M: 1, L: 0 });
  await signIn(page);
  await page.goto(`/admin/products/${product.id}`);
  const picker = page.getByRole("region", { name: "Etiquetas con código de barras" });
  await expect(picker.getByRole("status")).toHaveText("3 etiquetas");
  await picker.getByLabel("Una por unidad en stock en").check();
  await picker.getByLabel("Sucursal del stock").selectOption({ label: BRANCH_NAME });
  await expect(picker.getByLabel("Etiquetas del talle S")).toHaveValue("2");
  await expect(picker.getByLabel("Etiquetas del talle L")).toHaveValue("0");
  await expect(picker.getByRole("status")).toHaveText("3 etiquetas");
  await picker.getByRole("link", { name: "Ver hoja para imprimir" }).click();

  await expect(page).toHaveURL(/\/admin\/labels\?product=\d+&items=/);
  await expect(page.getByRole("heading", { level: 1, name: "Etiquetas" })).toBeVisible();
  await expect(page.getByRole("navigation")).toHaveCount(0);
  const labels = page.getByTestId("label");
  await expect(labels).toHaveCount(3);
  await expect(labels.filter({ hasText: "Gorra Etiqueta · S" })).toHaveCount(2);
  await expect(labels.first()).toContainText("30.000,00");
  const codes = await attributes(page.getByTestId("ean13"), "data-code");
  const [s, m] = variants;
  expect(codes).toEqual([s?.barcode, s?.barcode, m?.barcode]);
  // Every EAN-13 has 30 dark bars (two per digit, two per guard), plus the white background.
  expect(await labels.first().locator("rect").count()).toBe(31);
  await expect(page.getByRole("button", { name: "Imprimir" })).toBeVisible();
  // On paper: the sheet without its toolbar (and not blanked by the register's receipt-only print rules).
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Imprimir" })).toBeHidden();
  await expect(labels.first()).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await page.screenshot({ path: "/tmp/inventory-shots/labels.png", fullPage: true });
  await expectAccessible(page, "the label sheet");
});

test("a manager reorders a product's photos and describes one", async ({ page }) => {
  const { product } = await makeProduct("Campera Fotos", { S: 1, M: 0, L: 0 }, ["Frente", "Espalda"]);
  await signIn(page);
  await page.goto(`/admin/products/${product.id}`);
  const images = page.getByTestId("product-images").getByRole("img");
  await expect(images).toHaveCount(2);
  await expect.poll(() => attributes(images, "alt")).toEqual(["Frente", "Espalda"]);
  await page.getByRole("button", { name: "Mover la foto 1 después" }).click();
  await expect.poll(() => attributes(images, "alt")).toEqual(["Espalda", "Frente"]);
  const alt = page.getByLabel("Descripción de la foto 1");
  await expect(alt).toHaveValue("Espalda");
  await alt.fill("Espalda de la campera");
  await alt.press("Enter");
  await expect(page.getByText("Descripción guardada.")).toBeVisible();

  const saved = await withDb((db) =>
    db.productImage.findMany({ where: { productId: product.id }, orderBy: { position: "asc" } }),
  );
  expect(saved.map((image) => image.alt)).toEqual(["Espalda de la campera", "Frente"]);
  await page.reload();
  await expect.poll(() => attributes(images, "alt")).toEqual(["Espalda de la campera", "Frente"]);
  // The same by dragging: the second photo dropped on the first takes its place.
  const tiles = page.getByTestId("product-image");
  await tiles.nth(1).dragTo(tiles.nth(0));
  await expect.poll(() => attributes(images, "alt")).toEqual(["Frente", "Espalda de la campera"]);
  await page.screenshot({ path: "/tmp/inventory-shots/images.png", fullPage: true });
  await expectAccessible(page, "a product's photos");
});

test("a manager gives a size its own price and a generated EAN-13", async ({ page }) => {
  const { product, variants } = await makeProduct("Remera Precio", { S: 1, M: 1, L: 1 });
  await signIn(page);
  await page.goto(`/admin/products/${product.id}`);
  const rows = page.getByTestId("variant-row");
  await expect(rows).toHaveCount(3);

  await page.getByRole("button", { name: "Editar talle M" }).click();
  const edit = page.getByTestId("variant-edit");
  await edit.getByLabel("Precio propio del talle M").fill("0");
  await edit.getByRole("button", { name: "Guardar" }).click();
  await expect(edit.getByText("Un precio mayor que cero")).toBeVisible();
  await edit.getByLabel("Precio propio del talle M").fill("52.000");
  await edit.getByLabel("Código de barras del talle M").fill("7790000000012");
  await edit.getByRole("button", { name: "Guardar" }).click();
  await expect(edit.getByText("dígito verificador")).toBeVisible();
  await edit.getByRole("button", { name: "Generar EAN-13" }).click();
  await expect(edit.getByLabel("Código de barras del talle M")).toHaveValue(/^20\d{11}$/);
  const generated = await edit.getByLabel("Código de barras del talle M").inputValue();
  await page.screenshot({ path: "/tmp/inventory-shots/variant-edit.png", fullPage: true });
  await expectAccessible(page, "a size being edited");
  await edit.getByRole("button", { name: "Guardar" }).click();
  await expect(edit).toHaveCount(0);
  const medium = rows.filter({ hasText: variants[1]?.sku ?? "?" });
  await expect(medium.getByTestId("variant-price")).toHaveText(/52\.000,00/);
  await expect(medium).toContainText(generated);
  await expect(rows.filter({ hasText: variants[0]?.sku ?? "?" }).getByTestId("variant-price")).toHaveText(/30\.000,00/);

  const saved = await withDb((db) => db.variant.findUniqueOrThrow({ where: { id: variants[1]?.id ?? 0 } }));
  expect(saved.priceOverride?.toFixed(2)).toBe("52000.00");
  expect(saved.barcode).toBe(generated);
  await expectAccessible(page, "a product's sizes");
});

test("a cashier is sent back from the categories, inventory and label pages, and the ledger refuses them", async ({
  page,
}) => {
  await signIn(page, CASHIER);
  for (const path of ["/admin/categories", "/admin/inventory", "/admin/labels?product=1&items=1x1"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/\?denied=admin$/);
  }
  await expect(page.getByRole("alert").filter({ hasText: "Esa sección es para encargados" })).toBeVisible();
  const input = encodeURIComponent(JSON.stringify({ json: {} }));
  expect((await page.request.get(`/api/trpc/inventory.ledger?input=${input}`)).status()).toBe(403);
  await expectAccessible(page, "the register after a refused admin page");
});
