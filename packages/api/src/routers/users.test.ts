import { describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { verifyPassword } from "@pos/auth/password";
import { createCaller } from "../index.ts";
import { setUserActive, updateUser } from "../services/users.ts";
import { as, createBranch, createUser } from "../../test/factories.ts";
import { callerAs, expectNoSecrets, peopleSnapshot, type Caller } from "../../test/people.ts";

const t = useTestDb();

const password = "correct horse";
const newUser = (fields: Record<string, unknown> = {}) => ({
  name: "Lucía Gómez",
  email: `lucia.${Math.random().toString(36).slice(2)}@shop.test`,
  role: "MANAGER" as const,
  password,
  ...fields,
});

async function admin() {
  return callerAs(t.db, "ADMIN") as Promise<{ caller: Caller; user: Awaited<ReturnType<typeof createUser>> }>;
}

/** The tests share one database: make these the only active admins, as a fresh store would have. */
const onlyAdmins = (...ids: number[]) =>
  t.db.user.updateMany({ where: { role: "ADMIN", id: { notIn: ids } }, data: { active: false } });

const auditsOf = (entityId: number, action: string) =>
  t.db.auditEvent.findMany({ where: { entity: "User", entityId: String(entityId), action } });

describe("users router: who may call it", () => {
  const calls = (caller: Caller, id: number) => [
    caller.users.list({}),
    caller.users.create(newUser()),
    caller.users.update({ id, name: "X" }),
    caller.users.disable({ id }),
    caller.users.enable({ id }),
    caller.users.resetPassword({ id, password }),
  ];

  it("refuses anonymous callers with UNAUTHORIZED, cashiers and managers with FORBIDDEN", async () => {
    const target = await createUser(t.db, "CASHIER");
    for (const [role, code] of [
      ["ANONYMOUS", "UNAUTHORIZED"],
      ["CASHIER", "FORBIDDEN"],
      ["MANAGER", "FORBIDDEN"],
    ] as const) {
      const { caller } = await callerAs(t.db, role);
      const before = await peopleSnapshot(t.db);
      for (const call of calls(caller, target.id)) await expect(call).rejects.toMatchObject({ code });
      expect(await peopleSnapshot(t.db)).toBe(before);
    }
  });

  it("lets admins call every procedure, and no reply carries a password hash", async () => {
    const { caller } = await admin();
    const target = await createUser(t.db, "CASHIER");
    for (const call of calls(caller, target.id)) expectNoSecrets(await call);
  });
});

describe("users.create", () => {
  it("creates a cashier with a hashed password and audits it", async () => {
    const { caller, user: actor } = await admin();
    const branch = await createBranch(t.db);
    const created = await caller.users.create(
      newUser({ email: "  Ana.Perez@Shop.TEST ", role: "CASHIER", branchId: branch.id }),
    );
    expect(created).toMatchObject({ email: "ana.perez@shop.test", role: "CASHIER", active: true });
    expect(created.branch?.id).toBe(branch.id);
    expectNoSecrets(created);
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.passwordHash).not.toContain(password);
    expect(await verifyPassword(password, stored.passwordHash)).toBe(true);
    expect(await auditsOf(created.id, "user.created")).toMatchObject([{ actorId: actor.id }]);
  });

  it("refuses an email already in use, whatever its case, with CONFLICT and a clear message", async () => {
    const { caller } = await admin();
    await caller.users.create(newUser({ email: "dup@shop.test" }));
    const before = await peopleSnapshot(t.db);
    await expect(caller.users.create(newUser({ email: "DUP@shop.test" }))).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("dup@shop.test is already used") as string,
    });
    expect(await peopleSnapshot(t.db)).toBe(before);
  });

  it("refuses bad input with BAD_REQUEST or NOT_FOUND and writes nothing", async () => {
    const { caller } = await admin();
    const inactive = await t.db.branch.update({
      where: { id: (await createBranch(t.db)).id },
      data: { active: false },
    });
    const before = await peopleSnapshot(t.db);
    for (const [fields, code] of [
      [{ email: "not-an-email" }, "BAD_REQUEST"],
      [{ password: "short" }, "BAD_REQUEST"],
      [{ role: "CASHIER" }, "BAD_REQUEST"],
      [{ role: "CASHIER", branchId: null }, "BAD_REQUEST"],
      [{ name: "   " }, "BAD_REQUEST"],
      [{ role: "OWNER" }, "BAD_REQUEST"],
      [{ role: "CASHIER", branchId: 999_999 }, "NOT_FOUND"],
      [{ role: "CASHIER", branchId: inactive.id }, "BAD_REQUEST"],
    ] as const) {
      await expect(caller.users.create(newUser(fields))).rejects.toMatchObject({ code });
    }
    expect(await peopleSnapshot(t.db)).toBe(before);
  });
});

