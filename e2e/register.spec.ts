import { expect, test, type Page } from "@playwright/test";
import { createPrismaClient } from "@pos/db";
import { expectAccessible } from "./axe.ts";
import { e2eDatabaseUrl } from "./env.ts";
import { BRANCH_NAME, CASHIER, OTHER_BRANCH_NAME, OTHER_BRANCH_SHOE_42, PRODUCTS } from "./fixture.ts";

// One cashier, one drawer: these run in order (the first opens the drawer the others sell from).
test.describe.configure({ mode: "default" });

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(CASHIER.email);
  await page.getByLabel("Contraseña").fill(CASHIER.password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page).toHaveURL(/\/$/);
}

test("a cashier opens the drawer, scans, picks a size, splits cash and 3 card installments, and gets the receipt", async ({
  page,
}, testInfo) => {
  await signIn(page);

  await expect(page.getByText("Abrir caja").first()).toBeVisible();
  await expectAccessible(page, "open the drawer");
  await page.getByLabel("Fondo inicial").fill("10.000");
  await page.getByRole("button", { name: "Abrir caja" }).click();

  // A scanner types the code and Enter into the focused field.
  const scan = page.getByRole("combobox", { name: "Escanear código o buscar producto" });
  await expect(scan).toBeFocused();
  await expect(scan).toHaveAttribute("placeholder", /Escaneá/);
  await page.keyboard.type(`${PRODUCTS.tee.barcode}\n`);
  await page.keyboard.type(`${PRODUCTS.socks.barcode}\n`);
  await expect(page.getByTestId("cart-line")).toHaveCount(2);

  // An unknown code says so and adds nothing.
  await page.keyboard.type("0000000000000\n");
  await expect(page.getByRole("alert").filter({ hasText: "No encontramos" })).toBeVisible();
  await expect(page.getByTestId("cart-line")).toHaveCount(2);

  await scan.fill("runner");
  await expect(page.getByRole("option", { name: /Zapatilla Runner/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: /Talle 42, sin stock/ })).toBeDisabled();
  // Out of it here, but the other branch has it: the cashier can send the customer there.
  await expect(
    page.getByRole("button", {
      name: `Talle 42, sin stock; también en ${OTHER_BRANCH_NAME} (${OTHER_BRANCH_SHOE_42})`,
    }),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("register-sizes.png") });
  await page.getByRole("button", { name: /Talle 41, 2 en stock/ }).click();
  await expect(page.getByTestId("cart-line")).toHaveCount(3);
  await expect(page.getByTestId("cart-total")).toHaveText(/105\.000,00/);
  await page.screenshot({ path: testInfo.outputPath("register-cart.png") });
  await expectAccessible(page, "the sell screen with a cart");

  // Half in cash (10 % off), half on credit in 3 installments (+10 %).
  await page.keyboard.press("F4");
  const pay = page.getByRole("dialog", { name: "Cobrar" });
  await pay.getByRole("button", { name: /Efectivo/ }).click();
  await pay.getByLabel("Monto Efectivo").fill("52500");
  await pay.getByLabel("Recibido").fill("50000");
  await pay.getByRole("button", { name: /Crédito/ }).click();
  await expect(pay.getByLabel("Monto Crédito")).toHaveValue("52500,00");
  await pay.getByLabel("Cuotas").selectOption("3");
  await expect(pay.getByTestId("pay-remaining")).toHaveText(/0,00/);
  await expect(pay.getByTestId("pay-total")).toHaveText(/105\.000,00/);
  await expect(pay.getByTestId("pay-change")).toHaveText(/2\.750,00/);
  await page.screenshot({ path: testInfo.outputPath("register-pay.png") });
  await expectAccessible(page, "the pay dialog");
  await pay.getByRole("button", { name: /Confirmar cobro/ }).click();

  const receipt = page.getByTestId("receipt");
  await expect(receipt).toContainText("Remera Dry Fit");
  await expect(receipt).toContainText("T.41");
  await expect(receipt.getByRole("img", { name: /Código de barras CEN-/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("register-receipt.png") });
  await expectAccessible(page, "the receipt");

  // The receipt shows what the server recorded.
  const db = createPrismaClient(e2eDatabaseUrl(), { poolMax: 1 });
  try {
    const sale = await db.sale.findFirstOrThrow({
      orderBy: { id: "desc" },
      include: { payments: { orderBy: { id: "asc" } } },
    });
    expect(sale.total.toFixed(2)).toBe("105000.00");
    expect(sale.payments.map((payment) => [payment.amount.toFixed(2), payment.installments])).toEqual([
      ["47250.00", 1],
      ["57750.00", 3],
    ]);
    const shown = (await page.getByTestId("receipt-total").textContent()) ?? "";
    expect(shown.replace(/\D/g, "")).toBe(sale.total.toFixed(2).replace(/\D/g, ""));
    await expect(page.getByTestId("receipt-change")).toHaveText(/2\.750,00/);
  } finally {
    await db.$disconnect();
  }

  await page.getByRole("button", { name: "Nueva venta (Enter)" }).click();
  await expect(page.getByText("Listo para vender")).toBeVisible();
});

