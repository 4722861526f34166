// The back office (/admin): only for managers and admins, checked on the server; the dashboard's figures and its
// live feed of sales.
import { expect, test, type Page } from "@playwright/test";
import type { CatalogPage, ProductPage } from "@pos/api/store";
import { createPrismaClient } from "@pos/db";
import { expectAccessible } from "./axe.ts";
import { e2eDatabaseUrl, POS_URL, STORE_URL } from "./env.ts";
import { ADMIN, BRANCH_NAME, CASHIER, MANAGER, NORTH_CASHIER, OTHER_BRANCH_NAME, PRODUCTS } from "./fixture.ts";
import { signIn } from "./sign-in.ts";

/** What the storefront's public API answers (a query, as a shopper's browser asks it). */
async function storeApi<T>(page: Page, path: string, input: unknown): Promise<T> {
  const query = encodeURIComponent(JSON.stringify({ json: input }));
  const response = await page.request.get(`${STORE_URL}/api/trpc/${path}?input=${query}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** A tRPC call over HTTP as the page's signed-in user, the way the browser's client sends it. */
function call(page: Page, path: string, input: unknown) {
  return page.request.post(`/api/trpc/${path}`, { data: { json: input } });
}

test("a cashier cannot open the back office: sent back to the register and told why, and its reports refuse them", async ({
  page,
}) => {
  await signIn(page, CASHIER);
  await expect(page.getByRole("link", { name: "Administración" })).toHaveCount(0);

  await page.goto("/admin");
  await expect(page).toHaveURL(/\/\?denied=admin$/);
  await expect(page.getByRole("alert").filter({ hasText: "Esa sección es para encargados" })).toBeVisible();
  const input = encodeURIComponent(JSON.stringify({ json: { from: "2026-01-01", to: "2026-01-31" } }));
  expect((await page.request.get(`/api/trpc/reports.dashboard?input=${input}`)).status()).toBe(403);
});

test("a manager reads the dashboard, and a sale made elsewhere shows up live and in today's figures", async ({
  page,
}, testInfo) => {
  await signIn(page, MANAGER);
  await page.getByRole("link", { name: "Administración" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Panel" })).toBeVisible();
  const todaySales = page.getByTestId("kpi-today-sales");
  await expect(todaySales).toBeVisible();
  const before = await todaySales.textContent();
  await expect(page.getByText("Conectado")).toBeVisible();
  await expect(page.getByRole("img", { name: /Gráfico de ventas netas/ })).toBeVisible();

  // The manager sells a tee at the other branch through the API (another tab, another register).
  const db = createPrismaClient(e2eDatabaseUrl(), { poolMax: 1 });
  try {
    const branch = await db.branch.findFirstOrThrow({ where: { name: OTHER_BRANCH_NAME } });
    const tee = await db.variant.findUniqueOrThrow({ where: { barcode: PRODUCTS.tee.barcode } });
    const card = await db.paymentMethodConfig.findUniqueOrThrow({ where: { code: "credit" } });
    const opened = await call(page, "cashSessions.open", { branchId: branch.id, openingFloat: "0.00" });
    expect(opened.status()).toBe(200);
    const sold = await call(page, "sales.create", {
      clientId: crypto.randomUUID(),
      branchId: branch.id,
      lines: [{ variantId: tee.id, quantity: 1 }],
      payments: [{ methodId: card.id, base: PRODUCTS.tee.price }],
    });
    expect(sold.status()).toBe(200);
  } finally {
    await db.$disconnect();
  }

  const feed = page.getByTestId("live-feed");
  await expect(feed).toContainText("Venta en caja");
  await expect(feed).toContainText(OTHER_BRANCH_NAME);
  await expect(feed).toContainText("20.000,00");
  await expect(todaySales).not.toHaveText(before ?? "");
  await expect(page.getByTestId("by-branch")).toContainText(OTHER_BRANCH_NAME);
  await page.screenshot({ path: testInfo.outputPath("admin-dashboard.png"), fullPage: true });
  await expectAccessible(page, "the dashboard");
});

test("a manager works the order queue: confirms a WhatsApp order, cancels another with a reason and its stock returns", async ({
  page,
  request,
}, testInfo) => {
  const db = createPrismaClient(e2eDatabaseUrl(), { poolMax: 1 });
  try {
    const branch = await db.branch.findFirstOrThrow({ where: { name: OTHER_BRANCH_NAME } });
    const tee = await db.variant.findUniqueOrThrow({ where: { barcode: PRODUCTS.tee.barcode } });
    const onHand = async () =>
      (
        await db.stockLevel.findUniqueOrThrow({
          where: { branchId_variantId: { branchId: branch.id, variantId: tee.id } },
        })
      ).quantity;
    // Two shoppers order by WhatsApp through the public API, as the storefront does: each holds a tee.
    const order = async (name: string, phone: string) => {
      const response = await request.post("/api/trpc/orders.whatsapp", {
        data: {
          json: {
            clientId: crypto.randomUUID(),
            lines: [{ variantId: tee.id, quantity: 1 }],
            contact: { name, phone },
          },
        },
      });
      expect(response.status()).toBe(200);
      const body = (await response.json()) as { result: { data: { json: { reference: string } } } };
      return body.result.data.json.reference;
    };
    const confirmed = await order("Ana Gómez", "+54 9 11 4444-0001");
    const cancelled = await order("Bruno Díaz", "+54 9 11 4444-0002");
    const held = await onHand();

    await signIn(page, MANAGER);
    await page.goto("/admin/orders");
    await expect(page.getByRole("heading", { level: 1, name: "Pedidos" })).toBeVisible();
    const list = page.getByTestId("order-list");
    await list.getByRole("button", { name: new RegExp(confirmed) }).click();
    const detail = page.getByRole("region", { name: `Pedido ${confirmed}` });
    await expect(detail).toContainText("Stock reservado hasta");
    await expect(detail.getByRole("link", { name: "Escribir por WhatsApp" })).toHaveAttribute(
      "href",
      "https://wa.me/5491144440001",
    );
    await page.screenshot({ path: testInfo.outputPath("admin-orders.png"), fullPage: true });
    await expectAccessible(page, "the order queue");
    await detail.getByRole("button", { name: "Confirmar" }).click();
    await expect(detail.getByText(/^confirmado$/i)).toBeVisible();
    // It leaves the pending list: confirmed orders wait under their own tab.
    await expect(list.getByRole("button", { name: new RegExp(confirmed) })).toHaveCount(0);

    await list.getByRole("button", { name: new RegExp(cancelled) }).click();
    const other = page.getByRole("region", { name: `Pedido ${cancelled}` });
    await other.getByRole("button", { name: "Cancelar pedido" }).click();
    await other.getByLabel("¿Por qué se cancela?").fill("No contestó");
    await other.getByRole("button", { name: "Cancelar y reponer stock" }).click();
    await expect(other.getByText(/^cancelado$/i)).toBeVisible();

    const statuses = await db.sale.findMany({
      where: { channel: "WHATSAPP" },
      select: { status: true, contactName: true },
      orderBy: { id: "asc" },
    });
    expect(statuses).toEqual([
      { status: "CONFIRMED", contactName: "Ana Gómez" },
      { status: "CANCELLED", contactName: "Bruno Díaz" },
    ]);
    expect(await onHand()).toBe(held + 1);
  } finally {
    await db.$disconnect();
  }
});

test("a manager cannot reach the admins' pages: sent back to the dashboard, told why", async ({ page }) => {
  await signIn(page, MANAGER);
  await page.goto("/admin");
  await expect(page.getByRole("navigation").getByRole("link", { name: "Usuarios" })).toHaveCount(0);
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/admin\?denied=admin-only$/);
  await expect(page.getByRole("alert").filter({ hasText: "solo para administradores" })).toBeVisible();
  expect((await call(page, "users.disable", { id: 1 })).status()).toBe(403);
});

test("an admin adds a cashier, then disables another whose open session stops working", async ({
  page,
  browser,
}, testInfo) => {
  // The other branch's cashier is signed in at their register.
  const cashierContext = await browser.newContext({ baseURL: POS_URL });
  const cashier = await cashierContext.newPage();
  try {
    await signIn(cashier, NORTH_CASHIER);
    await expect(cashier.getByRole("button", { name: "Abrir caja" })).toBeVisible();

    await signIn(page, ADMIN);
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: "Usuarios" })).toBeVisible();

    // A new cashier: without a branch the shared schema refuses it, with one it is created and can sign in.
    await page.getByRole("button", { name: "Agregar usuario" }).click();
    const form = page.getByRole("form", { name: "Nuevo usuario" });
    await form.getByLabel("Nombre").fill("Sofía Luna");
    await form.getByLabel("Email").fill("sofia.luna@e2e.pos");
    await form.getByLabel("Contraseña inicial").fill("luna-1234");
    await form.getByRole("button", { name: "Crear usuario" }).click();
    await expect(form.getByText("Un cajero necesita su sucursal")).toBeVisible();
    await form.getByLabel("Sucursal").selectOption({ label: OTHER_BRANCH_NAME });
    await form.getByRole("button", { name: "Crear usuario" }).click();
    await expect(page.getByTestId("staff-row").filter({ hasText: "Sofía Luna" })).toContainText(OTHER_BRANCH_NAME);

    const row = page.getByTestId("staff-row").filter({ hasText: NORTH_CASHIER.name });
    await row.getByRole("button", { name: `Deshabilitar a ${NORTH_CASHIER.name}` }).click();
    await expect(row).toContainText("Deshabilitado");
    await page.screenshot({ path: testInfo.outputPath("admin-users.png"), fullPage: true });
    await expectAccessible(page, "the staff accounts");

    // Within the staff-access cache time (seconds, well under a minute) their session stops working.
    await expect(async () => {
      await cashier.reload();
      await expect(cashier.getByText("Tu cuenta no está activa")).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    expect((await cashier.request.get("/api/trpc/session.me")).status()).toBe(401);
  } finally {
    await cashierContext.close();
  }

  const newcomer = await browser.newContext({ baseURL: POS_URL });
  try {
    const newPage = await newcomer.newPage();
    await signIn(newPage, { email: "sofia.luna@e2e.pos", password: "luna-1234" });
    await expect(newPage.getByTestId("branch-name")).toHaveText(OTHER_BRANCH_NAME);
  } finally {
    await newcomer.close();
  }
});

test("a manager moves stock between branches: a draft, sent, received, and the stock follows", async ({
  page,
}, testInfo) => {
  const db = createPrismaClient(e2eDatabaseUrl(), { poolMax: 1 });
  try {
    const [centro, norte] = await Promise.all([
      db.branch.findFirstOrThrow({ where: { name: BRANCH_NAME } }),
      db.branch.findFirstOrThrow({ where: { name: OTHER_BRANCH_NAME } }),
    ]);
    const tee = await db.variant.findUniqueOrThrow({ where: { barcode: PRODUCTS.tee.barcode } });
    const onHand = async (branchId: number) =>
      (await db.stockLevel.findUniqueOrThrow({ where: { branchId_variantId: { branchId, variantId: tee.id } } }))
        .quantity;
    const [centroBefore, norteBefore] = [await onHand(centro.id), await onHand(norte.id)];

    await signIn(page, MANAGER);
    await page.goto("/admin/transfers");
    await page.getByRole("button", { name: "Nueva transferencia" }).click();
    const form = page.getByRole("form", { name: "Nueva transferencia" });
    await form.getByLabel("Desde").selectOption({ label: OTHER_BRANCH_NAME });
    await form.getByLabel("Hacia").selectOption({ label: BRANCH_NAME });
    await form.getByLabel("Producto").fill("remera");
    await form.getByRole("button", { name: PRODUCTS.tee.name }).click();
    await expect(form.getByText(`${norteBefore} en origen`)).toBeVisible();
    await form.getByLabel(`Cantidad de ${PRODUCTS.tee.name}`).fill("2");
    await expect(form.getByTestId("transfer-lines")).toContainText(`${PRODUCTS.tee.name} ×2`);
    await form.getByRole("button", { name: "Crear borrador" }).click();

    const transfer = page
      .getByTestId("transfer")
      .filter({ hasText: `${OTHER_BRANCH_NAME} → ${BRANCH_NAME}` })
      .first();
    await expect(transfer).toContainText("Borrador");
    await transfer.getByRole("button", { name: "Enviar" }).click();
    await expect(transfer).toContainText("En camino");
    expect(await onHand(norte.id)).toBe(norteBefore - 2);
    await transfer.getByRole("button", { name: "Recibir" }).click();
    await expect(transfer).toContainText("Recibida");
    expect(await onHand(centro.id)).toBe(centroBefore + 2);
    await page.screenshot({ path: testInfo.outputPath("admin-transfers.png"), fullPage: true });
    await expectAccessible(page, "the transfers");
  } finally {
    await db.$disconnect();
  }
});

/** A 1×1 PNG: enough for the storage's content check and the browser's <img>. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

test("a manager creates a product with sizes and a photo, receives stock by adjustment, and the storefront offers it", async ({
  page,
}, testInfo) => {
  await signIn(page, MANAGER);
  await page.goto("/admin/products");
  await page.getByRole("button", { name: "Nuevo producto" }).click();
  const form = page.getByRole("form", { name: "Nuevo producto" });
  await form.getByRole("button", { name: "Crear producto" }).click();
  await expect(form.getByText("Escribí el nombre del producto.")).toBeVisible();
  await form.getByLabel("Nombre").fill("Campera Viento");
  await form.getByLabel("Marca").fill("Andes");
  await form.getByLabel("Categoría").selectOption({ label: "Running" });
  await form.getByLabel("Talles").selectOption("CLOTHING");
  await form.getByLabel("Precio").fill("45.000");
  await form.getByLabel("Costo").fill("20000");
  await form.getByRole("button", { name: "Crear producto" }).click();

  await expect(page).toHaveURL(/\/admin\/products\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Campera Viento" })).toBeVisible();
  const variants = page.getByTestId("variant-row");
  await expect(variants).toHaveCount(5);
  await expect(variants.first().getByRole("cell").nth(2)).toHaveText(/^\d{13}$/);

  await page.getByLabel("Elegir archivos").setInputFiles({ name: "campera.png", mimeType: "image/png", buffer: PNG });
  await expect(page.getByTestId("product-images").getByRole("img", { name: "Campera Viento" })).toBeVisible();

  const adjust = page.getByRole("form", { name: "Ajustar stock" });
  await adjust.getByLabel("Sucursal").selectOption({ label: OTHER_BRANCH_NAME });
  await adjust.getByLabel("Talle").selectOption({ label: "M" });
  await adjust.getByLabel("Unidades").fill("6");
  await adjust.getByLabel("Motivo").fill("Compra a proveedor");
  await adjust.getByRole("button", { name: "Ajustar" }).click();
  await expect(page.getByTestId("stock-grid").getByRole("row", { name: /^M\b/ })).toContainText("6");

  // The storefront's API offers it at once: found by name, priced, its M in stock at the online branch.
  const found = await storeApi<CatalogPage>(page, "catalog.list", { q: "campera viento" });
  const card = found.items[0];
  expect(card).toMatchObject({ price: "45000.00", inStock: true, image: expect.anything() });
  const shown = await storeApi<ProductPage>(page, "catalog.product", { slug: card?.slug });
  const mediumId = shown.variants.find((variant) => variant.sizeLabel === "M")?.id;
  expect(shown.stock).toEqual([expect.objectContaining({ variantId: mediumId, quantity: 6 })]);

  // A new price, and off the web store for now.
  await page.getByRole("button", { name: "Editar datos y precios" }).click();
  const terms = page.getByRole("form", { name: "Datos y precios" });
  await terms.getByLabel("Precio", { exact: true }).fill("0");
  await terms.getByRole("button", { name: "Guardar cambios" }).click();
  await expect(terms.getByText("Un precio mayor que cero")).toBeVisible();
  await terms.getByLabel("Precio", { exact: true }).fill("47.500");
  await terms.getByLabel("Mostrar en la tienda online").uncheck();
  await terms.getByRole("button", { name: "Guardar cambios" }).click();
  await expect(page.getByTestId("product-terms")).toContainText("47.500,00");
  await expect(page.getByTestId("product-terms")).toContainText("Solo en tienda");
  expect((await storeApi<CatalogPage>(page, "catalog.list", { q: "campera viento" })).items).toEqual([]);
  await page.getByRole("button", { name: "Editar datos y precios" }).click();
  await page.screenshot({ path: testInfo.outputPath("admin-product-edit.png"), fullPage: true });
  await page.getByRole("form", { name: "Datos y precios" }).getByRole("button", { name: "Cancelar" }).click();

  const db = createPrismaClient(e2eDatabaseUrl(), { poolMax: 1 });
  try {
    const product = await db.product.findFirstOrThrow({
      where: { name: "Campera Viento" },
      include: { variants: { include: { stockLevels: true, movements: true } }, images: true },
    });
    expect(product.price.toFixed(2)).toBe("47500.00");
    expect(product.showOnline).toBe(false);
    expect(product.images).toHaveLength(1);
    const medium = product.variants.find((variant) => variant.sizeLabel === "M");
    expect(medium?.stockLevels.map((level) => level.quantity)).toEqual([6]);
    expect(medium?.movements.map((movement) => movement.reason)).toEqual(["Compra a proveedor"]);
  } finally {
    await db.$disconnect();
  }
  await page.screenshot({ path: testInfo.outputPath("admin-product.png"), fullPage: true });
  await expectAccessible(page, "a product's page");
});

test("a manager finds a sale in the history, sees its receipt and voids it, the stock comes back, and sees a return", async ({
  page,
}, testInfo) => {
  await signIn(page, MANAGER);
  const db = createPrismaClient(e2eDatabaseUrl(), { poolMax: 1 });
  try {
    const branch = await db.branch.findFirstOrThrow({ where: { name: OTHER_BRANCH_NAME } });
    const tee = await db.variant.findUniqueOrThrow({ where: { barcode: PRODUCTS.tee.barcode } });
    const card = await db.paymentMethodConfig.findUniqueOrThrow({ where: { code: "credit" } });
    const onHand = async () =>
      (
        await db.stockLevel.findUniqueOrThrow({
          where: { branchId_variantId: { branchId: branch.id, variantId: tee.id } },
        })
      ).quantity;
    // The manager's register at the other branch may already be open from an earlier test.
    expect([200, 409]).toContain(
      (await call(page, "cashSessions.open", { branchId: branch.id, openingFloat: "0.00" })).status(),
    );
    const sold = await call(page, "sales.create", {
      clientId: crypto.randomUUID(),
      branchId: branch.id,
      lines: [{ variantId: tee.id, quantity: 1 }],
      payments: [{ methodId: card.id, base: PRODUCTS.tee.price }],
    });
    expect(sold.status()).toBe(200);
    const { reference } = ((await sold.json()) as { result: { data: { json: { reference: string } } } }).result.data
      .json;
    const before = await onHand();

    await page.goto("/admin/sales");
    await page.getByTestId("sale-row").filter({ hasText: reference }).getByRole("button", { name: reference }).click();
    const receipt = page.getByTestId("receipt");
    await expect(receipt).toContainText(reference);
    await expect(receipt.getByTestId("receipt-total")).toHaveText(/20\.000,00/);
    await page.screenshot({ path: testInfo.outputPath("admin-sales.png"), fullPage: true });
    await expectAccessible(page, "the sales history");

    await page.getByRole("button", { name: "Anular venta" }).click();
    await page.getByLabel("¿Por qué se anula?").fill("Cobro duplicado");
    await page.getByRole("button", { name: "Anular y reponer stock" }).click();
    await expect(page.getByTestId("sale-row").filter({ hasText: reference })).toContainText(/anulado/i);
    expect(await onHand()).toBe(before + 1);

    // The void is in the audit log, with who did it and why.
    await page.getByRole("navigation").getByRole("link", { name: "Auditoría" }).click();
    await page.getByLabel("Acción").fill("sale.voided");
    const entry = page.getByTestId("audit-log").getByRole("row").filter({ hasText: "Cobro duplicado" });
    await expect(entry).toContainText(MANAGER.name);
    await expectAccessible(page, "the audit log");

    // A sale with a return shows it under its receipt: what came back, why, and the refund.
    const second = await call(page, "sales.create", {
      clientId: crypto.randomUUID(),
      branchId: branch.id,
      lines: [{ variantId: tee.id, quantity: 1 }],
      payments: [{ methodId: card.id, base: PRODUCTS.tee.price }],
    });
    const secondSale = ((await second.json()) as { result: { data: { json: { saleId: number; reference: string } } } })
      .result.data.json;
    const line = await db.saleItem.findFirstOrThrow({ where: { saleId: secondSale.saleId } });
    const returned = await call(page, "sales.return", {
      clientId: crypto.randomUUID(),
      saleId: secondSale.saleId,
      lines: [{ saleItemId: line.id, quantity: 1 }],
      refundMethod: "CREDIT",
      reason: "Talle equivocado",
    });
    expect(returned.status()).toBe(200);
    await page.goto("/admin/sales");
    await page
      .getByTestId("sale-row")
      .filter({ hasText: secondSale.reference })
      .getByRole("button", { name: secondSale.reference })
      .click();
    const returns = page.getByTestId("sale-returns");
    await expect(returns).toContainText(`1 × ${PRODUCTS.tee.name}`);
    await expect(returns).toContainText("Talle equivocado");
    await expect(returns).toContainText("Reintegro $ 20.000,00 (Crédito)");
    await expectAccessible(page, "a sale with a return");
  } finally {
    await db.$disconnect();
  }
});

test("a manager looks a customer up by phone and sees what they bought", async ({ page }) => {
  await signIn(page, MANAGER);
  const reference = await sellToNewCustomer(page);

  await page.goto("/admin/customers");
  await page.getByRole("searchbox", { name: "Buscar" }).fill("3333-7777");
  await page
    .getByTestId("customer-list")
    .getByRole("button", { name: /Rocío Vera/ })
    .click();
  const detail = page.getByRole("region", { name: "Rocío Vera" });
  await expect(detail).toContainText(reference);
  await expect(detail.getByTestId("customer-spent")).toHaveText(/1 compra por \$\s?20\.000,00/);
  await expectAccessible(page, "a customer's purchases");
});

/** A customer added and sold to through the API at the other branch; the sale's reference. */
async function sellToNewCustomer(page: Page, name = "Rocío Vera", phone = "+54 9 11 3333-7777"): Promise<string> {
  const db = createPrismaClient(e2eDatabaseUrl(), { poolMax: 1 });
  try {
    const branch = await db.branch.findFirstOrThrow({ where: { name: OTHER_BRANCH_NAME } });
    const tee = await db.variant.findUniqueOrThrow({ where: { barcode: PRODUCTS.tee.barcode } });
    const card = await db.paymentMethodConfig.findUniqueOrThrow({ where: { code: "credit" } });
    const created = await call(page, "customers.create", { name, phone });
    expect(created.status()).toBe(200);
    const customerId = ((await created.json()) as { result: { data: { json: { id: number } } } }).result.data.json.id;
    expect([200, 409]).toContain(
      (await call(page, "cashSessions.open", { branchId: branch.id, openingFloat: "0.00" })).status(),
    );
    const sold = await call(page, "sales.create", {
      clientId: crypto.randomUUID(),
      branchId: branch.id,
      customerId,
      lines: [{ variantId: tee.id, quantity: 1 }],
      payments: [{ methodId: card.id, base: PRODUCTS.tee.price }],
    });
    expect(sold.status()).toBe(200);
    return ((await sold.json()) as { result: { data: { json: { reference: string } } } }).result.data.json.reference;
  } finally {
    await db.$disconnect();
  }
}

test("a manager reads a branch's day at the registers: totals, and each drawer with its expected cash", async ({
  page,
}, testInfo) => {
  await signIn(page, MANAGER);
  // A sale at the other branch today, so its day has a drawer and a ticket.
  await sellToNewCustomer(page, "Tomás Ruiz", "+54 9 11 2222-8888");
  await page.goto("/admin/cash");
  await expect(page.getByRole("heading", { level: 1, name: "Cierres de caja" })).toBeVisible();
  await page.getByLabel("Sucursal").selectOption({ label: OTHER_BRANCH_NAME });
  const drawers = page.getByTestId("drawers");
  await expect(drawers).toContainText(MANAGER.name);
  await expect(drawers).toContainText("abierta");
  await expect(page.getByTestId("day-totals")).toContainText("Tickets");
  await page.screenshot({ path: testInfo.outputPath("admin-cash.png"), fullPage: true });
  await expectAccessible(page, "a branch's day");
});