describe("users.list", () => {
  it("filters by role, branch and active flag", async () => {
    const { caller, user: me } = await admin();
    const branch = await createBranch(t.db);
    const cashier = await createUser(t.db, "CASHIER", { branchId: branch.id });
    const gone = await createUser(t.db, "CASHIER", { branchId: branch.id, active: false });
    const manager = await createUser(t.db, "MANAGER");
    const ids = (users: { id: number }[]) => users.map((user) => user.id).sort((a, b) => a - b);

    expect(ids(await caller.users.list({ branchId: branch.id }))).toEqual([cashier.id, gone.id]);
    expect(ids(await caller.users.list({ branchId: branch.id, active: true }))).toEqual([cashier.id]);
    const inactive = ids(await caller.users.list({ active: false }));
    expect(inactive).toContain(gone.id);
    expect(inactive).not.toContain(cashier.id);
    const managers = await caller.users.list({ role: "MANAGER" });
    expect(ids(managers)).toContain(manager.id);
    expect(managers.every((user) => user.role === "MANAGER")).toBe(true);
    const admins = ids(await caller.users.list({ role: "ADMIN" }));
    expect(admins).toContain(me.id);
    expect(admins).not.toContain(manager.id);
    const all = await caller.users.list({});
    expect(all).toHaveLength(await t.db.user.count());
    expectNoSecrets(all);
    expect(Object.keys(all[0] ?? {}).sort()).toEqual(
      ["active", "branch", "createdAt", "email", "id", "lastLoginAt", "name", "role"].sort(),
    );
  });
});

