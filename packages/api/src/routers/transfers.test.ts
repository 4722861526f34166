import { useTestDb } from "@pos/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, as, createBranch, createUser } from "../../test/factories.ts";
import { codeOf, counts, createSizedProduct, ledgerProblems, level, seedStock } from "../../test/stock.ts";
import { createCaller } from "../index.ts";

const t = useTestDb();

let world: Awaited<ReturnType<typeof makeWorld>>;

async function makeWorld() {
  const [origin, destination, elsewhere] = [
    await createBranch(t.db),
    await createBranch(t.db),
    await createBranch(t.db),
  ];
  const { variants } = await createSizedProduct(t.db, { sizes: [null] });
  const variantId = variants[0]?.id ?? 0;
  await seedStock(t.db, origin.id, { [variantId]: 100 });
  const caller = async (role: "CASHIER" | "MANAGER" | "ADMIN", branchId?: number) =>
    createCaller(as(t.db, await createUser(t.db, role, { branchId: branchId ?? null })));
  return {
    origin,
    destination,
    elsewhere,
    variantId,
    callers: {
      anonymous: createCaller(anonymous(t.db)),
      cashierOrigin: await caller("CASHIER", origin.id),
      cashierDestination: await caller("CASHIER", destination.id),
      cashierElsewhere: await caller("CASHIER", elsewhere.id),
      manager: await caller("MANAGER"),
      admin: await caller("ADMIN"),
    },
  };
}

beforeAll(async () => {
  world = await makeWorld();
});

const draft = (quantity = 1) =>
  world.callers.manager.transfers.create({
    fromBranchId: world.origin.id,
    toBranchId: world.destination.id,
    items: [{ variantId: world.variantId, quantity }],
    notes: "Weekly restock",
  });

