// The authorization matrix of domain rules 6–7, generated from the router: every procedure of appRouter × every
// persona, expected outcome from authorization.rules.ts. A procedure missing from the table fails the suite.
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { accessOf, accessRules, proceduresOf, type Access, type BranchWorld } from "./authorization.rules.ts";
import { appRouter, createCaller, storeRouter } from "./index.ts";
import { anonymous, as, callPath, codeOf, createBranch, createUser, databaseFingerprint } from "../test/factories.ts";
import { createPaymentMethods, openCashSession } from "../test/checkout.ts";
import { createSizedProduct, seedStock } from "../test/stock.ts";

const t = useTestDb();

const PERSONAS = ["anonymous", "cashierA", "cashierB", "manager", "admin", "disabled"] as const;
type Persona = (typeof PERSONAS)[number];
type Caller = ReturnType<typeof createCaller>;

/** No procedure's schema accepts a string where its input object belongs. */
const INVALID_INPUT = "not an input";

const appProcedures = proceduresOf(appRouter);
const rules: Record<string, (typeof accessRules)[keyof typeof accessRules]> = accessRules;

let callers: Record<Persona, Caller>;
let world: BranchWorld;
let staffFacts: string[];
/** (branch, user) pairs the world keeps a cash session open for; cases that close them get them back. */
let sessionHolders: [branchId: number, userId: number][] = [];

beforeAll(async () => {
  const db = t.db;
  const [a, b, c] = [await createBranch(db), await createBranch(db), await createBranch(db)];
  const users = {
    cashierA: await createUser(db, "CASHIER", { branchId: a.id }),
    cashierB: await createUser(db, "CASHIER", { branchId: b.id }),
    manager: await createUser(db, "MANAGER"),
    admin: await createUser(db, "ADMIN"),
    disabled: await createUser(db, "CASHIER", { branchId: a.id, active: false }),
  };
  callers = {
    anonymous: createCaller(anonymous(db)),
    cashierA: createCaller(as(db, users.cashierA)),
    cashierB: createCaller(as(db, users.cashierB)),
    manager: createCaller(as(db, users.manager)),
    admin: createCaller(as(db, users.admin)),
    disabled: createCaller(as(db, users.disabled)),
  };
  staffFacts = Object.values(users).flatMap((user) => [user.email, user.name]);

  const { product, variants } = await createSizedProduct(db, { sizes: [null] });
  const variantId = variants[0]?.id ?? 0;
  for (const branch of [a, c]) await seedStock(db, branch.id, { [variantId]: 1000 });
  const customer = await db.customer.create({ data: { name: "Cliente de prueba" } });
  const methods = await createPaymentMethods(db);
  for (const user of [users.cashierA, users.manager, users.admin]) await openCashSession(db, a.id, user.id);
  await openCashSession(db, c.id, users.manager.id);
  sessionHolders = [
    [a.id, users.cashierA.id],
    [a.id, users.manager.id],
    [a.id, users.admin.id],
    [c.id, users.manager.id],
  ];
  const manager = callers.manager;
  world = {
    branchA: a.id,
    branchB: b.id,
    branchC: c.id,
    productId: product.id,
    customerId: customer.id,
    sellable: { variantId, price: product.price.toFixed(2), methodId: methods.debit },
    async sale(branchId) {
      return manager.sales.create({
        clientId: randomUUID(),
        branchId,
        lines: [{ variantId, quantity: 1 }],
        payments: [{ methodId: methods.debit, base: product.price.toFixed(2) }],
      });
    },
    async returnable(branchId) {
      const { saleId } = await this.sale(branchId);
      const line = await db.saleItem.findFirstOrThrow({ where: { saleId }, select: { id: true } });
      return { saleId, saleItemId: line.id };
    },
    async parkedSale(branchId) {
      const cart = { lines: [{ variantId, quantity: 1 }] };
      return (await manager.sales.park({ branchId, label: "Probador 1", cart })).id;
    },
    async transfer(from, to, state) {
      const transfer = await manager.transfers.create({
        fromBranchId: from,
        toBranchId: to,
        items: [{ variantId, quantity: 1 }],
      });
      if (state === "SENT") await manager.transfers.send({ transferId: transfer.id });
      return transfer.id;
    },
    async cashierSession() {
      const mine = { branchId: a.id, cashierId: users.cashierA.id, closedAt: null };
      await db.cashSession.updateMany({ where: mine, data: { closedAt: new Date() } });
      return (await openCashSession(db, a.id, users.cashierA.id)).id;
    },
    async freeRegisters() {
      await db.cashSession.updateMany({ where: { branchId: a.id, closedAt: null }, data: { closedAt: new Date() } });
    },
  };
});

