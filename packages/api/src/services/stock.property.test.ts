// Properties of the whole inventory domain: whatever staff do, in whatever order, sequentially or at the
// same moment, the ledger balances (level = Σ movements, balanceAfter chains) and live stock never goes
// below zero. Sequential steps are also checked against a tiny model of what the levels must be.
import { useTestDb } from "@pos/db/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createBranch, createUser } from "../../test/factories.ts";
import { codeOf, createSizedProduct, ledgerProblems, level, recordingBus, seedStock } from "../../test/stock.ts";
import { adjustStock, countStock } from "./inventory.ts";
import { cancelTransfer, createTransfer, receiveTransfer, sendTransfer } from "./transfers.ts";

const t = useTestDb({ poolMax: 10 });

const BRANCHES = 3;
const VARIANTS = 3;

type Command =
  | { kind: "adjust"; branch: number; variant: number; quantity: number }
  | { kind: "count"; branch: number; counted: [number, number][] }
  | {
      kind: "transfer";
      from: number;
      to: number;
      items: [number, number][];
      path: "draft" | "cancel" | "send" | "send-receive" | "send-cancel";
    };

const branchIndex = fc.integer({ min: 0, max: BRANCHES - 1 });
const variantIndex = fc.integer({ min: 0, max: VARIANTS - 1 });
const lines = (max: number) =>
  fc.uniqueArray(fc.tuple(variantIndex, fc.integer({ min: 0, max })), {
    minLength: 1,
    maxLength: VARIANTS,
    selector: ([variant]) => variant,
  });

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant("adjust" as const),
    branch: branchIndex,
    variant: variantIndex,
    quantity: fc.integer({ min: -6, max: 6 }).filter((q) => q !== 0),
  }),
  fc.record({ kind: fc.constant("count" as const), branch: branchIndex, counted: lines(10) }),
  fc
    .record({
      kind: fc.constant("transfer" as const),
      from: branchIndex,
      shift: fc.integer({ min: 1, max: BRANCHES - 1 }),
      items: lines(5).map((items) => items.map(([v, q]): [number, number] => [v, q + 1])),
      path: fc.constantFrom("draft", "cancel", "send", "send-receive", "send-cancel"),
    })
    .map(({ shift, ...rest }) => ({ ...rest, to: (rest.from + shift) % BRANCHES })),
);

/** A step is one command, or a few run at the same moment. */
const step = fc.oneof(
  { weight: 3, arbitrary: command.map((c) => [c]) },
  { weight: 1, arbitrary: fc.array(command, { minLength: 2, maxLength: 4 }) },
);

async function makeWorld() {
  const branches = [];
  for (let i = 0; i < BRANCHES; i++) branches.push((await createBranch(t.db)).id);
  const { variants } = await createSizedProduct(t.db, { sizes: ["S", "M", "L"], minStock: 2 });
  const manager = await createUser(t.db, "MANAGER");
  const ids = variants.map((v) => v.id);
  await seedStock(t.db, branches[0] ?? 0, Object.fromEntries(ids.map((id) => [id, 8])));
  const { bus } = recordingBus();
  return { branches, ids, manager, deps: { db: t.db, bus } };
}

type World = Awaited<ReturnType<typeof makeWorld>>;
const at = <T>(list: readonly T[], index: number): T => {
  const value = list[index];
  if (value === undefined) throw new Error(`No item ${index}`);
  return value;
};

/** Runs one command; OUT_OF_STOCK is a legitimate answer, anything else unexpected fails the property. */
async function run(world: World, c: Command): Promise<"OK" | "OUT_OF_STOCK"> {
  const { deps, manager } = world;
  const branch = (i: number) => at(world.branches, i);
  const variant = (i: number) => at(world.ids, i);
  const outcome = await codeOf(
    (async () => {
      if (c.kind === "adjust") {
        await adjustStock(
          deps,
          { branchId: branch(c.branch), variantId: variant(c.variant), quantity: c.quantity, reason: "Property" },
          manager,
        );
      } else if (c.kind === "count") {
        const countLines = c.counted.map(([v, counted]) => ({ variantId: variant(v), counted }));
        await countStock(deps, { branchId: branch(c.branch), lines: countLines }, manager);
      } else {
        const items = c.items.map(([v, quantity]) => ({ variantId: variant(v), quantity }));
        const { id } = await createTransfer(
          t.db,
          { fromBranchId: branch(c.from), toBranchId: branch(c.to), items },
          manager,
        );
        if (c.path === "cancel") await cancelTransfer(deps, id, manager);
        if (c.path.startsWith("send")) await sendTransfer(deps, id, manager);
        if (c.path === "send-receive") await receiveTransfer(deps, id, manager);
        if (c.path === "send-cancel") await cancelTransfer(deps, id, manager);
      }
    })(),
  );
  if (outcome !== "OK" && outcome !== "OUT_OF_STOCK") throw new Error(`${JSON.stringify(c)} failed: ${outcome}`);
  return outcome;
}