describe("transfers router", () => {
  it("lets managers and admins create, send and cancel; refuses cashiers (FORBIDDEN) and anonymous (UNAUTHORIZED)", async () => {
    const { callers, origin, destination, variantId } = world;
    const input = { fromBranchId: origin.id, toBranchId: destination.id, items: [{ variantId, quantity: 1 }] };
    expect(await codeOf(callers.anonymous.transfers.create(input))).toBe("UNAUTHORIZED");
    expect(await codeOf(callers.cashierOrigin.transfers.create(input))).toBe("FORBIDDEN");
    const transfer = await callers.admin.transfers.create(input);
    expect(transfer).toMatchObject({ status: "DRAFT", items: [{ variantId, quantity: 1 }] });

    expect(await codeOf(callers.cashierOrigin.transfers.send({ transferId: transfer.id }))).toBe("FORBIDDEN");
    expect(await codeOf(callers.cashierOrigin.transfers.cancel({ transferId: transfer.id }))).toBe("FORBIDDEN");
    expect(await codeOf(callers.anonymous.transfers.send({ transferId: transfer.id }))).toBe("UNAUTHORIZED");
    expect((await callers.manager.transfers.send({ transferId: transfer.id })).status).toBe("SENT");
    expect((await callers.admin.transfers.cancel({ transferId: transfer.id })).status).toBe("CANCELLED");
    expect(await ledgerProblems(t.db)).toEqual([]);
  });

  it("lets the destination's cashier receive, but not the origin's nor another branch's", async () => {
    const { callers, destination, variantId } = world;
    const transfer = await draft(2);
    await callers.manager.transfers.send({ transferId: transfer.id });
    expect(await codeOf(callers.cashierOrigin.transfers.receive({ transferId: transfer.id }))).toBe("FORBIDDEN");
    expect(await codeOf(callers.cashierElsewhere.transfers.receive({ transferId: transfer.id }))).toBe("FORBIDDEN");
    expect(await codeOf(callers.anonymous.transfers.receive({ transferId: transfer.id }))).toBe("UNAUTHORIZED");
    const before = await level(t.db, destination.id, variantId);
    expect((await callers.cashierDestination.transfers.receive({ transferId: transfer.id })).status).toBe("RECEIVED");
    expect(await level(t.db, destination.id, variantId)).toBe(before + 2);

    const another = await draft(1);
    await callers.manager.transfers.send({ transferId: another.id });
    expect((await callers.manager.transfers.receive({ transferId: another.id })).status).toBe("RECEIVED");
  });

  it("shows a transfer to the cashiers of both ends only, and lists only theirs", async () => {
    const { callers, origin, elsewhere } = world;
    const transfer = await draft();
    expect((await callers.cashierOrigin.transfers.get({ transferId: transfer.id })).id).toBe(transfer.id);
    expect((await callers.cashierDestination.transfers.get({ transferId: transfer.id })).id).toBe(transfer.id);
    expect(await codeOf(callers.cashierElsewhere.transfers.get({ transferId: transfer.id }))).toBe("FORBIDDEN");
    expect(await codeOf(callers.manager.transfers.get({ transferId: 999_999 }))).toBe("NOT_FOUND");

    expect((await callers.cashierElsewhere.transfers.list({})).items).toEqual([]);
    expect(await codeOf(callers.cashierElsewhere.transfers.list({ branchId: origin.id }))).toBe("FORBIDDEN");
    const mine = await callers.cashierOrigin.transfers.list({ status: "DRAFT" });
    expect(mine.items.map((item) => item.id)).toContain(transfer.id);
    expect((await callers.manager.transfers.list({ branchId: elsewhere.id })).items).toEqual([]);
    expect((await callers.manager.transfers.list({ limit: 1 })).nextCursor).not.toBeNull();
  });

  it("refuses bad input (BAD_REQUEST), unknown items (NOT_FOUND) and illegal moves, changing nothing", async () => {
    const { callers, origin, destination, variantId } = world;
    const received = await draft();
    await callers.manager.transfers.send({ transferId: received.id });
    await callers.manager.transfers.receive({ transferId: received.id });
    const before = await counts(t.db);
    const create = (input: {
      fromBranchId: number;
      toBranchId: number;
      items: { variantId: number; quantity: number }[];
    }) => codeOf(callers.manager.transfers.create(input));

    expect([
      await create({ fromBranchId: origin.id, toBranchId: origin.id, items: [{ variantId, quantity: 1 }] }),
      await create({ fromBranchId: origin.id, toBranchId: destination.id, items: [{ variantId, quantity: 0 }] }),
      await create({ fromBranchId: origin.id, toBranchId: destination.id, items: [] }),
      await create({
        fromBranchId: origin.id,
        toBranchId: destination.id,
        items: [
          { variantId, quantity: 1 },
          { variantId, quantity: 2 },
        ],
      }),
      await create({
        fromBranchId: origin.id,
        toBranchId: destination.id,
        items: [{ variantId: 999_999, quantity: 1 }],
      }),
      await codeOf(callers.manager.transfers.send({ transferId: received.id })),
      await codeOf(callers.manager.transfers.cancel({ transferId: received.id })),
      await codeOf(callers.manager.transfers.send({ transferId: 999_999 })),
    ]).toEqual([
      "BAD_REQUEST",
      "BAD_REQUEST",
      "BAD_REQUEST",
      "BAD_REQUEST",
      "NOT_FOUND",
      "PRECONDITION_FAILED",
      "PRECONDITION_FAILED",
      "NOT_FOUND",
    ]);
    expect(await counts(t.db)).toEqual(before);
  });

  it("refuses to send more than the origin holds (CONFLICT, OUT_OF_STOCK details) and leaves the draft as it was", async () => {
    const { callers } = world;
    const transfer = await draft(10_000);
    const before = await counts(t.db);
    const error = await callers.manager.transfers.send({ transferId: transfer.id }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "CONFLICT", cause: { code: "OUT_OF_STOCK" } });
    expect(await counts(t.db)).toEqual(before);
    expect((await callers.manager.transfers.get({ transferId: transfer.id })).status).toBe("DRAFT");
  });
});
