import { expect, test } from "@playwright/test";
import { POS_URL } from "./env.ts";
import { CASHIER, STORE_NAME } from "./fixture.ts";

// The UI language: a cookie set by the switch, else the browser's languages, else es-AR. Money keeps the store's
// format in every language. The drawer is left as it is (register.spec.ts opens it in order).
test.describe("UI language", () => {
  test("a cashier switches the login page to English, signs in to an English register, and switches back", async ({
    page,
    context,
  }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "es-AR");
    await expect(page.getByRole("heading", { name: "Ingresá a tu cuenta" })).toBeVisible();

    await page.getByRole("combobox", { name: "Idioma" }).selectOption("en");
    await expect(page.getByRole("heading", { name: "Sign in to your account" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveTitle(`Sign in · Register`);
    expect((await context.cookies()).find((cookie) => cookie.name === "pos-locale")?.value).toBe("en");

    await page.getByLabel("Email").fill(CASHIER.email);
    await page.getByLabel("Password").fill(CASHIER.password);
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("signed-in-user")).toContainText("Cashier");
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    // No drawer yet: the open-register card; already open (register tests): the sell screen.
    await expect(
      page
        .getByRole("button", { name: "Open register" })
        .or(page.getByRole("combobox", { name: "Scan a code or search for a product" })),
    ).toBeVisible();
    await expect(page.getByText(/^Register (open|closed)$/)).toBeVisible();
    await expect(page.getByText("Abrir caja")).toHaveCount(0);

    await page.getByRole("combobox", { name: "Language" }).selectOption("es-AR");
    await expect(page.getByRole("button", { name: "Cerrar sesión" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "es-AR");
    await expect(page.getByTestId("signed-in-user")).toContainText("Cajero");
    await expect(
      page
        .getByRole("button", { name: "Abrir caja" })
        .or(page.getByRole("combobox", { name: "Escanear código o buscar producto" })),
    ).toBeVisible();

    await page.getByRole("button", { name: "Cerrar sesión" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("heading", { name: "Ingresá a tu cuenta" })).toBeVisible();
  });

  test("without a choice, the browser's language decides; anything else gets the shop's Spanish", async ({
    browser,
  }) => {
    for (const [locale, heading, lang] of [
      ["en-US", "Sign in to your account", "en"],
      ["es-MX", "Ingresá a tu cuenta", "es-AR"],
      ["de-DE", "Ingresá a tu cuenta", "es-AR"],
    ] as const) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      // A context of its own does not get the config's baseURL.
      await page.goto(`${POS_URL}/login`);
      await expect(page.getByRole("heading", { name: STORE_NAME })).toBeVisible();
      await expect(page.getByRole("heading", { name: heading })).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await context.close();
    }
  });
});
