import { healthRouter } from "./routers/health.ts";
import { imagesRouter } from "./routers/images.ts";
import { sessionRouter } from "./routers/session.ts";
import { router } from "./trpc.ts";

/** Everything apps/pos serves: staff procedures and the public ones. */
export const appRouter = router({
  health: healthRouter,
  session: sessionRouter,
  images: imagesRouter,
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
