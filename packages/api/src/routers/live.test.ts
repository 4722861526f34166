// Live subscriptions end to end: two app instances (each its own HTTP server and LISTEN/NOTIFY bus) on one
// database, real tRPC clients over SSE. A sale on instance A must reach subscribers on instance B.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import type { SessionUser } from "../context.ts";
import { createBranch, createUser } from "../../test/factories.ts";
import { createPaymentMethods, openCashSession, type Methods } from "../../test/checkout.ts";
import { startLiveInstance, type LiveInstance } from "../../test/live-server.ts";
import { createSizedProduct, seedStock } from "../../test/stock.ts";

const t = useTestDb();

interface Tracked {
  id: string;
  data: { type: "sync"; reason: string; snapshot: unknown } | { type: "event"; at: number; data: unknown };
}

/** A subscription's items as they arrive, and a way to wait for the next one that matches. */
function collect(
  subscribe: (handlers: { onData(item: Tracked): void; onError(error: unknown): void }) => {
    unsubscribe(): void;
  },
) {
  const items: Tracked[] = [];
  const errors: unknown[] = [];
  let seen = 0;
  const subscription = subscribe({ onData: (item) => items.push(item), onError: (error) => errors.push(error) });
  return {
    items,
    errors,
    /** The next unread item (optionally the next that matches), waiting up to 5 s. */
    async next(match: (item: Tracked) => boolean = () => true): Promise<Tracked> {
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline) {
        const index = items.findIndex((item, i) => i >= seen && match(item));
        if (index >= 0) {
          seen = index + 1;
          return items[index] as Tracked;
        }
        if (errors.length > 0) throw errors[0];
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`No matching item within 5 s; got ${JSON.stringify(items.slice(seen))}`);
    },
    stop: () => subscription.unsubscribe(),
  };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let a: LiveInstance;
let b: LiveInstance;
const started: LiveInstance[] = [];
let users: Record<"manager" | "cashierA" | "cashierB" | "disabled", SessionUser>;
let branches: { online: number; offline: number };
let methods: Methods;
let sizes: { s: number; m: number; hidden: number };

beforeAll(async () => {
  const db = t.db;
  const online = await createBranch(db);
  await db.branch.update({ where: { id: online.id }, data: { sellsOnline: true } });
  const offline = await createBranch(db);
  branches = { online: online.id, offline: offline.id };
  users = {
    manager: await createUser(db, "MANAGER"),
    cashierA: await createUser(db, "CASHIER", { branchId: online.id }),
    cashierB: await createUser(db, "CASHIER", { branchId: offline.id }),
    disabled: await createUser(db, "MANAGER", { active: false }),
  };
  const { variants } = await createSizedProduct(db, { sizes: ["S", "M"], minStock: 2 });
  const hidden = await createSizedProduct(db, { sizes: [null] });
  await db.product.update({ where: { id: hidden.product.id }, data: { showOnline: false } });
  sizes = { s: variants[0]?.id ?? 0, m: variants[1]?.id ?? 0, hidden: hidden.variants[0]?.id ?? 0 };
  for (const branchId of [online.id, offline.id]) {
    await seedStock(db, branchId, { [sizes.s]: 50, [sizes.m]: 3, [sizes.hidden]: 10 });
    await openCashSession(db, branchId, users.manager.id);
  }
  methods = await createPaymentMethods(db);
  const everyone = Object.values(users);
  a = await startLiveInstance({ db, url: t.url, users: everyone });
  started.push(a);
  b = await startLiveInstance({ db, url: t.url, users: everyone });
  started.push(b);
});

afterAll(async () => {
  await Promise.all(started.map((instance) => instance.close()));
});

/** The manager sells on instance A: `quantity` of a variant at a branch, paid by debit at list price. */
function sell(branchId: number, variantId: number, quantity = 1, extra: { offlineAt?: Date } = {}) {
  return a.client(users.manager).sales.create.mutate({
    clientId: randomUUID(),
    branchId,
    lines: [{ variantId, quantity }],
    payments: [{ methodId: methods.debit, base: (59_990 * quantity).toFixed(2) }],
    ...extra,
  });
}

describe("a sale on instance A, seen on instance B", () => {
  it("reaches a register's stock feed, the managers' sales feed and the low-stock alerts", async () => {
    const register = collect((handlers) =>
      b.client(users.cashierA).stock.onChange.subscribe({ variantIds: [sizes.s, sizes.m] }, handlers),
    );
    const salesFeed = collect((handlers) => b.client(users.manager).sales.onNew.subscribe({}, handlers));
    const alerts = collect((handlers) =>
      b.client(users.manager).alerts.onLowStock.subscribe({ branchId: branches.online }, handlers),
    );
    const sync = await register.next();
    // Subscribed, then read: the cashier's own branch only, as it is now.
    expect(sync.data).toEqual({
      type: "sync",
      reason: "start",
      snapshot: [
        { branchId: branches.online, variantId: sizes.s, quantity: 50 },
        { branchId: branches.online, variantId: sizes.m, quantity: 3 },
      ],
    });
    await salesFeed.next();
    await alerts.next();

    await sell(branches.offline, sizes.m); // another branch: not this register's
    const sale = await sell(branches.online, sizes.m);

    const change = await register.next();
    expect(change.data).toMatchObject({
      type: "event",
      data: [{ branchId: branches.online, variantId: sizes.m, quantity: 2 }],
    });
    expect(change.id).toMatch(/^[0-9a-f]+:\d+$/);
    const sold = await salesFeed.next((item) => JSON.stringify(item.data).includes(`"saleId":${sale.saleId}`));
    expect(sold.data).toMatchObject({
      type: "event",
      data: { saleId: sale.saleId, branchId: branches.online, channel: "POS", total: "59990.00" },
    });
    expect(await alerts.next()).toMatchObject({
      data: { type: "event", data: { topic: "stock.low", branchId: branches.online, variantId: sizes.m, quantity: 2 } },
    });
    expect(register.items.filter((item) => item.data.type === "event")).toHaveLength(1);
    for (const feed of [register, salesFeed, alerts]) feed.stop();
  });
});

