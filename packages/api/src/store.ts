// The storefront's whole view of the API: the public store router and a context without any session.
// apps/store imports only this module, so staff procedures cannot end up in its bundle or its endpoint.
import { getDb, type Db } from "@pos/db";
import { createContextInner, type Context } from "./context.ts";
import type { EventBus } from "./events/bus.ts";
import type { Logger } from "./logger.ts";
import { storeRouter } from "./root.ts";
import { createCallerFactory } from "./trpc.ts";

export { storeRouter, type StoreRouter } from "./root.ts";
export { resolveUploadsDir, serveUpload, type UploadRequest } from "./uploads.ts";
export { consoleLogger, type Logger } from "./logger.ts";
export { getProcessEventBus } from "./events/process-bus.ts";

export interface StoreContextOptions {
  /** Defaults to the process-wide client, so the storefront needs nothing from @pos/db itself. */
  db?: Db;
  /** The app passes its LISTEN/NOTIFY bus (getProcessEventBus): orders announce stock, stock.onChange listens. */
  bus?: EventBus;
  log?: Logger;
  requestId?: string;
}

/** Shoppers never have a staff session; it is fixed to null here rather than trusted from the caller. */
export function createStoreContext(options: StoreContextOptions = {}): Context {
  return createContextInner({ ...options, db: options.db ?? getDb(), session: null });
}

export const createStoreCaller = createCallerFactory(storeRouter);

export type { ShopFront } from "./services/storefront/shop-front.ts";
export type { ProductCard } from "./services/storefront/catalog-cards.ts";
export type { CatalogPage } from "./services/storefront/listing.ts";
export type { ProductPage } from "./services/storefront/product-page.ts";
export type { CheckedCart, CartLine } from "./services/storefront/cart.ts";
export { STORE_TIME_ZONE } from "./services/z-report.ts";
