import { auditRouter } from "./routers/audit.ts";
import { branchesRouter } from "./routers/branches.ts";
import { categoriesRouter } from "./routers/categories.ts";
import { customersRouter } from "./routers/customers.ts";
import { healthRouter } from "./routers/health.ts";
import { imagesRouter } from "./routers/images.ts";
import { inventoryRouter } from "./routers/inventory.ts";
import { productsRouter } from "./routers/products.ts";
import { salesRouter } from "./routers/sales.ts";
import { sessionRouter } from "./routers/session.ts";
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
});

/**
 * What apps/store serves: public storefront procedures ONLY. It is a separate tree rather than a filter, so
 * nothing staff-facing can be reached from the storefront's endpoint even by mistake.
 */
export const storeRouter = router({
  health: healthRouter,
});

export type AppRouter = typeof appRouter;
export type StoreRouter = typeof storeRouter;
