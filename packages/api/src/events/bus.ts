// The event bus: typed publish, buffered subscriptions, and a short in-memory history so a client that
// reconnects with `lastEventId` gets what it missed without a database round trip when it can.
//
// Delivery with a transport (decided): every event, including our own, is delivered when it comes back from
// Postgres, never straight from `publish`. That is the only way an event published inside a transaction waits
// for its COMMIT (and vanishes on ROLLBACK) on this instance too, and it gives every instance the same order
// (commit order), which is what lets a client resume on another instance. So there is no echo to dedupe; the
// cost is one round trip (~0.5 ms) for local subscribers.
import { randomBytes } from "node:crypto";
import { silentLogger, type Logger } from "../logger.ts";
import { Subscription, type Listener } from "./subscription.ts";
import { eventId, splitForTransport, type BusEvent, type EventMap, type Topic } from "./types.ts";

/** A Prisma client or interactive-transaction client: all `pg_notify` needs. */
export interface SqlExecutor {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<number>;
}

/** Carries events between instances. It calls `deliver` for every event (own ones too) once committed. */
export interface EventTransport {
  start(handlers: TransportHandlers): Promise<void>;
  /** Sends one event: inside `tx` (delivered on its COMMIT) or on its own connection (delivered at once). */
  send(event: BusEvent, tx?: SqlExecutor): Promise<void>;
  close(): Promise<void>;
}

export interface TransportHandlers {
  origin: string;
  deliver(event: BusEvent): void;
  /** The connection was lost and is listening again: events in between were not seen. */
  resync(): void;
}

export interface SubscribeOptions<T extends Topic> {
  topics: readonly T[];
  /** Narrower interest, e.g. one branch; checked before buffering so unwanted events cost no memory. */
  filter?: (event: BusEvent<T>) => boolean;
  /** Resume after this event id (tRPC's `lastEventId`): replays from history, or starts with a resync. */
  since?: string | null;
  /** Ends the subscription (tRPC passes the request's signal). */
  signal?: AbortSignal;
  /** Events held for a slow consumer before its backlog is replaced by a resync (default 1000). */
  maxBuffered?: number;
}

export interface EventBus {
  /** This instance's id in event ids and in the LISTEN connection's application_name. */
  readonly origin: string;
  /** Connects the transport (no-op without one); rejects if the first connection fails. */
  start(): Promise<void>;
  /** For writes that already committed (or outside any transaction). */
  publish<T extends Topic>(topic: T, data: EventMap[T]): Promise<void>;
  /**
   * Inside a Prisma interactive transaction: delivered only if and when it commits. Without a transport the
   * bus cannot see the commit and delivers at once (tests, single-instance dev), so apps attach one.
   */
  publishInTransaction<T extends Topic>(tx: SqlExecutor, topic: T, data: EventMap[T]): Promise<void>;
  subscribe<T extends Topic>(options: SubscribeOptions<T>): Subscription<T>;
  /**
   * The id of the last event delivered here: a `since` that replays everything after it. Read right after
   * `subscribe` (same tick), it marks exactly where that subscription's events begin.
   */
  cursor(): string;
  /** Open subscriptions: tests assert it returns to its baseline (leaks were a known tRPC/Next problem). */
  listenerCount(): number;
  close(): Promise<void>;
}

export interface EventBusOptions {
  transport?: EventTransport;
  origin?: string;
  /** Recent events kept for `since` replay (default 1000). */
  history?: number;
  log?: Logger;
}

export function createEventBus(options: EventBusOptions = {}): EventBus {
  const { transport, log = silentLogger } = options;
  const origin = options.origin ?? randomBytes(6).toString("hex");
  const historySize = options.history ?? 1000;
  const subscribers = new Set<Listener>();
  let seq = 0;
  let epoch = 0;
  let closed = false;
  // `history` holds recent events in delivery order; `base` is the id just before its first entry: the last
  // event dropped from it, or a marker for "start of this epoch". A cursor equal to `base` replays everything.
  let history: BusEvent[] = [];
  let base = `${origin}~0`;

  const head = () => history.at(-1)?.id ?? base;

  function deliver(event: BusEvent): void {
    history.push(event);
    if (history.length > historySize) base = history.shift()?.id ?? base;
    for (const subscriber of subscribers) {
      try {
        subscriber.offer(event);
      } catch (error) {
        // A throwing filter must not starve the other subscribers (or break the LISTEN connection's parser).
        log.error("Event subscriber filter threw; subscription closed", { topic: event.topic, error: String(error) });
        subscriber.close();
      }
    }
  }

  function resync(): void {
    // Not seen while disconnected, so the history no longer reaches back without holes: start a new epoch.
    history = [];
    base = `${origin}~${++epoch}`;
    log.warn("Event bus resynced after reconnect", { origin, subscribers: subscribers.size });
    for (const subscriber of subscribers) subscriber.resync("reconnected", base);
  }

  async function send<T extends Topic>(topic: T, data: EventMap[T], tx: SqlExecutor | undefined): Promise<void> {
    if (closed) throw new Error("The event bus is closed; events can no longer be published.");
    for (const part of splitForTransport(topic, data)) {
      const n = ++seq;
      // Pairing `topic` with its own data type is lost on a generic T; `splitForTransport` kept them together.
      const event = { id: eventId(origin, n), origin, seq: n, topic, data: part, at: Date.now() } as BusEvent;
      if (transport) await transport.send(event, tx);
      else deliver(event);
    }
  }

  return {
    origin,
    start: async () => {
      await transport?.start({ origin, deliver, resync });
    },
    publish: (topic, data) => send(topic, data, undefined),
    publishInTransaction: (tx, topic, data) => send(topic, data, tx),

    subscribe<T extends Topic>(options: SubscribeOptions<T>): Subscription<T> {
      const { topics, filter, since, signal, maxBuffered = 1000 } = options;
      const wanted: readonly Topic[] = topics;
      // The topic check is what makes the narrowing to BusEvent<T> true; the compiler cannot follow it.
      const accepts = (event: BusEvent) => {
        if (!wanted.includes(event.topic)) return undefined;
        const typed = event as BusEvent<T>;
        return !filter || filter(typed) ? typed : undefined;
      };
      const subscription = new Subscription<T>(
        accepts,
        maxBuffered,
        {
          onClose: () => subscribers.delete(subscription),
          cursor: head,
        },
        signal,
      );
      if (closed || signal?.aborted) {
        subscription.close();
        return subscription;
      }
      if (since != null) {
        // Replay from history where the client left off; if that point is gone, tell it to re-read instead.
        const found = since === base ? 0 : history.findIndex((event) => event.id === since) + 1;
        if (found === 0 && since !== base) subscription.resync("unknown-cursor", head());
        else for (const event of history.slice(found)) subscription.offer(event);
      }
      subscribers.add(subscription);
      return subscription;
    },

    cursor: head,

    listenerCount: () => subscribers.size,

    close: async () => {
      if (closed) return;
      closed = true;
      for (const subscriber of subscribers) subscriber.close();
      subscribers.clear();
      history = [];
      await transport?.close();
    },
  };
}

let defaultBus: EventBus | undefined;

/** The process-wide in-process bus used when a context is built without one (tests, scripts). */
export function getDefaultBus(): EventBus {
  return (defaultBus ??= createEventBus());
}
