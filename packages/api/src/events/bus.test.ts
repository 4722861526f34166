import { setMaxListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { createEventBus } from "./bus.ts";
import { dataOf, nextItem, takeItems } from "./test-helpers.ts";
import { decodeEvent, STOCK_CHANGES_PER_EVENT } from "./types.ts";

const sale = (saleId: number, branchId = 1) => ({ saleId, branchId, channel: "POS", total: "1500.00" }) as const;

describe("in-process event bus", () => {
  it("fans typed events out to every subscriber whose topics and filter match", async () => {
    const bus = createEventBus();
    const allSales = bus.subscribe({ topics: ["sale.created"] });
    const branch2 = bus.subscribe({ topics: ["sale.created"], filter: (event) => event.data.branchId === 2 });
    const stockOrSales = bus.subscribe({ topics: ["stock.changed", "sale.created"] });

    await bus.publish("sale.created", sale(1, 1));
    await bus.publish("stock.changed", { changes: [{ branchId: 1, variantId: 7, quantity: 3 }] });
    await bus.publish("sale.created", sale(2, 2));

    expect(dataOf(await takeItems(allSales, 2))).toEqual([sale(1, 1), sale(2, 2)]);
    expect(dataOf(await takeItems(branch2, 1))).toEqual([sale(2, 2)]);
    const mixed = await takeItems(stockOrSales, 3);
    expect(mixed.map((item) => (item.type === "event" ? item.event.topic : item.type))).toEqual([
      "sale.created",
      "stock.changed",
      "sale.created",
    ]);
    const first = mixed[0];
    expect(first?.type === "event" && first.event.id).toBe(`${bus.origin}:1`);
    await bus.close();
  });

  it("returns listenerCount to its baseline after return(), abort and close, also for 200 subscribers", async () => {
    const bus = createEventBus();
    const baseline = bus.listenerCount();
    const controller = new AbortController();
    // One signal shared by 200 subscriptions is this test's doing (tRPC gives each its own): not a leak.
    setMaxListeners(300, controller.signal);
    const aborted = Array.from({ length: 200 }, () =>
      bus.subscribe({ topics: ["stock.low"], signal: controller.signal }),
    );
    const broken = bus.subscribe({ topics: ["stock.low"] });
    expect(bus.listenerCount()).toBe(baseline + 201);

    const pending = aborted[0]?.next();
    controller.abort();
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
    expect(bus.listenerCount()).toBe(baseline + 1);

    // `for await … break` is how generator subscriptions let go: it calls return().
    await bus.publish("stock.low", { branchId: 1, variantId: 1, quantity: 1, minStock: 2 });
    for await (const item of broken) {
      expect(item.type).toBe("event");
      break;
    }
    expect(bus.listenerCount()).toBe(baseline);

    const alreadyAborted = bus.subscribe({ topics: ["stock.low"], signal: AbortSignal.abort() });
    expect(bus.listenerCount()).toBe(baseline);
    await expect(alreadyAborted.next()).resolves.toMatchObject({ done: true });

    bus.subscribe({ topics: ["stock.low"] });
    await bus.close();
    expect(bus.listenerCount()).toBe(0);
    await expect(bus.publish("stock.low", { branchId: 1, variantId: 1, quantity: 1, minStock: 2 })).rejects.toThrow(
      /closed/,
    );
  });

  it("buffers events for a subscriber that is busy elsewhere (subscribe first, then read the database)", async () => {
    const bus = createEventBus();
    const subscription = bus.subscribe({ topics: ["sale.created"] });
    for (let saleId = 1; saleId <= 5; saleId++) await bus.publish("sale.created", sale(saleId));
    expect(dataOf(await takeItems(subscription, 5))).toEqual([1, 2, 3, 4, 5].map((saleId) => sale(saleId)));
    await bus.close();
  });

  it("replaces the backlog of a stuck subscriber with one resync instead of growing without bound", async () => {
    const bus = createEventBus();
    const slow = bus.subscribe({ topics: ["sale.created"], maxBuffered: 3 });
    for (let saleId = 1; saleId <= 4; saleId++) await bus.publish("sale.created", sale(saleId));
    await bus.publish("sale.created", sale(5));
    const [resync, after] = await takeItems(slow, 2);
    // Event 4 found the buffer full: the re-read covers it, and what follows it is delivered again.
    expect(resync).toEqual({ type: "resync", reason: "overflow", cursor: `${bus.origin}:4` });
    expect(dataOf(after ? [after] : [])).toEqual([sale(5)]);
    await bus.close();
  });

  it("replays what followed `since` from history, and asks for a resync when the cursor is unknown", async () => {
    const bus = createEventBus({ history: 3 });
    for (let saleId = 1; saleId <= 5; saleId++) await bus.publish("sale.created", sale(saleId));

    const resumed = bus.subscribe({ topics: ["sale.created"], since: `${bus.origin}:3` });
    expect(dataOf(await takeItems(resumed, 2))).toEqual([sale(4), sale(5)]);
    // Event 2 was the last one pushed out of a history of 3, so everything after it is still there.
    const fromBase = bus.subscribe({ topics: ["sale.created"], since: `${bus.origin}:2` });
    expect(dataOf(await takeItems(fromBase, 3))).toEqual([sale(3), sale(4), sale(5)]);

    const lost = bus.subscribe({ topics: ["sale.created"], since: `${bus.origin}:1` });
    expect(await nextItem(lost)).toEqual({ type: "resync", reason: "unknown-cursor", cursor: `${bus.origin}:5` });
    await bus.publish("sale.created", sale(6));
    expect(dataOf([await nextItem(lost)])).toEqual([sale(6)]);
    await bus.close();
  });

  it("splits large stock batches so no payload can outgrow a NOTIFY", async () => {
    const bus = createEventBus();
    const subscription = bus.subscribe({ topics: ["stock.changed"] });
    const changes = Array.from({ length: STOCK_CHANGES_PER_EVENT * 2 + 1 }, (_, index) => ({
      branchId: 2_000_000_000,
      variantId: 2_000_000_000 - index,
      quantity: -1_000_000_000,
      productId: 2_000_000_000,
    }));
    await bus.publish("stock.changed", { changes });
    const parts = dataOf(await takeItems(subscription, 3)) as { changes: unknown[] }[];
    expect(parts.map((part) => part.changes.length)).toEqual([STOCK_CHANGES_PER_EVENT, STOCK_CHANGES_PER_EVENT, 1]);
    expect(parts.flatMap((part) => part.changes)).toEqual(changes);
    await bus.close();
  });

  it("closes a subscriber whose filter throws, and keeps delivering to the others", async () => {
    const bus = createEventBus();
    const bad = bus.subscribe({
      topics: ["sale.created"],
      filter: () => {
        throw new Error("boom");
      },
    });
    const good = bus.subscribe({ topics: ["sale.created"] });
    await bus.publish("sale.created", sale(1));
    expect(dataOf([await nextItem(good)])).toEqual([sale(1)]);
    await expect(bad.next()).resolves.toMatchObject({ done: true });
    expect(bus.listenerCount()).toBe(1);
    await bus.close();
  });

  it("rejects wire payloads that are not well-formed events", () => {
    expect(decodeEvent("nope")).toEqual({ error: "not JSON" });
    expect(decodeEvent(JSON.stringify({ origin: "a", seq: 1, topic: "sale.deleted", data: {}, at: 0 }))).toHaveProperty(
      "error",
    );
    const badTotal = { origin: "a", seq: 1, topic: "sale.created", data: { ...sale(1), total: 1.5 }, at: 0 };
    expect(decodeEvent(JSON.stringify(badTotal))).toHaveProperty("error");
    const good = { origin: "a", seq: 1, topic: "sale.created", data: sale(1), at: 0 };
    expect(decodeEvent(JSON.stringify(good))).toEqual({ event: { id: "a:1", ...good } });
  });
});