describe("users.update", () => {
  it("changes role and branch, audits both with the admin as actor, and takes effect at once", async () => {
    const { caller, user: actor } = await admin();
    const manager = await createUser(t.db, "MANAGER");
    const asManager = createCaller(as(t.db, manager));
    await asManager.audit.list({}); // warms the manager's cached access
    const branch = await createBranch(t.db);

    const updated = await caller.users.update({ id: manager.id, role: "CASHIER", branchId: branch.id, name: "Leo" });
    expect(updated).toMatchObject({ role: "CASHIER", name: "Leo", branch: { id: branch.id } });
    expect(await auditsOf(manager.id, "user.role_changed")).toMatchObject([
      { actorId: actor.id, data: { from: "MANAGER", to: "CASHIER" } },
    ]);
    expect(await auditsOf(manager.id, "user.branch_changed")).toMatchObject([
      { actorId: actor.id, data: { from: null, to: branch.id } },
    ]);
    // Same process, same session token: the demotion is enforced on the very next call.
    await expect(asManager.audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps a cashier's branch: making someone a cashier without one, or removing it, is BAD_REQUEST", async () => {
    const { caller } = await admin();
    const manager = await createUser(t.db, "MANAGER");
    const cashier = await createUser(t.db, "CASHIER");
    const before = await peopleSnapshot(t.db);
    await expect(caller.users.update({ id: manager.id, role: "CASHIER" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.users.update({ id: cashier.id, branchId: null })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.users.update({ id: cashier.id, branchId: 999_999 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(caller.users.update({ id: 999_999, name: "Nobody" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await peopleSnapshot(t.db)).toBe(before);
    // A manager may drop their branch.
    expect(await caller.users.update({ id: manager.id, branchId: null })).toMatchObject({ branch: null });
  });

  it("does not let an admin demote or disable themselves", async () => {
    const { caller, user: me } = await admin();
    await createUser(t.db, "ADMIN");
    const before = await peopleSnapshot(t.db);
    await expect(caller.users.update({ id: me.id, role: "MANAGER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.users.disable({ id: me.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await peopleSnapshot(t.db)).toBe(before);
    expect(await caller.users.update({ id: me.id, name: "Still admin" })).toMatchObject({ role: "ADMIN" });
  });

  it("lets an admin demote another admin, but never the last active one", async () => {
    const { caller, user: last } = await admin();
    const other = await createUser(t.db, "ADMIN");
    await onlyAdmins(last.id, other.id);
    expect(await caller.users.update({ id: other.id, role: "MANAGER" })).toMatchObject({ role: "MANAGER" });

    // A script or job (not an admin session) still cannot leave the store without an admin.
    const before = await peopleSnapshot(t.db);
    await expect(updateUser(t.db, { id: last.id, role: "MANAGER" }, { id: other.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("last active admin") as string,
    });
    await expect(setUserActive(t.db, last.id, false, { id: other.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await peopleSnapshot(t.db)).toBe(before);
  });

  it("lets only one of two admins demoting each other at the same moment win", async () => {
    const a = await createUser(t.db, "ADMIN");
    const b = await createUser(t.db, "ADMIN");
    await onlyAdmins(a.id, b.id);
    // Hold both rows so the two changes start together and meet inside their transactions.
    const { racing } = await t.db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "User" WHERE id IN (${a.id}, ${b.id}) FOR UPDATE`;
      const racing = Promise.allSettled([
        updateUser(t.db, { id: b.id, role: "MANAGER" }, a),
        updateUser(t.db, { id: a.id, role: "MANAGER" }, b),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { racing }; // not awaited here: they finish only once this transaction lets go
    });
    const results = await racing;
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(await t.db.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
  });
});

describe("users.disable, enable and resetPassword", () => {
  it("disables a user (audited, locked out at once) and enables them again", async () => {
    const { caller, user: actor } = await admin();
    const cashier = await createUser(t.db, "CASHIER");
    const asCashier = createCaller(as(t.db, cashier));
    await asCashier.session.me();

    expect(await caller.users.disable({ id: cashier.id })).toMatchObject({ active: false });
    await expect(asCashier.session.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await auditsOf(cashier.id, "user.disabled")).toMatchObject([{ actorId: actor.id }]);

    expect(await caller.users.enable({ id: cashier.id })).toMatchObject({ active: true });
    expect(await asCashier.session.me()).toMatchObject({ id: cashier.id });
    await expect(caller.users.disable({ id: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("resets a password: a new hash, an audit event, and nothing secret in the reply", async () => {
    const { caller, user: actor } = await admin();
    const cashier = await createUser(t.db, "CASHIER");
    const reply = await caller.users.resetPassword({ id: cashier.id, password: "new password 1" });
    expect(reply).toEqual({ id: cashier.id });
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: cashier.id } });
    expect(await verifyPassword("new password 1", stored.passwordHash)).toBe(true);
    const events = await auditsOf(cashier.id, "user.password_reset");
    expect(events).toMatchObject([{ actorId: actor.id }]);
    expectNoSecrets(events);
    expect(JSON.stringify(events)).not.toContain("new password 1");

    const before = await peopleSnapshot(t.db);
    await expect(caller.users.resetPassword({ id: cashier.id, password: "short" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.users.resetPassword({ id: 999_999, password: "long enough" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await peopleSnapshot(t.db)).toBe(before);
  });
});
