import { describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { createBranch } from "../../test/factories.ts";
import { callerAs, expectNoSecrets, peopleSnapshot } from "../../test/people.ts";

const t = useTestDb();

let sequence = 0;
const newBranch = (fields: Record<string, unknown> = {}) => {
  const n = ++sequence;
  return { name: `Palermo ${n}`, code: `PAL${n}`, address: `Honduras ${n}`, ...fields };
};

async function caller(role: "ADMIN" | "MANAGER" | "CASHIER") {
  return (await callerAs(t.db, role)).caller;
}

async function inactiveBranch() {
  const branch = await createBranch(t.db);
  return t.db.branch.update({ where: { id: branch.id }, data: { active: false } });
}

describe("branches router: who may call it", () => {
  it("refuses anonymous callers everything, and cashiers and managers the admin procedures", async () => {
    const branch = await createBranch(t.db);
    const anonymous = (await callerAs(t.db, "ANONYMOUS")).caller;
    for (const call of [anonymous.branches.list({}), anonymous.branches.get({ id: branch.id })]) {
      await expect(call).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
    for (const [role, code] of [
      ["ANONYMOUS", "UNAUTHORIZED"],
      ["CASHIER", "FORBIDDEN"],
      ["MANAGER", "FORBIDDEN"],
    ] as const) {
      const { caller: c } = await callerAs(t.db, role);
      const before = await peopleSnapshot(t.db);
      for (const call of [
        c.branches.create(newBranch()),
        c.branches.update({ id: branch.id, name: "Renamed" }),
        c.branches.deactivate({ id: branch.id }),
        c.branches.activate({ id: branch.id }),
      ]) {
        await expect(call).rejects.toMatchObject({ code });
      }
      expect(await peopleSnapshot(t.db)).toBe(before);
    }
  });

  it("lets admins do everything, and no reply carries staff secrets", async () => {
    const admin = await caller("ADMIN");
    const created = await admin.branches.create(newBranch());
    const replies = [
      created,
      await admin.branches.list({}),
      await admin.branches.get({ id: created.id }),
      await admin.branches.update({ id: created.id, sellsOnline: true }),
      await admin.branches.deactivate({ id: created.id }),
      await admin.branches.activate({ id: created.id }),
      await (await caller("CASHIER")).branches.list({}),
    ];
    for (const reply of replies) expectNoSecrets(reply);
  });
});

describe("branches.list and get", () => {
  it("shows cashiers active branches with public fields only", async () => {
    const open = await createBranch(t.db);
    const closed = await inactiveBranch();
    const cashier = await caller("CASHIER");
    const branches = await cashier.branches.list({ active: false });
    const ids = branches.map((branch) => branch.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(closed.id);
    for (const branch of branches)
      expect(Object.keys(branch).sort()).toEqual(["address", "code", "id", "name", "phone"]);
    expect(Object.keys(await cashier.branches.get({ id: open.id })).sort()).toEqual([
      "address",
      "code",
      "id",
      "name",
      "phone",
    ]);
    await expect(cashier.branches.get({ id: closed.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows managers and admins every branch with all fields, filtered by active on request", async () => {
    const open = await createBranch(t.db);
    const closed = await inactiveBranch();
    for (const role of ["MANAGER", "ADMIN"] as const) {
      const c = await caller(role);
      const all = (await c.branches.list({})).map((branch) => branch.id);
      expect(all).toEqual(expect.arrayContaining([open.id, closed.id]));
      const inactive = (await c.branches.list({ active: false })).map((branch) => branch.id);
      expect(inactive).toContain(closed.id);
      expect(inactive).not.toContain(open.id);
      expect(await c.branches.get({ id: closed.id })).toMatchObject({
        id: closed.id,
        active: false,
        sellsOnline: false,
      });
      await expect(c.branches.get({ id: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });
});

describe("branches.create and update", () => {
  it("creates a branch with a normalised code, and audits it", async () => {
    const { caller: admin, user } = await callerAs(t.db, "ADMIN");
    const branch = await admin.branches.create(newBranch({ code: " nor ", name: "Norte", sellsOnline: true }));
    expect(branch).toMatchObject({ code: "NOR", name: "Norte", sellsOnline: true, active: true, phone: null });
    expect(
      await t.db.auditEvent.count({
        where: { action: "branch.created", entityId: String(branch.id), actorId: user?.id },
      }),
    ).toBe(1);
  });

  it("refuses a name or code already in use (any case) with CONFLICT, and bad input with BAD_REQUEST", async () => {
    const admin = await caller("ADMIN");
    await admin.branches.create(newBranch({ name: "Centro", code: "CEN" }));
    const before = await peopleSnapshot(t.db);
    await expect(admin.branches.create(newBranch({ name: "centro" }))).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining('name "centro" is already used by Centro') as string,
    });
    await expect(admin.branches.create(newBranch({ code: "cen" }))).rejects.toMatchObject({ code: "CONFLICT" });
    for (const fields of [{ code: "C" }, { code: "CE N" }, { name: "" }, { address: " " }]) {
      await expect(admin.branches.create(newBranch(fields))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await peopleSnapshot(t.db)).toBe(before);
  });

  it("updates fields and the sellsOnline flag, refusing another branch's name or code", async () => {
    const admin = await caller("ADMIN");
    const a = await admin.branches.create(newBranch());
    const b = await admin.branches.create(newBranch());
    expect(await admin.branches.update({ id: a.id, sellsOnline: true, phone: "011 4444-5555" })).toMatchObject({
      sellsOnline: true,
      phone: "011 4444-5555",
      name: a.name,
    });
    // Its own name and code are not a clash.
    expect(await admin.branches.update({ id: a.id, name: a.name, code: a.code })).toMatchObject({ id: a.id });
    const before = await peopleSnapshot(t.db);
    await expect(admin.branches.update({ id: a.id, code: b.code })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(admin.branches.update({ id: 999_999, name: "Nowhere" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await peopleSnapshot(t.db)).toBe(before);
  });
});

describe("branches.deactivate and activate", () => {
  it("refuses to deactivate the branch that fulfils online orders, saying what to change first", async () => {
    const admin = await caller("ADMIN");
    const branch = await admin.branches.create(newBranch({ sellsOnline: true }));
    await t.db.storeConfig.upsert({
      where: { id: 1 },
      create: { storeName: "Deportes Sur", fulfillmentBranchId: branch.id },
      update: { fulfillmentBranchId: branch.id },
    });
    const before = await peopleSnapshot(t.db);
    await expect(admin.branches.deactivate({ id: branch.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Choose another fulfilling branch in the store settings first") as string,
    });
    expect(await peopleSnapshot(t.db)).toBe(before);

    await t.db.storeConfig.update({ where: { id: 1 }, data: { fulfillmentBranchId: null } });
    expect(await admin.branches.deactivate({ id: branch.id })).toMatchObject({ active: false });
    expect(await t.db.auditEvent.count({ where: { action: "branch.deactivated", entityId: String(branch.id) } })).toBe(
      1,
    );
    expect(await admin.branches.activate({ id: branch.id })).toMatchObject({ active: true });
    await expect(admin.branches.deactivate({ id: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
