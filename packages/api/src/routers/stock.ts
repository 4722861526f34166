import { ZStockWatch } from "@pos/validators";
import { liveFeed } from "../events/feed.ts";
import { publicProcedure } from "../procedures.ts";
import { shopperStockWatch, staffStockWatch, watchedChanges, watchedLevels } from "../services/live-stock.ts";
import { currentStaffUser, stillHasAccess } from "../services/staff-access.ts";
import { router } from "../trpc.ts";

/**
 * Live stock for registers, admin screens and product pages: one procedure on both routers. Who is asking
 * decides what it shows: staff their branches (a cashier only their own), shoppers only what is on sale online,
 * at branches that sell online, never below zero. The watch is decided before the stream starts, so a refused
 * request fails as a request would.
 */
const watchProcedure = publicProcedure.input(ZStockWatch).use(async ({ ctx, input, next }) => {
  // A signed-out or disabled account watches as a shopper: on the register's app that is harmless, and it keeps
  // one procedure for both apps.
  const staff = ctx.session ? await currentStaffUser(ctx.db, ctx.session.user) : null;
  const watch = staff ? staffStockWatch(staff, input) : await shopperStockWatch(ctx.db, input);
  return next({ ctx: { watch, staff } });
});

export const stockRouter = router({
  /** `sync` first (the watched levels now, or null for a whole branch: re-read it), then each change. */
  onChange: watchProcedure.subscription(({ ctx, input, signal }) => {
    const { staff, watch } = ctx;
    return liveFeed(ctx.bus, {
      topics: ["stock.changed"],
      since: input.lastEventId,
      signal,
      view: (event) => watchedChanges(watch, event),
      snapshot: () => watchedLevels(ctx.db, watch),
      stillAllowed: staff ? () => stillHasAccess(ctx.db, staff, [staff.role]) : undefined,
    });
  }),
});
