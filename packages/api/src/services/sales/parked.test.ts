// Parked carts on the real database: park, list, resume (once, even when two registers try at once), discard,
// and the branch each caller may act on.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import type { TParkedCart } from "@pos/validators";
import { createCaller } from "../../index.ts";
import { as, codeOf, createBranch, createUser } from "../../../test/factories.ts";
import { createPaymentMethods, openCashSession } from "../../../test/checkout.ts";
import { createSizedProduct, seedStock } from "../../../test/stock.ts";

const t = useTestDb();

let branchId: number;
let otherBranchId: number;
let variantIds: number[];
let cashier: ReturnType<typeof createCaller>;
let colleague: ReturnType<typeof createCaller>;
let manager: ReturnType<typeof createCaller>;

beforeEach(async () => {
  const db = t.db;
  [branchId, otherBranchId] = [(await createBranch(db)).id, (await createBranch(db)).id];
  variantIds = (await createSizedProduct(db, { sizes: ["40", "41"] })).variants.map((variant) => variant.id);
  cashier = createCaller(as(db, await createUser(db, "CASHIER", { branchId })));
  colleague = createCaller(as(db, await createUser(db, "CASHIER", { branchId })));
  manager = createCaller(as(db, await createUser(db, "MANAGER")));
});

const cart = (quantity = 1): TParkedCart => ({
  lines: [
    { variantId: variantIds[0] ?? 0, quantity },
    { variantId: variantIds[1] ?? 0, quantity: 1, discount: "1000" },
  ],
  discount: "500.50",
});

describe("parking a cart", () => {
  it("keeps the cart as the register sent it and lists the branch's parked carts newest first", async () => {
    const first = await cashier.sales.park({ branchId, label: "  Señora de rojo ", cart: cart() });
    expect(first.label).toBe("Señora de rojo");
    expect(first.cashier.name).toMatch(/^cashier \d+$/);
    expect(first.cart).toEqual({
      lines: [
        { variantId: variantIds[0], quantity: 1, discount: "0.00" },
        { variantId: variantIds[1], quantity: 1, discount: "1000.00" },
      ],
      discount: "500.50",
    });
    const second = await colleague.sales.park({ branchId, label: "Chico de la gorra", cart: cart(2) });
    await manager.sales.park({ branchId: otherBranchId, label: "Elsewhere", cart: cart() });

    const listed = await cashier.sales.parked({ branchId });
    expect(listed.map((parked) => parked.id)).toEqual([second.id, first.id]);
    expect(listed[0]?.cart.lines[0]?.quantity).toBe(2);
    expect((await manager.sales.parked({ branchId: otherBranchId })).map((parked) => parked.label)).toEqual([
      "Elsewhere",
    ]);
  });

  it("refuses an empty cart or one with an item twice, and another branch to a cashier", async () => {
    expect(await codeOf(cashier.sales.park({ branchId, label: "Vacío", cart: { lines: [] } }))).toBe("BAD_REQUEST");
    const twice = { lines: [...cart().lines, { variantId: variantIds[0] ?? 0, quantity: 1 }] };
    expect(await codeOf(cashier.sales.park({ branchId, label: "Doble", cart: twice }))).toBe("BAD_REQUEST");
    expect(await codeOf(cashier.sales.park({ branchId: otherBranchId, label: "Ajeno", cart: cart() }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(cashier.sales.parked({ branchId: otherBranchId }))).toBe("FORBIDDEN");
  });
});

describe("resuming and discarding", () => {
  it("gives the cart back once and takes it off the list; a resumed cart sells as it is", async () => {
    const parked = await cashier.sales.park({ branchId, label: "Probador 3", cart: cart() });
    const resumed = await colleague.sales.resume({ branchId, parkedSaleId: parked.id });
    expect(resumed).toMatchObject({ id: parked.id, label: "Probador 3", cart: parked.cart });
    expect(await cashier.sales.parked({ branchId })).toEqual([]);
    const again = cashier.sales.resume({ branchId, parkedSaleId: parked.id });
    await expect(again).rejects.toThrow(/not parked at this branch any more/);
    expect(await codeOf(again)).toBe("NOT_FOUND");

    // The cart is a sale without payments: the register adds them and sells (2 × 59,990 − 1,000 − 500.50).
    const methods = await createPaymentMethods(t.db);
    const seller = await createUser(t.db, "MANAGER");
    await openCashSession(t.db, branchId, seller.id);
    await seedStock(t.db, branchId, { [variantIds[0] ?? 0]: 1, [variantIds[1] ?? 0]: 1 });
    const sale = await createCaller(as(t.db, seller)).sales.create({
      ...resumed.cart,
      clientId: randomUUID(),
      branchId,
      payments: [{ methodId: methods.debit, base: "118479.50" }],
    });
    expect(sale.total).toBe("118479.50");
  });

  it("lets exactly one of two registers resuming the same cart at once have it", async () => {
    for (let round = 0; round < 5; round++) {
      const parked = await cashier.sales.park({ branchId, label: `Ronda ${round}`, cart: cart() });
      const ref = { branchId, parkedSaleId: parked.id };
      const codes = await Promise.all([cashier.sales.resume(ref), colleague.sales.resume(ref)].map(codeOf));
      expect(codes.sort()).toEqual(["NOT_FOUND", "OK"]);
    }
    expect(await t.db.parkedSale.count({ where: { branchId } })).toBe(0);
  });

  it("discards a cart for good, and never one of another branch", async () => {
    const mine = await cashier.sales.park({ branchId, label: "Se fue", cart: cart() });
    const theirs = await manager.sales.park({ branchId: otherBranchId, label: "Otra", cart: cart() });
    expect(await cashier.sales.discardParked({ branchId, parkedSaleId: mine.id })).toEqual({ id: mine.id });
    expect(await codeOf(cashier.sales.discardParked({ branchId, parkedSaleId: mine.id }))).toBe("NOT_FOUND");
    // Named through the cashier's own branch, another branch's cart is simply not there.
    expect(await codeOf(cashier.sales.resume({ branchId, parkedSaleId: theirs.id }))).toBe("NOT_FOUND");
    expect(await codeOf(cashier.sales.discardParked({ branchId: otherBranchId, parkedSaleId: theirs.id }))).toBe(
      "FORBIDDEN",
    );
    expect(await manager.sales.discardParked({ branchId: otherBranchId, parkedSaleId: theirs.id })).toEqual({
      id: theirs.id,
    });
  });
});
