// Stock changes announced the way the apps run: over PostgreSQL LISTEN/NOTIFY, released by the COMMIT.
import { useTestDb } from "@pos/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBranch, createUser, sessionFor } from "../../test/factories.ts";
import { codeOf, createSizedProduct, seedStock } from "../../test/stock.ts";
import { createContextInner } from "../context.ts";
import { connectPgEventBus, type EventBus } from "../events/index.ts";
import { dataOf, nextItem } from "../events/test-helpers.ts";
import { createCaller } from "../index.ts";
import { silentLogger } from "../logger.ts";

const t = useTestDb();
let bus: EventBus;

beforeAll(async () => {
  bus = await connectPgEventBus({ url: t.url, db: t.db });
});
afterAll(() => bus.close());

describe("stock events over LISTEN/NOTIFY", () => {
  it("announces committed changes with their new levels and nothing for a refused transfer", async () => {
    const [origin, destination] = [await createBranch(t.db), await createBranch(t.db)];
    const { variants } = await createSizedProduct(t.db, { sizes: [null], minStock: 1 });
    const variantId = variants[0]?.id ?? 0;
    await seedStock(t.db, origin.id, { [variantId]: 3 });
    const manager = await createUser(t.db, "MANAGER");
    const caller = createCaller(createContextInner({ db: t.db, session: sessionFor(manager), bus, log: silentLogger }));
    const events = bus.subscribe({ topics: ["stock.changed", "stock.low"] });

    await caller.inventory.adjust({ branchId: origin.id, variantId, quantity: -1, reason: "Shop soiled" });
    expect(dataOf([await nextItem(events)])).toEqual([
      { changes: [expect.objectContaining({ branchId: origin.id, variantId, quantity: 2 })] },
    ]);

    const tooMany = await caller.transfers.create({
      fromBranchId: origin.id,
      toBranchId: destination.id,
      items: [{ variantId, quantity: 5 }],
    });
    expect(await codeOf(caller.transfers.send({ transferId: tooMany.id }))).toBe("CONFLICT");

    const enough = await caller.transfers.create({
      fromBranchId: origin.id,
      toBranchId: destination.id,
      items: [{ variantId, quantity: 2 }],
    });
    await caller.transfers.send({ transferId: enough.id });
    // The refused send published nothing: the next events are the successful send's (2 → 0, crossing min 1).
    expect(dataOf([await nextItem(events), await nextItem(events)])).toEqual([
      { changes: [expect.objectContaining({ branchId: origin.id, quantity: 0 })] },
      { branchId: origin.id, variantId, quantity: 0, minStock: 1 },
    ]);
    await events.return();
  });
});
