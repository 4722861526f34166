// The feed's promises that the end-to-end test cannot time precisely: an event published while the snapshot
// is being read still arrives after it, and a feed whose caller lost access ends and lets go of the bus.
import { describe, expect, it } from "vitest";
import { createEventBus } from "./bus.ts";
import { liveFeed } from "./feed.ts";

/** A `tracked()` item is an [id, data] tuple. */
const dataOf = (result: IteratorResult<unknown>) => (result.value as [string, unknown])[1];

const change = (quantity: number) => ({ changes: [{ branchId: 1, variantId: 7, quantity }] });

describe("liveFeed", () => {
  it("subscribes before reading, so a change made during the read follows the snapshot", async () => {
    const bus = createEventBus();
    const feed = liveFeed(bus, {
      topics: ["stock.changed"],
      since: null,
      signal: undefined,
      view: (event) => event.data.changes,
      snapshot: async () => {
        // Another register sells while this one is reading the levels.
        await bus.publish("stock.changed", change(4));
        return [{ branchId: 1, variantId: 7, quantity: 5 }];
      },
    });
    expect(dataOf(await feed.next())).toMatchObject({ type: "sync", reason: "start" });
    expect(dataOf(await feed.next())).toMatchObject({ type: "event", data: [{ quantity: 4 }] });
    await feed.return(undefined);
    expect(bus.listenerCount()).toBe(0);
  });

  it("ends with UNAUTHORIZED once the caller lost access, and leaves no listener behind", async () => {
    const bus = createEventBus();
    let allowed = true;
    const feed = liveFeed(bus, {
      topics: ["stock.changed"],
      since: null,
      signal: undefined,
      view: (event) => event.data.changes,
      snapshot: () => Promise.resolve(null),
      stillAllowed: () => Promise.resolve(allowed),
      recheckMs: 5,
    });
    await feed.next();
    await bus.publish("stock.changed", change(3));
    expect(dataOf(await feed.next())).toMatchObject({ type: "event" });
    allowed = false;
    await expect(feed.next()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(bus.listenerCount()).toBe(0);
  });

  it("stops when the request's signal aborts", async () => {
    const bus = createEventBus();
    const controller = new AbortController();
    const feed = liveFeed(bus, {
      topics: ["sale.created"],
      since: null,
      signal: controller.signal,
      view: (event) => event.data,
      snapshot: () => Promise.resolve(null),
    });
    await feed.next();
    const pending = feed.next();
    controller.abort();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(bus.listenerCount()).toBe(0);
  });
});