describe("resuming", () => {
  it("replays what was missed after lastEventId, and re-syncs from a cursor it does not know", async () => {
    const manager = b.client(users.manager);
    const first = collect((handlers) => manager.sales.onNew.subscribe({ branchId: branches.offline }, handlers));
    await first.next();
    const seen = await sell(branches.offline, sizes.s);
    const last = await first.next();
    expect(last.data).toMatchObject({ data: { saleId: seen.saleId } });
    first.stop();

    const missed = [await sell(branches.offline, sizes.s), await sell(branches.offline, sizes.s)];
    const resumed = collect((handlers) =>
      manager.sales.onNew.subscribe({ branchId: branches.offline, lastEventId: last.id }, handlers),
    );
    // No sync: straight on with the two sales made while it was away, in order.
    expect((await resumed.next()).data).toMatchObject({ type: "event", data: { saleId: missed[0]?.saleId } });
    expect((await resumed.next()).data).toMatchObject({ type: "event", data: { saleId: missed[1]?.saleId } });
    resumed.stop();

    const lost = collect((handlers) =>
      manager.sales.onNew.subscribe({ branchId: branches.offline, lastEventId: "gone:42" }, handlers),
    );
    expect((await lost.next()).data).toEqual({ type: "sync", reason: "unknown-cursor", snapshot: null });
    lost.stop();
  });
});

describe("who sees what", () => {
  it("shows shoppers online branches and online products only, never below zero", async () => {
    const shopper = collect((handlers) =>
      b.client().stock.onChange.subscribe({ variantIds: [sizes.s, sizes.hidden] }, handlers),
    );
    const staff = collect((handlers) =>
      b.client(users.manager).stock.onChange.subscribe({ variantIds: [sizes.s] }, handlers),
    );
    const sync = await shopper.next();
    expect(sync.data).toEqual({
      type: "sync",
      reason: "start",
      snapshot: [{ branchId: branches.online, variantId: sizes.s, quantity: expect.any(Number) as number }],
    });
    await staff.next();
    const onShelf = (sync.data.type === "sync" && (sync.data.snapshot as { quantity: number }[])[0]?.quantity) || 0;

    // The register was offline and sold more than the branch had: the level goes negative.
    await sell(branches.online, sizes.s, onShelf + 2, { offlineAt: new Date(Date.now() - 60_000) });
    await sell(branches.offline, sizes.s);
    expect((await staff.next()).data).toMatchObject({ data: [{ branchId: branches.online, quantity: -2 }] });
    expect((await staff.next()).data).toMatchObject({ data: [{ branchId: branches.offline }] });
    expect((await shopper.next()).data).toMatchObject({
      type: "event",
      data: [{ branchId: branches.online, variantId: sizes.s, quantity: 0 }],
    });
    // The sale at the branch that does not sell online never reached the shopper.
    expect(shopper.items).toHaveLength(2);
    shopper.stop();
    staff.stop();
  });

  it("keeps a cashier to their own branch and refuses shoppers without variants", async () => {
    const elsewhere = collect((handlers) =>
      b.client(users.cashierB).stock.onChange.subscribe({ branchId: branches.online }, handlers),
    );
    await expect(elsewhere.next()).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    const everything = collect((handlers) => b.client().stock.onChange.subscribe({}, handlers));
    await expect(everything.next()).rejects.toMatchObject({ data: { code: "BAD_REQUEST" } });
    const feed = collect((handlers) => b.client(users.cashierA).sales.onNew.subscribe({}, handlers));
    await expect(feed.next()).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    const disabled = collect((handlers) => b.client(users.disabled).orders.onNew.subscribe({}, handlers));
    await expect(disabled.next()).rejects.toMatchObject({ data: { code: "UNAUTHORIZED" } });
    for (const refused of [elsewhere, everything, feed, disabled]) refused.stop();
  });
});

describe("listeners", () => {
  it("return to their baseline once the clients disconnect", async () => {
    const baseline = b.bus.listenerCount();
    const feeds = Array.from({ length: 12 }, (_, i) => {
      const client = b.client(i % 2 === 0 ? users.manager : users.cashierA);
      return collect((handlers) =>
        i % 2 === 0
          ? client.orders.onNew.subscribe({}, handlers)
          : client.stock.onChange.subscribe({ variantIds: [sizes.s] }, handlers),
      );
    });
    for (const feed of feeds) await feed.next();
    expect(b.bus.listenerCount()).toBe(baseline + 12);
    for (const feed of feeds) feed.stop();
    await until(() => b.bus.listenerCount() === baseline, "the listeners to go");
    expect(a.bus.listenerCount()).toBe(0);
  });
});
