import { describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { createCaller, storeRouter } from "../index.ts";
import { createStoreCaller, createStoreContext } from "../store.ts";
import { DEFAULT_STORE_INFO } from "../services/store-info.ts";
import { anonymous, createBranch } from "../../test/factories.ts";

const t = useTestDb();

describe("health", () => {
  it("reads the database: server time, counts and applied migrations", async () => {
    await createBranch(t.db);
    await createBranch(t.db);
    const health = await createCaller(anonymous(t.db)).health.check();
    expect(health.ok).toBe(true);
    expect(health.branches).toBe(2);
    expect(health.products).toBe(0);
    expect(Math.abs(health.serverTime.getTime() - Date.now())).toBeLessThan(60_000);
    expect(health.migrations?.applied).toBeGreaterThanOrEqual(1);
    expect(health.migrations?.failed).toBe(0);
    expect(health.migrations?.latest).toMatch(/^\d{14}_/);
  });

  it("gives the store name from StoreConfig, and a default before one is saved", async () => {
    const caller = createCaller(anonymous(t.db));
    expect(await caller.health.info()).toEqual(DEFAULT_STORE_INFO);
    await t.db.storeConfig.create({ data: { storeName: "Deportes Sur" } });
    expect(await caller.health.info()).toMatchObject({ storeName: "Deportes Sur", currency: "ARS", configured: true });
  });

  it("is served by the storefront router too (that it holds public procedures only is the authorization test's)", async () => {
    const caller = createStoreCaller(createStoreContext({ db: t.db }));
    expect((await caller.health.check()).ok).toBe(true);
    expect(Object.keys(storeRouter._def.procedures)).toEqual(expect.arrayContaining(["health.check", "health.info"]));
  });
});
