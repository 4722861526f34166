import { useTestDb } from "@pos/db/testing";
import { describe, expect, it } from "vitest";
import { createBranch, createUser } from "../../test/factories.ts";
import {
  codeOf,
  counts,
  createSizedProduct,
  ledgerProblems,
  level,
  recordingBus,
  seedStock,
} from "../../test/stock.ts";
import { cancelTransfer, createTransfer, receiveTransfer, sendTransfer } from "./transfers.ts";

const t = useTestDb({ poolMax: 8 });

async function setup(stock: [number, number] = [5, 3]) {
  const from = await createBranch(t.db, `Centro ${Math.random()}`);
  const to = await createBranch(t.db);
  const manager = await createUser(t.db, "MANAGER");
  const { variants } = await createSizedProduct(t.db, { name: "Runner", sizes: ["41", "42"] });
  const [a, b] = variants.map((v) => v.id) as [number, number];
  await seedStock(t.db, from.id, { [a]: stock[0], [b]: stock[1] });
  const { bus, published } = recordingBus();
  const deps = { db: t.db, bus };
  const draft = (quantities: [number, number] = [2, 3]) =>
    createTransfer(
      t.db,
      {
        fromBranchId: from.id,
        toBranchId: to.id,
        items: [
          { variantId: a, quantity: quantities[0] },
          { variantId: b, quantity: quantities[1] },
        ],
      },
      manager,
    );
  return { from, to, manager, a, b, deps, published, draft };
}