/** Signs in and makes sure the cashier's drawer is open (the first test opens it; alone, a test opens it here). */
async function readyToSell(page: Page) {
  await signIn(page);
  const scan = page.getByRole("combobox", { name: "Escanear código o buscar producto" });
  const openDrawer = page.getByRole("button", { name: "Abrir caja" });
  await expect(scan.or(openDrawer)).toBeVisible();
  if (await openDrawer.isVisible()) {
    await page.getByLabel("Fondo inicial").fill("0");
    await openDrawer.click();
  }
  await expect(scan).toBeFocused();
  await expect(scan).toHaveAttribute("placeholder", /Escaneá/);
  return scan;
}

async function sellInCash(page: Page, barcode: string) {
  await page.keyboard.type(`${barcode}\n`);
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await page.keyboard.press("F4");
  const pay = page.getByRole("dialog", { name: "Cobrar" });
  await pay.getByRole("button", { name: /Efectivo/ }).click();
  await pay.getByRole("button", { name: /Confirmar cobro/ }).click();
}

test("offline: two sales survive a reload without network and reach the server exactly once when it returns", async ({
  page,
  context,
}, testInfo) => {
  await readyToSell(page);
  // The register has been opened before with its service worker in place (any earlier visit or reload): that
  // load is what the worker keeps as the shell, and the catalog sits in IndexedDB.
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Escanear código o buscar producto" })).toBeVisible();
  // (A string: the e2e project has no DOM types.)
  await expect.poll(() => page.evaluate<boolean>("caches.match('/', { ignoreSearch: true }).then(Boolean)")).toBe(true);
  const db = createPrismaClient(e2eDatabaseUrl(), { poolMax: 1 });
  try {
    const salesBefore = await db.sale.count();
    // The register's own branch: other tests sell tees at the other one.
    const branch = await db.branch.findFirstOrThrow({ where: { name: BRANCH_NAME } });
    const tee = await db.variant.findUniqueOrThrow({ where: { barcode: PRODUCTS.tee.barcode } });
    const teeLevel = { branchId_variantId: { branchId: branch.id, variantId: tee.id } };
    const teeBefore = (await db.stockLevel.findUniqueOrThrow({ where: teeLevel })).quantity;

    await context.setOffline(true);
    await sellInCash(page, PRODUCTS.tee.barcode);
    await expect(page.getByRole("heading", { name: "Venta guardada sin conexión" })).toBeVisible();
    await page.getByRole("button", { name: "Nueva venta (Enter)" }).click();
    await sellInCash(page, PRODUCTS.tee.barcode);
    await expect(page.getByRole("heading", { name: "Venta guardada sin conexión" })).toBeVisible();
    await page.getByRole("button", { name: "Nueva venta (Enter)" }).click();
    await expect(page.getByTestId("pending-sales")).toHaveText("2 ventas por enviar");
    await expect(page.getByText("Sin conexión.")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("register-offline.png") });
    await expectAccessible(page, "offline with sales pending");

    // A reload while still offline: the page comes from the service worker, the queue from IndexedDB.
    await page.reload();
    await expect(page.getByTestId("pending-sales")).toHaveText("2 ventas por enviar");
    await expect(page.getByRole("combobox", { name: "Escanear código o buscar producto" })).toBeVisible();
    expect(await db.sale.count()).toBe(salesBefore);
    // The saved catalog still counts the two sales the server has not seen yet (once it is back in memory).
    const scan = page.getByRole("combobox", { name: "Escanear código o buscar producto" });
    await expect(scan).toHaveAttribute("aria-busy", "false");
    await scan.fill(PRODUCTS.tee.barcode);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("cart-line")).toContainText(`${teeBefore - 2} en stock`);
    await page.getByRole("button", { name: "Vaciar venta" }).click();

    await context.setOffline(false);
    await expect(page.getByTestId("pending-sales")).toBeHidden({ timeout: 15_000 });
    expect(await db.sale.count()).toBe(salesBefore + 2);
    const offline = await db.sale.findMany({ orderBy: { id: "desc" }, take: 2 });
    expect(offline.every((sale) => sale.createdOffline)).toBe(true);
    expect(new Set(offline.map((sale) => sale.clientId)).size).toBe(2);
    expect((await db.stockLevel.findUniqueOrThrow({ where: teeLevel })).quantity).toBe(teeBefore - 2);
  } finally {
    await context.setOffline(false);
    await db.$disconnect();
  }
});