type Model = Map<string, number>;
const key = (branch: number, variant: number) => `${branch}:${variant}`;

/** What a command must do to the levels when run alone; null if it must be refused as OUT_OF_STOCK. */
function predict(model: Model, c: Command): Model | null {
  const next = new Map(model);
  const add = (branch: number, variant: number, quantity: number) =>
    next.set(key(branch, variant), (next.get(key(branch, variant)) ?? 0) + quantity);
  if (c.kind === "adjust") add(c.branch, c.variant, c.quantity);
  if (c.kind === "count") for (const [v, counted] of c.counted) next.set(key(c.branch, v), counted);
  if (c.kind === "transfer" && c.path.startsWith("send")) {
    for (const [v, q] of c.items) add(c.from, v, -q);
    if (c.path === "send-receive") for (const [v, q] of c.items) add(c.to, v, q);
    if (c.path === "send-cancel") for (const [v, q] of c.items) add(c.from, v, q);
    // A refused send leaves a DRAFT behind and no stock moved; a cancelled send nets to zero at the origin.
    const afterSend = new Map(model);
    for (const [v, q] of c.items) afterSend.set(key(c.from, v), (afterSend.get(key(c.from, v)) ?? 0) - q);
    if ([...afterSend.values()].some((q) => q < 0)) return null;
  }
  return [...next.values()].some((q) => q < 0) ? null : next;
}

async function snapshot(world: World): Promise<Model> {
  const model: Model = new Map();
  for (const [b, branchId] of world.branches.entries()) {
    for (const [v, variantId] of world.ids.entries()) model.set(key(b, v), await level(t.db, branchId, variantId));
  }
  return model;
}

describe("inventory properties", () => {
  it("keeps stock = Σ movements, never negative, and matches the model for random adjustments, counts and transfers", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        const world = await makeWorld();
        let model = await snapshot(world);
        for (const group of steps) {
          if (group.length === 1 && group[0]) {
            const expected = predict(model, group[0]);
            const outcome = await run(world, group[0]);
            expect(outcome).toBe(expected ? "OK" : "OUT_OF_STOCK");
            if (expected) model = expected;
            expect(await snapshot(world)).toEqual(model);
          } else {
            await Promise.all(group.map((c) => run(world, c)));
            model = await snapshot(world);
          }
        }
        expect(await ledgerProblems(t.db)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it("keeps the ledger exact when transfers, adjustments and counts hit one variant at once", async () => {
    const world = await makeWorld();
    const [origin, destination] = [at(world.branches, 0), at(world.branches, 1)];
    const variantId = at(world.ids, 0);
    const { deps, manager } = world;
    const transfers = await Promise.all(
      Array.from({ length: 6 }, () =>
        createTransfer(
          t.db,
          { fromBranchId: origin, toBranchId: destination, items: [{ variantId, quantity: 2 }] },
          manager,
        ),
      ),
    );

    const results = await Promise.all([
      ...transfers.map((transfer) => codeOf(sendTransfer(deps, transfer.id, manager))),
      ...Array.from({ length: 6 }, () =>
        codeOf(adjustStock(deps, { branchId: origin, variantId, quantity: -1, reason: "Race" }, manager)),
      ),
      codeOf(adjustStock(deps, { branchId: origin, variantId, quantity: 3, reason: "Race in" }, manager)),
    ]);

    expect(results.every((code) => code === "OK" || code === "OUT_OF_STOCK")).toBe(true);
    const sent = results.slice(0, 6).filter((code) => code === "OK").length;
    const removed = results.slice(6, 12).filter((code) => code === "OK").length;
    expect(results.at(-1)).toBe("OK");
    expect(await level(t.db, origin, variantId)).toBe(8 + 3 - 2 * sent - removed);
    expect(await t.db.stockTransfer.count({ where: { id: { in: transfers.map((x) => x.id) }, status: "SENT" } })).toBe(
      sent,
    );
    // Now receive all sent ones while a count resets the origin and more adjustments land at the destination.
    await Promise.all([
      ...transfers.map((transfer) => codeOf(receiveTransfer(deps, transfer.id, manager))),
      codeOf(countStock(deps, { branchId: origin, lines: [{ variantId, counted: 4 }] }, manager)),
      codeOf(adjustStock(deps, { branchId: destination, variantId, quantity: 5, reason: "Race" }, manager)),
    ]);
    expect(await level(t.db, origin, variantId)).toBe(4);
    expect(await level(t.db, destination, variantId)).toBe(2 * sent + 5);
    expect(await ledgerProblems(t.db)).toEqual([]);
  });
});
