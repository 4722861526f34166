// One subscriber's buffered view of the bus. It is registered the moment it is created (not on the first
// `next()`), so a tRPC subscription can subscribe, then read what it missed from the database, and find every
// event published meanwhile waiting in the buffer.
import type { BusEvent, BusItem, ResyncReason, Topic } from "./types.ts";

/** What the bus holds on to: subscriptions of any topics, seen through untyped events. */
export interface Listener {
  offer(event: BusEvent): void;
  resync(reason: ResyncReason, cursor: string): void;
  close(): void;
}

export interface SubscriptionHooks {
  /** Called once when the subscription ends, however it ends; the bus drops it from its listeners. */
  onClose(): void;
  /** The bus position to report when the buffer overflows. */
  cursor(): string;
}

export class Subscription<T extends Topic> implements AsyncIterableIterator<BusItem<T>>, Listener {
  private readonly buffer: BusItem<T>[] = [];
  private waiting: ((result: IteratorResult<BusItem<T>>) => void) | undefined;
  private closed = false;

  constructor(
    /** The event, typed for this subscriber, if it wants it. */
    private readonly accepts: (event: BusEvent) => BusEvent<T> | undefined,
    private readonly maxBuffered: number,
    private readonly hooks: SubscriptionHooks,
    private readonly signal: AbortSignal | undefined,
  ) {
    // An already-aborted signal never fires: the bus checks `signal.aborted` itself once this exists.
    signal?.addEventListener("abort", this.close, { once: true });
  }

  /** Called by the bus for every event; keeps only those this subscriber asked for. */
  offer(event: BusEvent): void {
    if (this.closed) return;
    const wanted = this.accepts(event);
    if (!wanted) return;
    if (this.buffer.length >= this.maxBuffered) {
      // A stuck consumer must not grow memory without bound: drop its backlog, tell it to re-read instead.
      this.resync("overflow", this.hooks.cursor());
      return;
    }
    this.push({ type: "event", event: wanted });
  }

  /** Replaces the backlog with one resync note: after it the subscriber re-reads everything anyway. */
  resync(reason: ResyncReason, cursor: string): void {
    if (this.closed) return;
    this.buffer.length = 0;
    this.push({ type: "resync", reason, cursor });
  }

  /** One consumer, one pending `next()` at a time: what `for await` and tRPC do. */
  next(): Promise<IteratorResult<BusItem<T>>> {
    const item = this.buffer.shift();
    if (item) return Promise.resolve({ value: item, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  /** `for await` calls this on `break`/`return`/throw; tRPC calls it when the client goes away. */
  return(): Promise<IteratorResult<BusItem<T>>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Ends the iteration gracefully (an abort is how a subscription normally ends, not an error). */
  readonly close = (): void => {
    if (this.closed) return;
    this.closed = true;
    this.buffer.length = 0;
    this.signal?.removeEventListener("abort", this.close);
    this.hooks.onClose();
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.({ value: undefined, done: true });
  };

  private push(item: BusItem<T>): void {
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = undefined;
      waiting({ value: item, done: false });
    } else {
      this.buffer.push(item);
    }
  }
}