test("stock on the register drops live when another session sells the same item", async ({ page, browser }) => {
  await readyToSell(page);
  await page.keyboard.type(`${PRODUCTS.socks.barcode}\n`);
  const line = page.getByTestId("cart-line").filter({ hasText: PRODUCTS.socks.name });
  const before = Number((await line.textContent())?.match(/(\d+) en stock/)?.[1]);
  expect(before).toBeGreaterThan(1);

  // Another register (a second signed-in session) sells two pairs through the API.
  const db = createPrismaClient(e2eDatabaseUrl(), { poolMax: 1 });
  const other = await browser.newContext({ baseURL: page.url() });
  try {
    const variant = await db.variant.findUniqueOrThrow({ where: { barcode: PRODUCTS.socks.barcode } });
    const level = await db.stockLevel.findFirstOrThrow({ where: { variantId: variant.id } });
    const card = await db.paymentMethodConfig.findUniqueOrThrow({ where: { code: "credit" } });
    const api = await other.newPage();
    await signIn(api);
    const response = await api.request.post("/api/trpc/sales.create", {
      data: {
        json: {
          clientId: crypto.randomUUID(),
          branchId: level.branchId,
          lines: [{ variantId: variant.id, quantity: 2 }],
          payments: [{ methodId: card.id, base: "10000.00" }],
        },
      },
    });
    expect(response.status()).toBe(200);
  } finally {
    await other.close();
    await db.$disconnect();
  }

  await expect(line).toContainText(`${before - 2} en stock`);
});

test("a sale put on hold frees the register and comes back whole", async ({ page }) => {
  await readyToSell(page);
  await page.keyboard.type(`${PRODUCTS.tee.barcode}\n`);
  await page.keyboard.type(`${PRODUCTS.tee.barcode}\n`);
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await page.keyboard.press("F8");
  const park = page.getByRole("dialog", { name: "Poner en espera" });
  await park.getByLabel("¿Cómo la reconocés?").fill("Probador 2");
  await park.getByRole("button", { name: /Poner en espera \(2 artículos\)/ }).click();
  await expect(page.getByText("Listo para vender")).toBeVisible();

  await page.keyboard.press("F7");
  const list = page.getByRole("dialog", { name: "Ventas en espera" });
  const parked = list.getByRole("listitem").filter({ hasText: "Probador 2" });
  await expect(parked).toContainText("2 artículos");
  await parked.getByRole("button", { name: "Retomar" }).click();
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await expect(page.getByTestId("cart-total")).toHaveText(/40\.000,00/);
  await page.getByRole("button", { name: "Vaciar venta" }).click();
});

