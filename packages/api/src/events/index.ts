// @pos/api events: typed events, in-process fan-out, and PostgreSQL LISTEN/NOTIFY between instances.
//
// A live subscription (they come with checkout) follows this shape, so nothing is lost between reading the
// database and listening:
//
//   .subscription(async function* ({ ctx, input, signal }) {
//     // 1. Subscribe first: events published from now on wait in the subscription's buffer.
//     const events = ctx.bus.subscribe({ topics: ["sale.created"], since: input.lastEventId, signal });
//     // 2. Then read: a replay from history, or a `resync` item telling it to re-read from the database.
//     for await (const item of events) {
//       if (item.type === "resync") yield* reread(ctx.db, item.cursor); // e.g. tracked(item.cursor, snapshot)
//       else yield tracked(item.event.id, item.event.data);
//     }
//   })
export {
  createEventBus,
  getDefaultBus,
  type EventBus,
  type EventBusOptions,
  type EventTransport,
  type SqlExecutor,
  type SubscribeOptions,
  type TransportHandlers,
} from "./bus.ts";
export { connectPgEventBus } from "./connect.ts";
export { getProcessEventBus } from "./process-bus.ts";
export {
  createPgTransport,
  MAX_PAYLOAD_BYTES,
  type PgTransport,
  type PgTransportOptions,
  type PgTransportStatus,
} from "./pg-transport.ts";
export { measurePublishLatency, type LatencyOptions, type LatencyReport } from "./latency.ts";
export { Subscription } from "./subscription.ts";
export {
  eventSchemas,
  STOCK_CHANGES_PER_EVENT,
  topics,
  type BusEvent,
  type BusItem,
  type EventMap,
  type ResyncReason,
  type StockChange,
  type Topic,
} from "./types.ts";
