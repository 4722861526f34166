import { describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { createBranch } from "../../test/factories.ts";
import { callerAs, createSale, expectNoSecrets, peopleSnapshot } from "../../test/people.ts";

const t = useTestDb();

async function caller(role: "ADMIN" | "MANAGER" | "CASHIER", options: { branchId?: number } = {}) {
  return (await callerAs(t.db, role, options)).caller;
}

let sequence = 0;
const uniqueName = (base: string) => `${base} ${String(++sequence).padStart(3, "0")}`;

describe("customers router: who may call it", () => {
  it("refuses anonymous callers every procedure", async () => {
    const customer = await t.db.customer.create({ data: { name: "Ana" } });
    const { caller: nobody } = await callerAs(t.db, "ANONYMOUS");
    const before = await peopleSnapshot(t.db);
    for (const call of [
      nobody.customers.search({}),
      nobody.customers.get({ id: customer.id }),
      nobody.customers.create({ name: "Eve" }),
      nobody.customers.update({ id: customer.id, name: "Eve" }),
      nobody.customers.history({ customerId: customer.id }),
    ]) {
      await expect(call).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
    expect(await peopleSnapshot(t.db)).toBe(before);
  });

  it("lets every staff role call every procedure, and no reply carries staff secrets", async () => {
    for (const role of ["CASHIER", "MANAGER", "ADMIN"] as const) {
      const c = await caller(role);
      const created = await c.customers.create({ name: uniqueName("Staff"), email: "a@b.test" });
      for (const reply of [
        created,
        await c.customers.search({ q: created.name }),
        await c.customers.get({ id: created.id }),
        await c.customers.update({ id: created.id, phone: "1155551234" }),
        await c.customers.history({ customerId: created.id }),
      ]) {
        expectNoSecrets(reply);
      }
    }
  });
});

describe("customers.create and update", () => {
  it("stores email lowercase and phone as digits with an optional +", async () => {
    const c = await caller("CASHIER");
    const customer = await c.customers.create({
      name: "  María Fernández ",
      email: " Maria.F@Mail.COM ",
      phone: "+54 9 (11) 5555-1234",
      taxId: "20-12345678-9",
    });
    expect(customer).toMatchObject({
      name: "María Fernández",
      email: "maria.f@mail.com",
      phone: "+5491155551234",
      taxId: "20-12345678-9",
    });
    const updated = await c.customers.update({ id: customer.id, phone: "011 4444.5555", email: null });
    expect(updated).toMatchObject({ phone: "01144445555", email: null, name: "María Fernández" });
  });

  it("refuses bad input with BAD_REQUEST, an unknown customer with NOT_FOUND, and writes nothing", async () => {
    const c = await caller("CASHIER");
    const customer = await c.customers.create({ name: uniqueName("Keep") });
    const before = await peopleSnapshot(t.db);
    for (const input of [
      { name: "Eve", email: "not-an-email" },
      { name: "Eve", phone: "call me" },
      { name: "Eve", phone: "12" },
      { name: "Eve", phone: "1234 5678 9012 3456 78" },
      { name: " " },
    ]) {
      await expect(c.customers.create(input)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(c.customers.update({ id: customer.id, email: "nope@" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(c.customers.update({ id: 999_999, name: "Ghost" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(c.customers.get({ id: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await peopleSnapshot(t.db)).toBe(before);
  });
});

describe("customers.search", () => {
  it("finds by part of the name (any case), email prefix or phone digits however typed", async () => {
    const c = await caller("CASHIER");
    const tag = uniqueName("Zuloaga").replace(" ", "");
    const target = await c.customers.create({
      name: `Julieta ${tag}`,
      email: `${tag}@mail.test`,
      phone: "+54 11 6123-9876",
    });
    await c.customers.create({ name: "Someone Else", email: "else@mail.test", phone: "1140000000" });
    const found = async (q: string) => (await c.customers.search({ q })).items.map((customer) => customer.id);

    expect(await found(tag.toLowerCase().slice(2))).toEqual([target.id]);
    expect(await found(`JULIETA ${tag.toUpperCase()}`)).toEqual([target.id]);
    expect(await found(`${tag.toUpperCase()}@MAIL`)).toEqual([target.id]);
    expect(await found("6123-9876")).toEqual([target.id]);
    expect(await found("(11) 6123 9876")).toEqual([target.id]);
    expect(await found("Nobody at all")).toEqual([]);
  });

  it("pages through everyone in name order with a cursor, each customer once", async () => {
    const c = await caller("MANAGER");
    const prefix = uniqueName("Paging").replace(" ", "");
    const names = ["Carla", "Ana", "Bruno", "Diego", "Bruno", "Eva", "Fede"].map((name) => `${prefix} ${name}`);
    for (const name of names) await c.customers.create({ name });

    const seen: { id: number; name: string }[] = [];
    let cursor: number | null = null;
    do {
      const result: Awaited<ReturnType<typeof c.customers.search>> = await c.customers.search({
        q: prefix,
        limit: 2,
        cursor,
      });
      expect(result.items.length).toBeLessThanOrEqual(2);
      seen.push(...result.items);
      cursor = result.nextCursor;
    } while (cursor !== null);
    expect(seen).toHaveLength(names.length);
    expect(new Set(seen.map((customer) => customer.id)).size).toBe(names.length);
    const sorted = [...seen].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
    expect(seen).toEqual(sorted);
  });
});

describe("customers.history", () => {
  it("shows a cashier only the sales of their own branch; managers see every branch", async () => {
    const home = await createBranch(t.db);
    const other = await createBranch(t.db);
    const customer = await t.db.customer.create({ data: { name: uniqueName("History") } });
    const first = await createSale(t.db, home.id, customer.id, "1500.50");
    const elsewhere = await createSale(t.db, other.id, customer.id, "99.99");
    const second = await createSale(t.db, home.id, customer.id, "20.00");
    const stranger = await t.db.customer.create({ data: { name: "Stranger" } });
    await createSale(t.db, home.id, stranger.id);

    const cashier = await caller("CASHIER", { branchId: home.id });
    const mine = await cashier.customers.history({ customerId: customer.id });
    expect(mine.items.map((sale) => sale.id)).toEqual([second.id, first.id]);
    expect(mine.items[1]).toMatchObject({
      number: first.number,
      total: "1500.50",
      status: "COMPLETED",
      branch: { id: home.id, name: home.name },
    });
    await expect(cashier.customers.history({ customerId: customer.id, branchId: other.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const manager = await caller("MANAGER");
    const all = await manager.customers.history({ customerId: customer.id });
    expect(all.items.map((sale) => sale.id)).toEqual([second.id, elsewhere.id, first.id]);
    const onePage = await manager.customers.history({ customerId: customer.id, limit: 2 });
    expect(onePage.nextCursor).toBe(elsewhere.id);
    const rest = await manager.customers.history({ customerId: customer.id, limit: 2, cursor: onePage.nextCursor });
    expect(rest).toEqual({ items: [expect.objectContaining({ id: first.id })], nextCursor: null });
    const filtered = await manager.customers.history({ customerId: customer.id, branchId: other.id });
    expect(filtered.items.map((sale) => sale.id)).toEqual([elsewhere.id]);

    await expect(manager.customers.history({ customerId: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
