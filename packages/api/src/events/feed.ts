// The shape every live subscription shares, so none of them can get the order of "listen" and "read" wrong:
//
//   1. subscribe to the bus (events from now on wait in the buffer),
//   2. unless the client is resuming (`lastEventId`), send a `sync` item: the state read from the database now,
//      or just "re-read your data" when the state is too big to send (a whole branch's stock),
//   3. then the events, each `tracked()` with its bus id, so a reconnecting client resumes where it left off;
//      whenever the bus says events may have been missed (reconnect, overflow, unknown cursor), another `sync`.
//
// An event that lands between steps 1 and 2 is both in the snapshot and sent after it: harmless, because
// events carry new values (a stock level, not a delta), and the later one always wins.
import { TRPCError, tracked } from "@trpc/server";
import type { EventBus } from "./bus.ts";
import type { BusEvent, ResyncReason, Topic } from "./types.ts";

export type FeedItem<TEvent, TSnapshot> =
  | {
      type: "sync";
      /** Why the client must (re)load its state: a fresh subscription, or events it may have missed. */
      reason: "start" | ResyncReason;
      snapshot: TSnapshot;
    }
  | {
      type: "event";
      /** When the change was made (ms since the epoch, publisher's clock): "sold 5 s ago", latency figures. */
      at: number;
      data: TEvent;
    };

export interface FeedOptions<T extends Topic, TEvent, TSnapshot> {
  topics: readonly T[];
  /** tRPC's `lastEventId`: resume after this event instead of starting with a sync. */
  since: string | null | undefined;
  signal: AbortSignal | undefined;
  /** Cheap pre-filter on the bus, before anything is buffered for this subscriber. */
  filter?: (event: BusEvent<T>) => boolean;
  /** What the subscriber sees of an event; undefined skips it (nothing of it concerns this subscriber). */
  view: (event: BusEvent<T>) => TEvent | undefined;
  /** The state to (re)load from, read after subscribing. */
  snapshot: () => Promise<TSnapshot>;
  /**
   * Asked every `recheckMs` while the subscription lasts: staff feeds end (UNAUTHORIZED) soon after the account
   * is disabled or demoted, as a request would, instead of streaming for as long as the tab stays open.
   */
  stillAllowed?: () => Promise<boolean>;
  recheckMs?: number;
}

export async function* liveFeed<T extends Topic, TEvent, TSnapshot>(
  bus: EventBus,
  options: FeedOptions<T, TEvent, TSnapshot>,
) {
  const { topics, since, signal, filter, view, snapshot, stillAllowed, recheckMs = 15_000 } = options;
  const events = bus.subscribe({ topics, filter, since, signal });
  // Same tick as the subscribe: the position right before the first event this subscription can receive.
  const start = bus.cursor();
  // An object, not a `let`: the check flips it from a timer callback.
  const access = { revoked: false };
  const recheck =
    stillAllowed &&
    setInterval(() => {
      stillAllowed().then(
        (allowed) => {
          access.revoked = !allowed;
          if (access.revoked) events.close();
        },
        // A failed check (database hiccup) is not a revocation: the next one decides.
        () => undefined,
      );
    }, recheckMs);
  try {
    if (since == null) {
      const sync: FeedItem<TEvent, TSnapshot> = { type: "sync", reason: "start", snapshot: await snapshot() };
      yield tracked(start, sync);
    }
    for await (const item of events) {
      if (item.type === "resync") {
        const sync: FeedItem<TEvent, TSnapshot> = { type: "sync", reason: item.reason, snapshot: await snapshot() };
        yield tracked(item.cursor, sync);
        continue;
      }
      const data = view(item.event);
      if (data === undefined) continue;
      const event: FeedItem<TEvent, TSnapshot> = { type: "event", at: item.event.at, data };
      yield tracked(item.event.id, event);
    }
    if (access.revoked)
      throw new TRPCError({ code: "UNAUTHORIZED", message: "This account can no longer follow this feed." });
  } finally {
    if (recheck) clearInterval(recheck);
    // Ends the bus listener however the generator ends: client gone, server closing, or an error above.
    await events.return();
  }
}
