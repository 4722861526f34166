// The typed event map. Payloads carry ids and small numbers, never rows: a NOTIFY payload must stay under
// 8000 bytes, and subscribers re-read what they show from the database anyway. The zod schemas are the single
// source of the types and also check what arrives from other instances, so a payload from an older or newer
// release is logged and skipped instead of reaching a subscriber half-formed.
import { z } from "zod";
import { SaleChannel, SaleStatus } from "@pos/db";

const id = z.number().int().positive();

/** One (branch, variant) stock level after a change. `quantity` is the new on-hand balance, not a delta, so
 * applying the same change twice, or a stale one before a newer one, still ends on the right number. */
export const stockChangeSchema = z.object({
  branchId: id,
  variantId: id,
  quantity: z.number().int(),
  productId: id.optional(),
});

export const eventSchemas = {
  /** Batched: one sale or adjustment announces all the levels it touched in one event. */
  "stock.changed": z.object({ changes: z.array(stockChangeSchema).min(1) }),
  /** POS sales and online/WhatsApp orders alike; `total` is a decimal string, never a float. */
  "sale.created": z.object({
    saleId: id,
    branchId: id,
    channel: z.enum(SaleChannel),
    total: z.string().regex(/^-?\d+(\.\d+)?$/),
  }),
  "order.updated": z.object({
    saleId: id,
    branchId: id,
    channel: z.enum(SaleChannel),
    status: z.enum(SaleStatus),
  }),
  /** A level crossed the product's minimum (from above); sent once per crossing, not on every sale below it. */
  "stock.low": z.object({ branchId: id, variantId: id, quantity: z.number().int(), minStock: z.number().int() }),
  /** An offline sale arrived for more than the branch had (domain rule 2): managers must recount or move stock. */
  "stock.shortfall": z.object({
    saleId: id,
    branchId: id,
    shortfalls: z.array(z.object({ variantId: id, quantity: z.number().int().positive() })).min(1),
  }),
} as const;

export type EventMap = { [T in keyof typeof eventSchemas]: z.infer<(typeof eventSchemas)[T]> };
export type Topic = keyof EventMap;
export type StockChange = z.infer<typeof stockChangeSchema>;

export const topics = Object.keys(eventSchemas) as Topic[];

/**
 * An event as subscribers see it. `id` is `<origin>:<seq>`: unique across instances, and each origin's `seq`
 * grows in publish order. Delivery follows commit order, which may differ from publish order when two
 * transactions of one instance overlap, and a rolled-back transaction leaves a gap, so ids are compared by
 * position in the bus history (see bus.ts), never numerically.
 */
export type BusEvent<T extends Topic = Topic> = {
  [K in T]: { id: string; origin: string; seq: number; topic: K; data: EventMap[K]; at: number };
}[T];

export type ResyncReason =
  /** The LISTEN connection was lost and is back: anything published meanwhile was not seen here. */
  | "reconnected"
  /** The subscriber fell more than its buffer behind; the backlog was dropped. */
  | "overflow"
  /** `since` named an event this instance no longer (or never) had in its history. */
  | "unknown-cursor";

/**
 * What a subscription yields: events, or a note that some may have been missed and the subscriber should
 * re-read its state from the database. `cursor` is an id to hand the client as the position of that re-read
 * (a later `since: cursor` replays what followed, if still in the history).
 */
export type BusItem<T extends Topic = Topic> =
  { type: "event"; event: BusEvent<T> } | { type: "resync"; reason: ResyncReason; cursor: string };

const envelopeSchema = z.object({
  origin: z.string().min(1),
  seq: z.number().int().positive(),
  topic: z.enum(topics),
  data: z.unknown(),
  at: z.number(),
});

export function eventId(origin: string, seq: number): string {
  return `${origin}:${seq}`;
}

export function encodeEvent(event: BusEvent): string {
  const { origin, seq, topic, data, at } = event;
  return JSON.stringify({ origin, seq, topic, data, at });
}

/** Parses a payload from the wire; null (with the reason) when it is not one of our events. */
export function decodeEvent(payload: string): { event: BusEvent } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return { error: "not JSON" };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { error: envelope.error.message };
  const { origin, seq, topic, at } = envelope.data;
  const data = eventSchemas[topic].safeParse(envelope.data.data);
  if (!data.success) return { error: `${topic}: ${data.error.message}` };
  // The schema lookup by `topic` loses the pairing of topic and data for the compiler; they were checked together.
  return { event: { id: eventId(origin, seq), origin, seq, topic, data: data.data, at } as BusEvent };
}

/** At most this many changes per stock event: ~85 bytes each at worst keeps a payload well under 8000 bytes. */
export const STOCK_CHANGES_PER_EVENT = 50;

// Per-topic splitters: payloads that could outgrow a NOTIFY (a CSV import touching thousands of variants).
const splitters: { [K in Topic]?: (data: EventMap[K]) => EventMap[K][] } = {
  "stock.changed": ({ changes }) => {
    const parts: EventMap["stock.changed"][] = [];
    for (let start = 0; start < changes.length; start += STOCK_CHANGES_PER_EVENT) {
      parts.push({ changes: changes.slice(start, start + STOCK_CHANGES_PER_EVENT) });
    }
    return parts;
  },
};

export function splitForTransport<T extends Topic>(topic: T, data: EventMap[T]): EventMap[T][] {
  const split = splitters[topic];
  return split ? split(data) : [data];
}
