// The storefront (apps/store) as a shopper uses it: browse, filter, pick a size, pay as a guest, follow the order;
// live stock while a register sells; the last unit sold once; ordering by WhatsApp.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createPrismaClient } from "@pos/db";
import { expectAccessible } from "./axe.ts";
import { e2eDatabaseUrl, POS_URL, STORE_URL } from "./env.ts";
import { OTHER_BRANCH_NAME, STORE_CASHIER, STORE_PRODUCTS } from "./fixture.ts";

const { trail, lastUnit } = STORE_PRODUCTS;

// Each test buys from the same small shelf: one at a time keeps the stock each one expects.
test.describe.configure({ mode: "serial" });
test.use({ baseURL: STORE_URL });

/** The online branch's register: its cashier signed in on the POS app, drawer open, selling through the API. */
async function onlineBranchRegister(browser: Browser) {
  const page = await browser.newPage({ baseURL: POS_URL });
  await page.goto("/login");
  await page.getByLabel("Email").fill(STORE_CASHIER.email);
  await page.getByLabel("Contraseña").fill(STORE_CASHIER.password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page).toHaveURL(/\/$/);
  const call = (path: string, input: unknown) => page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  const db = createPrismaClient(e2eDatabaseUrl(), { poolMax: 1 });
  try {
    const branch = await db.branch.findFirstOrThrow({ where: { name: OTHER_BRANCH_NAME } });
    const card = await db.paymentMethodConfig.findUniqueOrThrow({ where: { code: "credit" } });
    const open = await db.cashSession.findFirst({
      where: { branchId: branch.id, closedAt: null, cashier: { email: STORE_CASHIER.email } },
    });
    if (!open) {
      expect((await call("cashSessions.open", { branchId: branch.id, openingFloat: "0.00" })).status()).toBe(200);
    }
    const variants = await db.variant.findMany({ where: { product: { slug: { in: [trail.slug, lastUnit.slug] } } } });
    const variantIds = new Map(variants.map((variant) => [variant.sku, variant.id]));
    return {
      sell: (sku: string, price: string) =>
        call("sales.create", {
          clientId: crypto.randomUUID(),
          branchId: branch.id,
          lines: [{ variantId: variantIds.get(sku), quantity: 1 }],
          payments: [{ methodId: card.id, base: price }],
        }),
    };
  } finally {
    await db.$disconnect();
  }
}

async function addToCart(page: Page, slug: string, size: string | null) {
  await page.goto(`/p/${slug}`);
  if (size) await page.getByTestId("sizes").getByText(size, { exact: true }).click();
  await page.getByRole("button", { name: "Agregar al carrito" }).click();
  await expect(page.getByRole("status").getByText("¡Agregado!")).toBeVisible();
}

