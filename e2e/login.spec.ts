import { expect, test } from "@playwright/test";
import { STORE_URL } from "./env.ts";
import { BRANCH_NAME, CASHIER, DISABLED_CASHIER, STORE_NAME } from "./fixture.ts";

test.describe("staff sign-in", () => {
  test("a cashier signs in and sees the register with their name and branch", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("heading", { name: STORE_NAME })).toBeVisible();

    await page.getByLabel("Email").fill(CASHIER.email);
    await page.getByLabel("Contraseña").fill(CASHIER.password);
    await page.getByRole("button", { name: "Ingresar" }).click();

    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("signed-in-user")).toContainText(CASHIER.name);
    await expect(page.getByTestId("branch-name")).toHaveText(BRANCH_NAME);
    await expect(page.getByText("Cajero").first()).toBeVisible();
    // The register asks for this cashier's drawer through tRPC with the session cookie.
    // (The register tests may have opened this cashier's drawer already: then the scan field shows instead.)
    const openDrawer = page.getByRole("button", { name: "Abrir caja" });
    await expect(
      openDrawer.or(page.getByRole("combobox", { name: "Escanear código o buscar producto" })),
    ).toBeVisible();

    await page.getByRole("button", { name: "Cerrar sesión" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("a wrong password shows an error and keeps the email", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(CASHIER.email);
    await page.getByLabel("Contraseña").fill("not-the-password");
    await page.getByRole("button", { name: "Ingresar" }).click();

    // Filtered: Next's route announcer is an (empty) alert region too.
    await expect(page.getByRole("alert").filter({ hasText: "Email o contraseña incorrectos." })).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByLabel("Email")).toHaveValue(CASHIER.email);
  });

  test("a disabled account gets the same error as a wrong password", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(DISABLED_CASHIER.email);
    await page.getByLabel("Contraseña").fill(DISABLED_CASHIER.password);
    await page.getByRole("button", { name: "Ingresar" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Email o contraseña incorrectos." })).toBeVisible();
  });
});

test("the storefront home shows the store name and reads the database", async ({ page }) => {
  await page.goto(STORE_URL);
  await expect(page.getByRole("heading", { level: 1, name: STORE_NAME })).toBeVisible();
  await expect(page).toHaveTitle(STORE_NAME);
  await expect(page.getByRole("heading", { name: "Destacados" })).toBeVisible();
});

test("the storefront API exposes no staff procedures", async ({ request }) => {
  const response = await request.get(`${STORE_URL}/api/trpc/session.me`);
  expect(response.status()).toBe(404);
});