test("a customer is added at the counter (F3), kept through a hold, found again by phone, and the sale is theirs", async ({
  page,
}, testInfo) => {
  await readyToSell(page);
  await page.keyboard.type(`${PRODUCTS.socks.barcode}\n`);
  await page.keyboard.press("F3");
  const search = page.getByRole("dialog", { name: "Cliente de la venta" });
  await search.getByRole("combobox", { name: "Buscar cliente" }).fill("Carla Paz");
  await expect(search.getByText("Nadie coincide con «Carla Paz».")).toBeVisible();
  await search.getByRole("button", { name: "Nuevo cliente" }).click();
  const form = page.getByRole("dialog", { name: "Nuevo cliente" });
  await expect(form.getByLabel("Nombre y apellido")).toHaveValue("Carla Paz");
  await form.getByLabel("Teléfono").fill("11 55");
  await form.getByRole("button", { name: "Guardar y usar en la venta" }).click();
  // The shared schema refuses a phone too short to be one, before anything is sent.
  await expect(form.getByText("Un teléfono tiene de 6 a 15 dígitos")).toBeVisible();
  await form.getByLabel("Teléfono").fill("+54 9 11 5555-0101");
  await form.getByRole("button", { name: "Guardar y usar en la venta" }).click();
  await expect(page.getByTestId("sale-customer")).toHaveText("Cliente: Carla Paz");

  // On hold and back: the customer comes back with the cart.
  await page.keyboard.press("F8");
  await page
    .getByRole("dialog", { name: "Poner en espera" })
    .getByRole("button", { name: /Poner en espera/ })
    .click();
  await expect(page.getByTestId("sale-customer")).toHaveText("Cliente: sin cliente");
  await page.keyboard.press("F7");
  await page.getByRole("dialog", { name: "Ventas en espera" }).getByRole("button", { name: "Retomar" }).first().click();
  await expect(page.getByTestId("sale-customer")).toHaveText("Cliente: Carla Paz");

  // Changed to the same person found by phone, as a cashier would on a second visit.
  await page.keyboard.press("F3");
  await search.getByRole("combobox", { name: "Buscar cliente" }).fill("5491155550101");
  await search.getByRole("option", { name: /Carla Paz/ }).click();
  await page.screenshot({ path: testInfo.outputPath("register-customer.png") });
  await expectAccessible(page, "the sell screen with a customer");

  await page.keyboard.press("F4");
  const pay = page.getByRole("dialog", { name: "Cobrar" });
  await pay.getByRole("button", { name: /Efectivo/ }).click();
  await pay.getByRole("button", { name: /Confirmar cobro/ }).click();
  await expect(page.getByRole("heading", { name: /Venta .* registrada/ })).toBeVisible();
  await expect(page.getByTestId("receipt-customer")).toHaveText("Cliente: Carla Paz");
  // The receipt goes on by WhatsApp with its text: the sale's reference and total in it.
  const whatsapp = decodeURIComponent(
    (await page.getByRole("link", { name: "Enviar por WhatsApp" }).getAttribute("href")) ?? "",
  );
  expect(whatsapp).toMatch(/^https:\/\/wa\.me\/\?text=/);
  expect(whatsapp).toMatch(/CEN-\d+/);
  expect(whatsapp).toContain("4.500,00");
  const db = createPrismaClient(e2eDatabaseUrl(), { poolMax: 1 });
  try {
    const sale = await db.sale.findFirstOrThrow({ orderBy: { id: "desc" }, include: { customer: true } });
    expect(sale.customer?.name).toBe("Carla Paz");
    expect(sale.customer?.phone).toBe("+5491155550101");
    expect(await db.customer.count({ where: { name: "Carla Paz" } })).toBe(1);
  } finally {
    await db.$disconnect();
  }
});

