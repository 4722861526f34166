import { ZLiveFeed } from "@pos/validators";
import { managerFeed } from "../services/live-feeds.ts";
import { managerProcedure } from "../procedures.ts";
import { router } from "../trpc.ts";

/** What needs a manager's eye, as it happens. The lists to (re)load are reports.lowStock and reports.shortfalls. */
export const alertsRouter = router({
  /** A level fell to its product's minimum (`stock.low`), or an offline sale outran the stock (`stock.shortfall`). */
  onLowStock: managerProcedure.input(ZLiveFeed).subscription(({ ctx, input, signal }) =>
    managerFeed(ctx, input, signal, {
      topics: ["stock.low", "stock.shortfall"],
      view: (event) => ({ topic: event.topic, ...event.data }),
    }),
  ),
});