// The world promises those open sessions (sales.create needs them); the cashSessions cases close some.
afterEach(async () => {
  for (const [branchId, cashierId] of sessionHolders) {
    const open = await t.db.cashSession.count({ where: { branchId, cashierId, closedAt: null } });
    if (open === 0) await openCashSession(t.db, branchId, cashierId);
  }
});

/** What each persona gets from a procedure of this audience when the role check is all that decides. */
function expectedByRole(access: Access, allowed: string): Record<Persona, string> {
  const signedOut = access === "public" ? allowed : "UNAUTHORIZED";
  const level = (ok: boolean) => (ok ? allowed : "FORBIDDEN");
  const staff = access !== "public";
  return {
    anonymous: signedOut,
    disabled: signedOut,
    cashierA: level(!staff || access === "staff" || access === "staff:own-branch"),
    cashierB: level(!staff || access === "staff" || access === "staff:own-branch"),
    manager: level(access !== "admin"),
    admin: allowed,
  };
}

describe("the authorization table", () => {
  it("lists exactly the procedures of appRouter", () => {
    expect(Object.keys(rules).sort()).toEqual(appProcedures.map(([path]) => path).sort());
    expect(appProcedures.length).toBeGreaterThan(40);
  });

  it("leaves storeRouter only public procedures", () => {
    const store = proceduresOf(storeRouter).map(([path]) => path);
    expect(store.length).toBeGreaterThan(0);
    const notPublic = store.filter((path) => !(path in rules) || accessOf(rules[path] ?? "admin") !== "public");
    expect(notPublic).toEqual([]);
  });

  it("checks the role before the input, so an invalid input still tells the callers apart", async () => {
    // The matrix below relies on this: a refused caller never reaches input parsing.
    const call = (persona: Persona) => codeOf(callPath(callers[persona], "users.create", { __invalid: true }));
    expect(await call("anonymous")).toBe("UNAUTHORIZED");
    expect(await call("disabled")).toBe("UNAUTHORIZED");
    expect(await call("cashierA")).toBe("FORBIDDEN");
    expect(await call("manager")).toBe("FORBIDDEN");
    expect(await call("admin")).toBe("BAD_REQUEST");
  });
});

describe("the authorization matrix", () => {
  it("gives every persona exactly its role's access to every procedure, and an invalid input changes nothing", async () => {
    const before = await databaseFingerprint(t.db);
    const actual: Record<string, Record<Persona, string>> = {};
    const expected: Record<string, Record<Persona, string>> = {};
    for (const [path, procedure] of appProcedures) {
      const rule = rules[path];
      if (!rule) continue; // reported by the table test
      // Allowed callers get past the role check and then fail on the input (or succeed if it takes none).
      const allowed = procedure._def.inputs.length > 0 ? "BAD_REQUEST" : "OK";
      expected[path] = expectedByRole(accessOf(rule), allowed);
      const row = {} as Record<Persona, string>;
      for (const persona of PERSONAS) row[persona] = await codeOf(callPath(callers[persona], path, INVALID_INPUT));
      actual[path] = row;
    }
    expect(actual).toEqual(expected);
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  const ownBranch = appProcedures.flatMap(([path]) => {
    const rule = rules[path];
    return rule && typeof rule !== "string" ? [[path, rule] as const] : [];
  });

  it.each(ownBranch)("keeps %s to its own branch: cashier A yes, cashier B FORBIDDEN", async (path, rule) => {
    const actual = {} as Record<Persona, string>;
    for (const persona of PERSONAS) {
      actual[persona] = await codeOf(callPath(callers[persona], path, await rule.inputForBranchA(world)));
    }
    expect(actual).toEqual({
      anonymous: "UNAUTHORIZED",
      disabled: "UNAUTHORIZED",
      cashierA: "OK",
      cashierB: "FORBIDDEN",
      manager: "OK",
      admin: "OK",
    });
  });
});

describe("public procedures", () => {
  it("tell a signed-out caller nothing about staff", async () => {
    // Those that need an input (storefront orders) are called with real ones in public-output.test.ts.
    const publicPaths = appProcedures
      .filter(([path, procedure]) => rules[path] === "public" && procedure._def.inputs.length === 0)
      .map(([path]) => path);
    expect(publicPaths.length).toBeGreaterThan(0);
    for (const path of publicPaths) {
      const json = JSON.stringify(await callPath(callers.anonymous, path));
      expect(json).not.toMatch(/passwordHash|scrypt\$|"email"|"role"/i);
      for (const fact of staffFacts) expect(json).not.toContain(fact);
    }
    expect(await codeOf(callers.anonymous.session.me())).toBe("UNAUTHORIZED");
  });
});
