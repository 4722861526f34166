import { ZExpireHolds, ZLiveFeed, ZOrderList, ZOrderStatusChange, ZSaleRef } from "@pos/validators";
import { managerProcedure } from "../procedures.ts";
import { managerFeed } from "../services/live-feeds.ts";
import { expireHolds } from "../services/orders/expire.ts";
import { getOrder, listOrders } from "../services/orders/queue.ts";
import { setOrderStatus } from "../services/orders/status.ts";
import { router } from "../trpc.ts";
import { storeOrderProcedures } from "./store-orders.ts";

/** Online and WhatsApp orders: the storefront's public procedures, and the managers' queue in the admin section. */
export const ordersRouter = router({
  ...storeOrderProcedures,

  /** Newest first, by channel and status. */
  list: managerProcedure.input(ZOrderList).query(({ ctx, input }) => listOrders(ctx.db, input)),
  get: managerProcedure.input(ZSaleRef).query(({ ctx, input }) => getOrder(ctx.db, input.saleId)),
  /** Along the transition table; cancelling restocks every line. */
  setStatus: managerProcedure
    .input(ZOrderStatusChange)
    .mutation(({ ctx, input }) => setOrderStatus(ctx, input, ctx.user)),
  /** Releases WhatsApp holds past their time now, instead of waiting for the sweeper's next round. */
  expireHolds: managerProcedure
    .input(ZExpireHolds)
    .mutation(({ ctx, input }) => expireHolds(ctx.db, ctx.bus, new Date(), input.limit)),

  /** The queue, live: new online and WhatsApp orders, and every status change (confirmed, expired, cancelled…). */
  onNew: managerProcedure.input(ZLiveFeed).subscription(({ ctx, input, signal }) =>
    managerFeed(ctx, input, signal, {
      topics: ["sale.created", "order.updated"],
      filter: (event) => event.data.channel !== "POS",
      view: (event) => ({ topic: event.topic, ...event.data }),
    }),
  ),
});
