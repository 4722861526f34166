import { describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { recordAudit } from "../services/audit.ts";
import { createUser } from "../../test/factories.ts";
import { callerAs, type Caller } from "../../test/people.ts";

const t = useTestDb();

async function manager() {
  return (await callerAs(t.db, "MANAGER")).caller;
}

describe("audit router: who may call it", () => {
  it("refuses anonymous callers (UNAUTHORIZED) and cashiers (FORBIDDEN); managers and admins read", async () => {
    for (const [role, code] of [
      ["ANONYMOUS", "UNAUTHORIZED"],
      ["CASHIER", "FORBIDDEN"],
    ] as const) {
      await expect((await callerAs(t.db, role)).caller.audit.list({})).rejects.toMatchObject({ code });
    }
    for (const role of ["MANAGER", "ADMIN"] as const) {
      expect(await (await callerAs(t.db, role)).caller.audit.list({})).toMatchObject({
        items: expect.any(Array) as unknown[],
      });
    }
  });
});

describe("recordAudit and audit.list", () => {
  it("lists events newest first with the actor's name, and filters by entity, id, action and actor", async () => {
    const alice = await createUser(t.db, "ADMIN");
    const bob = await createUser(t.db, "MANAGER");
    await recordAudit(t.db, {
      actorId: alice.id,
      action: "user.role_changed",
      entity: "User",
      entityId: 7,
      data: { to: "MANAGER" },
    });
    await recordAudit(t.db, { actorId: bob.id, action: "stock.adjusted", entity: "StockLevel", entityId: "1:2" });
    await recordAudit(t.db, { actorId: null, action: "user.disabled", entity: "User", entityId: "7" });
    await t.db.$transaction((tx) =>
      recordAudit(tx, { actorId: alice.id, action: "user.disabled", entity: "User", entityId: 8 }),
    );
    const c = await manager();
    const actions = async (filters: Parameters<Caller["audit"]["list"]>[0]) =>
      (await c.audit.list(filters)).items.map((event) => `${event.action}:${event.entityId}`);

    const { items } = await c.audit.list({ entity: "User" });
    expect(items.map((event) => event.entityId)).toEqual(["8", "7", "7"]);
    expect(items[0]).toMatchObject({ actor: { id: alice.id, name: alice.name }, data: {} });
    expect(items[1]?.actor).toBeNull();
    expect(items[2]).toMatchObject({ data: { to: "MANAGER" }, actor: { name: alice.name } });
    expect(await actions({ entity: "User", entityId: "7" })).toEqual(["user.disabled:7", "user.role_changed:7"]);
    expect(await actions({ action: "user.disabled" })).toEqual(["user.disabled:8", "user.disabled:7"]);
    expect(await actions({ actorId: bob.id })).toEqual(["stock.adjusted:1:2"]);
    expect(await actions({ actorId: alice.id, entity: "StockLevel" })).toEqual([]);
  });

  it("filters by a date range (from inclusive, to exclusive) and pages with a cursor", async () => {
    const actor = await createUser(t.db, "ADMIN");
    const at = (iso: string) => new Date(iso);
    for (const [n, day] of ["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05"].entries()) {
      await t.db.auditEvent.create({
        data: {
          actorId: actor.id,
          action: "range.test",
          entity: "Range",
          entityId: String(n),
          createdAt: at(`${day}T12:00:00Z`),
        },
      });
    }
    const c = await manager();
    const ids = async (filters: Parameters<Caller["audit"]["list"]>[0]) =>
      (await c.audit.list({ entity: "Range", ...filters })).items.map((event) => event.entityId);
    expect(await ids({ from: at("2026-01-02T12:00:00Z"), to: at("2026-01-04T12:00:00Z") })).toEqual(["2", "1"]);
    expect(await ids({ from: at("2026-01-04T00:00:00Z") })).toEqual(["4", "3"]);

    const first = await c.audit.list({ entity: "Range", limit: 2 });
    expect(first.items.map((event) => event.entityId)).toEqual(["4", "3"]);
    const second = await c.audit.list({ entity: "Range", limit: 2, cursor: first.nextCursor });
    const third = await c.audit.list({ entity: "Range", limit: 2, cursor: second.nextCursor });
    expect(second.items.map((event) => event.entityId)).toEqual(["2", "1"]);
    expect(third).toMatchObject({ items: [{ entityId: "0" }], nextCursor: null });

    await expect(c.audit.list({ from: at("2026-01-05"), to: at("2026-01-01") })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