test("a shopper browses a category, filters by size, picks a size, checks out as a guest and sees the order", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Destacados" })).toBeVisible();
  await expectAccessible(page, "the store's home");
  await page.getByRole("navigation", { name: "Categorías" }).getByRole("link", { name: "Trail" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Trail" })).toBeVisible();
  await expect(page.getByTestId("result-count")).toHaveText("2 productos");

  // Size 41 is only at the register's branch: filtering by it with "in stock" leaves nothing to buy online.
  const filters = page.getByRole("form", { name: "Filtros" });
  await filters.getByText("39", { exact: true }).click();
  await filters.getByRole("button", { name: "Aplicar" }).click();
  await expect(page).toHaveURL(/\/c\/trail\?talle=39$/);
  await expect(page.getByTestId("result-count")).toHaveText("1 producto");
  await expectAccessible(page, "a category page");
  await page.screenshot({ path: testInfo.outputPath("store-category.png"), fullPage: true });

  await page.getByRole("link", { name: new RegExp(trail.name) }).click();
  await expect(page.getByRole("heading", { level: 1, name: trail.name })).toBeVisible();
  await expect(page.locator('[data-size="41"]')).toHaveAttribute("data-left", "0");
  await expect(page.getByTestId("elsewhere")).toHaveText("Talle 41: sin stock online, hay en Centro");
  await page.getByTestId("sizes").getByText("39", { exact: true }).click();
  await expect(page.getByTestId("availability")).toContainText("En stock");
  await page.getByRole("button", { name: "Agregar al carrito" }).click();
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  await expectAccessible(page, "a product page");
  await page.screenshot({ path: testInfo.outputPath("store-product.png"), fullPage: true });

  await page.getByRole("link", { name: "Ver carrito" }).click();
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await expect(page.getByTestId("cart-subtotal")).toHaveText("$ 90.000,00");
  await expectAccessible(page, "the cart");
  await page.getByRole("link", { name: "Finalizar compra" }).click();

  // Nothing filled in: each field says what it needs, and nothing is ordered.
  await page.getByRole("button", { name: "Confirmar pedido" }).click();
  await expect(page.getByText("Escribí tu nombre.")).toBeVisible();
  await expect(page.getByText("Elegí cómo vas a pagar.")).toBeVisible();

  await page.getByLabel("Nombre y apellido").fill("Sofía Márquez");
  await page.getByLabel("Email").fill("sofia@example.com");
  await page.getByText("Efectivo").click();
  // Cash is 10 % off: the total shown is the server's.
  await expect(page.getByTestId("checkout-total")).toContainText("$ 81.000,00");
  await expectAccessible(page, "checkout");
  await page.screenshot({ path: testInfo.outputPath("store-checkout.png"), fullPage: true });
  await page.getByRole("button", { name: "Confirmar pedido" }).click();

  await expect(page).toHaveURL(/\/pedido\?numero=NOR-\d+/);
  await expect(page.getByText("¡Gracias por tu compra!")).toBeVisible();
  await expect(page.getByTestId("order-reference")).toHaveText(/Pedido NOR-\d{6}/);
  await expect(page.getByTestId("order-status")).toHaveText("Recibido, esperando confirmación");
  await expect(page.getByTestId("order-total")).toHaveText("$ 81.000,00");
  await expect(page.getByTestId("cart-count")).toHaveCount(0);
  await expectAccessible(page, "the order page");
  await page.screenshot({ path: testInfo.outputPath("store-order.png"), fullPage: true });
});

test("stock on a product page drops live when the register sells that size", async ({ page, browser }) => {
  await page.goto(`/p/${trail.slug}`);
  await page.getByTestId("sizes").getByText("40", { exact: true }).click();
  await expect(page.getByTestId("availability")).toContainText("¡Quedan solo 2!");

  const register = await onlineBranchRegister(browser);
  expect((await register.sell("TRAIL-40", trail.price)).status()).toBe(200);
  await expect(page.getByTestId("availability")).toContainText("¡Queda solo 1!");
  expect((await register.sell("TRAIL-40", trail.price)).status()).toBe(200);
  await expect(page.locator('[data-size="40"]')).toHaveAttribute("data-left", "0");
  await expect(page.getByRole("button", { name: "Agregar al carrito" })).toBeDisabled();
});

test("the last unit, bought at the same moment at the register and on the web, is sold once", async ({
  page,
  browser,
}, testInfo) => {
  await addToCart(page, lastUnit.slug, null);
  await page.goto("/checkout");
  await page.getByLabel("Nombre y apellido").fill("Julián Paz");
  await page.getByLabel("Teléfono").fill("+54 9 11 4444-5555");
  await page.getByText("Efectivo").click();
  await expect(page.getByTestId("checkout-total")).toContainText("$ 45.000,00");
  const register = await onlineBranchRegister(browser);

  const [registerSale] = await Promise.all([
    register.sell("JACKET", lastUnit.price),
    page.getByRole("button", { name: "Confirmar pedido" }).click(),
  ]);
  const placedOnline = page.getByTestId("order-reference");
  const refused = page.getByRole("alert").filter({ hasText: "Ya no queda stock de Campera Última" });
  await expect(placedOnline.or(refused)).toBeVisible();
  if (registerSale.status() === 200) {
    await expect(refused).toBeVisible();
    await expect(
      page.getByRole("alert").filter({ hasText: "Algunos productos de tu carrito cambiaron" }),
    ).toBeVisible();
  } else {
    expect(registerSale.status()).toBe(409);
    expect(await registerSale.text()).toContain("No Campera Última left");
    await expect(placedOnline).toBeVisible();
  }
  await page.screenshot({ path: testInfo.outputPath("store-last-unit.png"), fullPage: true });

  const db = createPrismaClient(e2eDatabaseUrl(), { poolMax: 1 });
  try {
    const variant = await db.variant.findUniqueOrThrow({ where: { barcode: lastUnit.barcode } });
    const levels = await db.stockLevel.findMany({ where: { variantId: variant.id } });
    expect(levels.map((level) => level.quantity)).toEqual([0]);
    expect(await db.saleItem.count({ where: { variantId: variant.id, sale: { status: { not: "VOIDED" } } } })).toBe(1);
  } finally {
    await db.$disconnect();
  }
});

test("ordering by WhatsApp holds the order and opens wa.me with its items, sizes, total and number", async ({
  page,
}) => {
  await addToCart(page, trail.slug, "39");
  await page.goto(`/p/${trail.slug}`);
  await page.getByTestId("sizes").getByText("39", { exact: true }).click();
  await page.getByRole("button", { name: "Agregar al carrito" }).click();
  await page.goto("/carrito");
  await expect(page.getByLabel(`Cantidad de ${trail.name}`)).toHaveValue("2");
  await page.getByRole("link", { name: "Pedir por WhatsApp" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pedido por WhatsApp" })).toBeVisible();
  await page.getByLabel("Nombre y apellido").fill("Bruno Díaz");
  await page.getByLabel("Tu WhatsApp").fill("+54 9 11 6666-7777");
  await page.getByRole("button", { name: "Enviar pedido por WhatsApp" }).click();

  const placed = page.getByTestId("whatsapp-placed");
  await expect(placed).toContainText(/Pedido NOR-\d{6} reservado/);
  const reference = /NOR-\d{6}/.exec((await placed.textContent()) ?? "")?.[0] ?? "";
  const link = new URL((await page.getByRole("link", { name: "Abrir WhatsApp" }).getAttribute("href")) ?? "");
  expect(link.origin + link.pathname).toBe("https://wa.me/5491100000000");
  // Money is formatted with a no-break space after the sign.
  const message = (link.searchParams.get("text") ?? "").replace(/\s/g, " ");
  expect(message).toContain(reference);
  expect(message).toContain(`2 × ${trail.name} (talle 39)`);
  expect(message).toContain("Total: $ 180.000,00");
  await expectAccessible(page, "the WhatsApp order confirmation");
});

test("the store speaks English when asked, and keeps the store's money format", async ({ page }) => {
  await page.goto(`/p/${trail.slug}`);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeVisible();
  await expect(page.getByText("$ 90.000,00").first()).toBeVisible();
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("button", { name: "Agregar al carrito" })).toBeVisible();
});
