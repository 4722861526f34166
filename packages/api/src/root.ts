import { alertsRouter } from "./routers/alerts.ts";
import { auditRouter } from "./routers/audit.ts";
import { branchesRouter } from "./routers/branches.ts";
import { cashSessionsRouter } from "./routers/cashSessions.ts";
import { catalogRouter } from "./routers/catalog.ts";
import { categoriesRouter } from "./routers/categories.ts";
import { customersRouter } from "./routers/customers.ts";
import { healthRouter } from "./routers/health.ts";
import { imagesRouter } from "./routers/images.ts";
import { importsRouter } from "./routers/imports.ts";
import { inventoryRouter } from "./routers/inventory.ts";
import { ordersRouter } from "./routers/orders.ts";
import { productsRouter } from "./routers/products.ts";
import { registerRouter } from "./routers/register.ts";
import { reportsRouter } from "./routers/reports.ts";
import { salesRouter } from "./routers/sales.ts";
import { sessionRouter } from "./routers/session.ts";
import { settingsRouter } from "./routers/settings.ts";
import { stockRouter } from "./routers/stock.ts";
import { storeOrdersRouter } from "./routers/store-orders.ts";
import { transfersRouter } from "./routers/transfers.ts";
import { usersRouter } from "./routers/users.ts";
import { router } from "./trpc.ts";

/** Everything apps/pos serves: staff procedures and the public ones. */
export const appRouter = router({
  health: healthRouter,
  session: sessionRouter,
  images: imagesRouter,
  categories: categoriesRouter,
  products: productsRouter,
  inventory: inventoryRouter,
  transfers: transfersRouter,
  users: usersRouter,
  branches: branchesRouter,
  customers: customersRouter,
  audit: auditRouter,
  sales: salesRouter,
  cashSessions: cashSessionsRouter,
  orders: ordersRouter,
  register: registerRouter,
  reports: reportsRouter,
  stock: stockRouter,
  alerts: alertsRouter,
  catalog: catalogRouter,
  settings: settingsRouter,
  imports: importsRouter,
});

/**
 * What apps/store serves: public storefront procedures ONLY. It is a separate tree rather than a filter, so
 * nothing staff-facing can be reached from the storefront's endpoint even by mistake.
 */
export const storeRouter = router({
  health: healthRouter,
  catalog: catalogRouter,
  orders: storeOrdersRouter,
  stock: stockRouter,
});

export type AppRouter = typeof appRouter;
export type StoreRouter = typeof storeRouter;
