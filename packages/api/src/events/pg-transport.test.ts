// Two buses on one real database stand for two app instances.
import { useTestDb } from "@pos/db/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createEventBus, type EventBus } from "./bus.ts";
import { connectPgEventBus } from "./connect.ts";
import { createPgTransport, type PgTransport } from "./pg-transport.ts";
import { dataOf, nextItem, takeItems } from "./test-helpers.ts";
import type { EventMap } from "./types.ts";

const testDb = useTestDb();
const opened: EventBus[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((bus) => bus.close()));
});

async function instance(): Promise<{ bus: EventBus; transport: PgTransport }> {
  // Fast backoff so the reconnect test does not wait seconds.
  const transport = createPgTransport({ url: testDb.url, db: testDb.db, backoff: { initialMs: 20, maxMs: 200 } });
  const bus = createEventBus({ transport });
  opened.push(bus);
  await bus.start();
  return { bus, transport };
}

const stock = (variantId: number, quantity: number): EventMap["stock.changed"] => ({
  changes: [{ branchId: 1, variantId, quantity }],
});

/** The LISTEN sessions of one bus, found by the application_name the transport sets. */
async function listenerPids(origin: string): Promise<number[]> {
  const rows = await testDb.db.$queryRaw<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity WHERE application_name = ${`pos-events:${origin}`}`;
  return rows.map((row) => row.pid);
}

describe("PostgreSQL LISTEN/NOTIFY transport", () => {
  it("lets two instances see each other's events, each delivered once, own events included", async () => {
    const a = await instance();
    const b = await instance();
    const onA = a.bus.subscribe({ topics: ["stock.changed"] });
    const onB = b.bus.subscribe({ topics: ["stock.changed"] });

    await a.bus.publish("stock.changed", stock(1, 5));
    await b.bus.publish("stock.changed", stock(2, 7));
    for (const subscription of [onA, onB]) {
      const items = await takeItems(subscription, 2);
      expect(dataOf(items)).toEqual([stock(1, 5), stock(2, 7)]);
      expect(items.map((item) => item.type === "event" && item.event.origin)).toEqual([a.bus.origin, b.bus.origin]);
    }
    // Nothing else queued: had an own event also been delivered straight from publish(), a duplicate is next.
    await b.bus.publish("stock.changed", stock(3, 1));
    expect(dataOf([await nextItem(onA)])).toEqual([stock(3, 1)]);
  });

  it("delivers an event published in a transaction only on COMMIT, never after ROLLBACK", async () => {
    const a = await instance();
    const b = await instance();
    const onB = b.bus.subscribe({ topics: ["stock.changed"] });

    await expect(
      testDb.db.$transaction(async (tx) => {
        await a.bus.publishInTransaction(tx, "stock.changed", stock(1, 0));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");

    let insideTransaction = true;
    await testDb.db.$transaction(async (tx) => {
      await a.bus.publishInTransaction(tx, "stock.changed", stock(2, 4));
      // Give a premature delivery every chance to show up while the transaction is still open.
      await new Promise((resolve) => setTimeout(resolve, 50));
      insideTransaction = false;
    });
    const item = await nextItem(onB);
    expect(insideTransaction).toBe(false);
    expect(dataOf([item])).toEqual([stock(2, 4)]);

    // The rolled-back event would have come first; a later marker proves nothing else is queued.
    await a.bus.publish("stock.changed", stock(3, 3));
    expect(dataOf([await nextItem(onB)])).toEqual([stock(3, 3)]);
  });

  it("delivers two identical events from one transaction twice (the sequence number keeps them apart)", async () => {
    const a = await instance();
    const onA = a.bus.subscribe({ topics: ["stock.changed"] });
    await testDb.db.$transaction(async (tx) => {
      await a.bus.publishInTransaction(tx, "stock.changed", stock(9, 1));
      await a.bus.publishInTransaction(tx, "stock.changed", stock(9, 1));
    });
    const items = await takeItems(onA, 2);
    expect(dataOf(items)).toEqual([stock(9, 1), stock(9, 1)]);
    expect(new Set(items.map((item) => item.type === "event" && item.event.id)).size).toBe(2);
  });

  it("resumes a client on another instance from its lastEventId, skipping malformed notifications", async () => {
    const a = await instance();
    const b = await instance();
    const onA = a.bus.subscribe({ topics: ["stock.changed"] });
    const onB = b.bus.subscribe({ topics: ["stock.changed"] });
    await testDb.db.$executeRaw`SELECT pg_notify('pos_events', 'not an event')`;
    for (const variantId of [1, 2, 3]) await a.bus.publish("stock.changed", stock(variantId, 1));
    const [first] = await takeItems(onA, 3);
    const lastEventId = first?.type === "event" ? first.event.id : "none";
    await takeItems(onB, 3); // B has seen them too (its own session may lag A's by a moment)

    // The SSE stream reconnected to instance B: both saw the same events in the same (commit) order.
    const resumed = b.bus.subscribe({ topics: ["stock.changed"], since: lastEventId });
    expect(dataOf(await takeItems(resumed, 2))).toEqual([stock(2, 1), stock(3, 1)]);
  });

  it("reconnects after its LISTEN session is killed, signals resync, and events flow again", async () => {
    const a = await instance();
    const b = await instance();
    const onA = a.bus.subscribe({ topics: ["sale.created"] });
    const pids = await listenerPids(a.bus.origin);
    expect(pids).toHaveLength(1);

    await testDb.db.$queryRaw`SELECT pg_terminate_backend(${pids[0]}::int)`;
    // Publishing does not use the LISTEN session: B still hears A while A reconnects.
    const onB = b.bus.subscribe({ topics: ["sale.created"] });
    const sale = { saleId: 1, branchId: 1, channel: "POS", total: "10.00" } as const;
    await a.bus.publish("sale.created", sale);
    expect(dataOf([await nextItem(onB)])).toEqual([sale]);

    const resync = await nextItem(onA);
    expect(resync).toMatchObject({ type: "resync", reason: "reconnected" });
    expect(a.transport.status()).toBe("listening");
    const [newPid] = await listenerPids(a.bus.origin);
    expect(newPid).toBeDefined();
    expect(newPid).not.toBe(pids[0]);

    await b.bus.publish("sale.created", { ...sale, saleId: 2 });
    expect(dataOf([await nextItem(onA)])).toEqual([{ ...sale, saleId: 2 }]);
  });

  it("closes cleanly: subscriptions end, no listeners, the LISTEN session is gone", async () => {
    const a = await instance();
    const subscriptions = Array.from({ length: 200 }, () => a.bus.subscribe({ topics: ["stock.low"] }));
    const pending = subscriptions[0]?.next();
    expect(await listenerPids(a.bus.origin)).toHaveLength(1);

    await a.bus.close();
    expect(a.bus.listenerCount()).toBe(0);
    expect(a.transport.status()).toBe("closed");
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
    expect(await listenerPids(a.bus.origin)).toEqual([]);
  });

  it("closes cleanly while waiting to reconnect", async () => {
    const transport = createPgTransport({ url: testDb.url, db: testDb.db, backoff: { initialMs: 60_000 } });
    const bus = createEventBus({ transport });
    opened.push(bus);
    await bus.start();
    const [pid] = await listenerPids(bus.origin);
    await testDb.db.$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
    await expect.poll(() => transport.status()).toBe("reconnecting");
    await bus.close();
    expect(transport.status()).toBe("closed");
  });

  it("refuses a payload over the NOTIFY limit, and fails to start when the database is unreachable", async () => {
    const a = await instance();
    const hugeTotal = `${"9".repeat(8000)}.00`;
    await expect(
      a.bus.publish("sale.created", { saleId: 1, branchId: 1, channel: "POS", total: hugeTotal }),
    ).rejects.toThrow(/NOTIFY limit/);

    const unreachable = new URL(testDb.url);
    unreachable.port = "1";
    await expect(connectPgEventBus({ url: unreachable.toString(), db: testDb.db })).rejects.toThrow();
  });
});
