// The store settings and branches (/admin/settings, /admin/branches): admins only, checked on the server and by
// the API. Changes here run beside the other specs, so they leave the shop's name and its open state alone.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe.ts";
import { ADMIN, MANAGER, OTHER_BRANCH_NAME, STORE_NAME } from "./fixture.ts";

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Contraseña").fill(who.password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** A real 1×1 PNG, as a file the admin picks. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

const tab = (page: Page, name: string) => page.getByRole("tab", { name, exact: true });

test("an admin changes the store's contact details and the WhatsApp message, previewed live, and both are kept", async ({
  page,
}, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto("/admin");
  await page.getByRole("navigation").getByRole("link", { name: "Configuración" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Configuración" })).toBeVisible();
  await expect(page.getByLabel("Nombre", { exact: true })).toHaveValue(STORE_NAME);
  await expectAccessible(page, "the store settings");

  await page.getByLabel("Email de contacto").fill("hola@deportesdelsur.test");
  await page.getByLabel("Teléfono de contacto").fill("+54 11 4444-5555");
  await page.getByLabel("IVA (%)").fill("121");
  await page.getByRole("button", { name: "Guardar cambios" }).click();
  // The shared schema stops it in the browser, field by field.
  await expect(page.getByText("El IVA va de 0 a 100 %")).toBeVisible();
  await page.getByLabel("IVA (%)").fill("21");
  // Closing is explained before it is saved (and not saved here: other tests order online meanwhile).
  await page.getByRole("switch", { name: "Tienda online abierta" }).click();
  await expect(page.getByTestId("closing-warning")).toContainText("deja de aceptar pedidos nuevos");
  await page.getByRole("switch", { name: "Tienda online abierta" }).click();
  await page.getByRole("button", { name: "Guardar cambios" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Cambios guardados." })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("settings-store.png"), fullPage: true });

  await tab(page, "WhatsApp").click();
  const template = page.getByLabel("Mensaje", { exact: true });
  const preview = page.getByTestId("whatsapp-preview");
  await expect(preview).toContainText("Hola, quiero hacer el pedido WEB-001234:");
  await template.fill("¡Hola {store}! Soy {name}, te paso el pedido {order}:\n{items}\nTotal: {total}");
  await expect(preview).toContainText(`¡Hola ${STORE_NAME}! Soy Ana Gómez, te paso el pedido WEB-001234:`);
  await expect(preview).toContainText("1 × Zapatilla Runner (talle 42)");
  // A typo shows up in the preview as the shopper would see it, and the form says what is wrong.
  await template.press("End");
  await template.pressSequentially(" {nombre}");
  await expect(preview).toContainText("{nombre}");
  await expect(page.getByText("{nombre} no es una variable conocida")).toBeVisible();
  await template.press("End");
  for (let i = 0; i < " {nombre}".length; i++) await template.press("Backspace");
  await expect(preview).not.toContainText("{nombre}");
  await page.screenshot({ path: testInfo.outputPath("settings-whatsapp.png"), fullPage: true });
  await expectAccessible(page, "the WhatsApp settings");
  await page.getByRole("button", { name: "Guardar cambios" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Cambios guardados." })).toBeVisible();

  await page.reload();
  await expect(tab(page, "WhatsApp")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByLabel("Mensaje", { exact: true })).toHaveValue(
    "¡Hola {store}! Soy {name}, te paso el pedido {order}:\n{items}\nTotal: {total}",
  );
  await tab(page, "Tienda").click();
  await expect(page.getByLabel("Email de contacto")).toHaveValue("hola@deportesdelsur.test");
  await expect(page.getByLabel("Teléfono de contacto")).toHaveValue("+541144445555");
});

test("an admin adds an installment plan to the credit card and a storefront banner, and manages branches", async ({
  page,
}, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/settings#payments");
  const credit = page.getByRole("region", { name: "Crédito" });
  await expect(credit.getByTestId("installment-plan")).toHaveCount(2);
  const newPlan = credit.getByRole("form", { name: "Nuevo plan de cuotas" });
  await newPlan.getByLabel("Cuotas").fill("12");
  await newPlan.getByLabel("Recargo (%)").fill("35.5");
  await newPlan.getByRole("button", { name: "Agregar plan" }).click();
  await expect(credit.getByTestId("installment-plan").filter({ hasText: "12 cuotas · recargo 35.50 %" })).toBeVisible();
  // The same plan again is refused by the API, which says why.
  await newPlan.getByLabel("Cuotas").fill("12");
  await newPlan.getByLabel("Recargo (%)").fill("30");
  await newPlan.getByRole("button", { name: "Agregar plan" }).click();
  await expect(credit.getByRole("alert")).toContainText("already has a plan of 12 installments");
  await page.screenshot({ path: testInfo.outputPath("settings-payments.png"), fullPage: true });
  await expectAccessible(page, "the payment settings");

  await tab(page, "Banners").click();
  await expect(page.getByText("Todavía no hay banners")).toBeVisible();
  await page.getByRole("button", { name: "Agregar banner" }).click();
  const form = page.getByRole("form", { name: "Nuevo banner" });
  await form.getByLabel("Título", { exact: true }).fill("Liquidación de invierno");
  await form.getByLabel("Imagen (dirección)").fill("http://img.example/invierno.jpg");
  await form.getByRole("button", { name: "Crear banner" }).click();
  await expect(form.getByText("Usá una dirección que empiece con https://")).toBeVisible();
  // The picture goes up like a product's and its address lands in the field.
  await form.getByLabel("Subir imagen").setInputFiles({ name: "invierno.png", mimeType: "image/png", buffer: PNG });
  await expect(form.getByLabel("Imagen (dirección)")).toHaveValue(/^\/uploads\/store\/invierno-[0-9a-f]{12}\.png$/);
  await expect(form.getByRole("img", { name: "Liquidación de invierno" })).toBeVisible();
  await form.getByLabel("Enlace").fill("/c/running");
  await form.getByRole("button", { name: "Crear banner" }).click();
  const banner = page.getByRole("region", { name: "1. Liquidación de invierno" });
  await expect(banner).toBeVisible();
  await expect(banner.getByLabel("Enlace")).toHaveValue("/c/running");
  await page.screenshot({ path: testInfo.outputPath("settings-banners.png"), fullPage: true });
  await expectAccessible(page, "the banners");

  await page.getByRole("navigation").getByRole("link", { name: "Sucursales" }).click();
  const fulfilling = page.getByTestId("branch-row").filter({ hasText: OTHER_BRANCH_NAME });
  await expect(fulfilling).toContainText("Despacha la tienda online");
  await fulfilling.getByRole("button", { name: `Desactivar ${OTHER_BRANCH_NAME}` }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Choose another fulfilling branch in the store settings first" }),
  ).toBeVisible();
  await expect(fulfilling).toContainText("Activa");
  // A new branch: created, its phone added, then taken out of service (left inactive, out of the other tests' way).
  await page.getByRole("button", { name: "Agregar sucursal" }).click();
  const newBranch = page.getByRole("form", { name: "Nueva sucursal" });
  await newBranch.getByLabel("Nombre").fill("Palermo");
  await newBranch.getByLabel("Código").fill("p");
  await newBranch.getByLabel("Dirección").fill("Honduras 4800, CABA");
  await newBranch.getByRole("button", { name: "Crear sucursal" }).click();
  await expect(newBranch.getByText("De 2 a 10 letras o números")).toBeVisible();
  await newBranch.getByLabel("Código").fill("pal");
  await newBranch.getByRole("button", { name: "Crear sucursal" }).click();
  const palermo = page.getByTestId("branch-row").filter({ hasText: "Palermo" });
  await expect(palermo).toContainText("PAL");
  await page.getByRole("button", { name: "Editar Palermo" }).click();
  await page.getByRole("form", { name: "Editar Palermo" }).getByLabel("Teléfono").fill("011 4777-0000");
  await page.getByRole("button", { name: "Guardar cambios" }).click();
  await expect(palermo).toContainText("011 4777-0000");
  await palermo.getByRole("button", { name: "Desactivar Palermo" }).click();
  await expect(palermo).toContainText("Inactiva");
  await expect(palermo.getByRole("button", { name: "Activar Palermo" })).toBeVisible();
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.screenshot({ path: testInfo.outputPath("branches-tablet.png"), fullPage: true });
  await expectAccessible(page, "the branches");
});

test("a manager cannot reach the store settings or branches: sent back, told why, and the API refuses", async ({
  page,
}) => {
  await signIn(page, MANAGER);
  await page.goto("/admin");
  const nav = page.getByRole("navigation");
  await expect(nav.getByRole("link", { name: "Configuración" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Sucursales" })).toHaveCount(0);
  for (const path of ["/admin/settings", "/admin/branches"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/admin\?denied=admin-only$/);
    await expect(page.getByRole("alert").filter({ hasText: "solo para administradores" })).toBeVisible();
  }
  await expectAccessible(page, "the dashboard after being sent back");
  const update = await page.request.post("/api/trpc/settings.store.update", {
    data: { json: { description: "Cerrado por vacaciones" } },
  });
  expect(update.status()).toBe(403);
  const plan = await page.request.post("/api/trpc/settings.payments.addPlan", {
    data: { json: { methodId: 1, installments: 18, surchargePercent: "40" } },
  });
  expect(plan.status()).toBe(403);
});
