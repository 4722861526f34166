// A store switched off shows its closed page everywhere. It runs after every other browser test (its own
// Playwright project), because closing the store refuses the orders other tests place.
import { expect, test } from "@playwright/test";
import { createPrismaClient } from "@pos/db";
import { expectAccessible } from "./axe.ts";
import { e2eDatabaseUrl, STORE_URL } from "./env.ts";
import { STORE_NAME, STORE_PRODUCTS } from "./fixture.ts";

test.use({ baseURL: STORE_URL });

test("a closed store shows its closed page instead of the catalog, and nothing can be ordered", async ({
  page,
}, testInfo) => {
  const db = createPrismaClient(e2eDatabaseUrl(), { poolMax: 1 });
  try {
    await db.storeConfig.update({ where: { id: 1 }, data: { active: false } });
    for (const path of ["/", `/p/${STORE_PRODUCTS.trail.slug}`, "/checkout"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        `${STORE_NAME} no está tomando pedidos online en este momento`,
      );
      await expect(page.getByRole("button", { name: "Agregar al carrito" })).toHaveCount(0);
      await expect(page.getByRole("link", { name: /Carrito/ })).toHaveCount(0);
    }
    await expectAccessible(page, "the closed store");
    await page.screenshot({ path: testInfo.outputPath("store-closed.png"), fullPage: true });

    await db.storeConfig.update({ where: { id: 1 }, data: { active: true } });
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Destacados" })).toBeVisible();
  } finally {
    await db.storeConfig.update({ where: { id: 1 }, data: { active: true } });
    await db.$disconnect();
  }
});