describe("transfers", () => {
  it("moves nothing as a draft, takes stock out on send and puts it in on receive", async () => {
    const { from, to, manager, a, b, deps, published, draft } = await setup();
    const transfer = await draft();
    expect(transfer.status).toBe("DRAFT");
    expect(await t.db.inventoryMovement.count({ where: { transferId: transfer.id } })).toBe(0);

    const sent = await sendTransfer(deps, transfer.id, manager);
    expect(sent.status).toBe("SENT");
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect([await level(t.db, from.id, a), await level(t.db, from.id, b)]).toEqual([3, 0]);
    expect([await level(t.db, to.id, a), await level(t.db, to.id, b)]).toEqual([0, 0]);

    const received = await receiveTransfer(deps, transfer.id, manager);
    expect(received.status).toBe("RECEIVED");
    expect([await level(t.db, to.id, a), await level(t.db, to.id, b)]).toEqual([2, 3]);

    const movements = await t.db.inventoryMovement.findMany({
      where: { transferId: transfer.id },
      orderBy: { id: "asc" },
      select: { branchId: true, variantId: true, quantity: true, type: true },
    });
    expect(movements).toEqual([
      { branchId: from.id, variantId: a, quantity: -2, type: "TRANSFER_OUT" },
      { branchId: from.id, variantId: b, quantity: -3, type: "TRANSFER_OUT" },
      { branchId: to.id, variantId: a, quantity: 2, type: "TRANSFER_IN" },
      { branchId: to.id, variantId: b, quantity: 3, type: "TRANSFER_IN" },
    ]);
    expect(published.filter((event) => event.topic === "stock.changed")).toHaveLength(2);
    expect(await ledgerProblems(t.db)).toEqual([]);
  });

  it("refuses to send when any line is short, and sends nothing at all", async () => {
    const { manager, deps, published, draft } = await setup([5, 2]);
    const transfer = await draft([2, 3]);
    const before = await counts(t.db);
    await expect(sendTransfer(deps, transfer.id, manager)).rejects.toMatchObject({
      code: "OUT_OF_STOCK",
      message: expect.stringMatching(/^Only 2 left of Runner 42 at Centro/) as unknown,
    });
    expect(await counts(t.db)).toEqual(before);
    expect(published).toEqual([]);
  });

  it("cancels a draft without touching stock", async () => {
    const { manager, deps, draft } = await setup();
    const transfer = await draft();
    const before = await t.db.inventoryMovement.count();
    const cancelled = await cancelTransfer(deps, transfer.id, manager);
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.cancelledAt).toBeInstanceOf(Date);
    expect(await t.db.inventoryMovement.count()).toBe(before);
  });

  it("returns the goods to the origin with CANCEL movements when a sent transfer is cancelled", async () => {
    const { from, to, manager, a, b, deps, draft } = await setup();
    const transfer = await draft();
    await sendTransfer(deps, transfer.id, manager);
    await cancelTransfer(deps, transfer.id, manager);
    expect([await level(t.db, from.id, a), await level(t.db, from.id, b)]).toEqual([5, 3]);
    expect(await t.db.stockLevel.count({ where: { branchId: to.id } })).toBe(0);
    const returned = await t.db.inventoryMovement.findMany({
      where: { transferId: transfer.id, type: "CANCEL" },
      select: { branchId: true, quantity: true },
    });
    expect(returned).toEqual([
      { branchId: from.id, quantity: 2 },
      { branchId: from.id, quantity: 3 },
    ]);
    expect(await ledgerProblems(t.db)).toEqual([]);
  });

  it("refuses illegal transitions with a clear message and changes nothing", async () => {
    const { manager, deps, draft } = await setup([50, 50]);
    const inDraft = await draft();
    const received = await draft();
    await sendTransfer(deps, received.id, manager);
    await receiveTransfer(deps, received.id, manager);
    const cancelled = await draft();
    await cancelTransfer(deps, cancelled.id, manager);
    const before = await counts(t.db);

    const refusals = {
      receiveDraft: await receiveTransfer(deps, inDraft.id, manager).catch((e: unknown) => e),
      sendReceived: await sendTransfer(deps, received.id, manager).catch((e: unknown) => e),
      receiveReceived: await receiveTransfer(deps, received.id, manager).catch((e: unknown) => e),
      cancelReceived: await cancelTransfer(deps, received.id, manager).catch((e: unknown) => e),
      sendCancelled: await sendTransfer(deps, cancelled.id, manager).catch((e: unknown) => e),
      receiveCancelled: await receiveTransfer(deps, cancelled.id, manager).catch((e: unknown) => e),
      cancelCancelled: await cancelTransfer(deps, cancelled.id, manager).catch((e: unknown) => e),
    };

    expect(refusals).toEqual({
      receiveDraft: expect.objectContaining({
        code: "PRECONDITION_FAILED",
        message: `Transfer ${inDraft.id} cannot be received: it has not been sent yet; send it first.`,
      }) as unknown,
      sendReceived: expect.objectContaining({
        message: `Transfer ${received.id} cannot be sent: it was already received.`,
      }) as unknown,
      receiveReceived: expect.objectContaining({ code: "PRECONDITION_FAILED" }) as unknown,
      cancelReceived: expect.objectContaining({
        message: `Transfer ${received.id} cannot be cancelled: it was already received; move the goods back with a new transfer.`,
      }) as unknown,
      sendCancelled: expect.objectContaining({ code: "PRECONDITION_FAILED" }) as unknown,
      receiveCancelled: expect.objectContaining({ code: "PRECONDITION_FAILED" }) as unknown,
      cancelCancelled: expect.objectContaining({ code: "PRECONDITION_FAILED" }) as unknown,
    });
    expect(await counts(t.db)).toEqual(before);
    expect(await codeOf(sendTransfer(deps, 999_999, manager))).toBe("NOT_FOUND");
  });

  it("sends once when two managers press send at the same moment", async () => {
    const { from, a, manager, deps, draft } = await setup([50, 50]);
    const transfer = await draft();
    const results = await Promise.all([1, 2, 3].map(() => codeOf(sendTransfer(deps, transfer.id, manager))));
    expect(results.sort()).toEqual(["OK", "PRECONDITION_FAILED", "PRECONDITION_FAILED"]);
    expect(await level(t.db, from.id, a)).toBe(48);
    expect(await ledgerProblems(t.db)).toEqual([]);
  });

  it("refuses unknown branches and items at creation", async () => {
    const { from, to, a, manager } = await setup();
    const create = (fromBranchId: number, toBranchId: number, variantId: number) =>
      codeOf(createTransfer(t.db, { fromBranchId, toBranchId, items: [{ variantId, quantity: 1 }] }, manager));
    const before = await counts(t.db);
    expect(await create(from.id, 999_999, a)).toBe("NOT_FOUND");
    expect(await create(from.id, to.id, 999_999)).toBe("NOT_FOUND");
    await t.db.branch.update({ where: { id: to.id }, data: { active: false } });
    expect(await create(from.id, to.id, a)).toBe("BAD_REQUEST");
    expect(await counts(t.db)).toEqual(before);
  });
});