test("a customer brings one pair back: the receipt is scanned, the refund is what was paid, the stock returns", async ({
  page,
}) => {
  await readyToSell(page);
  const db = createPrismaClient(e2eDatabaseUrl(), { poolMax: 1 });
  const socks = await db.variant.findUniqueOrThrow({ where: { barcode: PRODUCTS.socks.barcode } });
  const onHand = async () => (await db.stockLevel.findFirstOrThrow({ where: { variantId: socks.id } })).quantity;
  const before = await onHand();
  await sellInCash(page, PRODUCTS.socks.barcode);
  const heading = page.getByRole("heading", { name: /Venta CEN-\d+ registrada/ });
  await expect(heading).toBeVisible();
  const reference = ((await heading.textContent()) ?? "").match(/CEN-\d+/)?.[0] ?? "";
  await page.getByRole("button", { name: "Nueva venta (Enter)" }).click();

  // The receipt's barcode, scanned into the register's field, opens the return.
  await page.keyboard.type(`${reference}\n`);
  const dialog = page.getByRole("dialog", { name: "Devolución" });
  await expect(dialog.getByRole("heading", { name: `Venta ${reference}` })).toBeVisible();
  await dialog.getByRole("button", { name: /Devolver uno más de Medias Running/ }).click();
  await expect(dialog.getByRole("button", { name: /Devolver uno más de Medias Running/ })).toBeDisabled();
  // Paid in cash with 10 % off: 4.500,00 comes back, in cash.
  await dialog.getByRole("button", { name: "Reintegrar $ 4.500,00" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Devolución de ${reference} registrada` })).toContainText(
    "4.500,00",
  );
  expect(await onHand()).toBe(before);
  await db.$disconnect();
});

test("a cashier sells only at their own branch: the register ignores another, the API refuses it", async ({ page }) => {
  await readyToSell(page);
  const db = createPrismaClient(e2eDatabaseUrl(), { poolMax: 1 });
  try {
    const other = await db.branch.findFirstOrThrow({ where: { name: OTHER_BRANCH_NAME } });
    const socks = await db.variant.findUniqueOrThrow({ where: { barcode: PRODUCTS.socks.barcode } });
    const card = await db.paymentMethodConfig.findUniqueOrThrow({ where: { code: "credit" } });
    // The back-office test sells there as a manager; nothing this cashier does may add to it.
    const salesThere = await db.sale.count({ where: { branchId: other.id } });

    await page.goto(`/?branch=${other.id}`);
    await expect(page.getByTestId("branch-name")).toHaveText(BRANCH_NAME);

    const response = await page.request.post("/api/trpc/sales.create", {
      data: {
        json: {
          clientId: crypto.randomUUID(),
          branchId: other.id,
          lines: [{ variantId: socks.id, quantity: 1 }],
          payments: [{ methodId: card.id, base: "5000.00" }],
        },
      },
    });
    expect(response.status()).toBe(403);
    expect(await db.sale.count({ where: { branchId: other.id } })).toBe(salesThere);
  } finally {
    await db.$disconnect();
  }
});

test("a cashier gives a discount up to the store's limit and the server charges exactly that", async ({ page }) => {
  await readyToSell(page);
  await page.keyboard.type(`${PRODUCTS.tee.barcode}\n`);
  await page.getByRole("button", { name: "Descuento en Remera Dry Fit" }).click();
  const dialog = page.getByRole("dialog", { name: "Descuento · Remera Dry Fit" });
  await dialog.getByLabel("Descuento (%)").fill("15");
  await expect(dialog.getByText(/Supera lo que podés descontar/)).toBeVisible();
  await dialog.getByLabel("Descuento (%)").fill("10");
  await dialog.getByRole("button", { name: "Aplicar −$ 2.000,00" }).click();
  await expect(page.getByTestId("cart-total")).toHaveText(/18\.000,00/);

  await page.keyboard.press("F4");
  const pay = page.getByRole("dialog", { name: "Cobrar" });
  await pay.getByRole("button", { name: /Crédito/ }).click();
  await pay.getByRole("button", { name: /Confirmar cobro/ }).click();
  await expect(page.getByTestId("receipt-total")).toHaveText(/18\.000,00/);
  const db = createPrismaClient(e2eDatabaseUrl(), { poolMax: 1 });
  try {
    const sale = await db.sale.findFirstOrThrow({ orderBy: { id: "desc" }, include: { items: true } });
    expect(sale.total.toFixed(2)).toBe("18000.00");
    expect(sale.items[0]?.discount.toFixed(2)).toBe("2000.00");
  } finally {
    await db.$disconnect();
  }
  await page.getByRole("button", { name: "Nueva venta (Enter)" }).click();
});

test("sells by touch: a category tile, a product tile, a size", async ({ page }, testInfo) => {
  await readyToSell(page);
  await page.getByRole("tab", { name: "Categorías" }).click();
  await page.getByRole("button", { name: /^Running/ }).click();
  await page.getByRole("button", { name: /Zapatilla Runner/ }).click();
  await page.getByRole("button", { name: /Talle 40, \d+ en stock/ }).click();
  await expect(page.getByRole("tab", { name: "Venta (1)" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("register-categories.png") });
  await expectAccessible(page, "the category grid");
  await page.getByRole("tab", { name: "Venta (1)" }).click();
  await expect(page.getByTestId("cart-line")).toContainText("T. 40");
  await page.getByRole("button", { name: "Vaciar venta" }).click();
});

test("the cashier takes cash out, closes the drawer counting bills and gets the Z report with the difference", async ({
  page,
}, testInfo) => {
  await readyToSell(page);
  await page.keyboard.press("F9");
  const drawer = page.getByRole("dialog", { name: "Caja" });
  await drawer.getByRole("tab", { name: "Ingreso / retiro" }).click();
  await drawer.getByLabel("Monto").fill("1.000");
  await drawer.getByLabel("Motivo").fill("Pago al cadete");
  await drawer.getByRole("button", { name: "Registrar retiro" }).click();
  await expect(drawer.getByTestId("drawer-summary")).toContainText("−$ 1.000,00");

  await drawer.getByRole("tab", { name: "Cerrar caja" }).click();
  await drawer.getByLabel("$ 20.000").fill("2");
  await drawer.getByLabel("$ 500").fill("3");
  await expect(drawer.getByRole("button", { name: /Cerrar caja con \$ 41\.500,00/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("register-count.png") });
  await expectAccessible(page, "the counted close");
  await drawer.getByRole("button", { name: /Cerrar caja con/ }).click();

  const report = page.getByTestId("z-report");
  await expect(report).toContainText("CIERRE DE CAJA (Z)");
  const db = createPrismaClient(e2eDatabaseUrl(), { poolMax: 1 });
  try {
    const session = await db.cashSession.findFirstOrThrow({
      where: { closedAt: { not: null } },
      orderBy: { id: "desc" },
    });
    expect(session.countedCash?.toFixed(2)).toBe("41500.00");
    const difference = session.difference?.toFixed(2) ?? "";
    expect(difference).toBe((41_500 - Number(session.expectedCash?.toFixed(2))).toFixed(2));
    const shown = (await page.getByTestId("z-difference").textContent()) ?? "";
    expect(shown.replace(/\D/g, "")).toBe(difference.replace(/\D/g, ""));
    expect(/[-−]/.test(shown)).toBe(difference.startsWith("-"));
  } finally {
    await db.$disconnect();
  }
  await page.screenshot({ path: testInfo.outputPath("register-z.png") });
  await expectAccessible(page, "the Z report");
  await page.getByRole("button", { name: "Listo" }).click();
  await expect(page.getByRole("button", { name: "Abrir caja" })).toBeVisible();
});
